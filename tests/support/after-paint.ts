/**
 * The map, the lists and the links follow the month after the step has been painted
 * (src/components/after-paint.ts); in a test, a frame and a task, inside act, let them catch up.
 */
import { act } from '@testing-library/react';

export function afterPaint(): Promise<void> {
  return act(async () => {
    await new Promise<void>((resolve) => requestAnimationFrame(() => window.setTimeout(resolve, 0)));
  });
}

/** Sets the store's month, as a step of the slider does, and waits for what follows it to be drawn. */
export async function showMonth(store: { getState: () => { setMonth: (month: string) => void } }, month: string) {
  await act(async () => store.getState().setMonth(month));
  await afterPaint();
}
