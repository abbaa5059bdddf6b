/** Browser facts the map needs, each guarded for environments without them (jsdom, old browsers). */
import { useCallback, useRef, useSyncExternalStore } from 'react';

const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

function subscribeToReducedMotion(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(REDUCED_MOTION_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function prefersReducedMotion(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return false;
  return window.matchMedia(REDUCED_MOTION_QUERY).matches;
}

/** Whether the person has asked for less motion; follows the setting if it changes. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribeToReducedMotion, prefersReducedMotion, () => false);
}

/**
 * Changes closer together than this are someone scrubbing: a held arrow key repeats every 30 to
 * 50 ms and a dragged slider passes months faster still, while steps taken one by one come several
 * hundred milliseconds apart. Played at scrubbing speed, each change would restart the last one's
 * movement from where it was headed, so the map would twitch at every month and pay for animation
 * frames all the way; instead each is shown at once, like a flip-book, and the next change that
 * comes on its own moves again.
 */
export const SCRUB_GAP_MS = 300;

/** Whether a change `gapMs` after the one before it is played as movement (not while scrubbing). */
export const isStepOnItsOwn = (gapMs: number): boolean => gapMs >= SCRUB_GAP_MS;

/**
 * A clock for the changes a drawing plays: each call (made as a change is applied, in an effect,
 * where reading the clock is allowed) says whether this change came on its own rather than within a
 * scrub, and starts timing the next.
 */
export function useStepClock(): () => boolean {
  const lastAt = useRef(Number.NEGATIVE_INFINITY);
  return useCallback(() => {
    const now = performance.now();
    const onItsOwn = isStepOnItsOwn(now - lastAt.current);
    lastAt.current = now;
    return onItsOwn;
  }, []);
}
