import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/data/load';
import { OverviewPage } from '../../src/features/overview/OverviewPage';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { miniDataset } from '../fixtures/mini-dataset';

function renderWith(store = createExplorerStore()) {
  render(
    <ExplorerStoreProvider store={store}>
      <OverviewPage />
    </ExplorerStoreProvider>,
  );
  return store;
}

describe('OverviewPage', () => {
  it('says it is loading until the dataset arrives', () => {
    renderWith();
    expect(screen.getByRole('status')).toHaveTextContent('Loading the dataset');
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
    expect(alert).toHaveTextContent(/The dataset has 2 problems/);
    expect(alert).toHaveTextContent(
      'data/commissioning.json at [0].commissioner: refers to the organisation "nobody", which does not exist',
    );
    expect(alert).toHaveTextContent('data/services.json at [0].sources[0].id: cites the source "nowhere"');
  });
});
