/** Opening the funding view with no year in the address: the year with the most figures, not the latest. */
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { FundingPage } from '../../src/app/pages/FundingPage';
import { financialYearToParam, yearWithMostFigures } from '../../src/domain/funding';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset } from '../support/real-dataset';

describe('FundingPage without ?year=', () => {
  it('opens on the year with the most figures when the chosen month (the last, by default) has none', async () => {
    const result = loadRealDataset();
    if (!result.ok) throw new Error('the real dataset must load');
    const opening = yearWithMostFigures(result.dataset.funding)!;
    const store = createExplorerStore({ month: '2018-04' });
    store.getState().receiveLoadResult(result);
    const router = createMemoryRouter([{ path: '/funding', element: <FundingPage /> }], { initialEntries: ['/funding'] });
    render(
      <ExplorerStoreProvider store={store}>
        <RouterProvider router={router} />
      </ExplorerStoreProvider>,
    );
    expect(await screen.findByRole('heading', { name: `Funding flows in ${opening}` })).toBeInTheDocument();
    expect(opening).not.toBe('2017/18');
    expect(
      screen.getByText(new RegExp(`Showing ${opening.replace('/', '\\/')}, the year with the most figures`)),
    ).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?year=${financialYearToParam(opening)}`);
  });
});
