/**
 * The funding page (#/funding?year=2015-16): who funds whom, year by year, as a flow diagram and a
 * table, driven by the timeline. The address owns the year (useAddressState with address.ts's
 * FUNDING_ADDRESS): reading it moves the month to the year's first month, unless the month shown
 * is already in that year; moving the month rewrites the year in place, keeping `embed=1`.
 */
import { AddressNotice } from '../../components/AddressNotice';
import { useMemo, useRef } from 'react';
import { useEmbedMode } from '../../components/embed';
import { ViewActions } from '../../components/ViewActions';
import { ViewErrorBoundary } from '../../components/ViewErrorBoundary';
import { financialYearToParam, flowsForYear } from '../../domain/funding';
import { financialYearOf } from '../../domain/months';
import { FundingView, sourceTitles } from '../../features/funding';
import { Timeline } from '../../features/timeline';
import { selectAddressNotice, selectDismissAddressNotice, useExplorerStore } from '../../store';
import { FUNDING_ADDRESS } from '../funding-address';
import { useLoadedDataset } from '../DatasetGate';
import { useAddressState, usePageMonth } from '../useAddressState';

const TITLE = 'Who funds whom in English health and care';

export function FundingPage() {
  const dataset = useLoadedDataset();
  useAddressState(FUNDING_ADDRESS);
  const month = usePageMonth();
  const notice = useExplorerStore(selectAddressNotice);
  const dismissNotice = useExplorerStore(selectDismissAddressNotice);
  const svgRef = useRef<SVGSVGElement>(null);
  // Embedded in another site: the view without its introduction, as the map does.
  const embedded = useEmbedMode();
  const financialYear = month ? financialYearOf(month) : undefined;
  const sources = useMemo(
    () => (financialYear ? sourceTitles(flowsForYear(dataset.funding, financialYear), dataset) : []),
    [dataset, financialYear],
  );

  if (!financialYear) return <h1 className="app-explorer__title">{TITLE}</h1>;
  return (
    <>
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
