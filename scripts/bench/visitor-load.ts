/**
 * The load as a visitor's browser runs it: the same probe, the same figures (the longest task until
 * the map is drawn, total blocking time, layout shift), but with no DevTools session that has the
 * Runtime domain enabled while the page loads.
 *
 * Why: Playwright enables the DevTools protocol's Runtime domain on every page it drives (Lighthouse
 * does too). With it enabled, V8 keeps detailed stack traces ready for the inspector and collects
 * source positions for the code on the stack, which for a large script means parsing it again on
 * the main thread. Measured on this project's React DOM chunk (211 KB) on a 2-core machine, its
 * evaluation takes 4 ms with a bare DevTools connection or with the Page, Network, Log or Debugger
 * domains enabled, and 30–75 ms once Runtime is enabled. A visitor's browser has no such session,
 * so the budget is read here. The driven load (measure-page.ts) is still run and reported beside it.
 *
 * As with every measured load, the browser is left to finish starting first (browser-start-up.ts).
 *
 * This talks to Chromium over its DevTools pipe directly: a page-level session with Page and
 * Emulation calls only, and Runtime.evaluate (which does not enable the domain) to poll the probe.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../tests/e2e/support/harness';
import { afterBrowserStartUp } from './browser-start-up';
import { type BenchProbe, installProbe, NAME_SHIM } from './in-page';
import { loadFigures } from './key-scrub';
import { describeFrameOfTask } from './long-frames';
import { median } from './stats';

export interface VisitorLoadOptions {
  origin: string;
  /** the route loaded, as "#/?date=2010-07" */
  route: string;
  viewport: { width: number; height: number };
  loadTimeoutMs: number;
  /**
   * A page case's own "drawn" (issue 13's: the named CCGs in the document): a JavaScript condition,
   * checked every animation frame from navigation on; the load's figures run until it first held,
   * rather than until the first map node, and the probe is read a second after it held.
   */
  drawnWhen?: string;
}

export interface VisitorLoad {
  longestTaskUntilDrawnMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  firstContentfulPaintMs: number | null;
  mapDrawnMs: number;
  /** when `drawnWhen` first held (null without one): what the longest task and blocking time run until then */
  drawnMs: number | null;
  /** when the map had settled: drawn, painted, and what follows it drawn (no animation running) */
  mapSettledMs: number;
  /** the longest task until the map had settled: the frames that paint the map and what follows it count too */
  longestTaskUntilSettledMs: number;
  /** every long task of the load, [start, duration] in ms from navigation */
  longTasks: Array<[number, number]>;
  /** long animation frames of the load, [start, duration, blocking] in ms */
  longFrames: Array<[number, number, number]>;
  /** what the longest task until drawn was doing (describeFrameOfTask), or null if there was none */
  longestTaskFrame: string | null;
}

/** How long the load is watched after the map has settled (as measure-page does). */
const AFTER_SETTLED_MS = 1000;
const POLL_MS = 100;

interface Session {
  send: <T = unknown>(method: string, params?: Record<string, unknown>) => Promise<T>;
  close: () => void;
}

/**
 * A DevTools session on the browser's first page, over the pipe Chromium opens with
 * --remote-debugging-pipe (file descriptors 3 and 4; messages end with a NUL byte), as Playwright does.
 */
async function pageSession(child: ChildProcess): Promise<Session> {
  const toBrowser = child.stdio[3] as Writable | null;
  const fromBrowser = child.stdio[4] as Readable | null;
  if (!toBrowser || !fromBrowser) throw new Error('Chromium was started without its DevTools pipe');
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let buffered = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let end: number;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string } };
      buffered = buffered.slice(end + 1);
      const waiter = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiter || message.id === undefined) continue;
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    }
  });
  const call = <T>(method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      nextId += 1;
      pending.set(nextId, { resolve: resolve as (value: unknown) => void, reject });
      toBrowser.write(`${JSON.stringify({ id: nextId, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  // The first page may take a moment to exist after launch.
  for (let attempt = 0; ; attempt += 1) {
    const { targetInfos } = await call<{ targetInfos: Array<{ targetId: string; type: string }> }>('Target.getTargets');
    const target = targetInfos.find((info) => info.type === 'page');
    if (target) {
      const { sessionId } = await call<{ sessionId: string }>('Target.attachToTarget', {
        targetId: target.targetId,
        flatten: true,
      });
      return {
        send: <T>(method: string, params: Record<string, unknown> = {}) => call<T>(method, params, sessionId),
        close: () => toBrowser.end(),
      };
    }
    if (attempt > 100) throw new Error('Chromium has no page to load');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One load of `route` in a fresh Chromium and profile, the probe read once the map has settled. */
export async function measureVisitorLoad(options: VisitorLoadOptions): Promise<VisitorLoad> {
  const { origin, route, viewport, loadTimeoutMs } = options;
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'explorer-visitor-'));
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_FLAGS,
      '--headless',
      `--window-size=${viewport.width},${viewport.height}`,
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-pipe',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  let session: Session | null = null;
  try {
    session = await pageSession(child);
    await session.send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false });
    // Page (not Runtime): new-document scripts are installed only while the Page domain is enabled.
    await session.send('Page.enable');
    // A page case's condition is checked each frame, as Playwright's waitForFunction with 'raf' polling checks it.
    const drawnWatch = options.drawnWhen
      ? `;(() => { const check = () => { let held = false; try { held = Boolean(${options.drawnWhen}); } catch {}` +
        ` if (held) window.__benchDrawnAt = performance.now(); else requestAnimationFrame(check); }; requestAnimationFrame(check); })();`
      : '';
    await session.send('Page.addScriptToEvaluateOnNewDocument', {
      source: `${NAME_SHIM};(${installProbe.toString()})();${drawnWatch}`,
    });
    await afterBrowserStartUp();
    await session.send('Page.navigate', { url: `${origin}/${route}` });
    const read = async <T>(expression: string): Promise<T> => {
      const reply = await session!.send<{ result: { value?: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', {
        expression,
        returnByValue: true,
      });
      if (reply.exceptionDetails) throw new Error(`the page could not be read: ${reply.exceptionDetails.text}`);
      return reply.result.value as T;
    };
    const deadline = Date.now() + loadTimeoutMs;
    for (;;) {
      const state = await read<string>(
        `(() => { const probe = window.__bench; if (probe && ` +
          `${options.drawnWhen ? 'window.__benchDrawnAt !== undefined' : 'probe.mapSettledAt !== null'}) return 'map';` +
          ` const problems = document.querySelector('.nhsuk-error-summary');` +
          ` return problems ? 'problems: ' + (problems.textContent || '').slice(0, 300) : 'waiting'; })()`,
      );
      if (state === 'map') break;
      if (state?.startsWith('problems')) throw new Error(`the page shows ${state}`);
      if (Date.now() > deadline) {
        // What the page had got to: its address, whether the probe was installed, how many map nodes it drew.
        const where = await read<string>(
          '`at ${location.href}, probe ${window.__bench ? "installed" : "missing"}, ` +' +
            ' `${document.querySelectorAll("[data-node-id]").length} map nodes`',
        );
        throw new Error(
          `${options.drawnWhen ? 'the page was not drawn' : 'the map had not settled'} within ${loadTimeoutMs} ms (${where})`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    await new Promise((resolve) => setTimeout(resolve, AFTER_SETTLED_MS));
    const probe = JSON.parse(await read<string>('JSON.stringify({ ...window.__bench, frames: [], events: [] })')) as BenchProbe;
    const drawnMs = options.drawnWhen ? await read<number>('window.__benchDrawnAt') : null;
    // A page case's page may have no map (the place page): its own "drawn" stands for the map's times.
    const mapDrawnAt = probe.mapDrawnAt ?? drawnMs;
    const settledAt = probe.mapSettledAt ?? drawnMs;
    if (mapDrawnAt === null || settledAt === null) throw new Error('the map was never drawn');
    const drawnAt = drawnMs ?? mapDrawnAt;
    const figures = loadFigures(probe, drawnAt);
    // The task loadFigures found the longest, to name what it was doing.
    const longestTask = probe.longTasks.find(
      (task) => task.start <= drawnAt && task.duration === figures.longestTaskUntilDrawnMs,
    );
    return {
      ...figures,
      longestTaskFrame: longestTask ? describeFrameOfTask(longestTask, probe.longFrames ?? []) : null,
      mapSettledMs: settledAt,
      longestTaskUntilSettledMs: probe.longTasks
        .filter((task) => task.start <= settledAt)
        .reduce((longest, task) => Math.max(longest, task.duration), 0),
      cumulativeLayoutShift: probe.layoutShifts.reduce((sum, shift) => sum + shift.value, 0),
      firstContentfulPaintMs: probe.fcp,
      mapDrawnMs: mapDrawnAt,
      drawnMs,
      longTasks: probe.longTasks.map((task) => [Math.round(task.start), Math.round(task.duration)]),
      longFrames: (probe.longFrames ?? []).map((frame) => [
        Math.round(frame.start),
        Math.round(frame.duration),
        Math.round(frame.blockingDuration),
      ]),
    };
  } finally {
    session?.close();
    const exited = child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    // Chromium's helper processes may still be writing the profile for a moment after it exits.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      try {
        rmSync(userDataDir, { recursive: true, force: true });
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
}

/** How many visitor loads the bench makes: the budget reads their median, and every one is listed. */
export const VISITOR_LOADS = 3;

export interface VisitorLoads {
  loads: VisitorLoad[];
  error: string | null;
}

/** A page case's loads as a visitor's browser runs them (no DevTools Runtime session), until the case's own "drawn". */
export interface VisitorDrawnLoads {
  loads: Array<{
    drawnMs: number;
    longestTaskUntilDrawnMs: number;
    totalBlockingTimeMs: number;
    longestTaskFrame: string | null;
  }>;
  /** the medians the budget reads */
  longestTaskUntilDrawnMs: number;
  totalBlockingTimeMs: number;
}

/**
 * VISITOR_LOADS fresh loads of `route` with no DevTools Runtime session (see the top of this file:
 * with one, as Playwright's, V8 re-parses large scripts on the main thread), each until `drawnWhen`
 * (a JavaScript condition checked every frame) first held: the page cases' load budgets read these,
 * as the map's load budgets read the map's visitor loads.
 */
export async function visitorDrawnLoads(options: {
  origin: string;
  route: string;
  drawnWhen: string;
  viewport: { width: number; height: number };
  log: (message: string) => void;
}): Promise<VisitorDrawnLoads> {
  const { log, ...page } = options;
  const loads: VisitorDrawnLoads['loads'] = [];
  for (let load = 0; load < VISITOR_LOADS; load += 1) {
    const measured = await measureVisitorLoad({ ...page, loadTimeoutMs: 60_000 });
    if (measured.drawnMs === null) throw new Error('the visitor load never saw the page drawn');
    loads.push({
      drawnMs: measured.drawnMs,
      longestTaskUntilDrawnMs: measured.longestTaskUntilDrawnMs,
      totalBlockingTimeMs: measured.totalBlockingTimeMs,
      longestTaskFrame: measured.longestTaskFrame,
    });
    log(
      `  visitor load ${load + 1}: drawn at ${Math.round(measured.drawnMs)} ms, longest task until then ` +
        `${Math.round(measured.longestTaskUntilDrawnMs)} ms`,
    );
  }
  return {
    loads,
    longestTaskUntilDrawnMs: median(loads.map((load) => load.longestTaskUntilDrawnMs)),
    totalBlockingTimeMs: median(loads.map((load) => load.totalBlockingTimeMs)),
  };
}
