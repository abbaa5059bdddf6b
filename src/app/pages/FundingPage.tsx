/**
 * The funding page (#/funding?year=2015-16): who funds whom, year by year, as a flow diagram and a
 * table, driven by the timeline. The financial year shown is always that of the store's month; the
 * address carries the year so that a view can be shared.
 */
import { AddressNotice } from '../../components/AddressNotice';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { DataProblemList } from '../../components/DataProblemList';
import { useEmbedMode, withEmbed } from '../../components/embed';
import { ViewActions } from '../../components/ViewActions';
import { ViewErrorBoundary } from '../../components/ViewErrorBoundary';
import { flowsForYear, financialYearToParam, resolveFundingYear, yearsWithFigures } from '../../domain/funding';
import { financialYearOf } from '../../domain/months';
import { FundingView, sourceTitles } from '../../features/funding';
import { Timeline } from '../../features/timeline';
import { selectData, selectDataset, selectMonth, useExplorerStore, useExplorerStoreApi } from '../../store';

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
 * year); moving the month rewrites the address in place, keeping `embed=1`. Addresses this hook
 * wrote are remembered until the router shows them, so they are never read back into the store
 * (while scrubbing, the store is already further on).
 */
function useFundingAddressSync(): { notice: string | null; dismissNotice: () => void } {
  const store = useExplorerStoreApi();
  const dataset = useExplorerStore(selectDataset);
  const location = useLocation();
  const navigate = useNavigate();
  const embed = useEmbedMode();
  const [notice, setNotice] = useState<string | null>(null);
  const address = `${location.pathname}${location.search}`;
  const currentAddress = useRef(address);
  const currentEmbed = useRef(embed);
  useLayoutEffect(() => {
    currentAddress.current = address;
    currentEmbed.current = embed;
  }, [address, embed]);
  const written = useRef<string[]>([]);
  const applyingAddress = useRef(false);
  const years = useMemo(() => (dataset ? yearsWithFigures(dataset.funding) : []), [dataset]);

  // address → store
  useEffect(() => {
    if (!dataset) return;
    const ownWrite = written.current.indexOf(address);
    if (ownWrite >= 0) {
      written.current.splice(0, ownWrite + 1);
      return;
    }
    const state = store.getState();
    const resolved = resolveFundingYear(
      new URLSearchParams(location.search).get('year'),
      state.month ?? dataset.meta.coverage.to,
      dataset.meta.coverage,
      years,
    );
    applyingAddress.current = true;
    try {
      if (resolved.month !== undefined && resolved.month !== state.month) state.setMonth(resolved.month);
    } finally {
      applyingAddress.current = false;
    }
    setNotice(resolved.notice);
    const canonical = withEmbed(`/funding?year=${financialYearToParam(resolved.financialYear)}`, embed);
    if (canonical !== address) {
      written.current.push(canonical);
      void navigate(canonical, { replace: true });
    }
  }, [dataset, address, location.search, embed, years, store, navigate]);

  // store → address
  useEffect(() => {
    if (!dataset) return;
    return store.subscribe((state, previous) => {
      if (applyingAddress.current || state.month === previous.month || state.month === null) return;
      const target = withEmbed(`/funding?year=${financialYearToParam(financialYearOf(state.month))}`, currentEmbed.current);
      const latest = written.current[written.current.length - 1] ?? currentAddress.current;
      if (target === latest) return;
      // A new year: the notice was about the year asked for, which is no longer shown.
      setNotice(null);
      written.current.push(target);
      void navigate(target, { replace: true });
    });
  }, [dataset, store, navigate]);

  return { notice, dismissNotice: () => setNotice(null) };
}
