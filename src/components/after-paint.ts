/**
 * Work that waits for the browser to paint first. A month step's input renders the slider and its
 * label and is painted at once; what follows the month at length (the map, the lists, the links)
 * is rendered after that paint, in an interruptible render. useDeferredValue alone starts that
 * render straight after the input's commit, so its commit (the map's, tens of milliseconds on a
 * small machine) often lands before the frame and holds back the paint the input is waiting for.
 */
import { startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';

interface Waiting {
  then: () => void;
  cancelled: boolean;
}

/** What waits for the next paint: one frame and one task for all, so their renders are batched into one. */
let waiting: Waiting[] | null = null;

/** Calls `then` in a task after the next frame has been painted; returns a function that cancels it. */
export function afterNextPaint(then: () => void): () => void {
  const entry: Waiting = { then, cancelled: false };
  if (!waiting) {
    const batch: Waiting[] = (waiting = []);
    // A frame's callbacks run just before it paints; a task queued from one runs after the paint.
    requestAnimationFrame(() => {
      // Closed at this frame: what asks later waits for the frame after it.
      waiting = null;
      window.setTimeout(() => {
        for (const { then: run, cancelled } of batch) if (!cancelled) run();
      }, 0);
    });
  }
  waiting.push(entry);
  return () => {
    entry.cancelled = true;
  };
}

/**
 * Calls `then` after `paints` paints (each as afterNextPaint: a frame, then a task); returns a
 * function that cancels it. Two paints: after what itself waits for one paint (the map, which is
 * drawn a frame after the page around it).
 */
export function afterPaints(paints: number, then: () => void): () => void {
  let cancel = () => {};
  const wait = (left: number) => {
    cancel = afterNextPaint(() => (left > 1 ? wait(left - 1) : then()));
  };
  wait(paints);
  return () => cancel();
}

/**
 * Calls `then` when the browser is next idle (at most `timeoutMs` later), or at once where it cannot
 * tell (no requestIdleCallback); returns a function that cancels it.
 */
export function whenIdle(then: () => void, timeoutMs?: number): () => void {
  if (typeof window.requestIdleCallback !== 'function') {
    then();
    return () => {};
  }
  const handle = window.requestIdleCallback(then, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
  return () => window.cancelIdleCallback(handle);
}

/**
 * The value, as it was when the browser last had time to paint: it follows `value` in a
 * transition started after the next paint (values passed over meanwhile are never rendered).
 * The first render has the value itself, and so does the first paint: a value that changes before
 * the component has ever been painted (a page's month set from its address in a layout effect) is
 * followed at once, so a page never shows a stale value first.
 */
export function useValueAfterPaint<T>(value: T): T {
  return useChangeAfterPaint(value).value;
}

/** A value shown after paint (useValueAfterPaint), with how it came. */
export interface ChangeAfterPaint<T> {
  value: T;
  /**
   * Milliseconds between this value being shown and the one before it (Infinity for the first and
   * for a value followed before the first paint): short while someone scrubs through the months.
   */
  gapMs: number;
}

/** useValueAfterPaint, saying also how soon after the value before it each value came. */
export function useChangeAfterPaint<T>(value: T): ChangeAfterPaint<T> {
  const [shown, setShown] = useState<{ value: T; at: number; gapMs: number }>({
    value,
    at: Number.NEGATIVE_INFINITY,
    gapMs: Number.POSITIVE_INFINITY,
  });
  const painted = useRef(false);
  useEffect(() => afterNextPaint(() => (painted.current = true)), []);
  useLayoutEffect(() => {
    if (!painted.current && !Object.is(shown.value, value)) setShown({ ...shown, value });
  }, [value, shown]);
  useEffect(() => {
    if (!painted.current || Object.is(shown.value, value)) return;
    return afterNextPaint(() => {
      // Timed here, as the change is applied (a render must not read the clock).
      const at = performance.now();
      startTransition(() => setShown((before) => ({ value, at, gapMs: at - before.at })));
    });
  }, [value, shown]);
  return useMemo(() => ({ value: shown.value, gapMs: shown.gapMs }), [shown]);
}
