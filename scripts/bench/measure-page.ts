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
  type NodePosition,
  skipFrame,
  startFrameRecording,
  stepSlider,
  type StepRequest,
  type StepResult,
  stopFrameRecording,
} from './in-page';
import { type Distribution, distribution } from './stats';

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
  longestTaskMs: number;
  /** long-task time between the map drawn and settled: the main thread drawing it, rather than transitions running */
  longTaskMsWhileSettling: number;
  /** from navigation to the first map node in the document */
  mapDrawnMs: number;
  /** from navigation to the first frame after that with no animation running */
  mapSettledMs: number;
  /** map nodes in the document (every node of any month) and shown at the first month */
  nodesInDocument: number;
  nodesShown: number;
  /** same-origin JavaScript and CSS the first view requested, as paths from the site's root */
  requestedScripts: string[];
  requestedStyles: string[];
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
  /** each step, in order: the month it went to and its timings, to find the slow months */
  samples: Array<{ month: string; paintedMs: number; nextFrameMs: number; settledMs: number; eventMs?: number | null }>;
  frames: number;
  longFrames: number;
  longestFrameMs: number;
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
  afterScrubsBytes: number;
  /** from after load to after both scrubs */
  growthPercent: number;
  /** during the second scrub alone: growth that continues once the code has warmed up */
  secondScrubGrowthPercent: number;
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
    await page.locator('[data-node-id]').first().waitFor({ timeout: timeoutMs });
  } finally {
    await browser.close();
  }
}

export async function measurePage(options: MeasureOptions): Promise<PageMeasures> {
  const { origin, dataTexts, stride, loadTimeoutMs, log } = options;
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
      await page.route('**/data/*.json', (route) => {
        const text = textByFileName.get(path.posix.basename(new URL(route.request().url()).pathname));
        return text === undefined
          ? route.fulfill({ status: 404, body: 'not a data file' })
          : route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: text });
      });
    }
    const requestedScripts: string[] = [];
    const requestedStyles: string[] = [];
    // By file name rather than resource type, so module preloads count whatever type the browser gives them.
    const onRequest = (request: Request) => {
      const file = sitePath(request.url(), origin);
      if (file === null) return;
      if (/\.m?js$/.test(file)) requestedScripts.push(file);
      if (file.endsWith('.css')) requestedStyles.push(file);
    };
    page.on('request', onRequest);
    const cdp = await browser.context.newCDPSession(page);
    const { product } = await cdp.send('Browser.getVersion');

    // Load.
    await page.goto(`${origin}/${START_ROUTE}`, { waitUntil: 'commit' });
    await waitForMap(page, loadTimeoutMs);
    page.off('request', onRequest);
    const probe = await probeOf(page);
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
    const load: LoadMeasures = {
      firstContentfulPaintMs: fcp,
      largestContentfulPaintMs: probe.lcp,
      totalBlockingTimeMs: blocking.reduce((sum, task) => sum + blockingPart(task), 0),
      longTasks: blocking.length,
      longestTaskMs: probe.longTasks.reduce((longest, task) => Math.max(longest, task.duration), 0),
      longTaskMsWhileSettling: probe.longTasks.reduce(
        (sum, task) => sum + Math.max(0, Math.min(task.start + task.duration, settledAt) - Math.max(task.start, drawnAt)),
        0,
      ),
      mapDrawnMs: drawnAt,
      mapSettledMs: settledAt,
      nodesInDocument: nodeCounts.all,
      nodesShown: nodeCounts.shown,
      requestedScripts: [...new Set(requestedScripts)],
      requestedStyles: [...new Set(requestedStyles)],
    };
    log(
      `  loaded: map drawn at ${Math.round(load.mapDrawnMs)} ms, settled at ${Math.round(load.mapSettledMs)} ms; ` +
        `${load.nodesShown} of ${load.nodesInDocument} nodes shown`,
    );

    const afterLoadBytes = await heapUsedAfterGc(cdp);

    // Scrub: forward over the whole timeline, then back, one step per `stride` months.
    const slider = page.getByRole('slider', { name: /month/i });
    const lastIndex = Number(await slider.getAttribute('max'));
    if (!Number.isInteger(lastIndex) || lastIndex < 1) throw new Error(`the month slider has no usable range (max ${lastIndex})`);
    const forward = scrubIndices(lastIndex, stride);
    const route = [...forward.slice(1), ...forward.slice(0, -1).reverse()];
    const method = stride === 1 ? 'arrow keys' : 'slider value and input event';
    // Key steps are real key presses (through the browser's input pipeline, so Event Timing times them); others set the slider's value.
    const keyStep = async (key: string): Promise<KeyStepResult> => {
      await page.evaluate(armKeyStep);
      await page.keyboard.press(key);
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

    const paintMs: number[] = [];
    const nextFrameMs: number[] = [];
    const settleMs: number[] = [];
    const samples: ScrubMeasures['samples'] = [];
    const movePx: number[] = [];
    let largestMove: LayoutMeasures['largestMove'] = null;
    let previous: StepResult = initial;
    let afterFirstScrubBytes = Number.NaN;
    await page.evaluate(startFrameRecording);
    const scrubStarted = Date.now();
    for (const [stepNumber, index] of route.entries()) {
      const key = stride === 1 ? (index > previous.sliderIndex ? 'ArrowRight' : 'ArrowLeft') : null;
      const step: StepResult & { eventMs?: number | null } =
        key === null ? await page.evaluate(stepSlider, { key, index } satisfies StepRequest) : await keyStep(key);
      if (key !== null) eventMs.push(step.eventMs ?? null);
      if (step.sliderIndex !== index)
        throw new Error(`a step to slider index ${index} left it at ${step.sliderIndex} (${step.monthText})`);
      paintMs.push(step.paintedMs);
      nextFrameMs.push(step.nextFrameMs);
      settleMs.push(step.settledMs);
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
      if (index === lastIndex) {
        afterFirstScrubBytes = await heapUsedAfterGc(cdp);
        await page.evaluate(skipFrame);
      }
      if ((stepNumber + 1) % 40 === 0 || stepNumber === route.length - 1)
        log(`  scrub: ${stepNumber + 1}/${route.length} steps, ${Math.round((Date.now() - scrubStarted) / 1000)} s`);
    }
    const frames = await page.evaluate(stopFrameRecording);
    // A browser without Event Timing reports nothing at all; one with it reports at least the slow steps (or the load's).
    const hasEventTiming = await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('event'));
    const scrub: ScrubMeasures = {
      stride,
      method,
      steps: route.length,
      inputToPaintMs: distribution(paintMs),
      inputToNextFrameMs: distribution(nextFrameMs),
      floor: {
        inputToPaintMs: distribution(floorPaint),
        inputToNextFrameMs: distribution(floorNextFrame),
        eventTiming: hasEventTiming ? eventTimingOf(floorEvent) : null,
      },
      eventTiming: hasEventTiming && eventMs.length > 0 ? eventTimingOf(eventMs) : null,
      samples,
      frames: frames.length,
      longFrames: frames.filter((frame) => frame > LONG_FRAME_MS).length,
      longestFrameMs: frames.reduce((longest, frame) => Math.max(longest, frame), 0),
    };
    const layout: LayoutMeasures = { settleMs: distribution(settleMs), movePx: distribution(movePx), largestMove };

    const afterScrubsBytes = await heapUsedAfterGc(cdp);
    const memory: MemoryMeasures = {
      afterLoadBytes,
      afterFirstScrubBytes,
      afterScrubsBytes,
      growthPercent: ((afterScrubsBytes - afterLoadBytes) / afterLoadBytes) * 100,
      secondScrubGrowthPercent: ((afterScrubsBytes - afterFirstScrubBytes) / afterFirstScrubBytes) * 100,
    };
    if (pageErrors.length > 0) throw new Error(`the page threw while being measured: ${pageErrors.join('; ')}`);
    return { load, scrub, layout, memory, browserVersion: product };
  } finally {
    await browser.close();
  }
}
