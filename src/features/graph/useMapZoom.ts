/**
 * Zoom and pan with d3-zoom: the behaviour is attached to the svg in an effect (and detached in
 * its cleanup); the transform it produces is React state, local to the map, never the store.
 * d3-zoom itself arrives a moment after the map is drawn (zoom-behaviour.ts, loaded on demand):
 * until then the map is shown at its whole extent, as it would be anyway.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { AttachedZoom, MapTransform } from './zoom-behaviour';
import { afterNextPaint } from '../../components/after-paint';

export type { MapTransform };

/** A point in layout units. */
export interface Point {
  x: number;
  y: number;
}

export const MIN_ZOOM = 0.6;
export const MAX_ZOOM = 6;
const BUTTON_STEP = 1.5;
const TRANSITION_MS = 250;
const IDENTITY: MapTransform = { x: 0, y: 0, k: 1 };

export interface MapZoom {
  transform: MapTransform;
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
  const [transform, setTransform] = useState<MapTransform>(IDENTITY);
  const attachedRef = useRef<AttachedZoom | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    let live = true;
    // Zooming and panning are for after the map has been seen: their code (d3-zoom, 16 KB) is
    // asked for once the map's frame has been painted, not while it is being drawn.
    const cancelWait = afterNextPaint(
      () =>
        void import('./zoom-behaviour').then(({ attachZoom }) => {
          if (!live) return;
          attachedRef.current = attachZoom(svg, {
            width,
            height,
            minZoom: MIN_ZOOM,
            maxZoom: MAX_ZOOM,
            ignores: startsOnNode,
            onZoom: setTransform,
          });
        }),
    );
    return () => {
      live = false;
      cancelWait();
      attachedRef.current?.detach();
      attachedRef.current = null;
    };
  }, [svgRef, width, height]);

  const duration = reducedMotion ? 0 : TRANSITION_MS;
  const zoomBy = useCallback((factor: number) => attachedRef.current?.scaleBy(factor, duration), [duration]);
  const reset = useCallback(() => attachedRef.current?.reset(duration), [duration]);

  const ensureVisible = useCallback(
    (point: Point) => {
      const attached = attachedRef.current;
      if (!attached) return;
      const sx = point.x * transform.k + transform.x;
      const sy = point.y * transform.k + transform.y;
      const margin = 40;
      if (sx >= margin && sx <= width - margin && sy >= margin && sy <= height - margin) return;
      attached.translateTo(point.x, point.y, duration);
    },
    [duration, transform, width, height],
  );

  return {
    transform,
    zoomIn: useCallback(() => zoomBy(BUTTON_STEP), [zoomBy]),
    zoomOut: useCallback(() => zoomBy(1 / BUTTON_STEP), [zoomBy]),
    reset,
    ensureVisible,
  };
}
