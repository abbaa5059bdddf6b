/** Module-level selectors: each returns a value already in the store, so its reference is stable. */
import type { ExplorerState } from './store';

export const selectData = (state: ExplorerState) => state.data;
export const selectMonth = (state: ExplorerState) => state.month;
export const selectReceiveLoadResult = (state: ExplorerState) => state.receiveLoadResult;
/**
 * The dataset to show: a valid one, or one that parsed but breaks integrity rules (the page lists
 * its problems above the explorer); undefined while loading or when no file set could be parsed.
 */
export const selectDataset = (state: ExplorerState) => (state.data.status === 'loading' ? undefined : state.data.dataset);
export const selectSelection = (state: ExplorerState) => state.selection;
export const selectFilters = (state: ExplorerState) => state.filters;
export const selectSetMonth = (state: ExplorerState) => state.setMonth;
export const selectSelect = (state: ExplorerState) => state.select;
export const selectSetFilters = (state: ExplorerState) => state.setFilters;
export const selectMapLayout = (state: ExplorerState) => state.mapLayout;
export const selectAddressNotice = (state: ExplorerState) => state.addressNotice;
export const selectDismissAddressNotice = (state: ExplorerState) => state.dismissAddressNotice;
