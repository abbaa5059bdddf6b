import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DatasetGate } from '../../src/app/DatasetGate';
import { parseDataset } from '../../src/data/load';
import { OverviewPage } from '../../src/features/overview/OverviewPage';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { miniDataset } from '../fixtures/mini-dataset';

/** The About page under the app's loading gate, which shows the loading status and a dataset's problems. */
function renderWith(store = createExplorerStore()) {
  render(
    <ExplorerStoreProvider store={store}>
      <MemoryRouter initialEntries={['/about']}>
        <DatasetGate>
          <OverviewPage />
        </DatasetGate>
      </MemoryRouter>
    </ExplorerStoreProvider>,
  );
  return store;
}

describe('OverviewPage', () => {
  it('says it is loading until the dataset arrives', () => {
    renderWith();
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
  });

  it('shows the size and date range of a valid dataset', () => {
    const store = createExplorerStore();
    store.getState().receiveLoadResult(parseDataset(miniDataset()));
    renderWith(store);
    expect(screen.getByTestId('coverage')).toHaveTextContent('January 2012 to December 2016');
    const sizes = within(screen.getByRole('list', { name: 'Dataset size' }));
    expect(sizes.getByText('4', { exact: true }).parentElement).toHaveTextContent('4 organisations and kinds of body');
    expect(sizes.getByText(/services/).parentElement).toHaveTextContent('1 services');
    expect(sizes.getByText(/events/).parentElement).toHaveTextContent('2 events');
    expect(store.getState().month).toBe('2016-12');
  });

  it('lists every problem of an invalid dataset with its file, path and reason', () => {
    const data = miniDataset();
    data.commissioning[0]!.commissioner = 'nobody';
    data.services[0]!.sources = [{ id: 'nowhere' }];
    const store = createExplorerStore();
    store.getState().receiveLoadResult(parseDataset(data));
    renderWith(store);
    const alert = screen.getByRole('alert');
    // The records are still summarised below the list.
    expect(screen.getByTestId('coverage')).toBeInTheDocument();
    expect(alert).toHaveTextContent(/The dataset has 2 problems/);
    expect(alert).toHaveTextContent(
      'data/commissioning.json at [0].commissioner: refers to the organisation "nobody", which does not exist',
    );
    expect(alert).toHaveTextContent('data/services.json at [0].sources[0].id: cites the source "nowhere"');
  });
});
