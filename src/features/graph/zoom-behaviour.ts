/**
 * The d3-zoom behaviour of the map, loaded after the first map is drawn (useMapZoom): the first
 * view does not need d3-zoom, d3-selection or d3-transition to show the picture.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';

export interface MapTransform {
  x: number;
  y: number;
  k: number;
}

export interface ZoomOptions {
  width: number;
  height: number;
  minZoom: number;
  maxZoom: number;
  /** whether a gesture starting at this event's target should be left alone (a node's own drag) */
  ignores: (event: Event) => boolean;
  onZoom: (transform: MapTransform) => void;
}

export interface AttachedZoom {
  scaleBy: (factor: number, durationMs: number) => void;
  reset: (durationMs: number) => void;
  translateTo: (x: number, y: number, durationMs: number) => void;
  detach: () => void;
}

export function attachZoom(svg: SVGSVGElement, options: ZoomOptions): AttachedZoom {
  const { width, height } = options;
  const behaviour = zoom<SVGSVGElement, unknown>()
    // The extent is given, not measured: jsdom has no SVG geometry, and the viewBox is known.
    .extent([
      [0, 0],
      [width, height],
    ])
    .scaleExtent([options.minZoom, options.maxZoom])
    .translateExtent([
      [-width * 0.5, -height * 0.5],
      [width * 1.5, height * 1.5],
    ])
    .filter((event: Event) => {
      // The wheel zooms only with Ctrl or ⌘ (a trackpad pinch sends Ctrl): a plain wheel scrolls the page.
      if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
      if (options.ignores(event)) return false;
      return !(event as MouseEvent).button;
    })
    .on('zoom', (event: { transform: ZoomTransform }) => {
      const { x, y, k } = event.transform;
      options.onZoom({ x, y, k });
    });
  const selection = select(svg);
  selection.call(behaviour);
  // With no duration the change is immediate (reduced motion); otherwise a d3 transition.
  const target = (durationMs: number) => (durationMs > 0 ? selection.transition().duration(durationMs) : selection);
  return {
    scaleBy: (factor, durationMs) => behaviour.scaleBy(target(durationMs), factor),
    reset: (durationMs) => behaviour.transform(target(durationMs), zoomIdentity),
    translateTo: (x, y, durationMs) => behaviour.translateTo(target(durationMs), x, y),
    detach: () => selection.on('.zoom', null),
  };
}
