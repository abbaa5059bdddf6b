/** Browser facts the map needs, each guarded for environments without them (jsdom, old browsers). */
import { useSyncExternalStore } from 'react';

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
 * Months drawn closer together than this are someone scrubbing: a held arrow key repeats every 30
 * to 50 ms and a dragged slider passes months faster still, while steps taken one by one come
 * several hundred milliseconds apart. Played at scrubbing speed, each month's movement would
 * restart the last one's from where it was headed, so the map would twitch at every month and pay
 * for animation frames all the way; instead it shows each month at once, like a flip-book, and
 * moves again at the next step taken on its own.
 */
export const SCRUB_GAP_MS = 300;

/** Whether a change of month that came `gapMs` after the one before is played as movement. */
export function movesOnChange(gapMs: number, reducedMotion: boolean): boolean {
  return !reducedMotion && gapMs >= SCRUB_GAP_MS;
}
