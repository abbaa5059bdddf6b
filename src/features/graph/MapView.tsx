/**
 * The map of the system at the chosen month: who funds, oversees, regulates, advises and
 * commissions whom, and (optionally) which services each commissions. Reads the month, filters and
 * selection from the store; changes the view only through store actions (select, setFilters).
 * Given two months (`comparison`), it shows what changed between them instead.
 */
import { lazy, type ReactNode, Suspense, useCallback, useDeferredValue, useId, useMemo, useRef } from 'react';
import type { Dataset } from '../../data/schema';
import { type MapModel, type MapNode, mapModelAt } from '../../domain/graph';
import { formatMonth, type MonthString } from '../../domain/months';
import { selectDataset, selectFilters, selectMonth, selectSelect, selectSelection, useExplorerStore } from '../../store';
import { useElementWidth, useReducedMotion } from './hooks';
import { MapCanvas, type MapCanvasChanges, type MapFrame } from './MapCanvas';
import { MapFilters, ShowServicesToggle } from './MapFilters';
import { mapLayoutFor } from './mapLayout';
import { MapLegend } from './MapLegend';
import { MapTextAlternative } from './MapTextAlternative';
import './graph.css';

/** The layout's width (and least height) on wide and narrow screens: two boxes only, so resizing never reshuffles the map. */
const WIDE_BOX = { width: 960, minHeight: 680 } as const;
const NARROW_BOX = { width: 640, minHeight: 880 } as const;
/** Below this width the tall, narrow box fills the map better than the wide one (whose labels would be tiny). */
const NARROW_BELOW_PX = 480;
/** Below this width the map may be as short as 440 px, as on a phone. */
const SMALL_BELOW_PX = 640;
/** Before the container is measured (and in jsdom, which has no layout). */
const FALLBACK_WIDTH_PX = 900;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The layout box for a container width. */
export function layoutBoxFor(containerWidth: number): { width: number; minHeight: number } {
  return containerWidth < NARROW_BELOW_PX ? NARROW_BOX : WIDE_BOX;
}

/**
 * The svg's size on the page: the container's width, and the layout's proportions within a
 * sensible height. On a phone it stays well short of the screen's height: a finger on the map
 * moves the map, so the page needs room around it to scroll.
 */
export function mapFrameFor(containerWidth: number, layout: { width: number; height: number }): MapFrame {
  const width = Math.max(280, Math.round(containerWidth));
  const natural = (width * layout.height) / layout.width;
  const height = Math.round(
    width < NARROW_BELOW_PX ? clamp(natural, 440, 560) : clamp(natural, width < SMALL_BELOW_PX ? 440 : 560, 800),
  );
  return { width, height };
}

/** "41 organisations and 41 services; 160 links." */
export function mapSummary(model: MapModel): string {
  const organisations = model.nodes.filter((node) => node.type === 'organisation').length;
  const services = model.nodes.length - organisations;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const what =
    services > 0
      ? `${plural(organisations, 'organisation')} and ${plural(services, 'service')}`
      : plural(organisations, 'organisation');
  return `${what}; ${plural(model.links.length, 'link')}.`;
}

/** Two months to compare, as "YYYY-MM". */
export interface MapComparison {
  from: MonthString;
  to: MonthString;
}

export interface MapViewProps {
  /**
   * Compare two months instead of showing the store's month. The map then shows everything on it at
   * either month (with the store's filters), on the same layout as ever (nodes never move), each node
   * and link marked added (on the map at `to`, not at `from`), removed (at `from`, not at `to`),
   * changed (an organisation's name or count, e.g. CCGs 211 → 209; a service's commissioners; a
   * link's status or role) or unchanged, with a sign on each changed node (+, −, ~), a dashed and
   * faded removed node, heavier added links, broken removed links and faint unchanged ones. The
   * heading reads "Changes from June 2012 to June 2016"; the key explains the marks; the text
   * alternative ("Changes as text") lists them grouped by change, then by organisations, services and
   * links. Funding figures are not shown (they belong to financial years). Choosing a node still
   * selects it through the store. `from` may be later than `to`: the map then reads backwards in time.
   * The months should be within the dataset's coverage (the page checks them, not the map).
   */
  comparison?: MapComparison;
}

/** The comparison map and its words load when first asked for: the explorer's first view does not need them. */
const MapViewComparing = lazy(() => import('./MapComparisonView'));

export function MapView({ comparison }: MapViewProps = {}) {
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  if (!dataset) return null;
  if (comparison)
    return (
      <Suspense fallback={<p role="status">Loading the map of changes…</p>}>
        <MapViewComparing dataset={dataset} from={comparison.from} to={comparison.to} />
      </Suspense>
    );
  if (!month) return null;
  return <MapViewAtMonth dataset={dataset} month={month} />;
}

function MapViewAtMonth({ dataset, month }: { dataset: Dataset; month: string }) {
  const filters = useExplorerStore(selectFilters);
  const model = useMemo(() => mapModelAt(dataset, month, filters), [dataset, month, filters]);
  const summary = mapSummary(model);
  const monthName = formatMonth(month);
  // The text alternative, hidden until opened and long, follows a moment behind: React draws the
  // map for the new month first and the text in a later, interruptible render, so a step through
  // the months is not held up by it. (Scrubbing fast, it catches up when the scrubbing stops.)
  const textModel = useDeferredValue(model);
  const textSummary = useMemo(() => mapSummary(textModel), [textModel]);
  return (
    <MapSection
      dataset={dataset}
      model={model}
      heading={`The system in ${monthName}`}
      summary={summary}
      label={`Map of the health and care system in ${monthName}`}
      textAlternative={<MapTextAlternative model={textModel} summary={textSummary} />}
    />
  );
}

export interface MapSectionProps {
  dataset: Dataset;
  model: MapModel;
  heading: string;
  summary: string;
  /** the map's accessible name */
  label: string;
  textAlternative: ReactNode;
  changes?: MapCanvasChanges;
  comparison?: MapComparison;
}

/** The map's section: heading, summary, the map, its filters, key and text alternative. */
export function MapSection({ dataset, model, heading, summary, label, textAlternative, changes, comparison }: MapSectionProps) {
  const selection = useExplorerStore(selectSelection);
  const select = useExplorerStore(selectSelect);
  const reducedMotion = useReducedMotion();
  const containerRef = useRef<HTMLDivElement | null>(null);
  const containerWidth = useElementWidth(containerRef, FALLBACK_WIDTH_PX);
  const ids = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const headingId = `app-graph-heading-${ids}`;
  const summaryId = `app-graph-summary-${ids}`;
  const legendId = `app-graph-legend-${ids}`;

  const box = layoutBoxFor(containerWidth);
  const layout = useMemo(() => mapLayoutFor(dataset, box.width, box.minHeight), [dataset, box.width, box.minHeight]);
  const frame = mapFrameFor(containerWidth, layout);

  const onSelect = useCallback(
    (node: MapNode) =>
      select(
        node.type === 'service' ? { kind: 'service', id: node.serviceId } : { kind: 'organisation', id: node.organisationId },
      ),
    [select],
  );

  return (
    <section className={`app-graph${changes ? ' app-graph--comparison' : ''}`} aria-labelledby={headingId}>
      <div className="app-graph__header">
        <h2 className="nhsuk-heading-m app-graph__heading" id={headingId}>
          {heading}
        </h2>
        <p className="nhsuk-body-s app-graph__summary" id={summaryId}>
          {summary}
        </p>
      </div>
      <p className="nhsuk-body-s app-graph__help">
        Drag the map to move around it; Ctrl and scroll, or pinch, to zoom. By keyboard: Tab to the map, then the arrow keys to
        move and Enter to choose.
      </p>
      <div ref={containerRef} className="app-graph__frame">
        {/* A new layout box (the screen turned from wide to narrow) starts a fresh map: nodes dragged on the old one would be misplaced. */}
        <MapCanvas
          key={`${layout.width}x${layout.height}`}
          layout={layout}
          model={model}
          frame={frame}
          selection={selection}
          reducedMotion={reducedMotion}
          label={label}
          describedBy={summaryId}
          onSelect={onSelect}
          toolbar={<ShowServicesToggle />}
          changes={changes}
        />
      </div>
      <MapFilters union={layout.union} />
      <MapLegend union={layout.union} headingId={legendId} comparison={comparison} />
      {textAlternative}
    </section>
  );
}
