/**
 * One loading gate for every page: until the dataset is in the store, the page's skeleton; after,
 * the page, which can count on a dataset (`useLoadedDataset`). A dataset with problems is the
 * gate's too: one that parsed but breaks integrity rules is shown under the list of its problems;
 * one that could not be read shows only the list, and no page. The pages in src/app repeat none
 * of these branches.
 *
 * The page is mounted in a transition, not by the store update itself: zustand's subscriptions
 * re-render synchronously, so the gate listens to the store directly and flips its own state with
 * startTransition, which lets React build the whole page in slices of a few milliseconds and keep
 * the main thread free (no long task while the first map is drawn). Before that, the address's
 * month and selection are put in the store (as the page's useAddressState would), so the first
 * render is already the right view and no second render follows it.
 */
import { type ReactNode, startTransition, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { isExplorerPath } from '../components/Layout';
import { DataProblemList } from '../components/DataProblemList';
import type { Dataset } from '../data/schema';
import { selectData, selectDataset, useExplorerStore, useExplorerStoreApi } from '../store';
import { resolveAddress } from './address';
import { ExplorerSkeleton } from './ExplorerSkeleton';
import { preloadPanels } from './selection-panels';
import { takeServiceDigestPanel } from './service-digest';

const SITE_TITLE = 'Who commissions what in English health and care';

/** The dataset, in a page under the gate (which renders no page before there is one). */
export function useLoadedDataset(): Dataset {
  const dataset = useExplorerStore(selectDataset);
  if (!dataset) throw new Error('useLoadedDataset: the page is rendered outside DatasetGate, or before the dataset arrived');
  return dataset;
}

/** After this long, the skeleton says that loading is still going on (a slow connection), and its blocks pulse. */
export const SLOW_LOAD_MS = 1000;

export function DatasetGate({ children }: { children: ReactNode }) {
  const store = useExplorerStoreApi();
  const location = useLocation();
  const [arrived, setArrived] = useState(() => store.getState().data.status !== 'loading');
  const [slow, setSlow] = useState(false);
  // Taken in the first render, before React's commit replaces index.html's skeleton, which may
  // show the service's digest (service-digest.ts): React's skeleton keeps it.
  const [digestPanel] = useState(() => takeServiceDigestPanel(document, location.pathname));
  const data = useExplorerStore(selectData);

  useEffect(() => {
    if (arrived) return;
    let done = false;
    const check = () => {
      const state = store.getState();
      if (done || state.data.status === 'loading') return;
      done = true;
      const dataset = state.data.dataset;
      // The hash as the page has it now (the router's location may be a render behind).
      const hash = window.location.hash.replace(/^#/, '') || '/';
      const [pathname = '/', search = ''] = hash.split(/(?=\?)/);
      // A panel named by the address is drawn with the page, not after it (its code was fetched
      // alongside the data), so it never appears late and takes focus from what the reader is doing.
      let panelsReady: Promise<void> = Promise.resolve();
      if (dataset && isExplorerPath(pathname)) {
        const resolved = resolveAddress(pathname, search, dataset.meta.coverage);
        if (resolved) {
          state.showView({ month: resolved.month, selection: resolved.selection, notice: resolved.notice });
          if (resolved.selection) panelsReady = preloadPanels();
        }
      }
      void panelsReady.then(() => startTransition(() => setArrived(true)));
    };
    check();
    const unsubscribe = store.subscribe(check);
    const timer = window.setTimeout(() => setSlow(true), SLOW_LOAD_MS);
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [store, arrived]);

  if (arrived) {
    if (data.status !== 'invalid') return children;
    if (!data.dataset)
      return (
        <>
          <DataProblemList problems={data.problems} />
          <h1 className="app-explorer__title">{SITE_TITLE}</h1>
        </>
      );
    return (
      <>
        <DataProblemList problems={data.problems} explorerBelow />
        {children}
      </>
    );
  }
  const status = slow ? 'Still loading the data: this can take a while on a slow connection…' : undefined;
  if (isExplorerPath(location.pathname)) return <ExplorerSkeleton status={status} slow={slow} digestPanel={digestPanel} />;
  return (
    <p role="status" className="app-skeleton__page-status">
      {status ?? 'Loading…'}
    </p>
  );
}
