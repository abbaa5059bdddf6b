/**
 * What a long task was doing, from the Long Animation Frames API: the frame it falls in, how much of
 * that frame was script (and whose) and how much was the browser's own rendering (style, layout,
 * paint). Pure: the probe records the frames (in-page.ts); this names the one a task lies in.
 */
import type { LongFrame } from './in-page';

/** The frame whose span holds most of the task (a task lies in one frame; rounding may blur the edges). */
export function frameOfTask(task: { start: number; duration: number }, frames: readonly LongFrame[]): LongFrame | null {
  let best: LongFrame | null = null;
  let bestOverlap = 0;
  for (const frame of frames) {
    const overlap = Math.min(task.start + task.duration, frame.start + frame.duration) - Math.max(task.start, frame.start);
    if (overlap > bestOverlap) {
      best = frame;
      bestOverlap = overlap;
    }
  }
  return best;
}

/**
 * "in a 73 ms frame: 19 ms of script (MessagePort.onmessage, ae in client.js), 50 ms of style, layout
 * and paint", or that no long animation frame was reported for it.
 */
export function describeFrameOfTask(task: { start: number; duration: number }, frames: readonly LongFrame[]): string {
  const frame = frameOfTask(task, frames);
  if (!frame) return 'in no reported long animation frame';
  const scriptMs = frame.scripts.reduce((sum, script) => sum + script.durationMs, 0);
  const scripts = frame.scripts.length > 0 ? ` (${frame.scripts.map((script) => script.what).join('; ')})` : '';
  return (
    `in a ${Math.round(frame.duration)} ms frame: ${Math.round(scriptMs)} ms of script${scripts}, ` +
    `${Math.round(frame.renderMs)} ms of style, layout and paint`
  );
}
