import { AddressNotice } from '../components/AddressNotice';
import { AfterFirstPaint, afterPaints, whenIdle } from '../components/after-paint';
import {
  type KeyboardEvent,
  lazy,
  memo,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { Link } from 'react-router';
import { useEmbedMode } from '../components/embed';
import type { ExportCaption } from '../components/ViewActions';
import { formatMonth } from '../domain/months';
import { ViewErrorBoundary } from '../components/ViewErrorBoundary';
import { MapView, sourcesDrawnAt } from '../features/graph';
import { PlaceFinderField } from '../features/places/PlaceFinderField';
import { ServiceFinder, ServicesByCommissioner } from '../features/services';
import { EventCards, Timeline, TimelineEventSteps } from '../features/timeline';
import {
  selectAddressNotice,
  selectDataset,
  selectDismissAddressNotice,
  selectFilters,
  selectMonth,
  selectSelection,
  useExplorerStore,
  useExplorerStoreApi,
} from '../store';
import { preloadPanels, usePanels } from './selection-panels';
import { EXPLORER_ADDRESS } from './address';
import { SIDE_COLUMN_QUERY } from './service-digest';
import { useAddressState } from './useAddressState';

const TITLE = 'Who commissions what in English health and care';

/** The map's actions, loaded once the map and its key are drawn (they come in after them: MapWithActions). */
const ViewActions = lazy(() => import('../components/ViewActions').then((module) => ({ default: module.ViewActions })));

/**
 * The explorer, map first. On a wide screen: a column on the left with the title, the service
 * finder, the way into the guided tour and either the services by commissioner or the chosen
 * panel; beside it the month bar and the map, with the month's events and the view's actions
 * below. On a phone: the finder, the month bar and the map, the services by commissioner, the
 * events; a chosen panel opens as a sheet over the bottom of the screen. The finder comes early in
 * the tab order; choosing a node does not scroll the page, and Escape (or Close) closes the panel
 * and gives focus back to what opened it.
 *
 * The address owns the month and the selection (useAddressState); the loading gate shows a
 * dataset's problems above the page, or alone when nothing could be read.
 */
export function ExplorerPage() {
  useAddressState(EXPLORER_ADDRESS);
  const notice = useExplorerStore(selectAddressNotice);
  const dismissNotice = useExplorerStore(selectDismissAddressNotice);
  const embedded = useEmbedMode();
  return (
    <>
      <AddressNotice notice={notice} onDismiss={dismissNotice} />
      <Explorer embedded={embedded} />
    </>
  );
}

// Memoised: the page re-renders when its address changes (a month written while scrubbing), and
// what it draws reads the store itself.
const Explorer = memo(function Explorer({ embedded }: { embedded: boolean }) {
  const selection = useExplorerStore(selectSelection);
  const wide = useMediaQuery(SIDE_COLUMN_QUERY);
  const { sideRef, onPanelKeyDown } = usePanelFocus();
  const open = selection !== null;
  return (
    <div className={`app-explorer${open ? ' app-explorer--panel-open' : ''}`}>
      <div className="app-explorer__side" ref={sideRef}>
        <div className="app-explorer__intro">
          <h1 className="app-explorer__title">{TITLE}</h1>
          {embedded ? null : (
            <p className="app-explorer__lede">
              <span className="app-explorer__lede-long">
                The map shows who commissions, funds and oversees health and care services in England, month by month from July
                2010 to April 2018.
              </span>
              {/* A phone has room for one short line, with the way into the tour in it. */}
              <span className="app-explorer__lede-short">
                A map of the system, month by month, 2010 to 2018. New here? <Link to="/tour/1">Take the guided tour</Link>.
              </span>
            </p>
          )}
        </div>
        <div className="app-explorer__finder">
          <ViewErrorBoundary name="the service finder">
            <ServiceFinder browse={false} />
          </ViewErrorBoundary>
        </div>
        <ViewErrorBoundary name="the place finder">{embedded ? null : <PlaceFinderField />}</ViewErrorBoundary>
        {embedded ? null : (
          <p className="app-explorer__tour">
            <Link className="app-explorer__tour-link" to="/tour/1">
              <svg
                className="app-explorer__tour-icon"
                viewBox="0 0 24 24"
                width="28"
                height="28"
                aria-hidden="true"
                focusable="false"
              >
                <circle cx="12" cy="12" r="12" />
                <path d="M12 6l-1.4 1.4 3.6 3.6H6v2h8.2l-3.6 3.6L12 18l6-6z" />
              </svg>
              New here? Take the guided tour
            </Link>
            <span className="app-explorer__tour-note">The story from 2010 to 2018 in nine short steps.</span>
          </p>
        )}
        <div className="app-explorer__panel" onKeyDown={onPanelKeyDown}>
          <ViewErrorBoundary name="the details panel">
            <SelectionPanel />
          </ViewErrorBoundary>
        </div>
        {wide ? (
          // Kept (hidden) while a panel is open, so the link that opened it is there to take focus back.
          <div className="app-explorer__browse" hidden={open}>
            <ViewErrorBoundary name="the services by commissioner">
              <AfterFirstPaint paints={3}>
                <ServicesByCommissioner />
              </AfterFirstPaint>
            </ViewErrorBoundary>
          </div>
        ) : null}
      </div>
      <div className="app-explorer__main">
        <ViewErrorBoundary name="the timeline">
          <Timeline bar />
        </ViewErrorBoundary>
        <MapWithActions />
        {wide ? null : (
          <div className="app-explorer__browse">
            <ViewErrorBoundary name="the services by commissioner">
              <AfterFirstPaint paints={3}>
                <ServicesByCommissioner />
              </AfterFirstPaint>
            </ViewErrorBoundary>
          </div>
        )}
        <div className="app-explorer__events">
          <ViewErrorBoundary name="the events of this month">
            <AfterFirstPaint paints={3}>
              <TimelineEventSteps />
              <EventCards />
            </AfterFirstPaint>
          </ViewErrorBoundary>
        </div>
      </div>
    </div>
  );
});

/** Whether a media query matches, kept up to date (true where the browser cannot tell, as in tests). */
function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => {};
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  const matches = useCallback(() => (typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : true), [query]);
  return useSyncExternalStore(subscribe, matches, () => true);
}

/**
 * The map, with its view actions (copy a link to it, download it as SVG or PNG, captioned with the
 * month and the sources of what it draws, or print it) just below. The actions stay if the map
 * fails (its link and Print still work; with no picture drawn, the downloads are not offered).
 *
 * The actions come in with the map's key and lists (two paints after the map is drawn), not
 * before: those arrive above them, and on a tablet with a panel open the actions sit on the first
 * screen, where being pushed down the page by them was a layout shift (0.026 at 820×1180).
 */
function MapWithActions() {
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  const filters = useExplorerStore(selectFilters);
  // The map's drawing, handed over by the map itself.
  const svgRef = useRef<SVGSVGElement | null>(null);
  // Whether the map has been drawn (or has failed): the actions wait for it.
  const [mapDrawnOrFailed, setMapDrawnOrFailed] = useState(false);
  const onSvg = useCallback((svg: SVGSVGElement | null) => {
    svgRef.current = svg;
    if (svg) setMapDrawnOrFailed(true);
  }, []);
  const onMapError = useCallback(() => setMapDrawnOrFailed(true), []);
  const getSvg = useCallback(() => svgRef.current, []);
  const caption = useMemo<ExportCaption>(
    () => ({
      title: TITLE,
      date: month ? formatMonth(month) : '',
      // Worked out only when a picture is exported, so moving through the months does not pay for it.
      get sources() {
        return dataset && month ? sourcesDrawnAt(dataset, month, filters) : [];
      },
    }),
    [dataset, month, filters],
  );
  return (
    <>
      <div className="app-explorer__map">
        <ViewErrorBoundary name="the map" onError={onMapError}>
          <MapView onSvg={onSvg} />
        </ViewErrorBoundary>
      </div>
      {dataset && month && mapDrawnOrFailed ? (
        <AfterFirstPaint paints={2}>
          <Suspense fallback={null}>
            <ViewActions getSvg={getSvg} caption={caption} fileName={`commissioning-map-${month}`} />
          </Suspense>
        </AfterFirstPaint>
      ) : null}
    </>
  );
}

/** Where focus was when a panel opened: the element, and how to find it again should it be redrawn. */
interface Opener {
  element: HTMLElement | SVGElement;
  nodeId: string | null;
}

/**
 * Focus around the panel. Opening one (from the map, the finder or a list) remembers what had
 * focus; the panel's heading then takes focus without scrolling the page (panel-parts). Escape in
 * the panel closes it, as Close does; when it closes, focus goes back to what opened it (the map
 * node, found again by its data-node-id if redrawn), or else to the finder's search field.
 * Opening a panel also brings the side column back to its top, where the panel is.
 */
function usePanelFocus() {
  const store = useExplorerStoreApi();
  const sideRef = useRef<HTMLDivElement>(null);
  const opener = useRef<Opener | null>(null);
  const selection = useExplorerStore(selectSelection);
  const previousSelection = useRef(selection);
  const firstRun = useRef(true);

  // The store changes before React redraws: the element that chose the item still has focus here.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.selection === previous.selection || !state.selection || previous.selection) return;
        const active = document.activeElement;
        if (!(active instanceof HTMLElement || active instanceof SVGElement) || active === document.body) {
          opener.current = null;
          return;
        }
        if (sideRef.current?.querySelector('.app-explorer__panel')?.contains(active)) return;
        opener.current = { element: active, nodeId: active.closest('[data-node-id]')?.getAttribute('data-node-id') ?? null };
      }),
    [store],
  );

  useEffect(() => {
    const wasOpen = previousSelection.current !== null;
    previousSelection.current = selection;
    const opening = !firstRun.current;
    firstRun.current = false;
    if (selection !== null) {
      // A panel opened by the reader starts at its top. Not a page opened at an item's address:
      // nothing has scrolled the column yet, and scrolling would make the browser lay the whole
      // page out at once in the middle of its first render (about 40 ms on a small phone).
      if (opening) sideRef.current?.scrollTo?.({ top: 0 });
      return;
    }
    if (!wasOpen) return;
    const active = document.activeElement;
    const focusLost = !active || active === document.body || !active.isConnected;
    const from = opener.current;
    opener.current = null;
    if (!focusLost) return;
    const target =
      from && from.element.isConnected
        ? from.element
        : from?.nodeId
          ? document.querySelector<SVGElement>(`[data-node-id="${CSS.escape(from.nodeId)}"]`)
          : null;
    (target ?? sideRef.current?.querySelector<HTMLInputElement>('.app-explorer__finder input'))?.focus();
  }, [selection]);

  const onPanelKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key !== 'Escape' || event.defaultPrevented || store.getState().selection === null) return;
      event.preventDefault();
      // Focus is in the panel, which is about to go: let the effect above place it.
      (document.activeElement as HTMLElement | null)?.blur();
      store.getState().select(null);
    },
    [store],
  );
  return { sideRef, onPanelKeyDown };
}

/** The panel of the chosen service or organisation, or a not-found panel for an unknown id. */
function SelectionPanel() {
  const dataset = useExplorerStore(selectDataset);
  const selection = useExplorerStore(selectSelection);
  const month = useExplorerStore(selectMonth);
  const known = useMemo(() => {
    if (!dataset || !selection) return false;
    const records = selection.kind === 'service' ? dataset.services : dataset.organisations;
    return records.some((record) => record.id === selection.id);
  }, [dataset, selection]);
  const panels = usePanels(Boolean(selection && month));
  // Once the page and then its map are drawn, the panels load in the background, ready for the
  // first click: after two paints and when the browser is next idle (the map is rendered in slices
  // over several frames, so the paints alone can come before it; asked for before it, the panels'
  // scripts would share the first view's bandwidth).
  useEffect(() => {
    let cancelIdle = () => {};
    const cancelPaints = afterPaints(2, () => {
      cancelIdle = whenIdle(() => void preloadPanels(), 2000);
    });
    return () => {
      cancelPaints();
      cancelIdle();
    };
  }, []);
  if (!selection || !month) return null;
  if (!panels) return <p role="status">Loading the details…</p>;
  const { NotFoundPanel, OrganisationPanel, ServicePanel } = panels;
  if (!known) return <NotFoundPanel kind={selection.kind} id={selection.id} />;
  return selection.kind === 'service' ? (
    <ServicePanel key={selection.id} serviceId={selection.id} />
  ) : (
    <OrganisationPanel key={selection.id} organisationId={selection.id} />
  );
}
