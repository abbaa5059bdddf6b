import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { createHashRouter, Outlet, RouterProvider } from 'react-router';
import { Layout } from '../components/Layout';
import { ViewErrorBoundary } from '../components/ViewErrorBoundary';
import { fetchDataset } from '../data/load';
import { type ExplorerStore, ExplorerStoreProvider } from '../store';
import { ExplorerPage } from './ExplorerPage';
import { NotFoundPage } from './NotFoundPage';

// Loaded on demand: the first view is the map, and this page is not part of it.
const OverviewPage = lazy(() => import('../features/overview/OverviewPage').then((module) => ({ default: module.OverviewPage })));
const FundingPage = lazy(() => import('./pages/FundingPage').then((module) => ({ default: module.FundingPage })));
const ComparePage = lazy(() => import('./pages/ComparePage').then((module) => ({ default: module.ComparePage })));
const TourPage = lazy(() => import('./pages/TourPage').then((module) => ({ default: module.TourPage })));
const GlossaryPage = lazy(() => import('./pages/GlossaryPage').then((module) => ({ default: module.GlossaryPage })));
const SourcesPage = lazy(() => import('./pages/SourcesPage').then((module) => ({ default: module.SourcesPage })));
const DownloadsPage = lazy(() => import('./pages/DownloadsPage').then((module) => ({ default: module.DownloadsPage })));

/** A page loaded on demand, inside its own error boundary. */
function OnDemand({ name, children }: { name: string; children: ReactNode }) {
  return (
    <ViewErrorBoundary name={name}>
      <Suspense fallback={<p role="status">Loading…</p>}>{children}</Suspense>
    </ViewErrorBoundary>
  );
}

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
        {
          path: '/about',
          element: (
            <OnDemand name="the About page">
              <OverviewPage />
            </OnDemand>
          ),
        },
        {
          path: '/funding',
          element: (
            <OnDemand name="the funding view">
              <FundingPage />
            </OnDemand>
          ),
        },
        {
          path: '/compare',
          element: (
            <OnDemand name="the comparison">
              <ComparePage />
            </OnDemand>
          ),
        },
        {
          path: '/tour/:step?',
          element: (
            <OnDemand name="the guided tour">
              <TourPage />
            </OnDemand>
          ),
        },
        {
          path: '/glossary/:term?',
          element: (
            <OnDemand name="the glossary">
              <GlossaryPage />
            </OnDemand>
          ),
        },
        {
          path: '/sources/:id?',
          element: (
            <OnDemand name="the sources page">
              <SourcesPage />
            </OnDemand>
          ),
        },
        {
          path: '/data',
          element: (
            <OnDemand name="the downloads page">
              <DownloadsPage />
            </OnDemand>
          ),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

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
      <ViewErrorBoundary name="the explorer">
        <RouterProvider router={appRouter} />
      </ViewErrorBoundary>
    </ExplorerStoreProvider>
  );
}

const appRouter = createAppRouter();
