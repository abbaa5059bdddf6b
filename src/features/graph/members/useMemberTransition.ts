/**
 * Plays a named CCGs' transition plan (src/domain/member-transition.ts) with the Web Animations
 * API, in the map's stages (../transition.ts).
 */
import { type RefObject, useLayoutEffect } from 'react';
import type { MemberTransition } from '../../../domain/member-transition';
import { canAnimate, fadeIn, fadeOut, translate, useChangePlayer } from '../play-change';
import { STAGES } from '../transition';
import type { MemberGeometry } from './geometry';

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
  const playChange = useChangePlayer();
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root || !plan || !geometry || typeof CSS === 'undefined') return;
    const byKey = (key: string) => root.querySelector(`[data-member-anim="${CSS.escape(key)}"]`);
    playChange(
      reducedMotion
        ? null
        : () => {
            const started: Animation[] = [];
            for (const code of plan.exits) {
              const ghost = byKey(`ghost:${code}`);
              if (canAnimate(ghost)) started.push(fadeOut(ghost));
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
                  // held before it starts; after it, the ghost at rest is invisible (see fadeOut)
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
                    { ...STAGES.move, easing: 'ease-in-out', fill: 'backwards' },
                  ),
                );
            }
            for (const code of plan.entries) {
              const element = byKey(code);
              if (canAnimate(element)) started.push(fadeIn(element));
            }
            return started;
          },
    );
  }, [ref, plan, geometry, reducedMotion, playChange]);
}
