/**
 * The address owns the view: what a shared link must reproduce (the month, the selection, from/to,
 * the year, the tour's step, embed=1). A page reads its address through `useAddressState(route)`,
 * one call at its top, with its route's resolver from address.ts. The hook:
 * - mirrors the address into the store (`showView`: the month and selection the features draw,
 *   and the notice), before the browser paints;
 * - corrects an odd address in place (a replace navigation), keeping the notice;
 * - installs the store's navigation, so that a feature's wish becomes a navigation: `select`
 *   (the map, the finder, a panel's Close) pushes the view's address, so Back returns;
 * - keeps scrubbing fast: `setMonth` shows a month at once, and the address follows by a replace
 *   navigation once the months stop changing (MONTH_WRITE_DELAY_MS after the last, and at least
 *   every MONTH_WRITE_MAX_WAIT_MS while they keep coming), so a step never waits for the router
 *   and scrubbing never adds a history entry per month. Until then the store's month is ahead of
 *   the address: the one transient difference, ended by the write, by a new view (the month is
 *   written first, so Back returns to it), or by an address from elsewhere (Back, a link), which wins.
 *
 * The navigations the hook makes only to write down what the store already shows (a month once
 * scrubbing stops, a corrected address) are replacements that carry a mark in their history
 * state; arriving at one by that replacement changes nothing (the router may show such a write a
 * moment late, when the store has moved on). Every other arrival (a link, a new view, and Back or
 * Forward, even to a marked entry) is read into the store.
 *
 * `usePageMonth()` is the month shown: the address's, or the one being scrubbed to.
 */
import { whenIdle } from '../components/after-paint';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate, useNavigationType, useParams } from 'react-router';
import type { Dataset } from '../data/schema';
import type { MonthString } from '../domain/months';
import { selectDataset, selectMonth, useExplorerStore, useExplorerStoreApi } from '../store';
import type { ViewNavigation } from '../store/store';
import type { ResolvedBase, RouteAddress } from './address';

/** How long after the last month step its address is written, and how long at most while steps keep coming. */
export const MONTH_WRITE_DELAY_MS = 150;
export const MONTH_WRITE_MAX_WAIT_MS = 1000;

/**
 * How long at most an address written after month steps waits for the browser to be idle: written
 * at once, it re-renders the page's readers of the address and holds up the paint of the step that
 * comes next.
 */
const MONTH_WRITE_IDLE_TIMEOUT_MS = 500;

/** The key, in a history entry's state, of the mark that says the hook wrote it for what was already shown. */
const WRITTEN_FOR_VIEW = 'writtenForView';

/** The month shown: the address's, or, while the months are being scrubbed, the latest one (see above). */
export function usePageMonth(): MonthString | null {
  return useExplorerStore(selectMonth);
}

/**
 * Reads the page's address with its route's resolver (see the module's comment); undefined until
 * the dataset is there (the loading gate makes that before any page renders).
 */
export function useAddressState<R extends ResolvedBase>(route: RouteAddress<R>): R | undefined {
  const store = useExplorerStoreApi();
  const dataset = useExplorerStore(selectDataset);
  const location = useLocation();
  const params = useParams();
  const navigate = useNavigate();
  const arrival = useNavigationType();
  const current = `${location.pathname}${location.search}`;
  const paramsKey = JSON.stringify(params);

  // Read when the address changes (a month the address leaves open follows the month shown then).
  const resolved = useMemo(
    () =>
      dataset
        ? route.read(
            { pathname: location.pathname, search: location.search, params: JSON.parse(paramsKey) as typeof params },
            dataset,
            store.getState().month,
          )
        : undefined,
    // location.key: the same address reached again (Back to an equal entry) is read again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [route, dataset, location.pathname, location.search, location.key, paramsKey, store],
  );

  // The latest of everything, for the navigation's callbacks (which outlive renders).
  const latest = useRef({ resolved, current, route, dataset });
  useLayoutEffect(() => {
    latest.current = { resolved, current, route, dataset };
  });
  // The month's address waiting to be written while the months change.
  const pending = useRef<{ to: string; since: number; timer: number } | null>(null);

  const { navigation, cancelPending, writeShown } = useMemo(() => {
    const cancel = () => {
      if (pending.current) window.clearTimeout(pending.current.timer);
      pending.current = null;
    };
    const write = (to: string) => void navigate(to, { replace: true, state: { [WRITTEN_FOR_VIEW]: true } });
    const flush = () => {
      const waiting = pending.current;
      if (!waiting) return;
      cancel();
      if (waiting.to !== latest.current.current) write(waiting.to);
    };
    const navigation: ViewNavigation = {
      monthChanged: (month) => {
        const { resolved: view, route: owner } = latest.current;
        if (!view || !owner.atMonth) return;
        const now = performance.now();
        const since = pending.current?.since ?? now;
        if (pending.current) window.clearTimeout(pending.current.timer);
        const wait = Math.max(0, Math.min(MONTH_WRITE_DELAY_MS, since + MONTH_WRITE_MAX_WAIT_MS - now));
        pending.current = {
          to: owner.atMonth(view, month),
          since,
          timer: window.setTimeout(() => whenIdle(flush, MONTH_WRITE_IDLE_TIMEOUT_MS), wait),
        };
      },
      open: (selection) => {
        const { resolved: view, route: owner } = latest.current;
        if (!view) return;
        const written = pending.current?.to;
        // A new view adds a history entry: the month it leaves is written first, so Back returns to it.
        flush();
        const to = owner.open(view, selection, store.getState().month);
        if (to !== (written ?? latest.current.current)) void navigate(to);
      },
    };
    return { navigation, cancelPending: cancel, writeShown: write };
  }, [navigate, store]);

  // address → store, before the browser paints.
  useLayoutEffect(() => {
    const view = resolved;
    const data: Dataset | undefined = latest.current.dataset;
    if (!view || !data) return;
    const marked = (location.state as Record<string, unknown> | null)?.[WRITTEN_FOR_VIEW] === true;
    if (marked && arrival === 'REPLACE') return;
    // An address from elsewhere wins over a month still waiting to be written.
    cancelPending();
    store.getState().showView({ ...route.view(view, data), notice: view.notice });
    if (view.canonical !== current) writeShown(view.canonical);
    // Only a new reading of the address is applied (not a re-render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resolved]);

  // The store's wishes become this page's navigations while it is shown.
  useEffect(() => {
    store.getState().installNavigation(navigation);
    return () => {
      // Leaving the page: a month still waiting must not bring the address back here.
      cancelPending();
      if (store.getState().navigation === navigation) store.getState().installNavigation(null);
    };
  }, [store, navigation, cancelPending]);

  return resolved;
}
