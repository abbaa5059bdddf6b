/**
 * The map itself: an SVG drawn by React from the month's model and the one layout of every month.
 *
 * Every node and link of every month is drawn, and those not on the map this month are hidden
 * (faded and shrunk by CSS, then taken out of the accessibility tree and the tab order). So a node
 * never moves when the month changes, appearing and vanishing nodes grow and fade in place, and a
 * transfer of responsibility shows as one link fading while another draws in.
 *
 * Keyboard: the nodes are one tab stop (a roving tab index); the arrow keys move to the nearest
 * node in that direction, Home and End to the first and last, Enter or Space selects, Escape stops
 * picking out the focused node's links.
 */
import {
  memo,
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import type { MapChange, MapLink, MapLinkKind, MapModel, MapNode } from '../../domain/graph';
import { neighboursOf } from '../../domain/graph';
import type { Selection } from '../../store';
import {
  CATEGORY_STYLES,
  fundingLabel,
  fundingPhrase,
  LEVEL_LABELS,
  LINK_KINDS_IN_ORDER,
  LINK_STYLES,
  linkSentence,
  nodeAccessibleName,
  PLANNED_COMMISSIONING_DASH,
  SERVICE_FILL,
} from './encodings';
import {
  familyOf,
  glyphShapeOf,
  glyphSize,
  LABEL_FONT_SIZE,
  LABEL_GAP,
  labelLines,
  labelsThatFit,
  glyphBoxAt,
  nodeLabelBoxAt,
  type Box,
  type LabelCandidate,
  linkGeometry,
  nearestInDirection,
  nodeBoxAt,
  placeLinkLabel,
  pointOnLink,
  textSize,
  type GlyphShape,
} from './geometry';
import { joinWords } from '../../components/words';
import type { Point } from './layout';
import type { MapLayout } from './mapLayout';
import { ChangeBadge, Glyph } from './MapGlyph';
import { useMapZoom } from './useMapZoom';

export interface MapFrame {
  /** the svg's size on the page, in CSS pixels */
  width: number;
  height: number;
}

/** In a comparison of two months: how each node and link changed, and words for each node that say so. */
export interface MapCanvasChanges {
  nodes: ReadonlyMap<string, MapChange>;
  links: ReadonlyMap<string, MapChange>;
  /** added to a node's accessible name and the caption: "added: on the map in June 2016, not in June 2012" */
  notes: ReadonlyMap<string, string>;
}

/** Node and link states, from strongest to weakest. */
type Emphasis = 'focus' | 'highlighted' | 'normal' | 'muted' | 'dimmed';

interface MapCanvasProps {
  layout: MapLayout;
  model: MapModel;
  frame: MapFrame;
  selection: Selection;
  reducedMotion: boolean;
  label: string;
  describedBy: string;
  onSelect: (node: MapNode) => void;
  /** controls shown before the zoom buttons, above the map */
  toolbar?: ReactNode;
  /** marks for a comparison of two months (the model then holds what is on the map at either) */
  changes?: MapCanvasChanges;
}

const NODE_SELECTOR = '[data-node-id]';
/** Funding labels are a little smaller than node labels (see .app-graph__link-label). */
const LINK_LABEL_FONT_SIZE = LABEL_FONT_SIZE.organisation * 0.95;
const DRAG_THRESHOLD_PX = 4;

/** On-screen label size, in CSS pixels: it grows with zoom from 11 px to 15 px and then holds, so labels stay legible. */
const labelScreenSize = (scale: number) => Math.min(15, Math.max(11, 12 * scale));

const nodeIdOf = (target: EventTarget | null): string | undefined =>
  target instanceof Element ? (target.closest(NODE_SELECTOR)?.getAttribute('data-node-id') ?? undefined) : undefined;

export function MapCanvas({
  layout,
  model,
  frame,
  selection,
  reducedMotion,
  label,
  describedBy,
  onSelect,
  toolbar,
  changes,
}: MapCanvasProps) {
  const svgRef = useRef<SVGSVGElement | null>(null);
  const zoomLayerRef = useRef<SVGGElement | null>(null);
  const markerPrefix = `app-graph-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const {
    transform,
    zoomIn,
    zoomOut,
    reset: resetZoom,
    ensureVisible,
  } = useMapZoom(svgRef, layout.width, layout.height, reducedMotion);

  // The model before this one, so that a vanishing node fades out with the label it had.
  const [history, setHistory] = useState({ current: model, previous: model });
  if (history.current !== model) setHistory({ current: model, previous: history.current });

  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [dragged, setDragged] = useState<ReadonlyMap<string, Point>>(new Map());
  const drag = useRef<{ id: string; pointerId: number; startX: number; startY: number; offset: Point; moved: boolean } | null>(
    null,
  );
  const suppressClick = useRef(false);

  const presentNodes = useMemo(() => new Map(model.nodes.map((node) => [node.id, node])), [model]);
  const previousNodes = useMemo(() => new Map(history.previous.nodes.map((node) => [node.id, node])), [history.previous]);
  const presentLinks = useMemo(() => new Map(model.links.map((link) => [link.id, link])), [model]);
  const previousLinks = useMemo(() => new Map(history.previous.links.map((link) => [link.id, link])), [history.previous]);

  const unionNodes = useMemo(() => new Map(layout.union.nodes.map(({ node }) => [node.id, node])), [layout]);
  // A node as it is this month; failing that, as it was last month (so it fades out as it was); failing that, as it ever was.
  const nodeAt = useCallback(
    (id: string): MapNode | undefined => presentNodes.get(id) ?? previousNodes.get(id) ?? unionNodes.get(id),
    [presentNodes, previousNodes, unionNodes],
  );
  const positionOf = useCallback(
    (id: string): Point | undefined => dragged.get(id) ?? layout.positions.get(id),
    [dragged, layout],
  );

  // Each link's path, by id: positions and shapes do not change with the month, so neither do paths
  // (only a drag recomputes them).
  const linkPaths = useMemo(() => {
    const paths = new Map<string, ReturnType<typeof linkGeometry>>();
    for (const { link } of layout.union.links) {
      const source = positionOf(link.source);
      const target = positionOf(link.target);
      const sourceNode = unionNodes.get(link.source);
      const targetNode = unionNodes.get(link.target);
      if (!source || !target || !sourceNode || !targetNode) continue;
      paths.set(
        link.id,
        linkGeometry(
          { ...source, shape: glyphShapeOf(sourceNode) },
          { ...target, shape: glyphShapeOf(targetNode) },
          layout.bends.get(link.id) ?? 0,
          link.kind === 'funds' ? 3 : 2,
        ),
      );
    }
    return paths;
  }, [layout, positionOf, unionNodes]);

  // Draw services under organisations, and within each, the national level last (on top). In a
  // comparison, removed nodes go under the rest: a successor may stand where its forerunner stood.
  const orderedNodes = useMemo(
    () =>
      [...layout.union.nodes].sort(
        (a, b) =>
          Number(b.node.type === 'service') - Number(a.node.type === 'service') ||
          Number(changes?.nodes.get(b.node.id) === 'removed') - Number(changes?.nodes.get(a.node.id) === 'removed') ||
          levelRank(b.node) - levelRank(a.node),
      ),
    [layout, changes],
  );

  // The reading order of the nodes on the map now: top to bottom by band, then left to right.
  const readingOrder = useMemo(
    () =>
      model.nodes
        .map((node) => ({ id: node.id, rank: levelRank(node), at: layout.positions.get(node.id) ?? { x: 0, y: 0 } }))
        .sort((a, b) => a.rank - b.rank || a.at.x - b.at.x)
        .map(({ id }) => id),
    [model, layout],
  );
  const tabbableId = activeId && presentNodes.has(activeId) ? activeId : (readingOrder[0] ?? null);

  // What is emphasised: the hovered or focused node and its neighbours; otherwise the selection.
  const emphasisId =
    hoveredId && presentNodes.has(hoveredId) ? hoveredId : focusedId && presentNodes.has(focusedId) ? focusedId : null;
  const emphasis = useMemo(() => (emphasisId ? neighboursOf(model, emphasisId) : null), [model, emphasisId]);
  const selected = useMemo(() => selectedOnMap(model, selection), [model, selection]);

  const nodeEmphasis = (id: string): Emphasis => {
    if (emphasisId && emphasis) return id === emphasisId ? 'focus' : emphasis.has(id) ? 'highlighted' : 'dimmed';
    if (selected) return selected.id === id || selected.related.has(id) ? 'highlighted' : 'muted';
    return 'normal';
  };
  const linkEmphasis = (link: MapLink): Emphasis => {
    if (emphasisId) return link.source === emphasisId || link.target === emphasisId ? 'highlighted' : 'dimmed';
    if (selected) return selected.links.has(link.id) ? 'highlighted' : 'muted';
    return 'normal';
  };

  // Layout units to CSS pixels: the viewBox's scale (it fits the layout box to the svg), times the zoom.
  const viewScale = Math.min(frame.width / layout.width, frame.height / layout.height);
  const scale = transform.k * viewScale;
  const labelSize = labelScreenSize(scale) / scale;
  // Funding labels go where they cover no node: the middle of the link, or the clearest point near it.
  const fundingLabels = useMemo(() => {
    const obstacles = model.nodes.flatMap((node) => {
      const at = positionOf(node.id);
      return at ? [nodeBoxAt(glyphShapeOf(node), node.label, at)] : [];
    });
    return model.links.flatMap((link) => {
      const lines = fundingLabel(link.funding);
      const source = positionOf(link.source);
      const target = positionOf(link.target);
      const sourceNode = presentNodes.get(link.source);
      const targetNode = presentNodes.get(link.target);
      if (!lines || !source || !target || !sourceNode || !targetNode) return [];
      const geometry = linkGeometry(
        { ...source, shape: glyphShapeOf(sourceNode) },
        { ...target, shape: glyphShapeOf(targetNode) },
        layout.bends.get(link.id) ?? 0,
      );
      const at = placeLinkLabel(geometry, textSize(lines, LINK_LABEL_FONT_SIZE), obstacles);
      return [{ id: link.id, lines, x: at.x, y: at.y }];
    });
  }, [model, presentNodes, positionOf, layout]);

  // Labels are culled where they would overlap, most important first: national before local,
  // busier bodies before quieter ones, organisations before services. The label size is rounded
  // so that zooming recomputes this a few times, not at every frame.
  const fontScale = Math.round((labelSize / LABEL_FONT_SIZE.organisation) * 20) / 20;
  const labelOrder = useMemo(() => {
    const degree = new Map<string, number>();
    for (const link of model.links) for (const end of [link.source, link.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    return [...model.nodes].sort(
      (a, b) => levelRank(a) - levelRank(b) || (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.id.localeCompare(b.id),
    );
  }, [model]);
  const labelled = useMemo(() => {
    const glyphs: Box[] = [];
    const nodeLabels: LabelCandidate[] = [];
    for (const node of labelOrder) {
      const at = positionOf(node.id);
      if (!at) continue;
      const shape = glyphShapeOf(node);
      glyphs.push(glyphBoxAt(shape, at));
      nodeLabels.push({ id: node.id, box: nodeLabelBoxAt(shape, node.label, at, fontScale) });
    }
    const fundingCandidates = fundingLabels.map(({ id, lines, x, y }) => {
      const size = textSize(lines, LINK_LABEL_FONT_SIZE * fontScale);
      return { id, box: { x: x - size.width / 2, y: y - size.height / 2, width: size.width, height: size.height } };
    });
    // Organisations first, then funding figures, then services.
    const services = nodeLabels.filter(({ id }) => presentNodes.get(id)?.type === 'service');
    const organisations = nodeLabels.filter(({ id }) => presentNodes.get(id)?.type !== 'service');
    // A node's own glyph never hides its label: its label box starts below it.
    return labelsThatFit([...organisations, ...fundingCandidates, ...services], glyphs);
  }, [labelOrder, positionOf, fontScale, fundingLabels, presentNodes]);

  const focusNode = useCallback(
    (id: string) => {
      const element = svgRef.current?.querySelector<SVGGElement>(`[data-node-id="${id}"]`);
      element?.focus();
    },
    [svgRef],
  );

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const id = nodeIdOf(event.target);
    if (!id) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const node = presentNodes.get(id);
      if (node) onSelect(node);
      return;
    }
    if (event.key === 'Escape') {
      // Stop picking out this node's links; focus stays where it is.
      setHoveredId(null);
      setFocusedId(null);
      return;
    }
    let next: string | undefined;
    if (event.key === 'Home') next = readingOrder[0];
    else if (event.key === 'End') next = readingOrder[readingOrder.length - 1];
    else if (event.key in DIRECTIONS)
      next = nearestInDirection(id, DIRECTIONS[event.key as keyof typeof DIRECTIONS], readingOrder, positionOf);
    else return;
    event.preventDefault();
    if (next) focusNode(next);
  };

  const onFocus = (event: FocusEvent<SVGGElement>) => {
    const id = nodeIdOf(event.target);
    if (!id) return;
    setFocusedId(id);
    setActiveId(id);
    const at = positionOf(id);
    if (at) ensureVisible(at);
  };
  const onBlur = (event: FocusEvent<SVGGElement>) => {
    if (!nodeIdOf(event.relatedTarget)) setFocusedId(null);
  };

  // Dragging a node moves it (and only it) for as long as the map is open; the store never hears of it.
  const pointerToLayout = (event: PointerEvent<SVGGElement>): Point | undefined => {
    const layer = zoomLayerRef.current;
    const matrix = layer && typeof layer.getScreenCTM === 'function' ? layer.getScreenCTM() : null;
    if (!matrix || typeof DOMPoint === 'undefined') return undefined;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  };
  const onPointerDown = (event: PointerEvent<SVGGElement>) => {
    const id = nodeIdOf(event.target);
    suppressClick.current = false;
    if (!id || event.button !== 0) return;
    const at = positionOf(id);
    const pointer = pointerToLayout(event);
    if (!at || !pointer) return;
    drag.current = {
      id,
      pointerId: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      offset: { x: pointer.x - at.x, y: pointer.y - at.y },
      moved: false,
    };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<SVGGElement>) => {
    const current = drag.current;
    if (current?.pointerId !== event.pointerId) {
      const id = nodeIdOf(event.target);
      if (!current && event.pointerType === 'mouse' && id !== hoveredId) setHoveredId(id ?? null);
      return;
    }
    if (!current.moved && Math.hypot(event.clientX - current.startX, event.clientY - current.startY) < DRAG_THRESHOLD_PX) return;
    current.moved = true;
    const pointer = pointerToLayout(event);
    if (!pointer) return;
    const at = { x: pointer.x - current.offset.x, y: pointer.y - current.offset.y };
    setDragged((previous) => new Map(previous).set(current.id, at));
  };
  const onPointerUp = (event: PointerEvent<SVGGElement>) => {
    const current = drag.current;
    if (current?.pointerId !== event.pointerId) return;
    drag.current = null;
    event.currentTarget.releasePointerCapture?.(event.pointerId);
    // A press and release without a drag chooses the node here, not in the click that follows:
    // the pointer capture above makes the browser send that click to the layer, not to the node.
    if (!current.moved) {
      const node = presentNodes.get(current.id);
      if (node) onSelect(node);
    }
    suppressClick.current = true;
  };
  const onClick = (event: MouseEvent<SVGGElement>) => {
    // Handled at pointerup (a press, or the end of a drag); a click with no pointer press before
    // it (assistive technology, a synthetic click) still chooses the node under it.
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    const id = nodeIdOf(event.target);
    const node = id ? presentNodes.get(id) : undefined;
    if (node) onSelect(node);
  };

  const resetView = () => {
    setDragged(new Map());
    resetZoom();
  };

  const commissionersOfService = useMemo(() => {
    const byService = new Map<string, string[]>();
    for (const link of model.links) {
      if (link.kind !== 'commissions' || link.status !== 'in-force') continue;
      const name = presentNodes.get(link.source)?.name;
      if (name) byService.set(link.target, [...(byService.get(link.target) ?? []), name]);
    }
    return byService;
  }, [model, presentNodes]);

  // In a comparison, a changed link (a new status or role) carries a sign at its middle; added and
  // removed links are told apart by their line (heavier, or broken), which a sign on each would crowd.
  const changeMarks = useMemo(() => {
    if (!changes) return [];
    return model.links.flatMap((link) => {
      if (changes.links.get(link.id) !== 'changed') return [];
      const source = positionOf(link.source);
      const target = positionOf(link.target);
      const sourceNode = presentNodes.get(link.source);
      const targetNode = presentNodes.get(link.target);
      if (!source || !target || !sourceNode || !targetNode) return [];
      const geometry = linkGeometry(
        { ...source, shape: glyphShapeOf(sourceNode) },
        { ...target, shape: glyphShapeOf(targetNode) },
        layout.bends.get(link.id) ?? 0,
      );
      return [{ id: link.id, change: 'changed' as const, ...pointOnLink(geometry, 0.5) }];
    });
  }, [changes, model, positionOf, presentNodes, layout]);

  return (
    <div className="app-graph__canvas">
      <div className="app-graph__toolbar">
        {toolbar}
        <div className="app-graph__zoom-controls" role="group" aria-label="Zoom">
          <button type="button" className="app-graph__zoom-button" onClick={zoomIn} aria-label="Zoom in">
            <span aria-hidden="true">+</span>
          </button>
          <button type="button" className="app-graph__zoom-button" onClick={zoomOut} aria-label="Zoom out">
            <span aria-hidden="true">−</span>
          </button>
          <button type="button" className="app-graph__zoom-button app-graph__zoom-button--text" onClick={resetView}>
            Reset view
          </button>
        </div>
      </div>
      <svg
        ref={svgRef}
        className="app-graph__svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={frame.width}
        height={frame.height}
        role="group"
        aria-label={label}
        aria-describedby={describedBy}
        style={{ '--app-graph-band-label-size': `${(13 / viewScale).toFixed(2)}px` } as CSSProperties}
      >
        <defs>
          {[...LINK_KINDS_IN_ORDER, 'planned' as const].map((kind) => (
            <ArrowMarker key={kind} id={`${markerPrefix}-${kind}`} kind={kind} />
          ))}
        </defs>
        <rect className="app-graph__background" x={0} y={0} width={layout.width} height={layout.height} />
        <g
          ref={zoomLayerRef}
          transform={`translate(${transform.x},${transform.y}) scale(${transform.k})`}
          className="app-graph__layer"
          style={{ '--app-graph-label-size': `${labelSize.toFixed(2)}px` } as CSSProperties}
        >
          {layout.bands.map((band, index) => (
            <rect
              key={band.level}
              className={`app-graph__band app-graph__band--${index % 2 === 0 ? 'even' : 'odd'}`}
              x={-layout.width}
              y={band.top}
              width={layout.width * 3}
              height={band.bottom - band.top}
            />
          ))}
          <g className="app-graph__links" aria-hidden="true">
            {layout.union.links.map(({ link: unionLink }) => {
              const link = presentLinks.get(unionLink.id) ?? previousLinks.get(unionLink.id) ?? unionLink;
              const sourceNode = nodeAt(link.source);
              const targetNode = nodeAt(link.target);
              const geometry = linkPaths.get(link.id);
              if (!geometry || !sourceNode || !targetNode) return null;
              const present = presentLinks.has(link.id);
              return (
                <MapLinkView
                  change={present ? changes?.links.get(link.id) : undefined}
                  key={link.id}
                  kind={link.kind}
                  planned={link.status !== 'in-force'}
                  d={geometry.d}
                  title={linkSentence(link, sourceNode, targetNode)}
                  present={present}
                  emphasis={present ? linkEmphasis(link) : 'normal'}
                  markerId={`${markerPrefix}-${link.status !== 'in-force' ? 'planned' : link.kind}`}
                />
              );
            })}
          </g>
          <g
            className="app-graph__nodes"
            onKeyDown={onKeyDown}
            onFocus={onFocus}
            onBlur={onBlur}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onPointerLeave={() => setHoveredId(null)}
            onClick={onClick}
          >
            {orderedNodes.map(({ node: unionNode }) => {
              const node = nodeAt(unionNode.id) ?? unionNode;
              const at = positionOf(node.id);
              if (!at) return null;
              const present = presentNodes.has(node.id);
              const commissioners = commissionersOfService.get(node.id);
              const changeNote = changes?.notes.get(node.id);
              return (
                <MapNodeView
                  change={present ? changes?.nodes.get(node.id) : undefined}
                  key={node.id}
                  node={node}
                  x={at.x}
                  y={at.y}
                  present={present}
                  tabbable={present && node.id === tabbableId}
                  emphasis={present ? nodeEmphasis(node.id) : 'normal'}
                  selected={present && selected?.id === node.id}
                  related={present && (selected?.related.has(node.id) ?? false) && selected?.kind === 'service'}
                  labelFits={!present || labelled.has(node.id)}
                  accessibleName={
                    nodeAccessibleName(node) +
                    (changeNote !== undefined
                      ? `, ${changeNote}`
                      : commissioners
                        ? `, commissioned by ${joinWords(commissioners)}`
                        : '')
                  }
                />
              );
            })}
          </g>
          {changeMarks.length > 0 ? (
            <g className="app-graph__link-change-marks" aria-hidden="true">
              {changeMarks.map(({ id, change, x, y }) => (
                <ChangeBadge key={id} change={change} x={x} y={y} radius={6} />
              ))}
            </g>
          ) : null}
          <g className="app-graph__link-labels" aria-hidden="true">
            {fundingLabels.map(({ id, lines, x, y }) => {
              const link = presentLinks.get(id);
              const emphasis = link ? linkEmphasis(link) : 'normal';
              // A funding figure that would overlap a label shows only when its link is highlighted.
              if (!labelled.has(id) && emphasis !== 'highlighted') return null;
              return <MapLinkLabel key={id} lines={lines} x={x} y={y} emphasis={emphasis} />;
            })}
          </g>
        </g>
        <g className="app-graph__band-labels" aria-hidden="true">
          {layout.bands.map((band) => {
            const y = transform.applyY(band.top);
            const bottom = transform.applyY(band.bottom);
            if (bottom < 0 || y > layout.height) return null;
            return (
              <text key={band.level} className="app-graph__band-label" x={8 / viewScale} y={Math.max(y, 0) + 18 / viewScale}>
                {LEVEL_LABELS[band.level]}
              </text>
            );
          })}
        </g>
      </svg>
      <MapCaption
        note={emphasisId ? changes?.notes.get(emphasisId) : undefined}
        node={emphasisId ? presentNodes.get(emphasisId) : undefined}
        model={model}
        selection={selection}
        presentNodes={presentNodes}
      />
    </div>
  );
}

const DIRECTIONS = {
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
} as const;

const LEVEL_RANK = { national: 0, regional: 1, local: 2, service: 3 } as const;
const levelRank = (node: MapNode) => LEVEL_RANK[node.level];

interface SelectedOnMap {
  kind: 'service' | 'organisation';
  id: string;
  /** a service's commissioners, or an organisation's neighbours */
  related: Set<string>;
  links: Set<string>;
}

/** The selected service or organisation, if it is on the map this month, with what is highlighted with it. */
export function selectedOnMap(model: MapModel, selection: Selection): SelectedOnMap | null {
  if (!selection) return null;
  const id = selection.kind === 'service' ? `service:${selection.id}` : selection.id;
  if (!model.nodes.some((node) => node.id === id)) return null;
  const incident = model.links.filter((link) => link.source === id || link.target === id);
  return {
    kind: selection.kind,
    id,
    related: new Set(incident.map((link) => (link.source === id ? link.target : link.source))),
    links: new Set(incident.map((link) => link.id)),
  };
}

function ArrowMarker({ id, kind }: { id: string; kind: MapLinkKind | 'planned' }) {
  const style = kind === 'planned' ? LINK_STYLES.commissions : LINK_STYLES[kind];
  const size = kind === 'funds' ? 10 : 8;
  return (
    <marker
      id={id}
      viewBox="0 0 10 10"
      refX={9}
      refY={5}
      markerWidth={size}
      markerHeight={size}
      markerUnits="userSpaceOnUse"
      orient="auto-start-reverse"
    >
      <path d="M0,1 L9,5 L0,9 z" fill={style.stroke} />
    </marker>
  );
}

interface MapLinkViewProps {
  /** in a comparison, how the link changed */
  change?: MapChange | undefined;
  kind: MapLinkKind;
  planned: boolean;
  d: string;
  title: string;
  present: boolean;
  emphasis: Emphasis;
  markerId: string;
}

const MapLinkView = memo(function MapLinkView({
  change,
  kind,
  planned,
  d,
  title,
  present,
  emphasis,
  markerId,
}: MapLinkViewProps) {
  const style = LINK_STYLES[kind];
  const dash = planned ? PLANNED_COMMISSIONING_DASH : style.dash;
  // Solid links in force draw in from their source when they appear: a commissioner taking on a service.
  const drawsIn = !dash;
  const classes = [
    'app-graph__link',
    `app-graph__link--${kind}`,
    style.subtle ? 'is-subtle' : '',
    planned ? 'is-planned' : '',
    present ? '' : 'is-absent',
    `is-${emphasis}`,
    change ? `is-change-${change}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <g className={classes} data-link-kind={kind} data-present={present ? 'true' : 'false'} data-change={change}>
      <path
        className={`app-graph__link-line${drawsIn ? ' app-graph__link-line--draws-in' : ''}`}
        d={d}
        stroke={style.stroke}
        strokeWidth={style.width}
        strokeDasharray={dash}
        strokeLinecap={style.dotted ? 'round' : 'butt'}
        markerEnd={`url(#${markerId})`}
        pathLength={drawsIn ? 1 : undefined}
        fill="none"
      />
      {/* A removed link is drawn broken: gaps cut across whatever dash its kind has. */}
      {change === 'removed' ? <path className="app-graph__link-break" d={d} fill="none" /> : null}
      <path className="app-graph__link-hit" d={d}>
        <title>{title}</title>
      </path>
    </g>
  );
});

/** A funding link's label ("£104.4bn", "2015/16"), centred on its point, drawn above the nodes. */
const MapLinkLabel = memo(function MapLinkLabel({
  lines,
  x,
  y,
  emphasis,
}: {
  lines: string[];
  x: number;
  y: number;
  emphasis: Emphasis;
}) {
  const first = -((lines.length - 1) / 2) * 1.1 + 0.35;
  return (
    <text className={`app-graph__link-label is-${emphasis}`} x={x} y={y} textAnchor="middle">
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={`${index === 0 ? first : 1.1}em`}>
          {index < lines.length - 1 ? `${line} ` : line}
        </tspan>
      ))}
    </text>
  );
});

/**
 * A node's props are equal when what it draws is: the month's model makes a new node object each
 * month, so comparing the node by reference would redraw every node at every step.
 */
function sameNodeView(before: MapNodeViewProps, after: MapNodeViewProps): boolean {
  for (const key of Object.keys(after) as (keyof MapNodeViewProps)[])
    if (key !== 'node' && before[key] !== after[key]) return false;
  const [a, b] = [before.node, after.node];
  return (
    a === b ||
    (a.id === b.id &&
      a.label === b.label &&
      a.type === b.type &&
      a.category === b.category &&
      a.level === b.level &&
      (a.type === 'organisation' && b.type === 'organisation' ? a.kind === b.kind : a.type === b.type))
  );
}

interface MapNodeViewProps {
  /** in a comparison, how the node changed */
  change?: MapChange | undefined;
  node: MapNode;
  x: number;
  y: number;
  present: boolean;
  tabbable: boolean;
  emphasis: Emphasis;
  selected: boolean;
  related: boolean;
  /** whether its label fits without overlapping others; if not, it shows only when highlighted or selected */
  labelFits: boolean;
  accessibleName: string;
}

const MapNodeView = memo(function MapNodeView({
  change,
  node,
  x,
  y,
  present,
  tabbable,
  emphasis,
  selected,
  related,
  labelFits,
  accessibleName,
}: MapNodeViewProps) {
  const shape = glyphShapeOf(node);
  const glyph = glyphSize(shape);
  const family = familyOf(node.level);
  const lines = labelLines(node.label, family);
  const classes = [
    'app-graph__node',
    `app-graph__node--${family}`,
    present ? '' : 'is-absent',
    `is-${emphasis}`,
    selected ? 'is-selected' : '',
    related ? 'is-related' : '',
    labelFits ? '' : 'is-label-hidden',
    change ? `is-change-${change}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <g
      className={classes}
      transform={`translate(${x},${y})`}
      data-node-id={node.id}
      data-category={node.category}
      data-emphasis={emphasis}
      data-change={change}
      role={present ? 'button' : undefined}
      tabIndex={present ? (tabbable ? 0 : -1) : undefined}
      aria-label={present ? accessibleName : undefined}
      aria-current={present && selected ? 'true' : undefined}
      aria-hidden={present ? undefined : 'true'}
    >
      <Ring shape={shape} className="app-graph__focus-ring" padding={6} />
      {selected || related ? <Ring shape={shape} className="app-graph__selection-ring" padding={5} /> : null}
      {change && change !== 'unchanged' ? <Ring shape={shape} className="app-graph__change-ring" padding={3} /> : null}
      <g className="app-graph__glyph">
        <Glyph shape={shape} fill={node.type === 'service' ? SERVICE_FILL : CATEGORY_STYLES[node.category].fill} />
      </g>
      {change && change !== 'unchanged' ? (
        <ChangeBadge
          change={change}
          x={-glyph.width / 2 - (shape === 'service' ? 3 : 1)}
          y={-glyph.height / 2 - (shape === 'service' ? 3 : 1)}
          radius={shape === 'service' ? 5 : 7}
        />
      ) : null}
      <text className="app-graph__label" y={glyph.height / 2 + LABEL_GAP} textAnchor="middle">
        {lines.map((line, index) => (
          // A trailing space between lines, so the label reads as words ("Specialised neonatal services").
          <tspan key={index} x={0} dy={index === 0 ? '0.9em' : '1.15em'}>
            {index < lines.length - 1 ? `${line} ` : line}
          </tspan>
        ))}
      </text>
    </g>
  );
}, sameNodeView);

function Ring({ shape, className, padding }: { shape: GlyphShape; className: string; padding: number }) {
  const { width, height } = glyphSize(shape);
  if (shape === 'service') return <circle className={className} r={width / 2 + padding} />;
  // A body-type's stack reaches 5 units up and right.
  const extra = shape === 'body-type' ? 5 : 0;
  return (
    <rect
      className={className}
      x={-width / 2 - padding}
      y={-height / 2 - padding - extra}
      width={width + 2 * padding + extra}
      height={height + 2 * padding + extra}
      rx={6}
    />
  );
}

/** A line under the map saying what the highlighted node is, or what is selected: the map's caption for sighted readers. */
function MapCaption({
  note,
  node,
  model,
  selection,
  presentNodes,
}: {
  note: string | undefined;
  node: MapNode | undefined;
  model: MapModel;
  selection: Selection;
  presentNodes: ReadonlyMap<string, MapNode>;
}) {
  if (node) {
    const links = model.links.filter((link) => link.source === node.id || link.target === node.id).length;
    return (
      <p className="app-graph__caption">
        <strong>{node.name}</strong>
        {node.type === 'organisation' ? `: ${node.role}` : ''} {links === 1 ? '1 link' : `${links} links`} shown.
        {node.type === 'organisation' && node.ownFunding.length > 0
          ? ` Its own budget or spending: ${node.ownFunding.map((figure) => `${fundingPhrase(figure)}, ${figure.financialYear}`).join('; ')}.`
          : null}
        {note ? ` ${note.charAt(0).toUpperCase()}${note.slice(1)}.` : null}
      </p>
    );
  }
  const selected = selectedOnMap(model, selection);
  if (selected) {
    const selectedNode = presentNodes.get(selected.id);
    const commissioners =
      selected.kind === 'service'
        ? model.links
            .filter((link) => link.target === selected.id && link.kind === 'commissions' && link.status === 'in-force')
            .map((link) => presentNodes.get(link.source)?.name)
            .filter((name): name is string => Boolean(name))
        : [];
    return (
      <p className="app-graph__caption">
        Selected: <strong>{selectedNode?.name}</strong>
        {commissioners.length > 0 ? `, commissioned by ${joinWords(commissioners)} (outlined in blue)` : ' (outlined)'}.
      </p>
    );
  }
  return (
    <p className="app-graph__caption app-graph__caption--hint">
      Point at or tab to a body or service to pick out its links; choose it to see its details.
    </p>
  );
}
