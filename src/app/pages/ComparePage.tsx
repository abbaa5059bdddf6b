/**
 * #/compare?from=2012-06&to=2016-06 — two months side by side (March and April 2013 by default): on the map, with what began, ended
 * or moved marked, and as a list grouped by kind. The address is the state: the pickers write it,
 * and an odd address (a month out of range or malformed, the later month first, a missing month)
 * is corrected in place with a notice saying what was changed (the resolver is address.ts's).
 * Choosing a body or service on the map opens it in the explorer at the later month.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import { AddressNotice } from '../../components/AddressNotice';
import { comparisonLocation } from '../../components/routing';
import { ViewActions } from '../../components/ViewActions';
import type { Dataset } from '../../data/schema';
import { comparisonBetween } from '../../domain/comparison';
import { formatMonth, type MonthString } from '../../domain/months';
import { ComparePickers, ComparisonList, comparisonSourceTitles, summaryLine } from '../../features/compare';
import { MapView } from '../../features/graph';
import { selectAddressNotice, useExplorerStore } from '../../store';
import { COMPARISON_ADDRESS } from '../address';
import { useLoadedDataset } from '../DatasetGate';
import { useAddressState } from '../useAddressState';

export function ComparePage() {
  const dataset = useLoadedDataset();
  const resolved = useAddressState(COMPARISON_ADDRESS);
  if (!resolved) return null;
  return <ComparisonOfDataset dataset={dataset} from={resolved.from} to={resolved.to} embed={resolved.embed} />;
}

function ComparisonOfDataset({
  dataset,
  from,
  to,
  embed,
}: {
  dataset: Dataset;
  from: MonthString;
  to: MonthString;
  embed: boolean;
}) {
  const navigate = useNavigate();
  const notice = useExplorerStore(selectAddressNotice);
  const svgRef = useRef<SVGSVGElement | null>(null);
  const onSvg = useCallback((svg: SVGSVGElement | null) => {
    svgRef.current = svg;
  }, []);
  const { coverage } = dataset.meta;
  const comparison = useMemo(() => comparisonBetween(dataset, from, to), [dataset, from, to]);
  const onChange = useCallback(
    (nextFrom: MonthString, nextTo: MonthString) => void navigate(comparisonLocation(nextFrom, nextTo, embed), { replace: true }),
    [navigate, embed],
  );
  const getSvg = useCallback(() => svgRef.current, []);
  const caption = useMemo(
    () => ({
      title: `Changes from ${formatMonth(from)} to ${formatMonth(to)}`,
      date: `${formatMonth(from)} and ${formatMonth(to)}`,
      sources: comparisonSourceTitles(comparison, dataset.sources),
    }),
    [comparison, dataset.sources, from, to],
  );

  return (
    <div className="app-compare">
      <h1 className="nhsuk-heading-l">Compare two dates</h1>
      {embed ? null : (
        <p className="nhsuk-body app-compare-intro">
          Choose two months to see what came into being, what ended, which services changed commissioner and which counts changed
          between them, on the map and as a list. Every change links to its sources.
        </p>
      )}
      <AddressNotice notice={notice} className="app-compare-notice" />
      <ComparePickers coverage={coverage} from={from} to={to} onChange={onChange} />
      <p className="nhsuk-body app-compare-summary" aria-live="polite">
        {summaryLine(comparison)}
      </p>
      <ViewActions getSvg={getSvg} caption={caption} fileName={`changes-${from}-to-${to}`} />
      <div className="app-compare-map">
        <MapView comparison={{ from, to }} onSvg={onSvg} />
      </div>
      <ComparisonList comparison={comparison} />
    </div>
  );
}
