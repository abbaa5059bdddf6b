/**
 * The funding page (#/funding?year=2015-16): who funds whom, year by year, as a flow diagram and a
 * table, driven by the timeline. The financial year shown is always that of the store's month; the
 * address carries the year so that a view can be shared.
 */
import { AddressNotice } from '../../components/AddressNotice';
import { useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { DataProblemList } from '../../components/DataProblemList';
import { useEmbedMode, withEmbed } from '../../components/embed';
import { ViewActions } from '../../components/ViewActions';
import { ViewErrorBoundary } from '../../components/ViewErrorBoundary';
import {
  flowsForYear,
  financialYearToParam,
  resolveFundingYear,
  yearsWithFigures,
  yearWithMostFigures,
} from '../../domain/funding';
import { financialYearOf } from '../../domain/months';
import { FundingView, sourceTitles } from '../../features/funding';
import { Timeline } from '../../features/timeline';
import { selectData, selectDataset, selectMonth, useExplorerStore } from '../../store';
import type { ExplorerState } from '../../store/store';
import { type AddressReading, type AddressWrite, useStoreAddressSync } from '../useStoreAddressSync';

const TITLE = 'Who funds whom in English health and care';

export function FundingPage() {
  const data = useExplorerStore(selectData);
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  const { notice, dismissNotice } = useFundingAddressSync();
  const svgRef = useRef<SVGSVGElement>(null);
  // Embedded in another site: the view without its introduction, as the map does.
  const embedded = useEmbedMode();
  const financialYear = month ? financialYearOf(month) : undefined;
  const sources = useMemo(
    () => (dataset && financialYear ? sourceTitles(flowsForYear(dataset.funding, financialYear), dataset) : []),
    [dataset, financialYear],
  );

  if (data.status === 'loading')
    return (
      <>
        <h1 className="app-explorer__title">{TITLE}</h1>
        <p role="status">Loading the dataset…</p>
      </>
    );
  if (!dataset || !month || !financialYear)
    return (
      <>
        {data.status === 'invalid' ? <DataProblemList problems={data.problems} /> : null}
        <h1 className="app-explorer__title">{TITLE}</h1>
      </>
    );
  return (
    <>
      {data.status === 'invalid' ? <DataProblemList problems={data.problems} explorerBelow /> : null}
      <h1 className="app-explorer__title">{TITLE}</h1>
      {embedded ? null : (
        <p className="app-explorer__intro">
          How money reached the bodies that commission care, from HM Treasury through the Department of Health to NHS England,
          clinical commissioning groups, local authorities and pooled funds, for each financial year (April to March) the dataset
          has figures for. Move the timeline or choose a year; point at or tab to a flow for its figure and source.
        </p>
      )}
      <AddressNotice notice={notice} onDismiss={dismissNotice} />
      <ViewErrorBoundary name="the timeline">
        <Timeline compact />
      </ViewErrorBoundary>
      <ViewActions
        getSvg={() => svgRef.current}
        caption={{ title: 'Funding flows in English health and care', date: `Financial year ${financialYear}`, sources }}
        fileName={`funding-${financialYearToParam(financialYear)}`}
      />
      <ViewErrorBoundary name="the funding view">
        <FundingView svgRef={svgRef} />
      </ViewErrorBoundary>
    </>
  );
}

/**
 * Keeps `?year=` and the store's month in agreement, as useAddressSync does for the map: reading
 * the address moves the month (to the year's first month, unless the month is already in that
 * year); moving the month rewrites the address in place, keeping `embed=1`. The mechanism (and
 * how it keeps fast scrubbing from reading its own writes back) is useStoreAddressSync's.
 */
function useFundingAddressSync(): { notice: string | null; dismissNotice: () => void } {
  const dataset = useExplorerStore(selectDataset);
  const location = useLocation();
  const embed = useEmbedMode();
  const [notice, setNotice] = useState<string | null>(null);
  const years = useMemo(() => (dataset ? yearsWithFigures(dataset.funding) : []), [dataset]);
  const opening = useMemo(() => (dataset ? yearWithMostFigures(dataset.funding) : undefined), [dataset]);
  const addressOfYear = (financialYear: string) => withEmbed(`/funding?year=${financialYearToParam(financialYear)}`, embed);

  const reading = useMemo(() => {
    if (!dataset) return undefined;
    const asked = new URLSearchParams(location.search).get('year');
    return (state: ExplorerState): AddressReading => {
      const resolved = resolveFundingYear(asked, state.month ?? dataset.meta.coverage.to, dataset.meta.coverage, years, opening);
      return {
        apply: (current) => {
          if (resolved.month !== undefined && resolved.month !== current.month) current.setMonth(resolved.month);
        },
        notice: resolved.notice,
        canonical: withEmbed(`/funding?year=${financialYearToParam(resolved.financialYear)}`, embed),
      };
    };
  }, [dataset, location.search, embed, years, opening]);

  // A new year: the notice was about the year asked for, which is no longer shown.
  const writeFor = (state: ExplorerState, previous: ExplorerState): AddressWrite | null =>
    state.month === previous.month || state.month === null
      ? null
      : { to: addressOfYear(financialYearOf(state.month)), replace: true, clearsNotice: true };

  useStoreAddressSync({ reading, writeFor, writing: dataset !== undefined, onNotice: setNotice });
  return { notice, dismissNotice: () => setNotice(null) };
}
