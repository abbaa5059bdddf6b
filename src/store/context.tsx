import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ExplorerState, ExplorerStore } from './store';

const StoreContext = createContext<ExplorerStore | null>(null);

export function ExplorerStoreProvider({ store, children }: { store: ExplorerStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useExplorerStoreApi(): ExplorerStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useExplorerStore must be used inside <ExplorerStoreProvider>');
  return store;
}

/**
 * Reads from the store with a selector. Selectors must return stable references (module-level
 * selectors of stored values, useShallow for new objects) or zustand v5 re-renders forever.
 */
export function useExplorerStore<T>(selector: (state: ExplorerState) => T): T {
  return useStore(useExplorerStoreApi(), selector);
}
