/**
 * Draws its children once the part of the page drawn with it has been painted: the first frame
 * carries the page around the map, the map follows (`paints` 1), its key and text alternative after
 * that (`paints` 2), and the lists below it (services by commissioner, the month's events) last
 * (`paints` 3), each in a later, interruptible render. Each commit then creates and lays out fewer
 * elements, so none of them is a long task (on a phone at a fourfold CPU slowdown, the key and the
 * lists together were an 85 ms frame; apart, the key's frame is under 50 ms and the lists' 68 ms).
 * Nothing moves when they arrive: they come in below or beside what is already there, or in place
 * of a `fallback` of the same size.
 */
import { type ReactNode, startTransition, useEffect, useState } from 'react';
import { afterPaints } from './after-paint';

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
