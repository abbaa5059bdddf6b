/** Module-level selectors: each returns a value already in the store, so its reference is stable. */
import type { ExplorerState } from './store';

export const selectData = (state: ExplorerState) => state.data;
export const selectMonth = (state: ExplorerState) => state.month;
export const selectReceiveLoadResult = (state: ExplorerState) => state.receiveLoadResult;
export const selectDataset = (state: ExplorerState) => (state.data.status === 'ready' ? state.data.dataset : undefined);
