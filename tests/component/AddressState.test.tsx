import { act, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { EXPLORER_ADDRESS } from '../../src/app/address';
import { useAddressState } from '../../src/app/useAddressState';
import { parseDataset } from '../../src/data/load';
import { createExplorerStore, ExplorerStoreProvider, selectAddressNotice, useExplorerStore } from '../../src/store';
import { miniDataset } from '../fixtures/mini-dataset';

function Probe() {
  useAddressState(EXPLORER_ADDRESS);
  const notice = useExplorerStore(selectAddressNotice);
  const location = useLocation();
  return (
    <>
      <span data-testid="address">{`${location.pathname}${location.search}`}</span>
      {notice ? <p role="status">{notice}</p> : null}
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

describe('useAddressState: the address owns the month and the selection', () => {
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

  it('keeps the notice through the correction, and a new month clears it', async () => {
    const { store, address } = setUp('/?date=2030-01&utm=x');
    await act(async () => {});
    expect(address()).toBe('/?date=2016-12');
    expect(screen.getByRole('status')).toHaveTextContent(/January 2030, which is outside the dataset.*“utm”/);
    await act(async () => store.getState().setMonth('2014-01'));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('changes the selection only by navigation: select() pushes the view’s address', async () => {
    const { store, router, address } = setUp('/?date=2013-04');
    await act(async () => {});
    await act(async () => store.getState().select({ kind: 'service', id: 'health-visiting' }));
    expect(router.state.historyAction).toBe('PUSH');
    expect(address()).toBe('/service/health-visiting?date=2013-04');
    expect(store.getState().selection).toEqual({ kind: 'service', id: 'health-visiting' });
    // Choosing the view already shown adds nothing.
    await act(async () => store.getState().select({ kind: 'service', id: 'health-visiting' }));
    await act(async () => router.navigate(-1));
    expect(address()).toBe('/?date=2013-04');
  });

  it('lets an address from elsewhere win over a month still waiting to be written', async () => {
    const { store, router, address } = setUp('/?date=2012-01');
    await act(async () => {});
    await act(async () => router.navigate('/org/nhse?date=2013-04'));
    await act(async () => store.getState().setMonth('2015-10'));
    await act(async () => router.navigate(-1));
    expect(address()).toBe('/?date=2012-01');
    expect(store.getState().month).toBe('2012-01');
    expect(store.getState().selection).toBeNull();
    // The month that was waiting is never written.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(address()).toBe('/?date=2012-01');
  });
});
