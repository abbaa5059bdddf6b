/**
 * Plays a named CCGs' transition plan (src/domain/member-transition.ts) with the Web Animations
 * API, in the map's stages (../transition.ts).
 */
import { type RefObject, useLayoutEffect, useRef } from 'react';
import { useStepClock } from '../hooks';
import type { MemberTransition } from '../../../domain/member-transition';
import { STAGES } from '../transition';
import type { MemberGeometry } from './geometry';

const translate = (at: { x: number; y: number }) => `translate(${at.x}px, ${at.y}px)`;

function canAnimate(element: Element | null): element is Element & { animate: Element['animate'] } {
  return element !== null && typeof (element as Partial<Element>).animate === 'function';
}

/**
 * Plays the plan with the Web Animations API, in the map's stages: exits fade out; merging CCGs
 * move into their successor's place and fade; moves move; entries fade in. Nothing with reduced
 * motion, while scrubbing (each change shown at once: hooks.ts) or without the API (jsdom). A new
 * step cancels what is still running.
 */
export function useMemberTransition(
  ref: RefObject<SVGGElement | null>,
  plan: MemberTransition | undefined,
  geometry: MemberGeometry | undefined,
  reducedMotion: boolean,
) {
  const running = useRef<Animation[]>([]);
  const stepClock = useStepClock();
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root || !plan || !geometry || typeof CSS === 'undefined') return;
    const onItsOwn = stepClock();
    // What the last change started ends here, even when this one is not played: its movement
    // would otherwise go on towards the last month's places.
    for (const animation of running.current) animation.cancel();
    const started: Animation[] = [];
    running.current = started;
    // With reduced motion nothing moves; while scrubbing, each change is shown at once (hooks.ts).
    if (!onItsOwn || reducedMotion) return;
    const byKey = (key: string) => root.querySelector(`[data-member-anim="${CSS.escape(key)}"]`);
    for (const code of plan.exits) {
      const ghost = byKey(`ghost:${code}`);
      // No fill after the fade: a ghost at rest is invisible already (members.css); a finished
      // animation held in place would keep its compositor layer until the next step.
      if (canAnimate(ghost)) started.push(ghost.animate([{ opacity: 1 }, { opacity: 0 }], { ...STAGES.exit, easing: 'ease-in' }));
    }
    for (const merge of plan.merges) {
      const ghost = byKey(`ghost:${merge.code}`);
      if (!canAnimate(ghost)) continue;
      const from = geometry.centre(merge.from);
      const to = geometry.centre(merge.to);
      started.push(
        ghost.animate(
          [
            { transform: translate(from), opacity: 1 },
            { transform: translate(to), opacity: 0.6, offset: 0.8 },
            { transform: translate(to), opacity: 0 },
          ],
          // held before it starts; after, the ghost at rest is invisible (no fill, see above)
          { ...STAGES.move, easing: 'ease-in-out', fill: 'backwards' },
        ),
      );
    }
    for (const move of plan.moves) {
      const element = byKey(move.code);
      if (canAnimate(element))
        started.push(
          element.animate(
            [{ transform: translate(geometry.centre(move.from)) }, { transform: translate(geometry.centre(move.to)) }],
            {
              ...STAGES.move,
              easing: 'ease-in-out',
              fill: 'backwards',
            },
          ),
        );
    }
    for (const code of plan.entries) {
      const element = byKey(code);
      if (canAnimate(element))
        started.push(
          element.animate([{ opacity: 0 }, { opacity: 1 }], { ...STAGES.entry, easing: 'ease-out', fill: 'backwards' }),
        );
    }
  }, [ref, plan, geometry, reducedMotion, stepClock]);
}
