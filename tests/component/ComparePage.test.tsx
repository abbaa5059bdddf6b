import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DatasetGate } from '../../src/app/DatasetGate';
import { ComparePage } from '../../src/app/pages/ComparePage';
import { parseDataset } from '../../src/data/load';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { miniDataset } from '../fixtures/mini-dataset';

function setUp(initialAddress: string, { loaded = true } = {}) {
  const store = createExplorerStore();
  if (loaded) store.getState().receiveLoadResult(parseDataset(miniDataset()));
  const router = createMemoryRouter(
    [
      {
        path: '/compare',
        element: (
          <DatasetGate>
            <ComparePage />
          </DatasetGate>
        ),
      },
      { path: '*', element: <p>Another view</p> },
    ],
    { initialEntries: [initialAddress] },
  );
  render(
    <ExplorerStoreProvider store={store}>
      <RouterProvider router={router} />
    </ExplorerStoreProvider>,
  );
  const address = () => `${router.state.location.pathname}${router.state.location.search}`;
  return { store, router, address };
}

const group = (name: RegExp) => screen.getByRole('region', { name });
/** The page's notice about a corrected address (the map has live regions of its own). */
const notice = () => screen.queryAllByRole('status').find((element) => element.textContent?.startsWith('Information:'));

describe('ComparePage', () => {
  it('says it is loading until the dataset arrives (the loading gate’s)', () => {
    setUp('/compare?from=2012-06&to=2016-06', { loaded: false });
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
  });

  it('lists the changes grouped by kind, with health visiting’s steps and their events', async () => {
    setUp('/compare?from=2012-06&to=2016-06');
    await act(async () => {});
    expect(screen.getByRole('heading', { level: 1, name: 'Compare two dates' })).toBeInTheDocument();
    expect(
      screen.getByText(
        /^Between June 2012 and June 2016: 2 bodies and arrangements came into being, 1 ended, 1 service changed commissioner/,
      ),
    ).toBeInTheDocument();

    const began = within(group(/^Came into being \(2\)/));
    expect(began.getByRole('link', { name: 'NHS Commissioning Board' })).toHaveAttribute('href', '#/org/nhse?date=2016-06');
    expect(began.getByRole('link', { name: 'Clinical commissioning groups' })).toBeInTheDocument();
    expect(began.getByText('(named NHS England by June 2016)')).toBeInTheDocument();
    expect(within(group(/^Ended \(1\)/)).getByText(/Last in force in March 2013; ended by/)).toBeInTheDocument();

    const moved = within(group(/^Changed commissioner \(1\)/));
    expect(moved.getByRole('heading', { name: 'Public health (1)' })).toBeInTheDocument();
    expect(moved.getByRole('link', { name: 'Health visiting' })).toHaveAttribute(
      'href',
      '#/service/health-visiting?date=2016-06',
    );
    const steps = moved.getAllByRole('listitem').filter((item) => item.closest('ol'));
    expect(steps.map((step) => step.textContent)).toEqual([
      'Primary care trusts →  to NHS England, April 2013, by New system goes live (1 April 2013)',
      'NHS England →  to Local authorities, October 2015, by Health visiting moves to councils (1 October 2015)',
    ]);
    expect(moved.getByRole('link', { name: 'Health visiting moves to councils' })).toHaveAttribute('href', '#/?date=2015-10');
    expect(moved.getByText(/^Sources/)).toBeInTheDocument();

    const counts = within(group(/^Counts that changed \(1\)/));
    expect(counts.getByText(/June 2012: not yet in being/)).toHaveTextContent('June 2016: 209 (as of April 2015)');
  });

  it('changes the comparison when a picker changes, writing the address', async () => {
    const { address } = setUp('/compare?from=2012-06&to=2016-06');
    await act(async () => {});
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('From'), '2015-09');
    expect(address()).toBe('/compare?from=2015-09&to=2016-06');
    expect(screen.getByText(/^Between September 2015 and June 2016:/)).toBeInTheDocument();
    expect(within(group(/^Came into being/)).getByText('None.')).toBeInTheDocument();
    expect(
      within(group(/^Changed commissioner \(1\)/))
        .getAllByRole('listitem')
        .filter((item) => item.closest('ol')),
    ).toHaveLength(1);

    await user.selectOptions(screen.getByLabelText('To'), '2015-09');
    expect(address()).toBe('/compare?from=2015-09&to=2015-09');
    expect(screen.getByText(/September 2015 is compared with itself: nothing changes/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Changed commissioner/ })).not.toBeInTheDocument();
  });

  it('offers no From month after To, nor a To month before From', async () => {
    setUp('/compare?from=2013-04&to=2015-10');
    await act(async () => {});
    const fromOptions = within(screen.getByLabelText('From')).getAllByRole('option') as HTMLOptionElement[];
    const toOptions = within(screen.getByLabelText('To')).getAllByRole('option') as HTMLOptionElement[];
    expect(fromOptions.find((option) => option.value === '2015-11')?.disabled).toBe(true);
    expect(fromOptions.find((option) => option.value === '2015-10')?.disabled).toBe(false);
    expect(toOptions.find((option) => option.value === '2013-03')?.disabled).toBe(true);
    expect(toOptions.find((option) => option.value === '2013-04')?.disabled).toBe(false);
  });

  it('corrects an odd address with a notice that stays after the correction, and keeps embed=1', async () => {
    const { address } = setUp('/compare?from=2030-01&to=2012-06&embed=1');
    await act(async () => {});
    expect(address()).toBe('/compare?from=2012-06&to=2016-12&embed=1');
    expect(notice()).toHaveTextContent('The address asked for January 2030, which is outside the dataset');
    expect(notice()).toHaveTextContent('the two were swapped');
    expect(screen.getByLabelText('From')).toHaveValue('2012-06');
    expect(screen.getByLabelText('To')).toHaveValue('2016-12');

    // A choice made afterwards is not odd: the notice goes, the embed mode stays.
    await userEvent.setup().selectOptions(screen.getByLabelText('To'), '2016-06');
    expect(address()).toBe('/compare?from=2012-06&to=2016-06&embed=1');
    expect(notice()).toBeUndefined();
  });

  it('fills in a bare address with March and April 2013, when the 2012 reforms took effect', async () => {
    const { address } = setUp('/compare');
    await act(async () => {});
    expect(address()).toBe('/compare?from=2013-03&to=2013-04');
    expect(notice()).toBeUndefined();
  });

  it('opens what is chosen on the map in the explorer, at the later month, as a new history entry', async () => {
    const { store, router, address } = setUp('/compare?from=2012-06&to=2016-06&embed=1');
    await act(async () => {});
    await act(async () => store.getState().select({ kind: 'organisation', id: 'nhse' }));
    expect(address()).toBe('/org/nhse?date=2016-06&embed=1');
    expect(router.state.historyAction).toBe('PUSH');
  });
});
