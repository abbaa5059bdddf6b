/**
 * The route table: which page each address shows. Routes live in the hash
 * (#/service/health-visiting?date=2015-10) so the built files work from any static host or folder.
 * The explorer is one route with child paths, so moving between the map, a service and an
 * organisation keeps the map (and its zoom) in place; every other view is loaded on demand (the
 * first view is the map, and none of them is part of it) inside its own error boundary.
 *
 * Declarative routes (<Routes>) rather than a data router: the app loads its data once for every
 * page (DatasetGate), so it needs no loaders, and the declarative router is half the bytes.
 *
 * The rest of the routing: the typed link builders (src/components/routing.ts, below the features
 * so that every view can link), one resolver per route with its notice (address.ts), and the one
 * hook through which a page reads its address and writes it (useAddressState.ts).
 */
import { lazy, Suspense } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import { Layout } from '../components/Layout';
import { ViewErrorBoundary } from '../components/ViewErrorBoundary';
import { DatasetGate } from './DatasetGate';
import { ExplorerPage } from './ExplorerPage';
import { NotFoundPage } from './NotFoundPage';

/** Each import stays a literal so the bundler splits it. */
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
    path: '/place/:code',
    name: 'the place page',
    View: lazy(() => import('./pages/PlaceRoutePage').then((module) => ({ default: module.PlaceRoutePage }))),
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
      <DatasetGate>
        <Outlet />
      </DatasetGate>
    </Layout>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Root />}>
        <Route path="/" element={<ExplorerPage />}>
          <Route index element={null} />
          <Route path="service/:id" element={null} />
          <Route path="org/:id" element={null} />
        </Route>
        {ON_DEMAND_VIEWS.map(({ path, name, View }) => (
          <Route
            key={path}
            path={path}
            element={
              <ViewErrorBoundary name={name}>
                <Suspense
                  fallback={
                    <p role="status" className="app-skeleton__page-status">
                      Loading…
                    </p>
                  }
                >
                  <View />
                </Suspense>
              </ViewErrorBoundary>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
