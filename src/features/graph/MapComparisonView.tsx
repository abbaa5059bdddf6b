/**
 * The map comparing two months (MapView's `comparison`): loaded on demand, so the explorer's first
 * view does not carry it. The same map as the explorer's: it opens at the first month and plays
 * the change to the second (what ended fades, services move to their new commissioners, what began
 * fades in), marking what began and which services moved; a switch shows either month again.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '../../data/schema';
import { comparisonCounts, mapComparisonModel, mapModelAt } from '../../domain/graph';
import { formatMonth, type MonthString } from '../../domain/months';
import { selectFilters, useExplorerStore } from '../../store';
import { changeCountsWords, nodeChangeNote } from './comparison-words';
import { MapComparisonText } from './MapComparisonText';
import type { Novelty } from './MapNodes';
import { MapSection, mapSummary } from './MapSection';

/** Long enough for the first month to be seen (and for the map to settle: see StoryMap). */
const PLAY_AFTER_MS = 900;

export default function MapViewComparing({
  dataset,
  from,
  to,
  onSvg,
}: {
  dataset: Dataset;
  from: MonthString;
  to: MonthString;
  /** receives the map's drawing, for the page's export */
  onSvg?: (svg: SVGSVGElement | null) => void;
}) {
  const filters = useExplorerStore(selectFilters);
  const comparison = useMemo(() => mapComparisonModel(dataset, from, to, filters), [dataset, from, to, filters]);
  // The map opens at the first month and, a moment later, plays the change to the second. (MapView
  // keys this component by the two months, so a new pair starts again from the first.)
  const [showing, setShowing] = useState<'from' | 'to'>('from');
  useEffect(() => {
    const timer = setTimeout(() => setShowing('to'), PLAY_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  const month = showing === 'from' ? from : to;
  const model = useMemo(() => mapModelAt(dataset, month, filters), [dataset, month, filters]);
  const novelties = useMemo(() => {
    const marks = new Map<string, Novelty>();
    for (const [id, entry] of comparison.nodes) {
      if (showing === 'to' && entry.change === 'added') marks.set(id, 'new');
      if (showing === 'to' && entry.change === 'changed' && entry.after?.type === 'service') marks.set(id, 'moved');
      if (showing === 'from' && entry.change === 'removed') marks.set(id, 'ending');
    }
    return marks;
  }, [comparison, showing]);
  const notes = useMemo(
    () => new Map([...comparison.nodes].map(([id, entry]) => [id, nodeChangeNote(entry, comparison)])),
    [comparison],
  );
  // Signs for what the month shown has to say: at the first, what will be gone; at the second, what began or changed.
  const changes = useMemo(
    () =>
      new Map(
        [...comparison.nodes].map(([id, entry]) => {
          const shown = showing === 'from' ? entry.change === 'removed' : entry.change !== 'removed';
          return [id, shown ? entry.change : 'unchanged'];
        }),
      ),
    [comparison, showing],
  );
  const [fromName, toName] = [formatMonth(from), formatMonth(to)];
  const summary = `On the map at either month: ${mapSummary(comparison.model)} Of these, ${changeCountsWords(comparisonCounts(comparison))}.`;
  return (
    <MapSection
      dataset={dataset}
      model={model}
      heading={`Changes from ${fromName} to ${toName}: showing ${showing === 'from' ? fromName : toName}`}
      summary={summary}
      label={`Map of the changes to the health and care system from ${fromName} to ${toName}, showing ${formatMonth(month)}`}
      novelties={novelties}
      notes={notes}
      changes={changes}
      comparison={{ from, to }}
      onSvg={onSvg}
      controls={
        <div className="app-graph__month-switch" role="group" aria-label="Month shown on the map">
          <button
            type="button"
            className="app-graph__switch"
            aria-pressed={showing === 'from'}
            onClick={() => setShowing('from')}
          >
            {fromName}
          </button>
          <button type="button" className="app-graph__switch" aria-pressed={showing === 'to'} onClick={() => setShowing('to')}>
            {toName}
          </button>
        </div>
      }
      textAlternative={<MapComparisonText comparison={comparison} summary={summary} />}
    />
  );
}
