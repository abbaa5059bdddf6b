import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DatasetGate } from '../../src/app/DatasetGate';
import { FundingPage } from '../../src/app/pages/FundingPage';
import { FundingView } from '../../src/features/funding';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset } from '../support/real-dataset';

function loadedStore(month: string) {
  const store = createExplorerStore({ month });
  store.getState().receiveLoadResult(loadRealDataset());
  return store;
}

function renderView(month: string) {
  const store = loadedStore(month);
  render(
    <ExplorerStoreProvider store={store}>
      <FundingView />
    </ExplorerStoreProvider>,
  );
  return store;
}

function renderPage(address: string, store = loadedStore('2018-04')) {
  const router = createMemoryRouter([{ path: '/funding', element: <FundingPage /> }], { initialEntries: [address] });
  render(
    <ExplorerStoreProvider store={store}>
      <RouterProvider router={router} />
    </ExplorerStoreProvider>,
  );
  return { store, router };
}

const table = () => screen.getByRole('table', { name: /every funding figure for 2015\/16/i });
const rowOf = (text: RegExp) =>
  within(table())
    .getAllByRole('row')
    .find((row) => text.test(row.textContent ?? ''));

describe('FundingView', () => {
  it('lists every figure of the year in the table with its amount in £bn, year, basis and source', () => {
    renderView('2015-10');
    const rows = within(table()).getAllByRole('row').slice(1);
    // Seven figures for 2015/16, each its own row: none summed.
    expect(rows).toHaveLength(7);
    const treasury = rowOf(/HM Treasury/)!;
    expect(treasury).toHaveTextContent('£116.4bn');
    expect(treasury).toHaveTextContent('2015/16');
    expect(treasury).toHaveTextContent('allocation (money given to spend)');
    expect(within(treasury).getByText('The NHS budget and how it has changed')).toBeInTheDocument();
    expect(within(treasury).getByRole('link', { name: 'HM Treasury' })).toHaveAttribute('href', '#/org/hm-treasury?date=2015-10');
  });

  it('shows a share as a share, not as an amount', () => {
    renderView('2015-10');
    const share = within(table())
      .getAllByRole('row')
      .find((row) => /Share: over 80 per cent of the Department of Health's total spend/.test(row.textContent ?? ''));
    expect(share).toBeDefined();
    expect(share).not.toHaveTextContent('£');
  });

  it('keeps two figures for the same flow on their own bases: one drawn, the other marked not added', () => {
    renderView('2015-10');
    const pledge = rowOf(/£3\.8bn/)!;
    expect(pledge).toHaveTextContent('pledge (money promised)');
    expect(pledge).toHaveTextContent('Not drawn: same flow, not added');
    expect(rowOf(/£5\.3bn/)).not.toHaveTextContent('Not drawn');
    // In the picture: one link, labelled with both, and no £9.1bn anywhere.
    expect(document.querySelectorAll('[data-link-id="clinical-commissioning-groups→better-care-fund"]')).toHaveLength(1);
    expect(document.body.textContent).not.toContain('9.1');
  });

  it('marks a contested figure "Sources differ" with its reason', () => {
    renderView('2015-10');
    const treasury = rowOf(/HM Treasury/)!;
    expect(within(treasury).getAllByText(/Sources differ/).length).toBeGreaterThan(0);
    expect(treasury).toHaveTextContent(
      /Another source gives the Department of Health's total budget for 2015\/16 as £98\.9 billion/,
    );
  });

  it('shows a link’s figure, year, basis and source on hover and on focus', async () => {
    renderView('2015-10');
    const details = screen.getByTestId('funding-details');
    expect(details).toHaveTextContent(/point at a band/i);
    const link = screen.getByRole('img', { name: /^Department of Health to NHS England, 2015\/16: £104\.4bn/ });
    expect(link).toHaveAccessibleName(/Also given, not added: as a share, over 80 per cent/);
    expect(link).toHaveAccessibleName(/Source: .*False economy/);
    fireEvent.mouseEnter(link);
    expect(details).toHaveTextContent('Department of Health → NHS England, 2015/16');
    expect(details).toHaveTextContent('£104.4bn');
    expect(details).toHaveTextContent('allocation (money given to spend)');
    expect(details).toHaveTextContent("NHS England's total budget for 2015/16.");

    fireEvent.mouseLeave(link.closest('svg')!);
    const user = userEvent.setup();
    const treasury = screen.getByRole('img', { name: /^HM Treasury to Department of Health/ });
    await act(async () => treasury.focus());
    expect(details).toHaveTextContent('HM Treasury → Department of Health, 2015/16');
    expect(details).toHaveTextContent('Sources differ');
    await user.tab();
    expect(details).not.toHaveTextContent('HM Treasury → Department of Health');
  });

  it("draws a body's own money into a box of its own, and says why", () => {
    renderView('2015-10');
    expect(
      screen.getByRole('img', { name: /^NHS England, money it keeps or spends itself, 2015\/16: £14\.6bn/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/drawn into a white box of its own/)).toBeInTheDocument();
  });

  it('says which flows have no figure this year, and where figures do not add up', () => {
    renderView('2015-10');
    expect(screen.getByTestId('funding-missing')).toHaveTextContent(
      'No figure in the dataset for 2015/16: NHS England to Clinical commissioning groups',
    );
    expect(
      screen.getByRole('img', { name: /NHS England to Clinical commissioning groups: no figure in the dataset for 2015\/16/ }),
    ).toBeInTheDocument();
    const imbalances = screen.getAllByTestId('funding-imbalance');
    expect(imbalances[0]).toHaveTextContent('into it £116.4bn, out of it £104.4bn and £3.23bn');
  });

  it('says so for a year without figures, and offers the years it has', async () => {
    const store = renderView('2011-06');
    expect(screen.getByText('No funding figures in the dataset for 2011/12.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const years = screen.getByRole('group', { name: 'Financial years with figures' });
    expect(
      within(years)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['2013/14', '2014/15', '2015/16', '2016/17', '2017/18']);
    await userEvent.setup().click(within(years).getByRole('button', { name: '2016/17' }));
    expect(store.getState().month).toBe('2016-04');
    expect(screen.getByRole('heading', { name: 'Funding flows in 2016/17' })).toBeInTheDocument();
    const chosen = within(years).getByRole('button', { name: '2016/17' });
    expect(chosen).toHaveAttribute('aria-pressed', 'true');
    // The button stays where it was, with the focus, for a keyboard user.
    expect(chosen).toHaveFocus();
  });
});

describe('FundingPage', () => {
  it('says it is loading until the dataset arrives (the loading gate’s)', () => {
    const router = createMemoryRouter(
      [
        {
          path: '/funding',
          element: (
            <DatasetGate>
              <FundingPage />
            </DatasetGate>
          ),
        },
      ],
      { initialEntries: ['/funding?year=2015-16'] },
    );
    render(
      <ExplorerStoreProvider store={createExplorerStore()}>
        <RouterProvider router={router} />
      </ExplorerStoreProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
  });

  it('reads ?year= into the month, and writes the year back when the month moves, keeping embed=1', async () => {
    const { store, router } = renderPage('/funding?year=2015-16&embed=1');
    expect(store.getState().month).toBe('2015-04');
    expect(screen.getByRole('heading', { name: 'Funding flows in 2015/16' })).toBeInTheDocument();
    await act(async () => store.getState().setMonth('2015-11'));
    // Same financial year: the address stays.
    expect(router.state.location.search).toBe('?year=2015-16&embed=1');
    await act(async () => store.getState().setMonth('2013-06'));
    // Written a moment later, as a month step's address is.
    await waitFor(() => expect(router.state.location.search).toBe('?year=2013-14&embed=1'));
    expect(store.getState().month).toBe('2013-06');
    expect(screen.getByRole('heading', { name: 'Funding flows in 2013/14' })).toBeInTheDocument();
  });

  it('shows a notice and the nearest year with figures for an unknown year', () => {
    const { store, router } = renderPage('/funding?year=2030-31');
    expect(screen.getByText(/2030\/31, which is outside the dataset.*Showing 2017\/18/)).toBeInTheDocument();
    expect(store.getState().month).toBe('2017-04');
    expect(router.state.location.search).toBe('?year=2017-18');
  });
});
