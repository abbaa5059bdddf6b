/**
 * The guided tour (#/tour/3): the step card beside the map. The step number (counted from 1) is
 * the address; the tour sets the store's month and selection, which the map reads. Leaving the
 * tour opens the explorer at the step's view.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { DataProblemList } from '../../components/DataProblemList';
import { useEmbedMode, withEmbed } from '../../components/embed';
import { type ExportCaption, ViewActions } from '../../components/ViewActions';
import { ViewErrorBoundary } from '../../components/ViewErrorBoundary';
import { formatMonth } from '../../domain/months';
import { MapView, sourcesDrawnAt } from '../../features/graph';
import { resolveStep, Tour } from '../../features/tour';
import { selectData, selectDataset, selectFilters, selectMonth, useExplorerStore } from '../../store';

const TITLE = 'A guided tour of the reforms';

export function TourPage() {
  const data = useExplorerStore(selectData);
  const { step } = useParams();
  const embed = useEmbedMode();
  const navigate = useNavigate();
  const locationOfStep = useCallback((stepNumber: number) => withEmbed(`/tour/${stepNumber}`, embed), [embed]);
  const hrefOfStep = useCallback((stepNumber: number) => `#${locationOfStep(stepNumber)}`, [locationOfStep]);
  // Each step is its own history entry, so Back returns to the step before.
  const onGoToStep = useCallback((stepNumber: number) => void navigate(locationOfStep(stepNumber)), [navigate, locationOfStep]);
  const hrefOfView = useCallback((href: string) => withEmbed(href, embed), [embed]);

  const heading = <h1 className={embed ? 'nhsuk-u-visually-hidden' : 'app-explorer__title'}>{TITLE}</h1>;
  if (data.status === 'loading')
    return (
      <>
        {heading}
        <p role="status">Loading the dataset…</p>
      </>
    );
  if (data.status === 'invalid' && !data.dataset)
    return (
      <>
        <DataProblemList problems={data.problems} />
        {heading}
      </>
    );
  return (
    <>
      {data.status === 'invalid' ? <DataProblemList problems={data.problems} explorerBelow /> : null}
      {heading}
      {embed ? null : (
        <p className="app-explorer__intro">
          The reforms of who commissions health and care in England, one step at a time: each step moves the map to its month and
          picks out what changed. Every sentence cites its sources.
        </p>
      )}
      <ViewErrorBoundary name="the guided tour">
        <Tour
          stepParam={step}
          hrefOfStep={hrefOfStep}
          onGoToStep={onGoToStep}
          hrefOfView={hrefOfView}
          map={
            <ViewErrorBoundary name="the map">
              <MapWithActions stepParam={step} />
            </ViewErrorBoundary>
          }
        />
      </ViewErrorBoundary>
    </>
  );
}

/** The map at the step's month, with the bar above it to copy a link to this step, download the map or print it. */
function MapWithActions({ stepParam }: { stepParam: string | undefined }) {
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  const filters = useExplorerStore(selectFilters);
  const mapRef = useRef<HTMLDivElement>(null);
  const getSvg = useCallback(() => mapRef.current?.querySelector<SVGSVGElement>('svg.app-graph__svg') ?? null, []);
  const stepNumber = dataset ? resolveStep(stepParam, dataset.tour.length).index + 1 : 1;
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
      <div ref={mapRef}>
        <MapView />
      </div>
    </>
  );
}
