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
 * The exit stage: what ends fades out as it was. No fill after the fade: a ghost at rest is
 * invisible already (its CSS), and a finished animation held in place keeps the element on a
 * compositor layer of its own, with everything drawn over it split into layers too, until the next
 * step (slow to paint at ten times the data).
 */
export const fadeOut = (ghost: Animatable): Animation =>
  ghost.animate([{ opacity: 1 }, { opacity: 0 }], { ...STAGES.exit, easing: 'ease-in' });

/** The entry stage: what begins fades in (hidden until then). */
export const fadeIn = (element: Animatable): Animation =>
  element.animate([{ opacity: 0 }, { opacity: 1 }], { ...STAGES.entry, easing: 'ease-out', fill: 'backwards' });

/**
 * A link fades by its line's stroke opacity, not by the opacity of its group. A line's box spans
 * the map between the bodies it joins, and an element with an opacity (or transform) animation is
 * put on a compositor layer of its own, with whatever is drawn over it split into more layers: at
 * ten times the data, the eighteen lines a month's change faded in and out added about 2.3 million
 * pixels of layers, which a small machine (two cores, drawing in software) rasterised and managed
 * in one frame of 67 to 100 ms. A stroke opacity animation is painted with the rest of the map.
 */
const LINE_FADE = { exit: [{ strokeOpacity: 1 }, { strokeOpacity: 0 }], entry: [{ strokeOpacity: 0 }, { strokeOpacity: 1 }] };

/** The line of a link's group (LinkMark), if the element is one. */
const lineOf = (element: Element): Animatable | null => {
  const line = element.querySelector(':scope > .app-graph__link-line');
  return canAnimate(line) ? line : null;
};

/** The exit stage for a link (see LINE_FADE): its line fades; a ghost link's line at rest is invisible (graph.css). */
export const fadeLinkOut = (ghost: Animatable): Animation => {
  const line = lineOf(ghost);
  return line ? line.animate(LINE_FADE.exit, { ...STAGES.exit, easing: 'ease-in' }) : fadeOut(ghost);
};

/** The entry stage for a link: its line fades in (hidden until then). */
export const fadeLinkIn = (element: Animatable): Animation => {
  const line = lineOf(element);
  return line ? line.animate(LINE_FADE.entry, { ...STAGES.entry, easing: 'ease-out', fill: 'backwards' }) : fadeIn(element);
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
