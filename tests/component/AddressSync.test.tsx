import { act, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useAddressSync } from '../../src/app/useAddressSync';
import { parseDataset } from '../../src/data/load';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { miniDataset } from '../fixtures/mini-dataset';

function Probe() {
  const { dateNotice } = useAddressSync();
  const location = useLocation();
  return (
    <>
      <span data-testid="address">{`${location.pathname}${location.search}`}</span>
      {dateNotice ? <p role="status">{dateNotice}</p> : null}
    </>
  );
}

function setUp(initialAddress: string) {
  const store = createExplorerStore();
  store.getState().receiveLoadResult(parseDataset(miniDataset()));
  const router = createMemoryRouter([{ path: '*', element: <Probe /> }], { initialEntries: [initialAddress] });
  render(
    <ExplorerStoreProvider store={store}>
      <RouterProvider router={router} />
    </ExplorerStoreProvider>,
  );
  const address = () => screen.getByTestId('address').textContent;
  return { store, router, address };
}

describe('useAddressSync', () => {
  it('reads the month and selection from the address', async () => {
    const { store, address } = setUp('/service/health-visiting?date=2015-10');
    await act(async () => {});
    expect(store.getState().month).toBe('2015-10');
    expect(store.getState().selection).toEqual({ kind: 'service', id: 'health-visiting' });
    expect(address()).toBe('/service/health-visiting?date=2015-10');
  });

  it('corrects a bad date in the address and says why', async () => {
    const { store, address } = setUp('/?date=2020-02&date=2013-01');
    await act(async () => {});
    expect(store.getState().month).toBe('2016-12');
    expect(address()).toBe('/?date=2016-12');
    expect(screen.getByRole('status')).toHaveTextContent('February 2020, which is outside the dataset');
  });

  it('writes store changes to the address: months replace, selections push', async () => {
    const { store, router, address } = setUp('/?date=2013-04');
    await act(async () => {});
    await act(async () => store.getState().select({ kind: 'organisation', id: 'nhse' }));
    await act(async () => store.getState().setMonth('2014-01'));
    await waitFor(() => expect(address()).toBe('/org/nhse?date=2014-01'));
    await act(async () => router.navigate(-1));
    expect(address()).toBe('/?date=2013-04');
    expect(store.getState().selection).toBeNull();
    expect(store.getState().month).toBe('2013-04');
  });

  it('keeps the address and the store in agreement after rapid scrubbing', async () => {
    const { store, address } = setUp('/?date=2012-01');
    await act(async () => {});
    const months = ['2012-02', '2012-03', '2013-04', '2013-05', '2015-10', '2014-01', '2016-12', '2012-07'];
    await act(async () => {
      for (const month of months) store.getState().setMonth(month);
    });
    // The months are not each written to the address as they go by (each write is slow in a
    // browser): the last one is, once they stop.
    expect(address()).toBe('/?date=2012-01');
    await act(async () => {});
    expect(store.getState().month).toBe('2012-07');
    await waitFor(() => expect(address()).toBe('/?date=2012-07'));
  });

  it('writes the month being left before a new view is pushed, so Back returns to it', async () => {
    const { store, router, address } = setUp('/?date=2012-01');
    await act(async () => {});
    await act(async () => store.getState().setMonth('2015-10'));
    await act(async () => store.getState().select({ kind: 'service', id: 'health-visiting' }));
    expect(address()).toBe('/service/health-visiting?date=2015-10');
    await act(async () => router.navigate(-1));
    expect(address()).toBe('/?date=2015-10');
    expect(store.getState().selection).toBeNull();
  });

  it('keeps the embed mode (embed=1) in every address it writes', async () => {
    const { store, router, address } = setUp('/?embed=1&date=2013-04');
    await act(async () => {});
    expect(address()).toBe('/?date=2013-04&embed=1');
    await act(async () => {
      for (const month of ['2013-05', '2013-06', '2014-01']) store.getState().setMonth(month);
    });
    await waitFor(() => expect(address()).toBe('/?date=2014-01&embed=1'));
    await act(async () => store.getState().select({ kind: 'service', id: 'health-visiting' }));
    expect(address()).toBe('/service/health-visiting?date=2014-01&embed=1');
    await act(async () => router.navigate(-1));
    expect(address()).toBe('/?date=2014-01&embed=1');
    expect(store.getState().selection).toBeNull();
  });
});
