/** Module-level selectors: each returns a value already in the store, so its reference is stable. */
import type { ExplorerState } from './store';

export const selectData = (state: ExplorerState) => state.data;
export const selectMonth = (state: ExplorerState) => state.month;
export const selectReceiveLoadResult = (state: ExplorerState) => state.receiveLoadResult;
export const selectDataset = (state: ExplorerState) => (state.data.status === 'ready' ? state.data.dataset : undefined);
export const selectSelection = (state: ExplorerState) => state.selection;
export const selectFilters = (state: ExplorerState) => state.filters;
export const selectSetMonth = (state: ExplorerState) => state.setMonth;
export const selectSelect = (state: ExplorerState) => state.select;
export const selectSetFilters = (state: ExplorerState) => state.setFilters;
