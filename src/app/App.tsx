import { lazy, Suspense, useEffect } from 'react';
import { createHashRouter, Outlet, RouterProvider } from 'react-router';
import { Layout } from '../components/Layout';
import { ViewErrorBoundary } from '../components/ViewErrorBoundary';
import { fetchDataset } from '../data/load';
import type { MapLayoutFile } from '../domain/map-layout/layout-file';
import { type ExplorerStore, ExplorerStoreProvider } from '../store';
import { ExplorerPage } from './ExplorerPage';
import { NotFoundPage } from './NotFoundPage';

/**
 * The views beside the map, each loaded on demand (the first view is the map, and none of these is
 * part of it) inside its own error boundary. Each import stays a literal so the bundler splits it.
 */
const ON_DEMAND_VIEWS = [
  {
    path: '/about',
    name: 'the About page',
    View: lazy(() => import('../features/overview/OverviewPage').then((module) => ({ default: module.OverviewPage }))),
  },
  {
    path: '/funding',
    name: 'the funding view',
    View: lazy(() => import('./pages/FundingPage').then((module) => ({ default: module.FundingPage }))),
  },
  {
    path: '/compare',
    name: 'the comparison',
    View: lazy(() => import('./pages/ComparePage').then((module) => ({ default: module.ComparePage }))),
  },
  {
    path: '/tour/:step?',
    name: 'the guided tour',
    View: lazy(() => import('./pages/TourPage').then((module) => ({ default: module.TourPage }))),
  },
  {
    path: '/glossary/:term?',
    name: 'the glossary',
    View: lazy(() => import('./pages/GlossaryPage').then((module) => ({ default: module.GlossaryPage }))),
  },
  {
    path: '/sources/:id?',
    name: 'the sources page',
    View: lazy(() => import('./pages/SourcesPage').then((module) => ({ default: module.SourcesPage }))),
  },
  {
    path: '/data',
    name: 'the downloads page',
    View: lazy(() => import('./pages/DownloadsPage').then((module) => ({ default: module.DownloadsPage }))),
  },
];

function Root() {
  return (
    <Layout>
      <Outlet />
    </Layout>
  );
}

/**
 * Routes live in the hash (#/service/health-visiting?date=2015-10) so the built files work from
 * any static host or folder. The explorer is one route with child paths, so moving between the
 * map, a service and an organisation keeps the map (and its zoom) in place.
 */
export function createAppRouter() {
  return createHashRouter([
    {
      element: <Root />,
      errorElement: (
        <Layout>
          <NotFoundPage />
        </Layout>
      ),
      children: [
        {
          path: '/',
          element: <ExplorerPage />,
          children: [
            { index: true, element: null },
            { path: 'service/:id', element: null },
            { path: 'org/:id', element: null },
          ],
        },
        ...ON_DEMAND_VIEWS.map(({ path, name, View }) => ({
          path,
          element: (
            <ViewErrorBoundary name={name}>
              <Suspense fallback={<p role="status">Loading…</p>}>
                <View />
              </Suspense>
            </ViewErrorBoundary>
          ),
        })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

/** Loads the dataset (and the map's layout) once into the store; the page shows what the store holds. */
function useDatasetLoader(store: ExplorerStore, dataBaseUrl: string) {
  useEffect(() => {
    let cancelled = false;
    // The map's ahead-of-time layout comes with the data, and is handed over first (see the store).
    // Without it the map computes its own.
    const layout = fetch(`${dataBaseUrl}data/map-layout.json`)
      .then((response) => (response.ok ? (response.json() as Promise<MapLayoutFile>) : null))
      .catch(() => null);
    void Promise.all([fetchDataset(dataBaseUrl), layout]).then(([result, mapLayout]) => {
      if (cancelled) return;
      store.getState().receiveMapLayout(mapLayout);
      store.getState().receiveLoadResult(result);
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
      <ViewErrorBoundary name="the explorer">
        <RouterProvider router={appRouter} />
      </ViewErrorBoundary>
    </ExplorerStoreProvider>
  );
}

const appRouter = createAppRouter();
