/**
 * The map of the system at the chosen month: who commissions each service (each service sits in
 * its commissioner's card), and who funds and commissions care from whom. Reads the month, filters
 * and selection from the store; changes the view only through store actions (select, setFilters).
 * Given two months (`comparison`), it shows the change between them instead.
 */
import { lazy, memo, Suspense, useDeferredValue, useMemo } from 'react';
import type { Dataset } from '../../data/schema';
import { mapModelAt } from '../../domain/graph';
import { formatMonth } from '../../domain/months';
import { useValueAfterPaint } from '../../components/after-paint';
import { selectDataset, selectFilters, selectMonth, useExplorerStore } from '../../store';
import { type MapComparison, MapSection, mapSummary } from './MapSection';
import { MapTextAlternative } from './MapTextAlternative';
import { MembersText } from './members';
import './graph.css';

export { type MapComparison, mapSummary } from './MapSection';

export interface MapViewProps {
  /**
   * Compare two months instead of showing the store's month: the map plays the change from the
   * first month to the second (and back, on request), marking what began, what ended and which
   * services moved; its text alternative lists every change.
   */
  comparison?: MapComparison;
  /** receives the map's drawing (the svg), for the page's export */
  onSvg?: (svg: SVGSVGElement | null) => void;
}

/** The comparison map and its words load when first asked for: the explorer's first view does not need them. */
const MapViewComparing = lazy(() => import('./MapComparisonView'));

export function MapView({ comparison, onSvg }: MapViewProps = {}) {
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  // The map follows the month a moment behind the slider: a step's input renders the slider and its
  // label at once and paints, and the map is drawn after that paint, in an interruptible render
  // (months skipped while scrubbing fast are never drawn). The staged transition then animates it.
  const shownMonth = useValueAfterPaint(month);
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
  const membersText = useMemo(() => <MembersText month={textModel.month} />, [textModel.month]);
  return (
    <MapSection
      dataset={dataset}
      model={model}
      heading={`The system in ${monthName}`}
      summary={mapSummary(model)}
      label={`Map of the health and care system in ${monthName}`}
      changesInto={month}
      textAlternative={<MapTextAlternative model={textModel} summary={textSummary} extra={membersText} />}
      onSvg={onSvg}
    />
  );
});
