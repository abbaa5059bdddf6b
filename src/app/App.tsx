import { useEffect } from 'react';
import { HashRouter } from 'react-router';
import { ViewErrorBoundary } from '../components/ViewErrorBoundary';
import type { MapLayoutFile } from '../domain/map-layout/layout-file';
import { type ExplorerStore, ExplorerStoreProvider } from '../store';
import { fetchStartedEarly } from './early-start';
import { loadDataset } from './load-dataset';
import { AppRoutes } from './routes';
import { preloadPanelsFor } from './selection-panels';
import { prepareCompareText } from '../lib/compare-text';
import { whenIdle } from '../components/after-paint';

/**
 * Loads the dataset (and the map's layout) once into the store, for every page; DatasetGate shows
 * the page's skeleton until it arrives.
 */
function useDatasetLoader(store: ExplorerStore, dataBaseUrl: string) {
  useEffect(() => {
    let cancelled = false;
    // A panel named in the address loads alongside the data, so it is ready when the data is.
    preloadPanelsFor(window.location.hash);
    // The map's ahead-of-time layout comes with the data, and is handed over first (see the store).
    // Without it the map computes its own.
    const layout = fetchStartedEarly(`${dataBaseUrl}data/map-layout.json`)
      .then((response) => (response.ok ? (response.json() as Promise<MapLayoutFile>) : null))
      .catch(() => null);
    // While the data loads the page is idle: the collator the lists sort with is made then.
    const cancelIdle = whenIdle(prepareCompareText);
    void Promise.all([loadDataset(dataBaseUrl), layout]).then(([result, mapLayout]) => {
      if (cancelled) return;
      store.getState().receiveMapLayout(mapLayout);
      store.getState().receiveLoadResult(result);
    });
    return () => {
      cancelled = true;
      cancelIdle();
    };
  }, [store, dataBaseUrl]);
}

export function App({ store, dataBaseUrl }: { store: ExplorerStore; dataBaseUrl: string }) {
  useDatasetLoader(store, dataBaseUrl);
  return (
    <ExplorerStoreProvider store={store}>
      <ViewErrorBoundary name="the explorer">
        <HashRouter>
          <AppRoutes />
        </HashRouter>
      </ViewErrorBoundary>
    </ExplorerStoreProvider>
  );
}
