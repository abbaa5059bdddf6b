/**
 * Measures the built explorer in headless Chromium with one dataset: loading, scrubbing the
 * timeline, how the map settles and moves, and the JavaScript heap. A synthetic dataset is served
 * by intercepting the page's requests for data/*.json, so every dataset runs the same bundle.
 */
import path from 'node:path';
import type { CDPSession, Page, Request } from 'playwright-core';
import { DATASET_FILES, type DatasetFileKey } from '../../src/data/schema';
import { launchBrowser } from '../../tests/e2e/support/harness';
import type { DatasetTexts } from './synthetic-dataset';
import {
  armKeyStep,
  type BenchProbe,
  finishKeyStep,
  type KeyStepResult,
  type BenchWindow,
  installProbe,
  NAME_SHIM,
  pauseFrames,
  type NodePosition,
  startFrameRecording,
  stepSlider,
  type StepRequest,
  type StepResult,
  recordedLongFrames,
  stopFrameRecording,
} from './in-page';
import { type EventParts, eventPartsOf, type EventPartsSummary, summariseEventParts } from './event-parts';
import { type Distribution, distribution } from './stats';
import { afterBrowserStartUp } from './browser-start-up';
import { PRESS_SEED, pressAtRandomPhase, pressPauses } from './press-phase';

export const VIEWPORT = { width: 1280, height: 900 } as const;
/** The route the benchmark opens: the map at the first month, so a scrub forward covers every month. */
export const START_ROUTE = '#/?date=2010-07';
/** A frame longer than this is a visible stutter. */
export const LONG_FRAME_MS = 50;

export interface LoadMeasures {
  firstContentfulPaintMs: number | null;
  largestContentfulPaintMs: number | null;
  /**
   * Over the long tasks from first contentful paint until the map is drawn, the sum of each one's
   * time beyond 50 ms, counting only its part after first contentful paint (as Lighthouse does).
   */
  totalBlockingTimeMs: number;
  longTasks: number;
  /** the longest task from navigation until the map was drawn (0: none over 50 ms, the least the Long Tasks API reports) */
  longestTaskUntilDrawnMs: number;
  /** the longest task of the whole load, until the map had settled and a second more */
  longestTaskMs: number;
  /**
   * Cumulative layout shift over the whole load (from navigation until the map had settled and a
   * second more): the sum of every layout shift not caused by recent input.
   */
  cumulativeLayoutShift: number;
  layoutShifts: number;
  /** when the layout shifts were last read (performance.now() ms) */
  loadObservedUntilMs: number;
  /** long-task time between the map drawn and settled: the main thread drawing it, rather than transitions running */
  longTaskMsWhileSettling: number;
  /** from navigation to the first map node in the document */
  mapDrawnMs: number;
  /** from navigation to the first frame after that with no animation running */
  mapSettledMs: number;
  /** map nodes in the document (every node of any month) and shown at the first month */
  nodesInDocument: number;
  nodesShown: number;
  /**
   * Same-origin JavaScript and CSS the first view requested (a request started before the map was
   * drawn, whoever made it: the page, a lazy import, a worker), as paths from the site's root.
   */
  requestedScripts: string[];
  requestedStyles: string[];
  /** the same, requested after the map was drawn, during the rest of the load */
  laterScripts: string[];
  laterStyles: string[];
  /** the data files (data/*.json) the page asked for during the load */
  requestedData: string[];
}

export interface ScrubMeasures {
  /** months moved per step: 1 steps through every month; more samples the timeline */
  stride: number;
  /** how the slider was moved */
  method: 'arrow keys' | 'slider value and input event';
  /** steps taken: forward over the whole timeline, then back */
  steps: number;
  inputToPaintMs: Distribution;
  /** the same, to the first task after the next frame (requestAnimationFrame, then a message) */
  inputToNextFrameMs: Distribution;
  /**
   * The measurement's own floor: the same timings around a key press that changes nothing (the
   * Left arrow at the first month). A double requestAnimationFrame waits for one whole frame
   * after the next, so even a change that costs nothing measures 17–33 ms at 60 frames a second.
   */
  floor: { inputToPaintMs: Distribution; inputToNextFrameMs: Distribution; eventTiming: EventTimingMeasures | null };
  /**
   * Input to next paint as the browser itself times it (the Event Timing API, which INP reads):
   * from the key press's hardware timestamp to the next paint after its handlers ran, for real
   * (trusted) key presses; null when the slider was not moved by keys (100×) or the API is missing.
   */
  eventTiming: EventTimingMeasures | null;
  /** where the key presses' Event Timing went: the slower entry (keydown or keyup) and its parts; null without key presses */
  eventParts: EventPartsSummary | null;
  /** how many full scrubs (forward, back, forward) */
  scrubs: number;
  /**
   * Long animation frames (over 50 ms, the Long Animation Frames API) that overlap a step, from its
   * input until its animations finished; null if the browser does not report them.
   */
  longAnimationFrames: { count: number; longestMs: number; blockingMs: number } | null;
  /** each step, in order: the month it went to and its timings, to find the slow months */
  samples: Array<{ month: string; paintedMs: number; nextFrameMs: number; settledMs: number; eventMs?: number | null }>;
  /** requestAnimationFrame deltas while scrubbing (the benchmark's own measuring frames left out) */
  frames: number;
  longFrames: number;
  longestFrameMs: number;
  /**
   * The longest of those frames over 50 ms (at most eight, longest first): how long, the month of the
   * step whose input came last before the frame ended, and how long after that input it ended.
   */
  longFrameSteps: Array<{ frameMs: number; month: string; msAfterInput: number }>;
}

export interface EventTimingMeasures {
  /**
   * Over every step: a step the API reported counts its duration (rounded by the browser to 8 ms);
   * one it did not report (under its 16 ms floor) counts as 8 ms, the most such a step can read.
   */
  durationMs: Distribution;
  /** how many steps the API reported (at 16 ms or more), of all steps */
  reported: number;
  steps: number;
}

/** Event Timing figures of steps: `null` for a step the API did not report (under 16 ms). */
export function eventTimingOf(values: ReadonlyArray<number | null>): EventTimingMeasures {
  return {
    durationMs: distribution(values.map((value) => value ?? UNREPORTED_EVENT_MS)),
    reported: values.filter((value) => value !== null).length,
    steps: values.length,
  };
}

/** An Event Timing duration under the API's 16 ms threshold is not reported; rounded to 8 ms, it read 8 at most. */
export const UNREPORTED_EVENT_MS = 8;

export interface LayoutMeasures {
  settleMs: Distribution;
  /** movement of each node shown both before and after a step, in CSS pixels */
  movePx: Distribution;
  largestMove: { nodeId: string; from: string; to: string; px: number } | null;
}

export interface MemoryMeasures {
  afterLoadBytes: number;
  /** after the first scrub (forward, at the last month) */
  afterFirstScrubBytes: number;
  /** after the second (back, at the first month again) */
  afterSecondScrubBytes: number;
  /** after the third (forward again, at the last month, as after the first) */
  afterThirdScrubBytes: number;
  /** from after load to after the first scrub: code warming up (compiled code, type feedback), not budgeted */
  warmUpGrowthPercent: number;
  /** from after the first scrub to after the third: growth that continues once warm (the budget) */
  growthPercent: number;
}

export interface PageMeasures {
  load: LoadMeasures;
  scrub: ScrubMeasures;
  layout: LayoutMeasures;
  memory: MemoryMeasures;
  browserVersion: string;
}

export interface MeasureOptions {
  origin: string;
  /** serve these texts for data/*.json instead of the built site's files */
  dataTexts?: DatasetTexts;
  /** with dataTexts: data/map-layout.json to serve, the ahead-of-time layout computed for them (else a 404) */
  layoutText?: string;
  stride: number;
  loadTimeoutMs: number;
  /** for progress lines */
  log: (message: string) => void;
}

const probeOf = (page: Page): Promise<BenchProbe> =>
  page.evaluate(() => {
    const probe = (window as BenchWindow).__bench;
    if (!probe) throw new Error('the bench probe is not installed');
    // Frames are dropped: they can be many, and the scrub reads them itself.
    return { ...probe, frames: [] };
  });

/** The JavaScript heap in use after a forced garbage collection. */
async function heapUsedAfterGc(cdp: CDPSession): Promise<number> {
  // Twice: objects freed by the first collection's finalisers go in the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}

/** Samples of a step that changes nothing, for the measurement's floor. */
const FLOOR_SAMPLES = 20;

/** Waits for the map to be drawn and settled, failing early if the page shows data problems instead. */
async function waitForMap(page: Page, timeoutMs: number): Promise<void> {
  const outcome = await page.waitForFunction(
    () => {
      const probe = (window as BenchWindow).__bench;
      if (probe?.mapSettledAt != null) return 'map';
      const problems = document.querySelector('.nhsuk-error-summary');
      return problems ? `the page shows problems instead of the map: ${problems.textContent?.slice(0, 400) ?? ''}` : false;
    },
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
  const value = await outcome.jsonValue();
  if (value !== 'map') throw new Error(String(value));
}

function sitePath(url: string, origin: string): string | null {
  if (!url.startsWith(`${origin}/`)) return null;
  return new URL(url).pathname.replace(/^\//, '');
}

/** The slider indices a scrub visits: from the first to the last month by `stride`, always ending on the last. */
export function scrubIndices(lastIndex: number, stride: number): number[] {
  const indices: number[] = [];
  for (let index = 0; index < lastIndex; index += stride) indices.push(index);
  indices.push(lastIndex);
  return indices;
}

function movements(before: readonly NodePosition[], after: readonly NodePosition[]): Array<{ id: string; px: number }> {
  const was = new Map(before.map(([id, x, y]) => [id, [x, y] as const]));
  return after.flatMap(([id, x, y]) => {
    const previous = was.get(id);
    return previous ? [{ id, px: Math.hypot(x - previous[0], y - previous[1]) }] : [];
  });
}

/**
 * One unmeasured load of the site, so the first measured run does not also pay for a cold start
 * of the browser and of the machine's file cache (every run still has a fresh profile and cache).
 */
export async function warmUp(origin: string, timeoutMs: number): Promise<void> {
  const browser = await launchBrowser(VIEWPORT);
  try {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/${START_ROUTE}`);
    await page.locator('[data-node-id], .app-graph__canvas canvas').first().waitFor({ timeout: timeoutMs });
  } finally {
    await browser.close();
  }
}

/** How long the load is watched after the map has settled, for late layout shifts and late requests. */
const AFTER_SETTLED_MS = 1000;
/** Forward, back, forward: the heap budget compares the end of the first with the end of the third. */
export const SCRUBS = 3;

/** The slider indices of SCRUBS full scrubs, after the first month: forward, back, forward… */
export function scrubRoute(lastIndex: number, stride: number, scrubs: number = SCRUBS): number[][] {
  const forward = scrubIndices(lastIndex, stride);
  const back = [...forward].reverse();
  return Array.from({ length: scrubs }, (_, scrub) => (scrub % 2 === 0 ? forward : back).slice(1));
}

export async function measurePage(options: MeasureOptions): Promise<PageMeasures> {
  const { origin, dataTexts, layoutText, stride, loadTimeoutMs, log } = options;
  const browser = await launchBrowser(VIEWPORT);
  try {
    await browser.context.addInitScript({ content: NAME_SHIM });
    await browser.context.addInitScript(installProbe);
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    if (dataTexts) {
      const textByFileName = new Map<string, string>(
        Object.entries(dataTexts).map(([key, text]) => [DATASET_FILES[key as DatasetFileKey], text] as const),
      );
      if (layoutText !== undefined) textByFileName.set('map-layout.json', layoutText);
      // Requests from a worker are routed too (Chromium).
      await page.route('**/data/*.json', (route) => {
        const text = textByFileName.get(path.posix.basename(new URL(route.request().url()).pathname));
        return text === undefined
          ? route.fulfill({ status: 404, body: 'not a data file' })
          : route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: text });
      });
    }
    // Every request of the load, whoever made it (the page, a lazy import, a worker): timed once it is done.
    const requests: Request[] = [];
    const onRequest = (request: Request) => {
      if (sitePath(request.url(), origin) !== null) requests.push(request);
    };
    page.on('request', onRequest);
    const cdp = await browser.context.newCDPSession(page);
    const { product } = await cdp.send('Browser.getVersion');

    // Load, once the browser has finished starting.
    await afterBrowserStartUp();
    await page.goto(`${origin}/${START_ROUTE}`, { waitUntil: 'commit' });
    await waitForMap(page, loadTimeoutMs);
    await page.waitForTimeout(AFTER_SETTLED_MS);
    page.off('request', onRequest);
    const probe = await probeOf(page);
    const loadObservedUntilMs = await page.evaluate(() => performance.now());
    if (probe.mapDrawnAt === null || probe.mapSettledAt === null) throw new Error('the map was never drawn');
    const fcp = probe.fcp;
    const drawnAt = probe.mapDrawnAt;
    const settledAt = probe.mapSettledAt;
    const fcpAt = fcp ?? 0;
    const blocking = probe.longTasks.filter((task) => task.start + task.duration > fcpAt && task.start <= drawnAt);
    const blockingPart = (task: { start: number; duration: number }) =>
      Math.max(0, task.start + task.duration - Math.max(task.start, fcpAt) - 50);
    const nodeCounts = await page.evaluate(() => {
      const nodes = [...document.querySelectorAll('[data-node-id]')];
      return { all: nodes.length, shown: nodes.filter((node) => node.getAttribute('aria-hidden') !== 'true').length };
    });
    // A request belongs to the first view if it started before the map was drawn (wall-clock times on both sides).
    const drawnAtWallClock = probe.timeOrigin + drawnAt;
    const firstView = { scripts: new Set<string>(), styles: new Set<string>(), laterScripts: new Set<string>() };
    const laterStyles = new Set<string>();
    const requestedData = new Set<string>();
    for (const request of requests) {
      const file = sitePath(request.url(), origin);
      if (file === null) continue;
      if (/^data\/.*\.json$/.test(file)) requestedData.add(file);
      const startedAt = request.timing().startTime;
      // A request with no timing (never answered) counts as the first view's: the figure errs high, not low.
      const early = !(startedAt > 0) || startedAt <= drawnAtWallClock;
      // By file name rather than resource type, so module preloads and worker scripts count whatever type the browser gives them.
      if (/\.m?js$/.test(file)) (early ? firstView.scripts : firstView.laterScripts).add(file);
      if (file.endsWith('.css')) (early ? firstView.styles : laterStyles).add(file);
    }
    const load: LoadMeasures = {
      firstContentfulPaintMs: fcp,
      largestContentfulPaintMs: probe.lcp,
      totalBlockingTimeMs: blocking.reduce((sum, task) => sum + blockingPart(task), 0),
      longTasks: blocking.length,
      longestTaskUntilDrawnMs: probe.longTasks
        .filter((task) => task.start <= drawnAt)
        .reduce((longest, task) => Math.max(longest, task.duration), 0),
      longestTaskMs: probe.longTasks.reduce((longest, task) => Math.max(longest, task.duration), 0),
      cumulativeLayoutShift: probe.layoutShifts.reduce((sum, shift) => sum + shift.value, 0),
      layoutShifts: probe.layoutShifts.length,
      loadObservedUntilMs,
      longTaskMsWhileSettling: probe.longTasks.reduce(
        (sum, task) => sum + Math.max(0, Math.min(task.start + task.duration, settledAt) - Math.max(task.start, drawnAt)),
        0,
      ),
      mapDrawnMs: drawnAt,
      mapSettledMs: settledAt,
      nodesInDocument: nodeCounts.all,
      nodesShown: nodeCounts.shown,
      requestedScripts: [...firstView.scripts],
      requestedStyles: [...firstView.styles],
      laterScripts: [...firstView.laterScripts],
      laterStyles: [...laterStyles],
      requestedData: [...requestedData].sort(),
    };
    log(
      `  loaded: map drawn at ${Math.round(load.mapDrawnMs)} ms, settled at ${Math.round(load.mapSettledMs)} ms; ` +
        `${load.nodesShown} of ${load.nodesInDocument} nodes shown; CLS ${load.cumulativeLayoutShift.toFixed(3)}`,
    );

    const afterLoadBytes = await heapUsedAfterGc(cdp);

    // Scrub: forward over the whole timeline, back, and forward again, one step per `stride` months.
    const slider = page.getByRole('slider', { name: /month/i });
    const lastIndex = Number(await slider.getAttribute('max'));
    if (!Number.isInteger(lastIndex) || lastIndex < 1) throw new Error(`the month slider has no usable range (max ${lastIndex})`);
    const scrubs = scrubRoute(lastIndex, stride);
    const totalSteps = scrubs.reduce((sum, scrub) => sum + scrub.length, 0);
    const method = stride === 1 ? 'arrow keys' : 'slider value and input event';
    // Key steps are real key presses (through the browser's input pipeline, so Event Timing times them),
    // each at a random phase of the refresh (press-phase.ts); others set the slider's value.
    const pauses = pressPauses(PRESS_SEED);
    const keyStep = async (key: string): Promise<KeyStepResult> => {
      await page.evaluate(armKeyStep);
      await pressAtRandomPhase(page, key, pauses);
      return page.evaluate(finishKeyStep);
    };
    const initial = await keyStep('Home');
    if (initial.sliderIndex !== 0) throw new Error(`the slider did not start at the first month (index ${initial.sliderIndex})`);
    const floorPaint: number[] = [];
    const floorNextFrame: number[] = [];
    const floorEvent: Array<number | null> = [];
    for (let sample = 0; sample < FLOOR_SAMPLES; sample += 1) {
      const idle = await keyStep('ArrowLeft');
      if (idle.sliderIndex !== 0) throw new Error('the Left arrow at the first month moved the slider');
      floorPaint.push(idle.paintedMs);
      floorNextFrame.push(idle.nextFrameMs);
      floorEvent.push(idle.eventMs);
    }
    const eventMs: Array<number | null> = [];
    const eventParts: Array<EventParts | null> = [];

    const paintMs: number[] = [];
    const nextFrameMs: number[] = [];
    const settleMs: number[] = [];
    const samples: ScrubMeasures['samples'] = [];
    const stepWindows: Array<[number, number]> = [];
    const movePx: number[] = [];
    let largestMove: LayoutMeasures['largestMove'] = null;
    let previous: StepResult = initial;
    const heapAfterScrub: number[] = [];
    await page.evaluate(startFrameRecording);
    const scrubStarted = Date.now();
    let stepNumber = 0;
    for (const scrub of scrubs) {
      for (const index of scrub) {
        const key = stride === 1 ? (index > previous.sliderIndex ? 'ArrowRight' : 'ArrowLeft') : null;
        const step: StepResult & Partial<Pick<KeyStepResult, 'eventMs' | 'eventEntries'>> =
          key === null ? await page.evaluate(stepSlider, { key, index } satisfies StepRequest) : await keyStep(key);
        if (key !== null) {
          eventMs.push(step.eventMs ?? null);
          eventParts.push(eventPartsOf(step.eventEntries ?? []));
        }
        if (step.sliderIndex !== index)
          throw new Error(`a step to slider index ${index} left it at ${step.sliderIndex} (${step.monthText})`);
        paintMs.push(step.paintedMs);
        nextFrameMs.push(step.nextFrameMs);
        settleMs.push(step.settledMs);
        stepWindows.push([step.startedAt, step.startedAt + step.settledMs]);
        samples.push({
          month: step.monthText,
          paintedMs: Math.round(step.paintedMs * 10) / 10,
          nextFrameMs: Math.round(step.nextFrameMs * 10) / 10,
          settledMs: Math.round(step.settledMs * 10) / 10,
          ...(key !== null ? { eventMs: step.eventMs ?? null } : {}),
        });
        for (const { id, px } of movements(previous.positions, step.positions)) {
          movePx.push(px);
          if (!largestMove || px > largestMove.px) largestMove = { nodeId: id, from: previous.monthText, to: step.monthText, px };
        }
        previous = step;
        stepNumber += 1;
        // Every step when steps are slow (stride > 1: the largest dataset), else every 40th.
        if (stepNumber % (stride > 1 ? 1 : 40) === 0 || stepNumber === totalSteps)
          log(`  scrub: ${stepNumber}/${totalSteps} steps, ${Math.round((Date.now() - scrubStarted) / 1000)} s`);
      }
      await page.evaluate(pauseFrames, true);
      heapAfterScrub.push(await heapUsedAfterGc(cdp));
      await page.evaluate(pauseFrames, false);
    }
    const longFrameEnds = await page.evaluate(recordedLongFrames);
    const frames = await page.evaluate(stopFrameRecording);
    const longAnimationFrames = await page.evaluate(() => (window as BenchWindow).__bench?.longFrames ?? null);
    const stepFrames = longAnimationFrames?.filter((frame) =>
      stepWindows.some(([from, to]) => frame.start < to && frame.start + frame.duration > from),
    );
    // A browser without Event Timing reports nothing at all; one with it reports at least the slow steps (or the load's).
    const hasEventTiming = await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('event'));
    const scrub: ScrubMeasures = {
      stride,
      method,
      steps: totalSteps,
      scrubs: scrubs.length,
      inputToPaintMs: distribution(paintMs),
      inputToNextFrameMs: distribution(nextFrameMs),
      floor: {
        inputToPaintMs: distribution(floorPaint),
        inputToNextFrameMs: distribution(floorNextFrame),
        eventTiming: hasEventTiming ? eventTimingOf(floorEvent) : null,
      },
      eventTiming: hasEventTiming && eventMs.length > 0 ? eventTimingOf(eventMs) : null,
      eventParts: hasEventTiming && eventParts.length > 0 ? summariseEventParts(eventParts, UNREPORTED_EVENT_MS) : null,
      longAnimationFrames: stepFrames
        ? {
            count: stepFrames.length,
            longestMs: stepFrames.reduce((longest, frame) => Math.max(longest, frame.duration), 0),
            blockingMs: stepFrames.reduce((sum, frame) => sum + frame.blockingDuration, 0),
          }
        : null,
      samples,
      frames: frames.length,
      longFrames: frames.filter((frame) => frame > LONG_FRAME_MS).length,
      longestFrameMs: frames.reduce((longest, frame) => Math.max(longest, frame), 0),
      longFrameSteps: stepsOfLongFrames(longFrameEnds, stepWindows, samples),
    };
    const layout: LayoutMeasures = { settleMs: distribution(settleMs), movePx: distribution(movePx), largestMove };

    const [afterFirstScrubBytes = Number.NaN, afterSecondScrubBytes = Number.NaN, afterThirdScrubBytes = Number.NaN] =
      heapAfterScrub;
    const memory: MemoryMeasures = {
      afterLoadBytes,
      afterFirstScrubBytes,
      afterSecondScrubBytes,
      afterThirdScrubBytes,
      warmUpGrowthPercent: ((afterFirstScrubBytes - afterLoadBytes) / afterLoadBytes) * 100,
      growthPercent: ((afterThirdScrubBytes - afterFirstScrubBytes) / afterFirstScrubBytes) * 100,
    };
    if (pageErrors.length > 0) throw new Error(`the page threw while being measured: ${pageErrors.join('; ')}`);
    return { load, scrub, layout, memory, browserVersion: product };
  } finally {
    await browser.close();
  }
}

/**
 * Places each long frame (its end and length) at the step whose input came last before it ended:
 * the longest eight, longest first, with that step's month and the time from its input.
 */
export function stepsOfLongFrames(
  longFrameEnds: ReadonlyArray<readonly [number, number]>,
  stepWindows: ReadonlyArray<readonly [number, number]>,
  samples: ReadonlyArray<{ month: string }>,
): ScrubMeasures['longFrameSteps'] {
  return [...longFrameEnds]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([end, frameMs]) => {
      const step = stepWindows.findLastIndex(([start]) => start <= end);
      const start = stepWindows[step]?.[0];
      return {
        frameMs: Math.round(frameMs * 10) / 10,
        month: samples[step]?.month ?? 'before the first step',
        msAfterInput: start === undefined ? Number.NaN : Math.round(end - start),
      };
    });
}
