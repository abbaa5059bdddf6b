/**
 * Code that runs inside the page. Playwright sends each function's source text to the browser, so
 * every function here must be self-contained: it may use only its argument and the page's globals,
 * never anything imported or declared elsewhere in this module.
 */

export interface LongTask {
  start: number;
  duration: number;
}

export interface EventEntry {
  name: string;
  startTime: number;
  duration: number;
  interactionId: number;
  /** when the event's handlers started and finished running: what splits its duration into input delay, processing and presentation */
  processingStart: number;
  processingEnd: number;
}

export interface LayoutShift {
  start: number;
  value: number;
}

/** A long animation frame (the Long Animation Frames API): a frame that took over 50 ms from its first task to its paint. */
export interface LongFrame {
  start: number;
  duration: number;
  blockingDuration: number;
  /** from the frame's rendering start (style, layout, paint) to its end; 0 if it rendered nothing */
  renderMs: number;
  /** its longest scripts (at most three): how long, and what ran ("MessagePort.onmessage, ae in client.js") */
  scripts: Array<{ durationMs: number; what: string }>;
}

/** What the probe records, on window.__bench. Times are performance.now() milliseconds (from navigation). */
export interface BenchProbe {
  /** performance.timeOrigin: navigation's start as a wall-clock time (ms since 1970), to place requests against */
  timeOrigin: number;
  fcp: number | null;
  lcp: number | null;
  longTasks: LongTask[];
  /** layout shifts not caused by recent input (those CLS counts), from navigation on */
  layoutShifts: LayoutShift[];
  /** long animation frames, from navigation on; null if the browser does not report them */
  longFrames: LongFrame[] | null;
  /** when the first map node ([data-node-id]) was in the document */
  mapDrawnAt: number | null;
  /** the first frame after that with no finite animation running */
  mapSettledAt: number | null;
  /**
   * Event Timing entries (what INP reads) of at least 16 ms, the least the API reports: from the
   * input's hardware timestamp to the next paint after its handlers ran, rounded to 8 ms.
   */
  events: EventEntry[];
  /** frame-to-frame times while recording */
  frames: number[];
  /** the frames over 50 ms among them: when each ended (performance.now()) and how long it was */
  longFrameEnds: Array<[number, number]>;
  recordingFrames: boolean;
  /** while the benchmark's own work runs (a forced garbage collection): frames are not recorded */
  framesPaused: boolean;
  lastFrameAt: number | null;
}

export type BenchWindow = Window & { __bench?: BenchProbe };

/**
 * tsx (esbuild with keepNames) wraps named functions in calls to a helper, __name, that exists only
 * in Node; functions sent to the page would throw without it. This shim, added as an init script,
 * gives the page a harmless one.
 */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

/**
 * Installed before any of the page's own scripts run: observes paint, largest contentful paint and
 * long tasks, and notes when the map is first drawn and when it has settled.
 */
export function installProbe(): void {
  const probe: BenchProbe = {
    timeOrigin: performance.timeOrigin,
    fcp: null,
    lcp: null,
    longTasks: [],
    layoutShifts: [],
    longFrames: PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? [] : null,
    events: [],
    mapDrawnAt: null,
    mapSettledAt: null,
    frames: [],
    longFrameEnds: [],
    recordingFrames: false,
    framesPaused: false,
    lastFrameAt: null,
  };
  (window as BenchWindow).__bench = probe;
  const observe = (type: string, onEntry: (entry: PerformanceEntry) => void) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {
      // An entry type this browser does not support: its figure stays null and the report says so.
    }
  };
  observe('paint', (entry) => {
    if (entry.name === 'first-contentful-paint') probe.fcp = entry.startTime;
  });
  // Each new candidate replaces the last; its startTime is its render time.
  observe('largest-contentful-paint', (entry) => {
    probe.lcp = entry.startTime;
  });
  observe('longtask', (entry) => probe.longTasks.push({ start: entry.startTime, duration: entry.duration }));
  // What cumulative layout shift adds up: every shift not caused by recent input (within 500 ms of a key press or click).
  observe('layout-shift', (entry) => {
    const shift = entry as PerformanceEntry & { value: number; hadRecentInput: boolean };
    if (!shift.hadRecentInput) probe.layoutShifts.push({ start: shift.startTime, value: shift.value });
  });
  observe('long-animation-frame', (entry) => {
    const frame = entry as PerformanceEntry & {
      blockingDuration?: number;
      renderStart?: number;
      scripts?: Array<{ duration: number; invoker: string; sourceFunctionName: string; sourceURL: string }>;
    };
    probe.longFrames?.push({
      start: frame.startTime,
      duration: frame.duration,
      blockingDuration: frame.blockingDuration ?? 0,
      renderMs: frame.renderStart ? frame.startTime + frame.duration - frame.renderStart : 0,
      scripts: [...(frame.scripts ?? [])]
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 3)
        .map((script) => ({
          durationMs: script.duration,
          what: `${script.invoker}${script.sourceFunctionName ? `, ${script.sourceFunctionName}` : ''}${
            script.sourceURL ? ` in ${script.sourceURL.split('/').pop() ?? ''}` : ''
          }`,
        })),
    });
  });
  try {
    new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) =>
        probe.events.push({
          name: entry.name,
          startTime: entry.startTime,
          duration: entry.duration,
          interactionId: (entry as PerformanceEntry & { interactionId?: number }).interactionId ?? 0,
          processingStart: (entry as PerformanceEventTiming).processingStart,
          processingEnd: (entry as PerformanceEventTiming).processingEnd,
        }),
      ),
    ).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  } catch {
    // No Event Timing: the figure stays missing and the report says so.
  }

  const runningAnimations = () =>
    document.getAnimations().filter((animation) => {
      if (animation.playState !== 'running') return false;
      const end = animation.effect?.getComputedTiming().endTime;
      return typeof end !== 'number' || Number.isFinite(end);
    });
  const watchSettling = () => {
    // Transitions start at the next style update, so look from the second frame on.
    let frame = 0;
    const onFrame = () => {
      frame += 1;
      if (frame >= 2 && runningAnimations().length === 0) probe.mapSettledAt = performance.now();
      else requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
  };
  // The map is drawn when its first node is in the document (or, should a map be drawn on a canvas, the canvas is).
  const watcher = new MutationObserver(() => {
    if (probe.mapDrawnAt !== null || !document.querySelector('[data-node-id], .app-graph__canvas canvas')) return;
    probe.mapDrawnAt = performance.now();
    watcher.disconnect();
    watchSettling();
  });
  watcher.observe(document, { childList: true, subtree: true });
}

/** Starts recording frame times with a requestAnimationFrame loop. */
export function startFrameRecording(): void {
  const probe = (window as BenchWindow).__bench;
  if (!probe) throw new Error('the bench probe is not installed');
  probe.frames = [];
  probe.longFrameEnds = [];
  probe.recordingFrames = true;
  probe.lastFrameAt = null;
  const onFrame = (time: number) => {
    if (!probe.recordingFrames) return;
    if (probe.lastFrameAt !== null && !probe.framesPaused) {
      // To the nearest half millisecond: each frame's timestamp is rounded by the browser (to 0.1 ms
      // where the page is not cross-origin isolated), so a frame of exactly three 60 Hz refreshes
      // (50.0 ms) could read 50.1 ms and count as over 50 ms; half a millisecond is far less than a refresh.
      const frame = Math.round((time - probe.lastFrameAt) * 2) / 2;
      probe.frames.push(frame);
      // 50: LONG_FRAME_MS (this function runs in the page, where the constant cannot be read).
      if (frame > 50) probe.longFrameEnds.push([time, frame]);
    }
    probe.lastFrameAt = probe.framesPaused ? null : time;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
}

/**
 * Pauses or resumes the recording of frames around the benchmark's own work (a forced garbage
 * collection): the frame it spans is not the app's. Paused before that work starts, since the
 * first frame after it can run before a call made once it has ended reaches the page.
 */
export function pauseFrames(paused: boolean): void {
  const probe = (window as BenchWindow).__bench;
  if (!probe) return;
  probe.framesPaused = paused;
  probe.lastFrameAt = null;
}

/** The frames over 50 ms of the last recording: when each ended, and how long it was. */
export function recordedLongFrames(): Array<[number, number]> {
  return (window as BenchWindow).__bench?.longFrameEnds ?? [];
}

export function stopFrameRecording(): number[] {
  const probe = (window as BenchWindow).__bench;
  if (!probe) throw new Error('the bench probe is not installed');
  probe.recordingFrames = false;
  return probe.frames;
}

/** [node id, x, y]: the centre of a node's glyph in page coordinates. */
export type NodePosition = [string, number, number];

export interface StepRequest {
  /** a key to press on the slider ("ArrowRight", "ArrowLeft"); otherwise the slider is set to `index` */
  key: string | null;
  index: number;
}

export interface StepResult {
  /** when the input came (performance.now() time), to find the frames of the step */
  startedAt: number;
  /** from the input to the frame after the update was painted (double requestAnimationFrame) */
  paintedMs: number;
  /** from the input to the first task after the next frame was produced (requestAnimationFrame, then a message) */
  nextFrameMs: number;
  /** from the input until every finite animation has finished */
  settledMs: number;
  /** the slider's month after the step, as it reads it out */
  monthText: string;
  sliderIndex: number;
  /** the nodes on the map (not hidden) after the step */
  positions: NodePosition[];
}

/**
 * One month change on the slider, timed in the page: a key press as a keyboard user makes it, or
 * (for steps of several months) the slider set to a value and an input event, as dragging does.
 */
export async function stepSlider(request: StepRequest): Promise<StepResult> {
  const slider = document.querySelector<HTMLInputElement>('input[type="range"]');
  if (!slider) throw new Error('no month slider (input[type="range"]) on the page');
  const probe = (window as BenchWindow).__bench;
  slider.focus();
  const start = performance.now();
  if (request.key !== null) {
    slider.dispatchEvent(new KeyboardEvent('keydown', { key: request.key, bubbles: true, cancelable: true }));
  } else {
    // React tracks an input's value; setting it through the prototype's setter makes the input event count as a change.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(slider, String(request.index));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  }
  let nextFrameMs = Number.NaN;
  let paintedMs = Number.NaN;
  await new Promise<void>((resolve) => {
    let pending = 2;
    const done = () => {
      pending -= 1;
      if (pending === 0) resolve();
    };
    requestAnimationFrame(() => {
      // A message posted in a frame's callback is handled once that frame has been produced.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        nextFrameMs = performance.now() - start;
        done();
      };
      channel.port2.postMessage(null);
      requestAnimationFrame(() => {
        paintedMs = performance.now() - start;
        done();
      });
    });
  });
  const running = () =>
    document.getAnimations().filter((animation) => {
      if (animation.playState !== 'running') return false;
      const end = animation.effect?.getComputedTiming().endTime;
      return typeof end !== 'number' || Number.isFinite(end);
    });
  for (let pending = running(); pending.length > 0; pending = running()) {
    await Promise.all(pending.map((animation) => animation.finished.catch(() => undefined)));
  }
  const settledMs = performance.now() - start;

  const positions: NodePosition[] = [...document.querySelectorAll<SVGGraphicsElement>('[data-node-id]')]
    .filter((node) => node.getAttribute('aria-hidden') !== 'true')
    .map((node) => {
      // The glyph, not the whole node: a label shown or hidden would shift the node's box.
      const box = (node.querySelector('.app-graph__glyph') ?? node).getBoundingClientRect();
      return [
        node.getAttribute('data-node-id') ?? '',
        box.x + box.width / 2 + window.scrollX,
        box.y + box.height / 2 + window.scrollY,
      ] as NodePosition;
    });
  // Measuring forced a layout of every node: that frame is the benchmark's, not the app's, so it is not recorded.
  if (probe) probe.lastFrameAt = null;
  return {
    startedAt: start,
    paintedMs,
    nextFrameMs,
    settledMs,
    monthText: slider.getAttribute('aria-valuetext') ?? '',
    sliderIndex: Number(slider.value),
    positions,
  };
}

/** What armKeyStep leaves on window for finishKeyStep. */
interface ArmedStep {
  /** resolves with the keydown's timestamp and the two frame timings measured from it */
  measured: Promise<{ start: number; paintedMs: number; nextFrameMs: number }>;
}

/**
 * Prepares a step by a real key press (sent by the browser's input pipeline, so the Event Timing
 * API times it, as it does a person's): focuses the slider and, when the keydown arrives, starts
 * the same double requestAnimationFrame timing as stepSlider, from the event's own timestamp.
 */
export function armKeyStep(): void {
  const slider = document.querySelector<HTMLInputElement>('input[type="range"]');
  if (!slider) throw new Error('no month slider (input[type="range"]) on the page');
  slider.focus();
  const armed: ArmedStep = {
    measured: new Promise((resolve) => {
      const onKeyDown = (event: KeyboardEvent) => {
        const start = event.timeStamp;
        let nextFrameMs = Number.NaN;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            nextFrameMs = performance.now() - start;
          };
          channel.port2.postMessage(null);
          requestAnimationFrame(() => {
            const paintedMs = performance.now() - start;
            // The message may come after the second frame's callback on a busy thread: wait for it.
            const wait = () => (Number.isNaN(nextFrameMs) ? setTimeout(wait, 1) : resolve({ start, paintedMs, nextFrameMs }));
            wait();
          });
        });
      };
      // Capture, before the app's own handler, so the start is the event's, whatever the handler does.
      slider.addEventListener('keydown', onKeyDown, { capture: true, once: true });
    }),
  };
  (window as Window & { __benchStep?: ArmedStep }).__benchStep = armed;
}

export interface KeyStepResult extends StepResult {
  /**
   * The Event Timing duration of the key press (the longest entry of its interaction: keydown or
   * keyup), or null when the API reported none: then it was under 16 ms (rounded below 16).
   */
  eventMs: number | null;
  /** the key press's Event Timing entries (keydown, keyup), each as reported; empty when none was (all under 16 ms) */
  eventEntries: EventEntry[];
}

/** Completes a step begun by armKeyStep and a key press: the same figures as stepSlider, and the key press's Event Timing. */
export async function finishKeyStep(): Promise<KeyStepResult> {
  const armed = (window as Window & { __benchStep?: ArmedStep }).__benchStep;
  if (!armed) throw new Error('no step armed (armKeyStep)');
  const slider = document.querySelector<HTMLInputElement>('input[type="range"]');
  if (!slider) throw new Error('no month slider (input[type="range"]) on the page');
  const probe = (window as BenchWindow).__bench;
  const { start, paintedMs, nextFrameMs } = await armed.measured;
  const running = () =>
    document.getAnimations().filter((animation) => {
      if (animation.playState !== 'running') return false;
      const end = animation.effect?.getComputedTiming().endTime;
      return typeof end !== 'number' || Number.isFinite(end);
    });
  for (let pending = running(); pending.length > 0; pending = running()) {
    await Promise.all(pending.map((animation) => animation.finished.catch(() => undefined)));
  }
  const settledMs = performance.now() - start;
  // Event Timing entries are delivered after the paint, in a later task: give them time to arrive.
  // The key press's keydown and keyup: every key event from its keydown on (the next press comes
  // only after this returns). By time, not by the keydown's interaction: a keyup can be reported
  // (16 ms or more) when its keydown was not.
  const entriesOfStep = () =>
    (probe?.events ?? []).filter((entry) => (entry.name === 'keydown' || entry.name === 'keyup') && entry.startTime > start - 1);
  let entries = entriesOfStep();
  for (let waited = 0; entries.length === 0 && waited < 100; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    entries = entriesOfStep();
  }
  const eventMs = entries.length > 0 ? Math.max(...entries.map((entry) => entry.duration)) : null;

  const positions: NodePosition[] = [...document.querySelectorAll<SVGGraphicsElement>('[data-node-id]')]
    .filter((node) => node.getAttribute('aria-hidden') !== 'true')
    .map((node) => {
      const box = (node.querySelector('.app-graph__glyph') ?? node).getBoundingClientRect();
      return [
        node.getAttribute('data-node-id') ?? '',
        box.x + box.width / 2 + window.scrollX,
        box.y + box.height / 2 + window.scrollY,
      ] as NodePosition;
    });
  if (probe) probe.lastFrameAt = null;
  return {
    startedAt: start,
    paintedMs,
    nextFrameMs,
    settledMs,
    eventMs,
    eventEntries: entries,
    monthText: slider.getAttribute('aria-valuetext') ?? '',
    sliderIndex: Number(slider.value),
    positions,
  };
}
