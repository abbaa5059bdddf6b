/** Playback of the months (the timeline's Play and Pause). */
import { useCallback, useEffect, useState } from 'react';
import type { MonthString } from '../../domain/months';
import { useExplorerStoreApi } from '../../store';
import { type Coverage, indexOfMonth, monthAtIndex, nextPlaybackIndex, startOfPlayback } from './timeline-model';

/** How long playback rests on each month. */
export const PLAYBACK_STEP_MS = 700;

/**
 * Playback: one month every PLAYBACK_STEP_MS from the current month (from the first if at the
 * last), stopping at the last. It stops too when anything else changes the month (a key, a click,
 * another part of the page), so the reader is never fought over the slider.
 */
export function usePlayback(months: readonly MonthString[], coverage: Coverage) {
  const store = useExplorerStoreApi();
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    // The month playback last set; any other month means someone else moved the slider.
    let expected = store.getState().month;
    const unsubscribe = store.subscribe((state) => {
      if (state.month !== expected) setPlaying(false);
    });
    const timer = window.setInterval(() => {
      const current = store.getState().month;
      const next = current === null ? undefined : nextPlaybackIndex(indexOfMonth(coverage, current), months.length);
      if (next === undefined) {
        setPlaying(false);
        return;
      }
      expected = monthAtIndex(months, next);
      store.getState().setMonth(expected);
      if (nextPlaybackIndex(next, months.length) === undefined) setPlaying(false);
    }, PLAYBACK_STEP_MS);
    return () => {
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [playing, store, months, coverage]);

  const play = useCallback(() => {
    const current = store.getState().month;
    const start = startOfPlayback(current === null ? 0 : indexOfMonth(coverage, current), months.length);
    store.getState().setMonth(monthAtIndex(months, start));
    setPlaying(true);
  }, [store, months, coverage]);
  const pause = useCallback(() => setPlaying(false), []);
  return { playing, play, pause };
}
