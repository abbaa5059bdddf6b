/**
 * The guided tour (#/tour/3): the step card beside the map. The step number (counted from 1) is
 * the address's (useAddressState with address.ts's TOUR_ADDRESS), which shows the step's month and
 * focus on the map. Choosing something on the map, or leaving the tour, opens the explorer there.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import { href, tourLocation } from '../../components/routing';
import { type ExportCaption, ViewActions } from '../../components/ViewActions';
import { ViewErrorBoundary } from '../../components/ViewErrorBoundary';
import { withEmbed } from '../../components/embed';
import { formatMonth } from '../../domain/months';
import { MapView, sourcesDrawnAt } from '../../features/graph';
import { Tour } from '../../features/tour';
import { selectAddressNotice, selectDataset, selectFilters, selectMonth, useExplorerStore } from '../../store';
import { TOUR_ADDRESS } from '../address';
import { useAddressState } from '../useAddressState';

const TITLE = 'A guided tour of the reforms';

export function TourPage() {
  const resolved = useAddressState(TOUR_ADDRESS);
  const embed = resolved?.embed ?? false;
  const stepIndex = resolved?.index ?? 0;
  // The store keeps the notice through the address's correction ("/tour/42" → "/tour/1").
  const notice = useExplorerStore(selectAddressNotice);
  const navigate = useNavigate();
  const hrefOfStep = useCallback((stepNumber: number) => href(tourLocation(stepNumber, embed)), [embed]);
  // Each step is its own history entry, so Back returns to the step before.
  const onGoToStep = useCallback((stepNumber: number) => void navigate(tourLocation(stepNumber, embed)), [navigate, embed]);
  const hrefOfView = useCallback((view: string) => withEmbed(view, embed), [embed]);

  const heading = <h1 className={embed ? 'nhsuk-u-visually-hidden' : 'app-explorer__title'}>{TITLE}</h1>;
  return (
    <>
      {heading}
      {embed ? null : (
        <p className="app-explorer__intro">
          The reforms of who commissions health and care in England, one step at a time: each step moves the map to its month and
          picks out what changed. Every sentence cites its sources.
        </p>
      )}
      <ViewErrorBoundary name="the guided tour">
        <Tour
          stepIndex={stepIndex}
          notice={notice}
          hrefOfStep={hrefOfStep}
          onGoToStep={onGoToStep}
          hrefOfView={hrefOfView}
          map={
            <ViewErrorBoundary name="the map">
              <MapWithActions stepNumber={stepIndex + 1} />
            </ViewErrorBoundary>
          }
        />
      </ViewErrorBoundary>
    </>
  );
}

/** The map at the step's month, with the bar above it to copy a link to this step, download the map or print it. */
function MapWithActions({ stepNumber }: { stepNumber: number }) {
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  const filters = useExplorerStore(selectFilters);
  const svgRef = useRef<SVGSVGElement | null>(null);
  const onSvg = useCallback((svg: SVGSVGElement | null) => {
    svgRef.current = svg;
  }, []);
  const getSvg = useCallback(() => svgRef.current, []);
  const caption = useMemo<ExportCaption>(
    () => ({
      title: `${TITLE}, step ${stepNumber}`,
      date: month ? formatMonth(month) : '',
      // Worked out only when a picture is exported.
      get sources() {
        return dataset && month ? sourcesDrawnAt(dataset, month, filters) : [];
      },
    }),
    [dataset, month, filters, stepNumber],
  );
  return (
    <>
      {dataset && month ? <ViewActions getSvg={getSvg} caption={caption} fileName={`tour-step-${stepNumber}-${month}`} /> : null}
      <MapView onSvg={onSvg} />
    </>
  );
}
