/**
 * The store's view mirrors the address: features ask for a month or a view, and the page that owns
 * the address (its navigation) decides; only `showView` (the page reading its address) sets the
 * selection. With no page installed (a component on its own), the wishes simply set the store.
 */
import { describe, expect, it, vi } from 'vitest';
import { createExplorerStore, type ViewNavigation } from '../../src/store';

describe('the store’s view', () => {
  it('shows a month at once, clears the address’s notice, and tells the page so that the address follows', () => {
    const store = createExplorerStore({ month: '2013-04' });
    const navigation: ViewNavigation = { monthChanged: vi.fn(), open: vi.fn() };
    store.getState().installNavigation(navigation);
    store.getState().showView({ notice: 'The address asked for January 2030…' });
    store.getState().setMonth('2015-10');
    expect(store.getState().month).toBe('2015-10');
    expect(store.getState().addressNotice).toBeNull();
    expect(navigation.monthChanged).toHaveBeenCalledWith('2015-10');
    // The month already shown is no change.
    store.getState().setMonth('2015-10');
    expect(navigation.monthChanged).toHaveBeenCalledTimes(1);
  });

  it('asks the page to open a view rather than changing the selection itself', () => {
    const store = createExplorerStore({ month: '2013-04' });
    const navigation: ViewNavigation = { monthChanged: vi.fn(), open: vi.fn() };
    store.getState().installNavigation(navigation);
    store.getState().select({ kind: 'service', id: 'health-visiting' });
    expect(navigation.open).toHaveBeenCalledWith({ kind: 'service', id: 'health-visiting' });
    expect(store.getState().selection).toBeNull();
    store.getState().showView({ selection: { kind: 'service', id: 'health-visiting' }, notice: null });
    expect(store.getState().selection).toEqual({ kind: 'service', id: 'health-visiting' });
  });

  it('without a page, selects in the store; showView keeps what it is not given and changes nothing needlessly', () => {
    const store = createExplorerStore({ month: '2013-04' });
    store.getState().select({ kind: 'organisation', id: 'nhse' });
    expect(store.getState().selection).toEqual({ kind: 'organisation', id: 'nhse' });
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().showView({ selection: { kind: 'organisation', id: 'nhse' }, notice: null });
    expect(listener).not.toHaveBeenCalled();
    store.getState().showView({ month: '2016-01', notice: null });
    expect(store.getState()).toMatchObject({ month: '2016-01', selection: { kind: 'organisation', id: 'nhse' } });
  });
});
