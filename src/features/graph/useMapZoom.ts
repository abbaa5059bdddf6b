/**
 * Zoom and pan with d3-zoom: the behaviour is attached to the svg in an effect (and detached in
 * its cleanup); the transform it produces is React state, local to the map, never the store.
 */
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
/** A point in layout units. */
export interface Point {
  x: number;
  y: number;
}

export const MIN_ZOOM = 0.6;
export const MAX_ZOOM = 6;
const BUTTON_STEP = 1.5;
const TRANSITION_MS = 250;

export interface MapZoom {
  transform: ZoomTransform;
  zoomIn: () => void;
  zoomOut: () => void;
  reset: () => void;
  /** pans (without zooming) so that a point of the layout is in view, if it is not */
  ensureVisible: (point: Point) => void;
}

/** Only zoom or pan when the gesture starts on the background: a node's own pointer events drag it. */
function startsOnNode(event: Event): boolean {
  const target = event.target;
  return target instanceof Element && target.closest('[data-node-id]') !== null;
}

export function useMapZoom(
  svgRef: RefObject<SVGSVGElement | null>,
  width: number,
  height: number,
  reducedMotion: boolean,
): MapZoom {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const behaviourRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const behaviour = zoom<SVGSVGElement, unknown>()
      // The extent is given, not measured: jsdom has no SVG geometry, and the viewBox is known.
      .extent([
        [0, 0],
        [width, height],
      ])
      .scaleExtent([MIN_ZOOM, MAX_ZOOM])
      .translateExtent([
        [-width * 0.5, -height * 0.5],
        [width * 1.5, height * 1.5],
      ])
      .filter((event: Event) => {
        // The wheel zooms only with Ctrl or ⌘ (a trackpad pinch sends Ctrl): a plain wheel scrolls the page.
        if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        if (startsOnNode(event)) return false;
        return !(event as MouseEvent).button;
      })
      .on('zoom', (event: { transform: ZoomTransform }) => setTransform(event.transform));
    const selection = select(svg);
    selection.call(behaviour);
    behaviourRef.current = behaviour;
    return () => {
      selection.on('.zoom', null);
      behaviourRef.current = null;
    };
  }, [svgRef, width, height]);

  const zoomBy = useCallback(
    (factor: number) => {
      const behaviour = behaviourRef.current;
      const svg = svgRef.current;
      if (!behaviour || !svg) return;
      if (reducedMotion) behaviour.scaleBy(select(svg), factor);
      else behaviour.scaleBy(select(svg).transition().duration(TRANSITION_MS), factor);
    },
    [svgRef, reducedMotion],
  );
  const reset = useCallback(() => {
    const behaviour = behaviourRef.current;
    const svg = svgRef.current;
    if (!behaviour || !svg) return;
    if (reducedMotion) behaviour.transform(select(svg), zoomIdentity);
    else behaviour.transform(select(svg).transition().duration(TRANSITION_MS), zoomIdentity);
  }, [svgRef, reducedMotion]);

  const ensureVisible = useCallback(
    (point: Point) => {
      const behaviour = behaviourRef.current;
      const svg = svgRef.current;
      if (!behaviour || !svg) return;
      const [sx, sy] = transform.apply([point.x, point.y]);
      const margin = 40;
      if (sx >= margin && sx <= width - margin && sy >= margin && sy <= height - margin) return;
      if (reducedMotion) behaviour.translateTo(select(svg), point.x, point.y);
      else behaviour.translateTo(select(svg).transition().duration(TRANSITION_MS), point.x, point.y);
    },
    [svgRef, reducedMotion, transform, width, height],
  );

  return {
    transform,
    zoomIn: useCallback(() => zoomBy(BUTTON_STEP), [zoomBy]),
    zoomOut: useCallback(() => zoomBy(1 / BUTTON_STEP), [zoomBy]),
    reset,
    ensureVisible,
  };
}
