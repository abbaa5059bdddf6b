/**
 * Where a key press's Event Timing duration goes. The budget reads each press's slower entry
 * (keydown or keyup, as INP does); this splits that entry into the three parts the API gives:
 * input delay (from the key's hardware timestamp until its handlers start: the main thread was
 * busy), processing (the handlers) and presentation delay (from the handlers' end until the next
 * frame showing the update is on screen: the rendering pipeline and the wait for a frame). It
 * also counts which entry was the slower, since a keyup that arrives while the keydown's frame is
 * being made waits for that frame and is then shown in the next one.
 */
import type { EventEntry } from './in-page';
import { type Distribution, distribution } from './stats';

export interface EventParts {
  /** the slower entry's name ("keydown", "keyup") */
  slowest: string;
  durationMs: number;
  inputDelayMs: number;
  processingMs: number;
  presentationMs: number;
  /** the keydown's duration, or null when it was not reported (under 16 ms) */
  keydownMs: number | null;
}

/** The parts of a key press's slower entry; null when the API reported neither (both under 16 ms). */
export function eventPartsOf(entries: readonly EventEntry[]): EventParts | null {
  let slowest: EventEntry | null = null;
  for (const entry of entries) if (!slowest || entry.duration > slowest.duration) slowest = entry;
  if (!slowest) return null;
  const keydown = entries.find((entry) => entry.name === 'keydown');
  return {
    slowest: slowest.name,
    durationMs: slowest.duration,
    inputDelayMs: slowest.processingStart - slowest.startTime,
    processingMs: slowest.processingEnd - slowest.processingStart,
    // The duration ends at the next paint; it is rounded to 8 ms, so this part can read a little under 0.
    presentationMs: Math.max(0, slowest.startTime + slowest.duration - slowest.processingEnd),
    keydownMs: keydown ? keydown.duration : null,
  };
}

export interface EventPartsSummary {
  /** key presses with at least one entry reported, of all */
  reported: number;
  steps: number;
  /** how many times each entry was the slower one */
  slowest: Record<string, number>;
  /** parts of the slower entry, over the reported presses */
  inputDelayMs: Distribution;
  processingMs: Distribution;
  presentationMs: Distribution;
  /** the keydown alone, over every press (one not reported counts as `unreportedMs`) */
  keydownMs: Distribution;
}

/**
 * The parts over a scrub's key presses (null for a press the API reported nothing of);
 * `unreportedMs` is what a duration under the API's threshold counts as.
 */
export function summariseEventParts(steps: ReadonlyArray<EventParts | null>, unreportedMs: number): EventPartsSummary {
  const reported = steps.filter((step): step is EventParts => step !== null);
  const slowest: Record<string, number> = {};
  for (const step of reported) slowest[step.slowest] = (slowest[step.slowest] ?? 0) + 1;
  return {
    reported: reported.length,
    steps: steps.length,
    slowest,
    inputDelayMs: distribution(reported.map((step) => step.inputDelayMs)),
    processingMs: distribution(reported.map((step) => step.processingMs)),
    presentationMs: distribution(reported.map((step) => step.presentationMs)),
    keydownMs: distribution(steps.map((step) => step?.keydownMs ?? unreportedMs)),
  };
}

const pair = (values: Distribution) => (values.count === 0 ? '—' : `${values.p50.toFixed(1)} / ${values.p95.toFixed(1)}`);

/**
 * One line for the report: "keyup slower in 120, keydown in 114 (234 of 279 presses reported);
 * input delay 0.7 / 5.3, processing 1.5 / 3.9, presentation delay 13.8 / 22.1 ms (p50 / p95);
 * the keydown alone p95 24 ms".
 */
export function describeEventParts(summary: EventPartsSummary): string {
  if (summary.reported === 0) return `none reported (all ${summary.steps} presses under 16 ms)`;
  const slower = Object.entries(summary.slowest)
    .sort(([, a], [, b]) => b - a)
    .map(([name, count], index) => `${name} ${index === 0 ? 'slower in ' : 'in '}${count}`)
    .join(', ');
  const keydownP95 = summary.keydownMs.p95 < 16 ? '< 16' : `${Math.round(summary.keydownMs.p95)}`;
  return (
    `${slower} (${summary.reported} of ${summary.steps} presses reported); ` +
    `input delay ${pair(summary.inputDelayMs)}, processing ${pair(summary.processingMs)}, ` +
    `presentation delay ${pair(summary.presentationMs)} ms (p50 / p95); the keydown alone p95 ${keydownP95} ms`
  );
}
