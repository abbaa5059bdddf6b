/**
 * Work that waits for the browser to paint first. A month step's input renders the slider and its
 * label and is painted at once; what follows the month at length (the map, the lists, the links)
 * is rendered after that paint, in an interruptible render. useDeferredValue alone starts that
 * render straight after the input's commit, so its commit (the map's, tens of milliseconds on a
 * small machine) often lands before the frame and holds back the paint the input is waiting for.
 */
import { type ReactNode, startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';

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
  const [shown, setShown] = useState(value);
  const painted = useRef(false);
  useEffect(() => afterNextPaint(() => (painted.current = true)), []);
  useLayoutEffect(() => {
    if (!painted.current && !Object.is(shown, value)) setShown(value);
  }, [value, shown]);
  useEffect(() => {
    if (!painted.current || Object.is(shown, value)) return;
    return afterNextPaint(() => startTransition(() => setShown(value)));
  }, [value, shown]);
  return shown;
}

/**
 * Draws its children once the part of the page drawn with it has been painted: the first frame
 * carries the page around the map, the map follows (`paints` 1), its key and text alternative and
 * the month bar's event markers after that (`paints` 2), and the lists below it (services by
 * commissioner, the month's events) last (`paints` 3), each in a later, interruptible render. Each commit then creates and lays out fewer
 * elements, so none of them is a long task (on a phone at a fourfold CPU slowdown, the key and the
 * lists together were an 85 ms frame; apart, the key's frame is under 50 ms and the lists' 68 ms).
 * Nothing moves when they arrive: they come in below or beside what is already there, or in place
 * of a `fallback` of the same size.
 */
export function AfterFirstPaint({
  children,
  fallback = null,
  paints = 1,
}: {
  children: ReactNode;
  fallback?: ReactNode;
  /** how many paints to wait for: one more than what should come first (the map waits for 1, its key for 2) */
  paints?: 1 | 2 | 3;
}) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return;
    return afterPaints(paints, () => startTransition(() => setShown(true)));
  }, [shown, paints]);
  return shown ? children : fallback;
}
