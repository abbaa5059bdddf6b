/**
 * Draws its children once the part of the page drawn with it has been painted: the first frame
 * carries the page around the map, the map follows (`paints` 1), and the key and lists around it
 * after that (`paints` 2), each in a later, interruptible render. Each commit then creates and lays
 * out fewer elements, so none of them is a long task.
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
  /** how many paints to wait for: 2 to come after what waits for one (the map, after the page around it) */
  paints?: 1 | 2;
}) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return;
    return afterPaints(paints, () => startTransition(() => setShown(true)));
  }, [shown, paints]);
  return shown ? children : fallback;
}
