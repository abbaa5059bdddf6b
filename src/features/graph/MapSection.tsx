/**
 * The map's section, shared by the map at a month (MapView) and the map comparing two months
 * (MapComparisonView): a stage (heading, the map and its tools) and, below it, the key, filters and
 * text alternative.
 */
import { AfterFirstPaint } from '../../components/after-paint';
import { type ReactNode, Suspense, useCallback, useId, useMemo, useRef } from 'react';
import type { Dataset } from '../../data/schema';
import type { MapChange, MapModel, MapNode } from '../../domain/graph';
import type { MonthString } from '../../domain/months';
import { plural } from '../../lib/words';
import { selectSelect, selectSelection, useExplorerStore } from '../../store';
import { useReducedMotion } from './hooks';
import { MapFilters, ShowServicesToggle } from './MapFilters';
import { MapLegend } from './MapLegend';
import type { Novelty } from './MapNodes';
import {
  CCG_KIND_ID,
  MEMBERS_FROM,
  MembersLayer,
  MembersToggle,
  useMembers,
  useMembersScope,
  withoutCardServices,
} from './members';
import { sceneAt } from './scene';
import { StoryMap } from './StoryMap';
import { unionOf } from './union';
import { useMapLayout } from './useMapLayout';
import { WhatChanged } from './WhatChanged';

/** "41 organisations and 41 services; 160 links." */
export function mapSummary(model: MapModel): string {
  // A node drawn for a kind of body or service (a large dataset's level of detail) counts its members.
  const counted = (type: MapModel['nodes'][number]['type']) =>
    model.nodes.reduce((sum, node) => sum + (node.type === type ? (node.members?.length ?? 1) : 0), 0);
  const organisations = counted('organisation');
  const services = counted('service');
  const what =
    services > 0
      ? `${plural(organisations, 'organisation')} and ${plural(services, 'service')}`
      : plural(organisations, 'organisation');
  const kinds = model.nodes.some((node) => node.members)
    ? ` Bodies and services of one kind are drawn as one node, with their count (${plural(model.nodes.length, 'node')}).`
    : '';
  return `${what}; ${plural(model.links.length, 'link')}.${kinds}`;
}

/** Two months to compare, as "YYYY-MM". */
export interface MapComparison {
  from: MonthString;
  to: MonthString;
}

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
  /** receives the map's drawing (the svg), for the page's export */
  onSvg?: (svg: SVGSVGElement | null) => void;
}

const drawingPlaceholder = (
  <p className="app-graph__drawing" role="status">
    Drawing the map…
  </p>
);

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
  const fullScene = useMemo(() => (layout ? sceneAt(layout, model) : undefined), [layout, model]);
  // The map's "CCGs" opened into its named members (the address's members=): its card holds them
  // instead of its services. Only on the map of a month, from April 2013.
  const members = useMembersScope();
  const membersMonth = comparison ? undefined : changesInto;
  const membersScope = members.available && membersMonth ? members.scope : null;
  // Loaded once the map is drawn, so that the map comes first.
  const membersState = useMembers(fullScene ? membersScope : null);
  const ccgCard = fullScene?.cards.find((card) => card.id === CCG_KIND_ID);
  const drawMembers = Boolean(ccgCard && membersState?.status === 'ready' && membersMonth && membersMonth >= MEMBERS_FROM);
  const scene = useMemo(
    () => (fullScene && drawMembers ? withoutCardServices(fullScene, CCG_KIND_ID) : fullScene),
    [fullScene, drawMembers],
  );
  const hiddenServices = fullScene && scene ? fullScene.nodes.length - scene.nodes.length : 0;
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
          // The map is drawn a frame after the page around it: a page's first frame that lays out
          // the whole explorer and the map's hundreds of labels at once is one long task on a small
          // machine; two frames of half the work are not. Later months redraw in place.
          <AfterFirstPaint fallback={drawingPlaceholder}>
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
                  {members.available && membersMonth ? (
                    <MembersToggle scope={membersScope} month={membersMonth} state={membersState} onShow={members.show} />
                  ) : null}
                  <ShowServicesToggle />
                </>
              }
              layer={
                drawMembers && ccgCard && membersScope && membersMonth ? (
                  <Suspense fallback={null}>
                    <MembersLayer
                      scope={membersScope}
                      month={membersMonth}
                      body={ccgCard.body}
                      fontSize={scene.fontSize}
                      colour={ccgCard.colour}
                      sceneWidth={scene.width}
                      reducedMotion={reducedMotion}
                      hiddenServices={hiddenServices}
                    />
                  </Suspense>
                ) : undefined
              }
              overlay={changesInto && layout ? <WhatChanged layout={layout} dataset={dataset} month={changesInto} /> : undefined}
              novelties={novelties}
              notes={notes}
              changes={changes}
              onSvg={onSvg}
            />
          </AfterFirstPaint>
        ) : (
          drawingPlaceholder
        )}
      </div>
      {/* Below the map, and a third of its elements (the text alternative is long): drawn just
          after the map's first paint (two paints: the page's, then the map's), so that no frame
          creates and lays out everything at once. */}
      <AfterFirstPaint paints={2}>
        <div className="app-graph__details">
          <MapLegend union={union} headingId={legendId} comparison={comparison} />
          <MapFilters union={union} />
          {textAlternative}
        </div>
      </AfterFirstPaint>
    </section>
  );
}
