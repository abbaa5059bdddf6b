import { AddressNotice } from '../components/AddressNotice';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { DataProblemList } from '../components/DataProblemList';
import { useEmbedMode } from '../components/embed';
import { sourcesDrawnAt } from '../components/export/map-sources';
import { type ExportCaption, ViewActions } from '../components/ViewActions';
import { formatMonth } from '../domain/months';
import { ViewErrorBoundary } from '../components/ViewErrorBoundary';
import { MapView } from '../features/graph';
import { OrganisationPanel } from '../features/orgs';
import { NotFoundPanel, ServiceFinder, ServicePanel } from '../features/services';
import { EventCards, Timeline } from '../features/timeline';
import { selectData, selectDataset, selectFilters, selectMonth, selectSelection, useExplorerStore } from '../store';
import { useAddressSync } from './useAddressSync';

const TITLE = 'Who commissions what in English health and care';

/**
 * The explorer: the timeline, the map, and beside them the service finder or the chosen panel.
 * A dataset that parsed but breaks integrity rules is still explored, under the list of its
 * problems; one that could not be parsed shows only the problems.
 */
export function ExplorerPage() {
  const data = useExplorerStore(selectData);
  const { dateNotice, dismissDateNotice } = useAddressSync();
  const sideRef = useFocusFinderWhenPanelCloses();
  const embedded = useEmbedMode();
  if (data.status === 'loading') return <p role="status">Loading the dataset…</p>;
  if (data.status === 'invalid' && !data.dataset)
    return (
      <>
        <DataProblemList problems={data.problems} />
        <h1 className="app-explorer__title">{TITLE}</h1>
      </>
    );
  return (
    <>
      {data.status === 'invalid' ? <DataProblemList problems={data.problems} explorerBelow /> : null}
      <h1 className="app-explorer__title">{TITLE}</h1>
      {embedded ? null : (
        <p className="app-explorer__intro">
          Move through time to watch the reforms happen. Choose a service to see who commissions it at that date, and on whose
          authority.
        </p>
      )}
      <AddressNotice notice={dateNotice} onDismiss={dismissDateNotice} />
      <div className="app-explorer">
        <div className="app-explorer__main">
          <ViewErrorBoundary name="the timeline">
            <Timeline />
          </ViewErrorBoundary>
          <MapWithActions />
          <ViewErrorBoundary name="the events of this month">
            <EventCards />
          </ViewErrorBoundary>
        </div>
        <aside className="app-explorer__side" aria-label="Services and details" ref={sideRef}>
          <ViewErrorBoundary name="the details panel">
            <SelectionPanel />
          </ViewErrorBoundary>
          <ViewErrorBoundary name="the service finder">
            <ServiceFinder />
          </ViewErrorBoundary>
        </aside>
      </div>
    </>
  );
}

/**
 * The map, with the bar above it to copy a link to it, download it (SVG or PNG, captioned with the
 * month and the sources of what it draws) or print it. The bar stays if the map fails (its link and
 * Print still work; with no picture drawn, the downloads are not offered).
 */
function MapWithActions() {
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  const filters = useExplorerStore(selectFilters);
  const mapRef = useRef<HTMLDivElement>(null);
  // The map's own drawing (its legend swatches are small svgs too).
  const getSvg = useCallback(() => mapRef.current?.querySelector<SVGSVGElement>('svg.app-graph__svg') ?? null, []);
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
      {dataset && month ? <ViewActions getSvg={getSvg} caption={caption} fileName={`commissioning-map-${month}`} /> : null}
      <div ref={mapRef}>
        <ViewErrorBoundary name="the map">
          <MapView />
        </ViewErrorBoundary>
      </div>
    </>
  );
}

/**
 * Closing a panel removes the element that had focus; rather than leave keyboard users at the top
 * of the page, focus moves to the service finder's search field beside it.
 */
function useFocusFinderWhenPanelCloses() {
  const sideRef = useRef<HTMLElement>(null);
  const selection = useExplorerStore(selectSelection);
  const previous = useRef(selection);
  useEffect(() => {
    const wasOpen = previous.current !== null;
    previous.current = selection;
    const focusLost = !document.activeElement || document.activeElement === document.body;
    if (wasOpen && selection === null && focusLost) sideRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [selection]);
  return sideRef;
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
  if (!selection || !month) return null;
  if (!known) return <NotFoundPanel kind={selection.kind} id={selection.id} />;
  return selection.kind === 'service' ? (
    <ServicePanel key={selection.id} serviceId={selection.id} />
  ) : (
    <OrganisationPanel key={selection.id} organisationId={selection.id} />
  );
}
