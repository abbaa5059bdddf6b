/**
 * Draws its children once the part of the page drawn with it has been painted: the first frame
 * carries the map and its month bar, and the lists around it follow in a later, interruptible
 * render. Each commit then creates and lays out fewer elements, so none of them is a long task.
 * Nothing moves when they arrive: they come in below or beside what is already there.
 */
import { type ReactNode, startTransition, useEffect, useState } from 'react';
import { afterNextPaint } from './after-paint';

export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return;
    return afterNextPaint(() => startTransition(() => setShown(true)));
  }, [shown]);
  return shown ? children : null;
}
