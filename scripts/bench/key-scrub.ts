/**
 * What the bench's page cases (the place page, the map with named CCGs) share: the load's long-task
 * figures until a page was drawn, and a scrub of its month bar by real key presses (forward with the
 * Right arrow, then back with the Left), each step timed as the map's scrub is timed (Event Timing
 * and a double requestAnimationFrame), with the frames drawn meanwhile.
 */
import type { Page } from 'playwright-core';
import { armKeyStep, type BenchProbe, type BenchWindow, finishKeyStep, startFrameRecording, stopFrameRecording } from './in-page';
import { type EventParts, eventPartsOf, type EventPartsSummary, summariseEventParts } from './event-parts';
import { eventTimingOf, type EventTimingMeasures, UNREPORTED_EVENT_MS } from './measure-page';
import { checkBudget, type BudgetResult } from './report';
import { PRESS_SEED, pressAtRandomPhase, pressPauses } from './press-phase';
import { type Distribution, distribution } from './stats';
// Only its type: visitor-load.ts imports loadFigures from here.
import type { VisitorDrawnLoads } from './visitor-load';

/** The longest task until the page was drawn, and the blocking time from first contentful paint until then. */
export function loadFigures(
  probe: BenchProbe,
  drawnMs: number,
): { longestTaskUntilDrawnMs: number; totalBlockingTimeMs: number } {
  const fcpAt = probe.fcp ?? 0;
  return {
    longestTaskUntilDrawnMs: probe.longTasks
      .filter((task) => task.start <= drawnMs)
      .reduce((longest, task) => Math.max(longest, task.duration), 0),
    totalBlockingTimeMs: probe.longTasks
      .filter((task) => task.start + task.duration > fcpAt && task.start <= drawnMs)
      .reduce((sum, task) => sum + Math.max(0, task.start + task.duration - Math.max(task.start, fcpAt) - 50), 0),
  };
}

export interface KeyScrubMeasures {
  steps: number;
  inputToPaintMs: Distribution;
  eventTiming: EventTimingMeasures | null;
  /** the key presses' slower entries (keydown or keyup) and their parts */
  eventParts: EventPartsSummary;
  longestFrameMs: number;
  longAnimationFrames: number | null;
}

/**
 * `steps` presses of the Right arrow, then as many of the Left (focus must be on the month bar's
 * slider). `afterStep` runs after each press (to read the page at a step), outside the timing.
 * Each press comes after a random pause of up to one refresh (press-phase.ts).
 */
export async function scrubByKeys(
  page: Page,
  steps: number,
  afterStep?: (key: 'ArrowRight' | 'ArrowLeft', step: number) => Promise<void>,
): Promise<KeyScrubMeasures> {
  const pauses = pressPauses(PRESS_SEED);
  const paint: number[] = [];
  const events: Array<number | null> = [];
  const parts: Array<EventParts | null> = [];
  await page.evaluate(startFrameRecording);
  for (const key of ['ArrowRight', 'ArrowLeft'] as const) {
    for (let step = 0; step < steps; step += 1) {
      await page.evaluate(armKeyStep);
      await pressAtRandomPhase(page, key, pauses);
      const result = await page.evaluate(finishKeyStep);
      paint.push(result.paintedMs);
      events.push(result.eventMs);
      parts.push(eventPartsOf(result.eventEntries));
      if (afterStep) await afterStep(key, step);
    }
  }
  const frames = await page.evaluate(stopFrameRecording);
  const longFrames = await page.evaluate(() => (window as BenchWindow).__bench?.longFrames?.length ?? null);
  return {
    steps: paint.length,
    inputToPaintMs: distribution(paint),
    eventTiming: events.length > 0 ? eventTimingOf(events) : null,
    eventParts: summariseEventParts(parts, UNREPORTED_EVENT_MS),
    longestFrameMs: frames.reduce((longest, frame) => Math.max(longest, frame), 0),
    longAnimationFrames: longFrames,
  };
}

/**
 * A page case's three budgets (issue 11's, applied to that page): the longest task until it was
 * drawn, the scrub's input to next paint at p95 (Event Timing where reported), and its longest frame.
 */
export function pageCaseBudgets(options: {
  /** how the rows begin: "Place page", "Map with all named CCGs" */
  name: string;
  /** the run, as a failure names it: "place page" */
  runName: string;
  /** the row's name for the first budget, after the case's name: "longest task until the place is drawn" */
  drawnName: string;
  how: { load: string; scrub: string };
  /** the driven run's figures, and the visitor loads whose median longest task the load budget reads */
  measures: { longestTaskUntilDrawnMs: number; scrub: KeyScrubMeasures; visitor: VisitorDrawnLoads } | null;
  error: string | null;
}): BudgetResult[] {
  const { name, runName, drawnName, how, measures, error } = options;
  const why = measures ? {} : { why: `the ${runName} run failed: ${error?.split('\n')[0] ?? 'not run'}` };
  const common = { limit: 50, unit: 'ms', inclusive: true, digits: 0, ...why } as const;
  return [
    checkBudget({
      ...common,
      name: `${name}: ${drawnName}`,
      how: how.load + visitorLoadsHow(measures?.visitor, measures?.longestTaskUntilDrawnMs),
      measured: measures?.visitor.longestTaskUntilDrawnMs ?? null,
    }),
    checkBudget({
      ...common,
      name: `${name}: scrubbing, input to next paint, p95`,
      how: how.scrub,
      limit: 16,
      measured: measures ? (measures.scrub.eventTiming?.durationMs.p95 ?? measures.scrub.inputToPaintMs.p95) : null,
    }),
    checkBudget({
      ...common,
      name: `${name}: longest frame while scrubbing`,
      how: 'requestAnimationFrame deltas over the same steps',
      measured: measures?.scrub.longestFrameMs ?? null,
    }),
  ];
}

/** The visitor loads, for a page case's table: "0, 57, 60 ms (median 57)". */
export function describeVisitorLoads(
  visitor: VisitorDrawnLoads,
  pick: 'longestTaskUntilDrawnMs' | 'totalBlockingTimeMs',
): string {
  return `${visitor.loads.map((load) => Math.round(load[pick])).join(', ')} ms (median ${Math.round(visitor[pick])})`;
}

/**
 * What a page case's load budget says of how it was read: "; median of 3 loads with no DevTools
 * Runtime session (as the map's load budgets): 0, 57, 60 ms (median 57); driven by Playwright: 77 ms".
 */
function visitorLoadsHow(visitor: VisitorDrawnLoads | undefined, drivenLongestTaskMs: number | undefined): string {
  const how = `; median of ${visitor ? `${visitor.loads.length} ` : ''}loads with no DevTools Runtime session (as the map's load budgets)`;
  if (!visitor || drivenLongestTaskMs === undefined) return how;
  return (
    `${how}: ${describeVisitorLoads(visitor, 'longestTaskUntilDrawnMs')}${medianTaskFrame(visitor)}; ` +
    `driven by Playwright: ${Math.round(drivenLongestTaskMs)} ms`
  );
}

/** What the median load's longest task was doing: "; the median load's, 57 ms, was in a 73 ms frame: …". */
export function medianTaskFrame(visitor: VisitorDrawnLoads): string {
  const byTask = [...visitor.loads].sort((a, b) => a.longestTaskUntilDrawnMs - b.longestTaskUntilDrawnMs);
  const middle = byTask[Math.floor((byTask.length - 1) / 2)];
  if (!middle?.longestTaskFrame) return '';
  return `; the median load's, ${Math.round(middle.longestTaskUntilDrawnMs)} ms, was ${middle.longestTaskFrame}`;
}
