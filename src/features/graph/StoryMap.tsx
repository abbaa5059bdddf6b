/**
 * The map itself: an SVG drawn by React from the month's scene (scene.ts), which the ahead-of-time
 * layout places. Organisations keep their places; a service sits in the card of the commissioner
 * that holds it, and moves to another card when that changes, in stages (transition.ts).
 *
 * Keyboard: the nodes are one tab stop (a roving tab index); the arrow keys move to the nearest
 * node in that direction, Home and End to the first and last, Enter or Space chooses, Escape stops
 * picking out the focused node's links. Zoom with the buttons, Ctrl + scroll or a pinch; drag the
 * background to pan.
 */
import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ROLE_WORDS, STATUS_WORDS } from '../../components/commissioning-words';
import type { MapChange, MapModel, MapNode } from '../../domain/graph';
import { plural } from '../../lib/words';
import type { Selection } from '../../store';
import { linkSentence, nodeAccessibleName } from './encodings';
import { ARROW_DIRECTIONS, nearestInDirection } from './geometry';
import { CardMark, type Emphasis, LinkMark, NodeMark, type Novelty } from './MapNodes';
import type { Scene, SceneNode } from './scene';
import { planTransition } from './transition';
import { GHOST_PREFIX, useStagedTransition } from './useStagedTransition';
import { useMapZoom } from './useMapZoom';

const NODE_SELECTOR = '[data-node-id]';
const SETTLING_MS = 400;

const nodeIdOf = (target: EventTarget | null): string | undefined =>
  target instanceof Element ? (target.closest(NODE_SELECTOR)?.getAttribute('data-node-id') ?? undefined) : undefined;

export interface StoryMapProps {
  scene: Scene;
  model: MapModel;
  selection: Selection;
  reducedMotion: boolean;
  label: string;
  describedBy: string;
  onSelect: (node: MapNode) => void;
  /** controls shown with the zoom buttons */
  toolbar?: ReactNode;
  /** drawn over the map's top left corner (the "what changed" strip) */
  overlay?: ReactNode;
  /** accessible words added to a node's name (a comparison says what changed) */
  notes?: ReadonlyMap<string, string>;
  /** marks that override the month-to-month ones (a comparison marks its own changes) */
  novelties?: ReadonlyMap<string, Novelty>;
  /** in a comparison: how each node changed between the two months */
  changes?: ReadonlyMap<string, MapChange>;
  /** receives the drawing (and null when it goes), for the page's export (SVG, PNG) */
  onSvg?: (svg: SVGSVGElement | null) => void;
  /** drawn over the map's nodes, zoomed and panned with them, with its own keyboard handling (the named CCGs) */
  layer?: ReactNode;
}

/** What a node is, for people: its name and, for a service, who commissions it and how. */
export function describeNode(node: SceneNode, scene: Scene): string {
  const name = nodeAccessibleName(node.node);
  if (node.type === 'commissioner' && node.serviceCount > 0)
    return `${name}; commissions ${plural(node.serviceCount, 'service')} on the map`;
  if (node.type !== 'service') return name;
  const holding = node.holding;
  const how = holding
    ? `${holding.role ? ROLE_WORDS[holding.role] : 'commissioner'}${holding.status === 'in-force' ? '' : `, ${STATUS_WORDS[holding.status]}`}`
    : '';
  const others = node.others.length > 0 ? `; also ${plural(node.others.length, 'other commissioner')}` : '';
  const holder = scene.nodeById.get(node.card)?.node.name ?? node.card;
  return `${name}; commissioned by ${holder}${how ? ` (${how})` : ''}${others}`;
}

export function StoryMap({
  scene,
  model,
  selection,
  reducedMotion,
  label,
  describedBy,
  onSelect,
  toolbar,
  overlay,
  notes,
  novelties,
  changes,
  onSvg,
  layer,
}: StoryMapProps) {
  const svgRef = useRef<SVGSVGElement | null>(null);
  // Beside the map, the "what changed" strip sits just above the footer, whose caption can run to
  // several lines (a long name chosen): placed by its height, not a fixed one, it never covers it.
  const footerRef = useRef<HTMLDivElement>(null);
  const [footerHeight, setFooterHeight] = useState<number | null>(null);
  useEffect(() => {
    const footer = footerRef.current;
    if (!footer || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setFooterHeight(footer.offsetHeight));
    observer.observe(footer);
    return () => observer.disconnect();
  }, []);
  // The drawing is the map's own (zoom, transitions, focus) and the page's, for its export.
  const setSvg = useCallback(
    (element: SVGSVGElement | null) => {
      svgRef.current = element;
      onSvg?.(element);
    },
    [onSvg],
  );
  const { transform, zoomIn, zoomOut, reset, ensureVisible } = useMapZoom(svgRef, scene.width, scene.height, reducedMotion);

  // A change in the first moments after the map appears is the page settling (the address's month
  // arriving after the data), not a step someone took: it is drawn at once, without marks.
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(true), SETTLING_MS);
    return () => clearTimeout(timer);
  }, []);
  // The scene drawn before this one: what ends fades out as it was, what moves starts from there.
  const [history, setHistory] = useState({ current: scene, previous: scene });
  // A change of layout (the narrow one for the wide one, as the window is resized) is drawn at once.
  if (history.current !== scene)
    setHistory({ current: scene, previous: settled && history.current.width === scene.width ? history.current : scene });
  const { previous: drawnBefore, current: drawnNow } = history;
  const plan = useMemo(
    () => (drawnBefore === drawnNow ? undefined : planTransition(drawnBefore, drawnNow)),
    [drawnBefore, drawnNow],
  );
  useStagedTransition(svgRef, plan, reducedMotion);

  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  // The node that has the keyboard's focus, for its ring: unlike focusedId (the emphasis), Escape
  // does not clear it, as the focus stays where it is.
  const [ringId, setRingId] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);

  const readingOrder = useMemo(
    () => [...scene.nodes].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x).map((node) => node.id),
    [scene],
  );
  const tabbableId = activeId && scene.nodeById.has(activeId) ? activeId : (readingOrder[0] ?? null);
  const positionOf = useCallback((id: string) => scene.nodeById.get(id)?.box, [scene]);

  const emphasisId =
    hoveredId && scene.nodeById.has(hoveredId) ? hoveredId : focusedId && scene.nodeById.has(focusedId) ? focusedId : null;
  const selectedId = selection ? (selection.kind === 'service' ? `service:${selection.id}` : selection.id) : null;
  const pickedId = emphasisId ?? (selectedId && scene.nodeById.has(selectedId) ? selectedId : null);
  const neighbours = useMemo(() => {
    if (!pickedId) return null;
    const related = new Set<string>([pickedId]);
    for (const link of model.links) {
      if (link.source === pickedId) related.add(link.target);
      if (link.target === pickedId) related.add(link.source);
    }
    const picked = scene.nodeById.get(pickedId);
    if (picked?.type === 'commissioner')
      for (const node of scene.nodes) if (node.type === 'service' && node.card === pickedId) related.add(node.id);
    return related;
  }, [pickedId, model, scene]);
  // Pointing or focusing picks a node out strongly; a choice (with nothing pointed at) more gently.
  const byChoice = emphasisId === null;
  const emphasisOf = (id: string): Emphasis => {
    if (!neighbours) return 'normal';
    if (byChoice) return neighbours.has(id) ? 'related' : 'muted';
    return id === pickedId ? 'focus' : neighbours.has(id) ? 'related' : 'dimmed';
  };

  const noveltyOf = useMemo(() => {
    if (novelties) return novelties;
    const marks = new Map<string, Novelty>();
    if (!plan) return marks;
    for (const id of plan.entries) marks.set(id, 'new');
    for (const id of plan.transfers) marks.set(id, 'moved');
    return marks;
  }, [plan, novelties]);

  const ghosts = useMemo(() => {
    if (!plan || reducedMotion) return { nodes: [], cards: [], links: [] };
    const exits = new Set(plan.exits);
    const before = drawnBefore;
    return {
      nodes: before.nodes.filter((node) => exits.has(node.id)),
      cards: before.cards.filter((card) => exits.has(`card:${card.id}`)),
      links: before.links.filter((link) => exits.has(`link:${link.id}`)),
    };
  }, [plan, reducedMotion, drawnBefore]);

  const focusNode = (id: string) =>
    svgRef.current?.querySelector<SVGGElement>(`[data-node-id="${CSS.escape(id)}"]:not([aria-hidden])`)?.focus();

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const id = nodeIdOf(event.target);
    if (!id) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const node = scene.nodeById.get(id);
      if (node) onSelect(node.node);
      return;
    }
    if (event.key === 'Escape' && (hoveredId || focusedId)) {
      setHoveredId(null);
      setFocusedId(null);
      return;
    }
    let next: string | undefined;
    if (event.key === 'Home') next = readingOrder[0];
    else if (event.key === 'End') next = readingOrder[readingOrder.length - 1];
    else if (event.key in ARROW_DIRECTIONS)
      next = nearestInDirection(id, ARROW_DIRECTIONS[event.key as keyof typeof ARROW_DIRECTIONS], readingOrder, positionOf);
    else return;
    event.preventDefault();
    if (next) focusNode(next);
  };
  const onFocus = (event: FocusEvent<SVGGElement>) => {
    const id = nodeIdOf(event.target);
    if (!id) return;
    setFocusedId(id);
    setRingId(id);
    setActiveId(id);
    const at = positionOf(id);
    if (at) ensureVisible(at);
  };
  const onBlur = (event: FocusEvent<SVGGElement>) => {
    if (nodeIdOf(event.relatedTarget)) return;
    setFocusedId(null);
    setRingId(null);
  };
  const onClick = (event: MouseEvent<SVGGElement>) => {
    const id = nodeIdOf(event.target);
    const node = id ? scene.nodeById.get(id) : undefined;
    if (node) onSelect(node.node);
  };
  const onPointerMove = (event: MouseEvent<SVGGElement>) => {
    const id = nodeIdOf(event.target) ?? null;
    if (id !== hoveredId) setHoveredId(id);
  };

  const caption = pickedId ? scene.nodeById.get(pickedId) : undefined;
  // A layout taller than wide (the narrow one, for phones) is drawn at the container's width, as
  // tall as it needs: the page scrolls through it, and its labels keep their size.
  const tall = scene.height > scene.width;

  return (
    <div className={`app-graph__canvas${tall ? ' app-graph__canvas--tall' : ''}`}>
      <div className="app-graph__frame" style={tall ? { aspectRatio: `${scene.width} / ${scene.height}` } : undefined}>
        <svg
          ref={setSvg}
          className="app-graph__svg"
          viewBox={`0 0 ${scene.width} ${scene.height}`}
          preserveAspectRatio="xMidYMin meet"
          role="group"
          aria-label={label}
          aria-describedby={describedBy}
          style={{ fontSize: `${scene.fontSize}px` }}
        >
          <rect className="app-graph__background" x={0} y={0} width={scene.width} height={scene.height} />
          <g
            className={`app-graph__layer${neighbours ? ' is-emphasising' : ''}`}
            transform={`translate(${transform.x},${transform.y}) scale(${transform.k})`}
            onKeyDown={onKeyDown}
            onFocus={onFocus}
            onBlur={onBlur}
            onClick={onClick}
            onMouseMove={onPointerMove}
            onMouseLeave={() => setHoveredId(null)}
          >
            <g className="app-graph__cards">
              {ghosts.cards.map((card) => (
                <CardMark key={`${GHOST_PREFIX}${card.id}`} card={card} ghost />
              ))}
              {scene.cards.map((card) => (
                <CardMark key={card.id} card={card} novelty={noveltyOf.get(`card:${card.id}`)} />
              ))}
            </g>
            <g className="app-graph__links" aria-hidden="true">
              {ghosts.links.map((link) => (
                <LinkMark key={`${GHOST_PREFIX}${link.id}`} link={link} emphasis="normal" sentence="" ghost />
              ))}
              {scene.links.map((link) => {
                const source = scene.nodeById.get(link.link.source);
                const target = scene.nodeById.get(link.link.target);
                const emphasis: Emphasis = !neighbours
                  ? 'normal'
                  : link.link.source === pickedId || link.link.target === pickedId
                    ? 'related'
                    : byChoice
                      ? 'muted'
                      : 'dimmed';
                return (
                  <LinkMark
                    key={link.id}
                    link={link}
                    emphasis={emphasis}
                    sentence={source && target ? linkSentence(link.link, source.node, target.node) : ''}
                  />
                );
              })}
            </g>
            <g className="app-graph__nodes">
              {ghosts.nodes.map((node) => (
                <NodeMark
                  key={`${GHOST_PREFIX}${node.id}`}
                  node={node}
                  emphasis="normal"
                  novelty={undefined}
                  tabbable={false}
                  selected={false}
                  accessibleName=""
                  ghost
                  animKey={`${GHOST_PREFIX}${node.id}`}
                />
              ))}
              {scene.nodes.map((node) => (
                <NodeMark
                  key={node.id}
                  node={node}
                  emphasis={emphasisOf(node.id)}
                  novelty={noveltyOf.get(node.id)}
                  tabbable={node.id === tabbableId}
                  selected={node.id === selectedId}
                  accessibleName={
                    notes?.get(node.id) ? `${describeNode(node, scene)}; ${notes.get(node.id)}` : describeNode(node, scene)
                  }
                  animKey={node.id}
                  change={changes?.get(node.id)}
                  ringed={node.id === ringId || node.id === selectedId}
                />
              ))}
            </g>
          </g>
          {layer ? <g transform={`translate(${transform.x},${transform.y}) scale(${transform.k})`}>{layer}</g> : null}
        </svg>
      </div>
      {overlay ? (
        <div className="app-graph__overlay" style={!tall && footerHeight !== null ? { bottom: footerHeight + 8 } : undefined}>
          {overlay}
        </div>
      ) : null}
      <div className="app-graph__footer" ref={footerRef}>
        <p className="app-graph__caption" aria-live="polite">
          {caption
            ? describeNode(caption, scene)
            : 'Point at or tab to a body or service to see what it is; choose it for the details.'}
        </p>
        <div className="app-graph__toolbar">
          {toolbar}
          <div className="app-graph__zoom-controls" role="group" aria-label="Zoom">
            <button type="button" className="app-graph__zoom-button" onClick={zoomIn} aria-label="Zoom in">
              <span aria-hidden="true">+</span>
            </button>
            <button type="button" className="app-graph__zoom-button" onClick={zoomOut} aria-label="Zoom out">
              <span aria-hidden="true">−</span>
            </button>
            <button type="button" className="app-graph__zoom-button app-graph__zoom-button--text" onClick={reset}>
              Reset
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
