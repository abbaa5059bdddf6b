/**
 * tsx scripts/bench/profile-load.ts FACTOR [OUT] — loads the built site (dist/, run npx vite build
 * first) with the FACTOR× synthetic dataset and its ahead-of-time layout, as npm run bench does,
 * and writes a CPU profile of the page's main thread from navigation until the map is drawn (OUT,
 * default bench-results/load-FACTORx.cpuprofile; open it in Chromium's DevTools), printing when the
 * map was drawn and the main thread's busiest functions. For finding where a large dataset's load
 * time goes; not part of npm run bench.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, startStaticServer } from '../../tests/e2e/support/harness';
import { installProbe, NAME_SHIM, type BenchWindow } from './in-page';
import { computeAheadOfTimeLayout } from './map-layout';
import { START_ROUTE, VIEWPORT } from './measure-page';
import { multiplyDataset, readRealDataset, ROOT, syntheticSite, warmSyntheticSite } from './synthetic-dataset';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const factor = Number(process.argv[2] ?? '100');
const out = path.resolve(process.argv[3] ?? path.join(ROOT, 'bench-results', `load-${factor}x.cpuprofile`));
const synthetic = multiplyDataset(readRealDataset(), factor);
const layout = computeAheadOfTimeLayout(synthetic.dataset);
console.log(`${factor}×: layout computed in ${Math.round(layout.elapsedMs)} ms`);
const site = syntheticSite(path.join(ROOT, 'dist'), synthetic.texts, layout.text);
const server = await startStaticServer(site.dir);
await warmSyntheticSite(server.origin);
const browser = await launchBrowser(VIEWPORT);
try {
  await browser.context.addInitScript({ content: NAME_SHIM });
  await browser.context.addInitScript(installProbe);
  // When the page hands the texts to a worker and when the worker's reply arrives.
  await browser.context.addInitScript(() => {
    const marks: Record<string, number> = {};
    (window as unknown as { __loadMarks: Record<string, number> }).__loadMarks = marks;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        marks.workerCreated = performance.now();
        this.addEventListener('message', () => {
          marks.workerReplied = performance.now();
          setTimeout(() => (marks.afterReply = performance.now()), 0);
        });
      }
      override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]) {
        marks.posted = performance.now();
        super.postMessage(message, options as StructuredSerializeOptions);
        marks.postReturned = performance.now();
      }
    };
  });
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`${server.origin}/${START_ROUTE}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as BenchWindow).__bench?.mapSettledAt != null, undefined, {
    timeout: 300_000,
    polling: 100,
  });
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const probe = await page.evaluate(() => {
    const bench = (window as BenchWindow).__bench;
    return {
      drawn: bench?.mapDrawnAt,
      settled: bench?.mapSettledAt,
      nodes: document.querySelectorAll('[data-node-id]').length,
      longest: Math.max(0, ...(bench?.longTasks ?? []).map((task) => task.duration)),
      marks: (window as unknown as { __loadMarks: Record<string, number> }).__loadMarks,
      data: performance
        .getEntriesByType('resource')
        .filter((entry) => /\/data\/.*\.json$/.test(entry.name))
        .map((entry) => [
          entry.name.split('/').pop(),
          Math.round(entry.startTime),
          Math.round((entry as PerformanceResourceTiming).responseEnd),
        ]),
      tasks: (bench?.longTasks ?? [])
        .filter((task) => task.duration > 100)
        .map((task) => [Math.round(task.start), Math.round(task.duration)]),
    };
  });
  console.log(JSON.stringify({ marks: probe.marks, data: probe.data, tasks: probe.tasks }));
  console.log(
    `map drawn at ${Math.round(probe.drawn ?? -1)} ms, settled at ${Math.round(probe.settled ?? -1)} ms; ` +
      `${probe.nodes} nodes; longest task ${Math.round(probe.longest)} ms`,
  );
  if (process.env.PROFILE_SCREENSHOT) await page.screenshot({ path: process.env.PROFILE_SCREENSHOT });
  if (process.env.PROFILE_STEPS) {
    // Steps the month slider with the keyboard and times each step to the next two frames.
    const slider = page.locator('input[type="range"]').first();
    await slider.focus();
    const times: number[] = [];
    await cdp.send('Profiler.start');
    for (let step = 0; step < Number(process.env.PROFILE_STEPS); step += 1) {
      const started = Date.now();
      await page.keyboard.press('ArrowRight');
      await page.evaluate(
        () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
      );
      times.push(Date.now() - started);
    }
    console.log(`steps (ms, key press to the second frame after): ${times.join(' ')}`);
    const { profile: steps } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    console.log('while stepping:');
    await printTop(steps);
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(profile));
  await printTop(profile);
  console.log(`profile written to ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
  await server.close();
  site.remove();
}

/** The busiest functions of a profile by their own time, named from the build's source maps where it has them. */
async function printTop(profile: Profile): Promise<void> {
  const { SourceMapConsumer } = await import('source-map-js');
  const consumers = new Map<string, InstanceType<typeof SourceMapConsumer> | null>();
  const consumerOf = (url: string) => {
    const file = path.posix.basename(new URL(url, 'http://x').pathname);
    if (!consumers.has(file)) {
      const mapFile = path.join(ROOT, 'dist', 'assets', `${file}.map`);
      consumers.set(file, existsSync(mapFile) ? new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8'))) : null);
    }
    return consumers.get(file) ?? null;
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    let key = `${frame.functionName || '(anonymous)'} ${path.posix.basename(frame.url)}:${frame.lineNumber}`;
    const consumer = frame.url ? consumerOf(frame.url) : null;
    if (consumer) {
      const original = consumer.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
      if (original.source)
        key = `${original.name ?? frame.functionName} ${original.source.replace(/^.*\/src\//, 'src/')}:${original.line}`;
    }
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${ms.toFixed(0).padStart(7)} ms  ${key}`);
}
