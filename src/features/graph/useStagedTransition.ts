/**
 * Plays a transition plan (transition.ts) on the map's SVG with the Web Animations API: exits fade
 * out, then moves, then entries fade in. Animations live on the elements, never in React state or
 * the store, so a month step renders once. A new step cancels what is still running and starts
 * from the month drawn before it. Not moving (reduced motion, scrubbing), or without the API (jsdom),
 * nothing runs.
 */
import { type RefObject, useLayoutEffect, useRef } from 'react';
import { useStepClock } from './hooks';
import type { Rect } from '../../domain/map-layout/layout-file';
import { STAGES, type TransitionPlan } from './transition';

export const GHOST_PREFIX = 'ghost:';

const byKey = (root: Element, key: string) => root.querySelector(`[data-anim-key="${CSS.escape(key)}"]`);

function canAnimate(element: Element | null): element is Element & { animate: Element['animate'] } {
  return element !== null && typeof (element as Partial<Element>).animate === 'function';
}

const translate = (rect: Rect) => `translate(${rect.x}px, ${rect.y}px)`;
const size = (rect: Rect) => ({
  x: `${-rect.width / 2}px`,
  y: `${-rect.height / 2}px`,
  width: `${rect.width}px`,
  height: `${rect.height}px`,
});

export function useStagedTransition(
  svgRef: RefObject<SVGSVGElement | null>,
  plan: TransitionPlan | undefined,
  reducedMotion: boolean,
): void {
  // The animations this map started: cancelled by the next step. (Asking the svg for its
  // animations would make the browser recompute every style first, a long wait at each step.)
  const running = useRef<Animation[]>([]);
  const stepClock = useStepClock();
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg || !plan || typeof CSS === 'undefined') return;
    const onItsOwn = stepClock();
    // What the last step started ends here, even when this one is not played: its movement would
    // otherwise go on towards the last month's places.
    for (const animation of running.current) animation.cancel();
    const started: Animation[] = [];
    running.current = started;
    // With reduced motion nothing moves; while scrubbing, each change is shown at once (hooks.ts).
    if (!onItsOwn || reducedMotion) return;

    for (const key of plan.exits) {
      const ghost = byKey(svg, GHOST_PREFIX + key);
      // No fill after the fade: a ghost at rest is already invisible (graph.css), and a finished
      // animation held in place keeps the element on a compositor layer of its own, with everything
      // drawn over it split into layers too, until the next step (slow to paint at ten times the data).
      if (canAnimate(ghost)) started.push(ghost.animate([{ opacity: 1 }, { opacity: 0 }], { ...STAGES.exit, easing: 'ease-in' }));
    }
    for (const move of plan.moves) {
      const element = byKey(svg, move.id);
      if (!canAnimate(element)) continue;
      const timing = { ...STAGES.move, easing: 'ease-in-out', fill: 'backwards' as const };
      started.push(element.animate([{ transform: translate(move.from) }, { transform: translate(move.to) }], timing));
      // A card or header bar that changes size changes it in the same stage.
      const shape = element.querySelector(':scope > [data-anim-size]');
      if (canAnimate(shape) && (move.from.width !== move.to.width || move.from.height !== move.to.height))
        started.push(shape.animate([size(move.from), size(move.to)], timing));
    }
    for (const key of plan.entries) {
      const element = byKey(svg, key);
      if (canAnimate(element))
        started.push(
          element.animate([{ opacity: 0 }, { opacity: 1 }], { ...STAGES.entry, easing: 'ease-out', fill: 'backwards' }),
        );
    }
  }, [svgRef, plan, reducedMotion, stepClock]);
}
