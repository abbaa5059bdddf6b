/**
 * The map of the system at the chosen month: who commissions each service (each service sits in
 * its commissioner's card), and who funds and commissions care from whom. Reads the month, filters
 * and selection from the store; changes the view only through store actions (select, setFilters).
 * Given two months (`comparison`), it shows the change between them instead.
 */
import { AfterFirstPaint } from '../../components/AfterFirstPaint';
import { lazy, memo, type ReactNode, Suspense, useCallback, useDeferredValue, useId, useMemo, useRef } from 'react';
import type { Dataset } from '../../data/schema';
import { type MapChange, type MapModel, type MapNode, mapModelAt } from '../../domain/graph';
import { formatMonth, type MonthString } from '../../domain/months';
import { selectDataset, selectFilters, selectMonth, selectSelect, selectSelection, useExplorerStore } from '../../store';
import { useReducedMotion } from './hooks';
import { MapFilters, ShowServicesToggle } from './MapFilters';
import { MapLegend } from './MapLegend';
import type { Novelty } from './MapNodes';
import { MapTextAlternative } from './MapTextAlternative';
import { sceneAt } from './scene';
import { StoryMap } from './StoryMap';
import { unionOf } from './union';
import { useMapLayout } from './useMapLayout';
import { WhatChanged } from './WhatChanged';
import './graph.css';

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
   * Compare two months instead of showing the store's month: the map plays the change from the
   * first month to the second (and back, on request), marking what began, what ended and which
   * services moved; its text alternative lists every change.
   */
  comparison?: MapComparison;
  /** receives the map's drawing (and null when it goes), for the page's export (SVG, PNG) */
  onSvg?: (svg: SVGSVGElement | null) => void;
}

/** The comparison map and its words load when first asked for: the explorer's first view does not need them. */
const MapViewComparing = lazy(() => import('./MapComparisonView'));

export function MapView({ comparison, onSvg }: MapViewProps = {}) {
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  // The map follows the month a moment behind the slider: a step's input renders the slider and its
  // label at once and paints, and the map is drawn in a later, interruptible render (months skipped
  // while scrubbing fast are never drawn). The staged transition then animates the change.
  const shownMonth = useDeferredValue(month);
  if (!dataset) return null;
  if (comparison)
    return (
      <Suspense fallback={<p role="status">Loading the map of changes…</p>}>
        <MapViewComparing
          key={`${comparison.from}-${comparison.to}`}
          dataset={dataset}
          from={comparison.from}
          to={comparison.to}
          onSvg={onSvg}
        />
      </Suspense>
    );
  if (!shownMonth) return null;
  return <MapViewAtMonth dataset={dataset} month={shownMonth} onSvg={onSvg} />;
}

const MapViewAtMonth = memo(function MapViewAtMonth({
  dataset,
  month,
  onSvg,
}: {
  dataset: Dataset;
  month: string;
  onSvg?: (svg: SVGSVGElement | null) => void;
}) {
  const filters = useExplorerStore(selectFilters);
  const model = useMemo(() => mapModelAt(dataset, month, filters), [dataset, month, filters]);
  const monthName = formatMonth(month);
  // The text alternative, hidden until opened and long, follows a moment behind: React draws the
  // map for the new month first and the text in a later, interruptible render.
  const textModel = useDeferredValue(model);
  const textSummary = useMemo(() => mapSummary(textModel), [textModel]);
  return (
    <MapSection
      dataset={dataset}
      model={model}
      heading={`The system in ${monthName}`}
      summary={mapSummary(model)}
      label={`Map of the health and care system in ${monthName}`}
      changesInto={month}
      textAlternative={<MapTextAlternative model={textModel} summary={textSummary} />}
      onSvg={onSvg}
    />
  );
});

export interface MapSectionProps {
  dataset: Dataset;
  model: MapModel;
  heading: string;
  summary: string;
  /** the map's accessible name */
  label: string;
  textAlternative: ReactNode;
  /** a month whose changes of commissioner a strip over the map's corner tells */
  changesInto?: MonthString;
  /** controls in the map's header (a comparison's month switch) */
  controls?: ReactNode;
  /** marks and words for a comparison of two months */
  novelties?: ReadonlyMap<string, Novelty>;
  notes?: ReadonlyMap<string, string>;
  changes?: ReadonlyMap<string, MapChange>;
  comparison?: MapComparison;
  /** receives the map's drawing, for the page's export */
  onSvg?: (svg: SVGSVGElement | null) => void;
}

/** The map's section: a stage (heading, the map and its tools) and, below it, the key, filters and text alternative. */
export function MapSection({
  dataset,
  model,
  heading,
  summary,
  label,
  textAlternative,
  changesInto,
  controls,
  novelties,
  notes,
  changes,
  comparison,
  onSvg,
}: MapSectionProps) {
  const selection = useExplorerStore(selectSelection);
  const select = useExplorerStore(selectSelect);
  const reducedMotion = useReducedMotion();
  // The stage's width chooses the layout: narrow (phones) or wide.
  const stageRef = useRef<HTMLDivElement | null>(null);
  const layout = useMapLayout(dataset, stageRef);
  const scene = useMemo(() => (layout ? sceneAt(layout, model) : undefined), [layout, model]);
  const union = useMemo(() => unionOf(dataset), [dataset]);
  const ids = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const headingId = `app-graph-heading-${ids}`;
  const summaryId = `app-graph-summary-${ids}`;
  const legendId = `app-graph-legend-${ids}`;

  const onSelect = useCallback(
    (node: MapNode) =>
      select(
        node.type === 'service' ? { kind: 'service', id: node.serviceId } : { kind: 'organisation', id: node.organisationId },
      ),
    [select],
  );

  return (
    <section className={`app-graph${comparison ? ' app-graph--comparison' : ''}`} aria-labelledby={headingId}>
      <div className="app-graph__stage" ref={stageRef}>
        {/* The month bar beside the map shows the month; the heading and summary are for screen readers. */}
        <div className="app-graph__header nhsuk-u-visually-hidden">
          <h2 className="app-graph__heading" id={headingId}>
            {heading}
          </h2>
          <p className="app-graph__summary" id={summaryId}>
            {summary}
          </p>
        </div>
        {scene ? (
          <StoryMap
            scene={scene}
            model={model}
            selection={selection}
            reducedMotion={reducedMotion}
            label={label}
            describedBy={summaryId}
            onSelect={onSelect}
            toolbar={
              <>
                {controls}
                <ShowServicesToggle />
              </>
            }
            overlay={changesInto && layout ? <WhatChanged layout={layout} dataset={dataset} month={changesInto} /> : undefined}
            novelties={novelties}
            notes={notes}
            changes={changes}
            onSvg={onSvg}
          />
        ) : (
          <p className="app-graph__drawing" role="status">
            Drawing the map…
          </p>
        )}
      </div>
      {/* Below the map, and a third of its elements (the text alternative is long): drawn just
          after the map's first paint, so the first frame creates and lays out fewer elements. */}
      <AfterFirstPaint>
        <div className="app-graph__details">
          <MapLegend union={union} headingId={legendId} comparison={comparison} />
          <MapFilters union={union} />
          {textAlternative}
        </div>
      </AfterFirstPaint>
    </section>
  );
}
