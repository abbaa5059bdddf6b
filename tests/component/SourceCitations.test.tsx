/**
 * Citations name what a reader can find and cite (title, publisher or kind of text, date, address
 * where there is one), never the file a document is stored under or a note for the dataset.
 */
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SourcesPage } from '../../src/app/pages/SourcesPage';
import { Citations } from '../../src/components/Citations';
import { ServicePanel } from '../../src/features/services/panels';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset } from '../support/real-dataset';

const FILE_NAME = /\d{3}_[0-9a-f]{16}\.txt/;
const DATASET_NOTE = /not named in the stored text/;

function loadedStore(month = '2015-10') {
  const store = createExplorerStore({ month });
  store.getState().receiveLoadResult(loadRealDataset());
  return store;
}

describe('citations of the five documents', () => {
  it('give the title, the kind of text and the date, not the file name', () => {
    render(
      <ExplorerStoreProvider store={loadedStore()}>
        <Citations citations={[{ id: 'brief-intro-2015', quote: 'a quoted phrase' }]} />
      </ExplorerStoreProvider>,
    );
    const item = screen.getByRole('listitem');
    expect(item).toHaveTextContent('Commissioning Health Services: a Brief Introduction, explainer article, 2015/16');
    expect(item.textContent).not.toMatch(FILE_NAME);
    expect(item.textContent).not.toMatch(DATASET_NOTE);
  });

  it('give an external source its title (linked to its address), publisher and date', () => {
    render(
      <ExplorerStoreProvider store={loadedStore()}>
        <Citations citations={[{ id: 'ext-nhs-cba-ccg-configurations', quote: 'q' }]} />
      </ExplorerStoreProvider>,
    );
    const link = screen.getByRole('link', { name: /Clinical commissioning groups: proposed configurations agreed/ });
    expect(link).toHaveAttribute('href', 'http://www.england.nhs.uk/2012/05/31/ccg-configs-agreed/');
    expect(screen.getByRole('listitem')).toHaveTextContent(/, NHS England \(NHS Commissioning Board Authority\), 2012\/05\/31/);
  });

  it('never show a file name or a dataset note in a service panel', () => {
    render(
      <ExplorerStoreProvider store={loadedStore()}>
        <ServicePanel serviceId="health-visiting" />
      </ExplorerStoreProvider>,
    );
    expect(screen.getAllByText(/explainer article, 2015\/16/).length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toMatch(FILE_NAME);
    expect(document.body.textContent).not.toMatch(DATASET_NOTE);
  });

  it('never show a file name or a dataset note on the sources page, which says where a document has no address', () => {
    const router = createMemoryRouter([{ path: '/sources/:id?', element: <SourcesPage /> }], {
      initialEntries: ['/sources/brief-intro-2015'],
    });
    render(
      <ExplorerStoreProvider store={loadedStore()}>
        <RouterProvider router={router} />
      </ExplorerStoreProvider>,
    );
    const item = document.querySelector('.app-sources__item--chosen');
    expect(item).toHaveTextContent(/Explainer article, 2015\/16 \(it calls the Five Year Forward View/);
    expect(item).toHaveTextContent('One of the five documents the dataset is built from; the dataset gives no address for it.');
    expect(document.body.textContent).not.toMatch(FILE_NAME);
    expect(document.body.textContent).not.toMatch(DATASET_NOTE);
  });
});
