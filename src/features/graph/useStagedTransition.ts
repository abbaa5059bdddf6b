/**
 * Plays a transition plan (transition.ts) on the map's SVG with the Web Animations API: exits fade
 * out, then moves, then entries fade in. Animations live on the elements, never in React state or
 * the store, so a month step renders once. A new step cancels what is still running and starts
 * from the month drawn before it. Not moving (reduced motion, scrubbing), or without the API (jsdom),
 * nothing runs.
 */
import { type RefObject, useLayoutEffect } from 'react';
import type { Rect } from '../../domain/map-layout/layout-file';
import { canAnimate, fadeIn, fadeOut, translate, useChangePlayer } from './play-change';
import { STAGES, type TransitionPlan } from './transition';

export const GHOST_PREFIX = 'ghost:';

const byKey = (root: Element, key: string) => root.querySelector(`[data-anim-key="${CSS.escape(key)}"]`);

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
  const playChange = useChangePlayer();
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg || !plan || typeof CSS === 'undefined') return;
    playChange(
      reducedMotion
        ? null
        : () => {
            const started: Animation[] = [];
            for (const key of plan.exits) {
              const ghost = byKey(svg, GHOST_PREFIX + key);
              if (canAnimate(ghost)) started.push(fadeOut(ghost));
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
              if (canAnimate(element)) started.push(fadeIn(element));
            }
            return started;
          },
    );
  }, [svgRef, plan, reducedMotion, playChange]);
}
