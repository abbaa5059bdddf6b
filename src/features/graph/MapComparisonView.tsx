/**
 * The map comparing two months (MapView's `comparison`): loaded on demand, so the explorer's first
 * view does not carry it. The same section as the map of one month, with each node and link marked.
 */
import { useMemo } from 'react';
import type { Dataset } from '../../data/schema';
import { comparisonCounts, mapComparisonModel } from '../../domain/graph';
import { formatMonth, type MonthString } from '../../domain/months';
import { selectFilters, useExplorerStore } from '../../store';
import { changeCountsWords, nodeChangeNote } from './comparison-words';
import type { MapCanvasChanges } from './MapCanvas';
import { MapComparisonText } from './MapComparisonText';
import { MapSection, mapSummary } from './MapView';

export default function MapViewComparing({ dataset, from, to }: { dataset: Dataset; from: MonthString; to: MonthString }) {
  const filters = useExplorerStore(selectFilters);
  const comparison = useMemo(() => mapComparisonModel(dataset, from, to, filters), [dataset, from, to, filters]);
  const changes = useMemo<MapCanvasChanges>(
    () => ({
      nodes: new Map([...comparison.nodes].map(([id, entry]) => [id, entry.change])),
      links: new Map([...comparison.links].map(([id, entry]) => [id, entry.change])),
      notes: new Map([...comparison.nodes].map(([id, entry]) => [id, nodeChangeNote(entry, comparison)])),
    }),
    [comparison],
  );
  const [fromName, toName] = [formatMonth(from), formatMonth(to)];
  const summary = `On the map at either month: ${mapSummary(comparison.model)} Of these, ${changeCountsWords(comparisonCounts(comparison))}.`;
  return (
    <MapSection
      dataset={dataset}
      model={comparison.model}
      heading={`Changes from ${fromName} to ${toName}`}
      summary={summary}
      label={`Map of the changes to the health and care system from ${fromName} to ${toName}`}
      changes={changes}
      comparison={{ from, to }}
      textAlternative={<MapComparisonText comparison={comparison} summary={summary} />}
    />
  );
}
