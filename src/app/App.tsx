import { useEffect } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from '../components/Layout';
import { fetchDataset } from '../data/load';
import { OverviewPage } from '../features/overview/OverviewPage';
import { type ExplorerStore, ExplorerStoreProvider } from '../store';
import { NotFoundPage } from './NotFoundPage';

const router = createBrowserRouter([
  { path: '/', element: <OverviewPage /> },
  { path: '*', element: <NotFoundPage /> },
]);

/** Loads the dataset once into the store; the page shows what the store holds. */
function useDatasetLoader(store: ExplorerStore, dataBaseUrl: string) {
  useEffect(() => {
    let cancelled = false;
    void fetchDataset(dataBaseUrl).then((result) => {
      if (!cancelled) store.getState().receiveLoadResult(result);
    });
    return () => {
      cancelled = true;
    };
  }, [store, dataBaseUrl]);
}

export function App({ store, dataBaseUrl }: { store: ExplorerStore; dataBaseUrl: string }) {
  useDatasetLoader(store, dataBaseUrl);
  return (
    <ExplorerStoreProvider store={store}>
      <Layout>
        <RouterProvider router={router} />
      </Layout>
    </ExplorerStoreProvider>
  );
}
