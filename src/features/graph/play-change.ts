/**
 * What the map's two players (useStagedTransition for the map, useMemberTransition for the named
 * CCGs) share: when a change is played at all, and the stages' fades, with the Web Animations API.
 */
import { useCallback, useRef } from 'react';
import { useStepClock } from './hooks';
import { STAGES } from './transition';

export type Animatable = Element & { animate: Element['animate'] };

/** Whether the element can be animated (jsdom's elements cannot). */
export function canAnimate(element: Element | null): element is Animatable {
  return element !== null && typeof (element as Partial<Element>).animate === 'function';
}

export const translate = (at: { x: number; y: number }) => `translate(${at.x}px, ${at.y}px)`;

/**
 * A link fades by its line's stroke opacity, not by the opacity of its group. A line's box spans
 * the map between the bodies it joins, and an element with an opacity (or transform) animation is
 * put on a compositor layer of its own, with whatever is drawn over it split into more layers: at
 * ten times the data, the eighteen lines a month's change faded in and out added about 2.3 million
 * pixels of layers, which a small machine (two cores, drawing in software) rasterised and managed
 * in one frame of 67 to 100 ms. A stroke opacity animation is painted with the rest of the map.
 */
const fadingPartOf = (element: Animatable): { target: Animatable; property: 'opacity' | 'strokeOpacity' } => {
  const line = element.querySelector(':scope > .app-graph__link-line');
  return canAnimate(line) ? { target: line, property: 'strokeOpacity' } : { target: element, property: 'opacity' };
};

/**
 * The exit stage: what ends fades out as it was (a link by its line, above). No fill after the
 * fade: a ghost at rest is invisible already (its CSS; a ghost link's line), and a finished
 * animation held in place keeps the element on a compositor layer of its own, with everything drawn
 * over it split into layers too, until the next step (slow to paint at ten times the data).
 */
export const fadeOut = (ghost: Animatable): Animation => {
  const { target, property } = fadingPartOf(ghost);
  return target.animate([{ [property]: 1 }, { [property]: 0 }], { ...STAGES.exit, easing: 'ease-in' });
};

/** The entry stage: what begins fades in (hidden until then; a link by its line, above). */
export const fadeIn = (element: Animatable): Animation => {
  const { target, property } = fadingPartOf(element);
  return target.animate([{ [property]: 0 }, { [property]: 1 }], { ...STAGES.entry, easing: 'ease-out', fill: 'backwards' });
};

/**
 * Plays a drawing's changes, called once per change as it is applied (in a layout effect): what the
 * last change started ends there, even when this one is not played (its movement would otherwise go
 * on towards the last month's places); then `play` starts this change's animations, unless the
 * change came within a scrub (each is shown at once: hooks.ts) or `play` is null (reduced motion).
 */
export function useChangePlayer(): (play: (() => Animation[]) | null) => void {
  // The animations this drawing started, cancelled by the next change. (Asking the svg for its
  // animations would make the browser recompute every style first, a long wait at each step.)
  const running = useRef<Animation[]>([]);
  const stepClock = useStepClock();
  return useCallback(
    (play) => {
      const onItsOwn = stepClock();
      for (const animation of running.current) animation.cancel();
      running.current = onItsOwn && play ? play() : [];
    },
    [stepClock],
  );
}
