/** The benchmark's report: its shape, the budgets it checks, and its Markdown summary. */
import type { BundleBytes, ByteTotals, ChunkBytes, FileBytes } from './bundle';
import type { LighthousePageResult, LighthouseResults } from './lighthouse';
import { describeEventParts } from './event-parts';
import type { PageMeasures } from './measure-page';
import { type Distribution, median } from './stats';
import type { VisitorLoads } from './visitor-load';

export interface DatasetRun {
  /** "real", "synthetic-10x" */
  id: string;
  /** for tables: "real", "10×" */
  label: string;
  /** null for the real dataset as the site ships it */
  factor: number | null;
  served: 'from the built site' | 'from a copy of the built site' | 'intercepted (page.route)';
  counts: { organisations: number; relationships: number; services: number; commissioning: number; funding: number };
  data: { files: FileBytes[]; total: ByteTotals };
  measures: PageMeasures | null;
  /** why the run could not be measured, if it could not */
  error: string | null;
  elapsedMs: number;
}

/** NOT RUN: the dataset it needs was left out (--factors); NOT MEASURED: its run failed. */
export type BudgetStatus = 'PASS' | 'FAIL' | 'NOT MEASURED' | 'NOT RUN';

export interface BudgetResult {
  name: string;
  /** the rule as written: "≤ 150 KB" */
  rule: string;
  /** what the figure is and how it was taken, in a few words */
  how: string;
  limit: number;
  unit: string;
  measured: number | null;
  status: BudgetStatus;
  /** limit − measured: room to spare when positive, the excess when negative */
  margin: number | null;
  /** in words: "27.1 KB to spare", "over by 40.2 KB (27%)" */
  marginText: string;
  /** why it is NOT MEASURED or NOT RUN */
  why: string | null;
}

/** The ahead-of-time layout computed in Node for a synthetic dataset, as the build does for the real one. */
export interface AheadOfTimeLayoutCost {
  factor: number;
  /** how long computeMapLayout took, when it was computed (possibly in an earlier run: see cachedFrom) */
  elapsedMs: number;
  /** the CPU time it took (null if unknown): on a busy machine the wall-clock time says more about the machine */
  cpuMs: number | null;
  bytes: number;
  fingerprint: string;
  /** null: computed in this run; else when the cached copy was computed */
  cachedFrom: string | null;
}

export interface BenchReport {
  generatedAt: string;
  commit: string | null;
  workingTreeDirty: boolean | null;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    platform: string;
    /** the 1-minute load average when the benchmark started and ended: other work slows every figure */
    loadAverage: { atStart: number; atEnd: number };
  };
  browser: string | null;
  viewport: { width: number; height: number };
  build: { command: string; skipped: boolean; elapsedMs: number | null };
  bundle: Omit<BundleBytes, 'chunks'> & {
    chunks: Array<ChunkBytes & { firstView: boolean }>;
    firstViewJs: ByteTotals | null;
    /** the dataset worker's scripts, requested before the map was drawn but run off the main thread */
    firstViewWorkerJs?: ByteTotals | null;
    firstViewCss: ByteTotals | null;
  };
  runs: DatasetRun[];
  /** null when the Lighthouse runs were skipped (--skip-lighthouse) */
  lighthouse: LighthouseResults | null;
  /** loads of the real data with no DevTools Runtime session (visitor-load.ts): the load budgets read them */
  visitorLoads?: VisitorLoads | null;
  aheadOfTimeLayouts: AheadOfTimeLayoutCost[];
  budgets: BudgetResult[];
  notes: string[];
  elapsedMs: number;
}

/** 1 KB = 1,024 bytes throughout. */
export const KB = 1024;

interface BudgetRule {
  name: string;
  how: string;
  limit: number;
  unit: string;
  /** whether the limit itself passes ("at most", "at least") or not ("under") */
  inclusive: boolean;
  /** a floor ("at least": Lighthouse's scores) rather than a ceiling */
  atLeast?: boolean;
  measured: number | null;
  digits: number;
  /** false when what the budget needs was not asked for (--factors, --skip-lighthouse) */
  run?: boolean;
  /** why there is no figure, when there is none */
  why?: string;
}

export function checkBudget(rule: BudgetRule): BudgetResult {
  const { name, how, limit, unit, inclusive, atLeast = false, measured, digits, run = true } = rule;
  const format = (value: number) => `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
  const ruleText = `${atLeast ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<'} ${format(limit)}`;
  const base = { name, how, rule: ruleText, limit, unit, measured: null, margin: null, marginText: '—' };
  if (!run) return { ...base, status: 'NOT RUN', why: rule.why ?? 'not asked for' };
  if (measured === null || !Number.isFinite(measured))
    return { ...base, status: 'NOT MEASURED', why: rule.why ?? 'no figure (see the notes)' };
  const pass = atLeast ? (inclusive ? measured >= limit : measured > limit) : inclusive ? measured <= limit : measured < limit;
  // Room to spare when positive, the shortfall or excess when negative.
  const margin = atLeast ? measured - limit : limit - measured;
  const marginText =
    margin > 0 || (margin === 0 && pass)
      ? `${format(margin)} to spare`
      : `${atLeast ? 'short' : 'over'} by ${format(-margin)}${limit === 0 ? '' : ` (${((-margin / limit) * 100).toFixed(0)}%)`}`;
  return { ...base, measured, status: pass ? 'PASS' : 'FAIL', margin, marginText, why: null };
}

/** The scrubbing figure a budget reads: Event Timing's p95 where the browser gave it, else the double rAF's. */
const scrubP95 = (measures: PageMeasures) => measures.scrub.eventTiming?.durationMs.p95 ?? measures.scrub.inputToPaintMs.p95;
const scrubMeasureName = (measures: PageMeasures | null) =>
  measures && !measures.scrub.eventTiming
    ? 'double requestAnimationFrame from the input (the slider set by value: no Event Timing), about a frame more than input to next paint'
    : 'Event Timing (what INP reads), real key presses, every month, p95 over three scrubs';

/** Why a dataset's budget has no figure: the dataset was not asked for, or its run failed. */
function runState(run: DatasetRun | undefined, factor: number): { run: boolean; why?: string } {
  if (!run) return { run: false, why: `the ${factor}× dataset was not asked for (--factors)` };
  if (!run.measures) return { run: true, why: `the ${run.label} run failed: ${run.error?.split('\n')[0] ?? ''}` };
  return { run: true };
}

function lighthouseState(
  lighthouse: LighthouseResults | null,
  id: string,
): { result: LighthousePageResult | null; run: boolean; why?: string } {
  if (!lighthouse) return { result: null, run: false, why: 'Lighthouse was skipped (--skip-lighthouse)' };
  const result = lighthouse.pages.find((page) => page.page.id === id) ?? null;
  if (!result) return { result, run: false, why: 'no such page audited' };
  if (!result.median) {
    const notShown = result.runs.find((run) => run.shows !== null && run.shows !== true);
    return {
      result,
      run: true,
      why: notShown
        ? `no run's page showed ${result.page.expect?.what ?? 'what it should'} (${String(notShown.shows)})`
        : `Lighthouse could not run: ${result.error ?? 'no score'}`,
    };
  }
  return { result, run: true };
}

/** The figures issue 11's load budgets read from the visitor loads: medians, and the largest layout shift. */
export function visitorLoadFigures(visitor: VisitorLoads | null | undefined): {
  longestTaskMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  each: string;
} | null {
  if (!visitor || visitor.loads.length === 0) return null;
  const { loads } = visitor;
  return {
    longestTaskMs: median(loads.map((load) => load.longestTaskUntilSettledMs)),
    totalBlockingTimeMs: median(loads.map((load) => load.totalBlockingTimeMs)),
    cumulativeLayoutShift: loads.reduce((largest, load) => Math.max(largest, load.cumulativeLayoutShift), 0),
    each: loads
      .map((load) => `${Math.round(load.longestTaskUntilSettledMs)} ms (settled at ${Math.round(load.mapSettledMs)} ms)`)
      .join(', '),
  };
}

/** Every budget of issue 11, in its order. */
export function evaluateBudgets(report: Pick<BenchReport, 'bundle' | 'runs' | 'lighthouse' | 'visitorLoads'>): BudgetResult[] {
  const realRun = report.runs.find((run) => run.id === 'real');
  const real = realRun?.measures ?? null;
  const realState = realRun?.measures ? {} : { why: `the real-data run failed: ${realRun?.error?.split('\n')[0] ?? 'not run'}` };
  const tenfoldRun = report.runs.find((run) => run.factor === 10);
  const tenfold = tenfoldRun?.measures ?? null;
  const hundredfoldRun = report.runs.find((run) => run.factor === 100);
  const hundredfold = hundredfoldRun?.measures ?? null;
  const { firstViewJs, firstViewCss, firstViewWorkerJs } = report.bundle;
  const visitor = visitorLoadFigures(report.visitorLoads);
  const lighthouseBudgets = (['home', 'service'] as const).flatMap((id) => {
    const { result, run, why } = lighthouseState(report.lighthouse, id);
    const route = result?.page.route ?? (id === 'home' ? '/' : 'a service page');
    const runs = result?.runs.length ?? 0;
    return [
      checkBudget({
        name: `Lighthouse performance, ${route}`,
        how: `mobile preset, simulated throttling; median of ${runs} run${runs === 1 ? '' : 's'} (each in the Lighthouse table)${result?.page.expect ? `, each checked to show ${result.page.expect.what}` : ''}`,
        limit: 0.95,
        unit: '',
        inclusive: true,
        atLeast: true,
        measured: result?.median?.performance ?? null,
        digits: 2,
        run,
        ...(why ? { why } : {}),
      }),
      checkBudget({
        name: `Lighthouse accessibility, ${route}`,
        how: `the same runs; median score${result?.median?.accessibilityFailures.length ? `; failing: ${result.median.accessibilityFailures.join(', ')}` : ''}`,
        limit: 1,
        unit: '',
        inclusive: true,
        atLeast: true,
        measured: result?.accessibility ?? null,
        digits: 2,
        run,
        ...(why ? { why } : {}),
      }),
    ];
  });
  return [
    checkBudget({
      name: 'First view JavaScript, gzipped',
      how:
        'every .js/.mjs file the page requested before the map was drawn (entry, preloads, lazy chunks), gzip -9; the ' +
        `dataset worker's script, which validates the data off the main thread, is counted apart: ${
          firstViewWorkerJs ? `${(firstViewWorkerJs.gzip / KB).toFixed(1)} KB` : 'none'
        }`,
      limit: 130,
      unit: 'KB',
      inclusive: true,
      measured: firstViewJs ? firstViewJs.gzip / KB : null,
      digits: 1,
      ...realState,
    }),
    checkBudget({
      name: 'First view CSS, gzipped',
      how: 'every .css file requested before the map was drawn, gzip -9',
      limit: 20,
      unit: 'KB',
      inclusive: true,
      measured: firstViewCss ? firstViewCss.gzip / KB : null,
      digits: 1,
      ...realState,
    }),
    checkBudget({
      name: 'Longest task until the first map is drawn (real data)',
      how: visitor
        ? `Long Tasks API from navigation until the map was drawn, painted and settled (what follows it drawn too), in ` +
          `Chromium with no DevTools Runtime session during the load (a visitor's browser; see the notes); median of ` +
          `${report.visitorLoads?.loads.length ?? 0} fresh loads: ${visitor.each}. Driven by Playwright, until the first ` +
          `map node: ${real ? `${Math.round(real.load.longestTaskUntilDrawnMs)} ms` : 'not measured'}`
        : 'Long Tasks API from navigation to the first map node; 0 means none over 50 ms',
      limit: 50,
      unit: 'ms',
      inclusive: true,
      measured: visitor?.longestTaskMs ?? real?.load.longestTaskUntilDrawnMs ?? null,
      digits: 0,
      ...(visitor ? {} : realState),
    }),
    checkBudget({
      name: 'Total blocking time (real data)',
      how: visitor
        ? `long tasks from first contentful paint to the map drawn, the part of each beyond 50 ms; median of the same loads (driven by Playwright: ${real ? `${Math.round(real.load.totalBlockingTimeMs)} ms` : 'not measured'})`
        : 'long tasks from first contentful paint to the map drawn, the part of each beyond 50 ms',
      limit: 100,
      unit: 'ms',
      inclusive: true,
      measured: visitor?.totalBlockingTimeMs ?? real?.load.totalBlockingTimeMs ?? null,
      digits: 0,
      ...(visitor ? {} : realState),
    }),
    checkBudget({
      name: 'Cumulative layout shift (real data)',
      how: visitor
        ? `every layout-shift entry without recent input, from navigation until the map settled and 1 s more; the largest of the same loads and the driven one (${real ? real.load.cumulativeLayoutShift.toFixed(3) : 'not measured'})`
        : 'every layout-shift entry without recent input, from navigation until the map settled and 1 s more',
      limit: 0.02,
      unit: '',
      inclusive: true,
      measured: visitor
        ? Math.max(visitor.cumulativeLayoutShift, real?.load.cumulativeLayoutShift ?? 0)
        : (real?.load.cumulativeLayoutShift ?? null),
      digits: 3,
      ...(visitor ? {} : realState),
    }),
    ...lighthouseBudgets,
    checkBudget({
      name: 'Scrubbing, input to next paint, p95 (real data)',
      how: scrubMeasureName(real),
      limit: 16,
      unit: 'ms',
      inclusive: true,
      measured: real ? scrubP95(real) : null,
      digits: 0,
      ...realState,
    }),
    checkBudget({
      name: 'Scrubbing, input to next paint, p95 (10×)',
      how: scrubMeasureName(tenfold),
      limit: 33,
      unit: 'ms',
      inclusive: true,
      measured: tenfold ? scrubP95(tenfold) : null,
      digits: 0,
      ...runState(tenfoldRun, 10),
    }),
    checkBudget({
      name: 'Longest frame while scrubbing (10×)',
      how: 'requestAnimationFrame deltas over the three scrubs, the frames spanning the benchmark’s own measuring left out (long animation frames in the table)',
      limit: 50,
      unit: 'ms',
      inclusive: true,
      measured: tenfold?.scrub.longestFrameMs ?? null,
      digits: 0,
      ...runState(tenfoldRun, 10),
    }),
    checkBudget({
      name: 'First map drawn (100×)',
      how: 'from navigation to the first map node, the ahead-of-time layout served with the data',
      limit: 3000,
      unit: 'ms',
      inclusive: true,
      measured: hundredfold?.load.mapDrawnMs ?? null,
      digits: 0,
      ...runState(hundredfoldRun, 100),
    }),
    checkBudget({
      name: 'Scrubbing, p95 (100×)',
      how: hundredfold
        ? scrubMeasureName(hundredfold)
        : 'input to paint, 12 months a step with the slider set by value (double requestAnimationFrame)',
      limit: 100,
      unit: 'ms',
      inclusive: false,
      measured: hundredfold ? scrubP95(hundredfold) : null,
      digits: 0,
      ...runState(hundredfoldRun, 100),
    }),
    checkBudget({
      name: 'Heap growth, end of scrub 1 → end of scrub 3 (real data)',
      how: 'JS heap after forced garbage collection, both at the last month; the first scrub’s warm-up is in the table, unbudgeted',
      limit: 10,
      unit: '%',
      inclusive: false,
      measured: real?.memory.growthPercent ?? null,
      digits: 1,
      ...realState,
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Markdown

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const size = (bytes: number) => (bytes >= 10 * KB * KB ? `${(bytes / KB / KB).toFixed(1)} MB` : kb(bytes));
const ms = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : `${Math.round(value)}`;
const ms1 = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');
/** An Event Timing figure: one the API did not report (under its 16 ms threshold) reads "< 16". */
const eventMs = (value: number) => (!Number.isFinite(value) ? '—' : value < 16 ? '< 16' : `${Math.round(value)}`);
const spread = (values: Distribution, format: (value: number) => string = ms1) =>
  values.count === 0 ? '—' : `${format(values.p50)} / ${format(values.p95)} / ${format(values.max)}`;
const signed = (percent: number) => `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%`;
const mb = (bytes: number) => `${(bytes / KB / KB).toFixed(1)} MB`;

function formatMeasured(budget: BudgetResult): string {
  const measured = budget.measured ?? Number.NaN;
  const digits = budget.unit === '' ? (budget.limit < 0.1 ? 3 : 2) : budget.unit === 'ms' ? 0 : 1;
  return `${measured.toFixed(digits)}${budget.unit ? ` ${budget.unit}` : ''}`;
}

const score = (value: number | null) => (value === null ? '—' : value.toFixed(2));

function lighthouseSection(lighthouse: LighthouseResults | null): string[] {
  if (!lighthouse) return ['Lighthouse: skipped (--skip-lighthouse).', ''];
  const rows = lighthouse.pages.flatMap((result) =>
    result.runs.map((run, index) => [
      `${result.page.route} #${index + 1}${run === result.median ? ' (median)' : ''}`,
      score(run.performance),
      score(run.accessibility),
      ms(run.lcpMs),
      ms(run.tbtMs),
      run.cls === null ? '—' : run.cls.toFixed(3),
      ms(run.fcpMs),
      ms(run.siMs),
      run.shows === null ? '—' : run.shows === true ? 'yes' : run.shows === false ? '**no**' : run.shows,
      `${run.finalUrl.replace(/^https?:\/\/[^/]+/, '')}${run.screenshot ? `; ${run.screenshot}` : ''}`,
    ]),
  );
  const failures = lighthouse.pages
    .filter((result) => result.error)
    .map((result) => `- ${result.page.route}: ${result.error ?? ''}`);
  return [
    `### Lighthouse ${lighthouse.version ?? ''} (${lighthouse.preset}; system Chromium, fresh profile each run)`,
    '',
    ...table(
      [
        'page, run',
        'performance',
        'accessibility',
        'LCP ms',
        'TBT ms',
        'CLS',
        'FCP ms',
        'SI ms',
        'shows what it should',
        'final address; screenshot',
      ],
      rows,
    ),
    ...(failures.length > 0 ? ['', ...failures] : []),
    '',
  ];
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

function runHeading(run: DatasetRun): string {
  const stride = run.measures?.scrub.stride ?? 1;
  return stride > 1 ? `${run.label} (${stride} months a step)` : run.label;
}

export function renderMarkdown(report: BenchReport): string {
  const lines: string[] = [];
  const commit = report.commit
    ? `${report.commit.slice(0, 10)}${report.workingTreeDirty ? ' (uncommitted changes)' : ''}`
    : 'unknown';
  lines.push(
    `## Explorer benchmark, ${report.generatedAt}`,
    '',
    `Commit ${commit}; ${report.browser ?? 'Chromium'} headless, ${report.viewport.width}×${report.viewport.height}; ` +
      `${report.machine.cpus} CPUs (${report.machine.cpuModel}), load average ${report.machine.loadAverage.atStart.toFixed(1)} ` +
      `at the start and ${report.machine.loadAverage.atEnd.toFixed(1)} at the end; Node ${report.machine.node}; ` +
      `took ${Math.round(report.elapsedMs / 1000)} s.`,
    '',
    '### Budgets (issue 11)',
    '',
    ...table(
      ['budget', 'measured', 'limit', 'result', 'margin', 'how'],
      report.budgets.map((budget) => [
        budget.name,
        budget.measured === null ? '—' : formatMeasured(budget),
        budget.rule,
        `**${budget.status}**`,
        budget.why ?? budget.marginText,
        budget.how,
      ]),
    ),
    '',
    ...report.aheadOfTimeLayouts.map(
      (layout) =>
        `Ahead-of-time layout: ${(layout.elapsedMs / 1000).toFixed(1)} s at ${layout.factor}× ` +
        `${layout.cpuMs === null ? '' : `(${(layout.cpuMs / 1000).toFixed(1)} s of CPU) `}` +
        `(computeMapLayout in Node, as npm run build:layout does; ${size(layout.bytes)}` +
        `${layout.cachedFrom ? `; computed at ${layout.cachedFrom} and reused from bench-results/layout-cache/: same dataset, same code` : ''}).`,
    ),
    ...(report.aheadOfTimeLayouts.length > 0 ? [''] : []),
    ...lighthouseSection(report.lighthouse),
    '### Bytes shipped (gzip level 9; 1 KB = 1,024 bytes)',
    '',
  );
  const real = report.runs.find((run) => run.id === 'real');
  lines.push(
    ...table(
      ['file', 'raw', 'gzip'],
      [
        ...[...report.bundle.chunks]
          .sort((a, b) => Number(b.firstView) - Number(a.firstView) || b.raw - a.raw)
          .map((chunk) => [`${chunk.file}${chunk.firstView ? ' (first view)' : ''}`, kb(chunk.raw), kb(chunk.gzip)]),
        ...(report.bundle.firstViewJs
          ? [['**JavaScript, first view**', kb(report.bundle.firstViewJs.raw), kb(report.bundle.firstViewJs.gzip)]]
          : []),
        ...(report.bundle.firstViewCss
          ? [['**CSS, first view**', kb(report.bundle.firstViewCss.raw), kb(report.bundle.firstViewCss.gzip)]]
          : []),
        ['**JavaScript, total**', kb(report.bundle.js.raw), kb(report.bundle.js.gzip)],
        ['**CSS, total**', kb(report.bundle.css.raw), kb(report.bundle.css.gzip)],
        ...(real
          ? [[`**data/*.json, ${real.data.files.length} files (real)**`, kb(real.data.total.raw), kb(real.data.total.gzip)]]
          : []),
      ],
    ),
    '',
    '### Measures by dataset',
    '',
  );
  const runs = report.runs;
  const cell = (run: DatasetRun, read: (measures: PageMeasures) => string) =>
    run.measures ? read(run.measures) : run.error ? 'not measured' : '—';
  const rows: Array<[string, (run: DatasetRun) => string]> = [
    [
      'organisations / services / commissioning records',
      (run) => `${run.counts.organisations} / ${run.counts.services} / ${run.counts.commissioning}`,
    ],
    ['data, raw / gzip', (run) => `${size(run.data.total.raw)} / ${size(run.data.total.gzip)}`],
    [
      'map nodes shown at July 2010 / in the document',
      (run) => cell(run, (m) => `${m.load.nodesShown} / ${m.load.nodesInDocument}`),
    ],
    ['first contentful paint, ms', (run) => cell(run, (m) => ms(m.load.firstContentfulPaintMs))],
    ['largest contentful paint, ms', (run) => cell(run, (m) => ms(m.load.largestContentfulPaintMs))],
    [
      'total blocking time (FCP → map drawn), ms',
      (run) =>
        cell(run, (m) => `${ms(m.load.totalBlockingTimeMs)} (${m.load.longTasks} long task${m.load.longTasks === 1 ? '' : 's'})`),
    ],
    [
      'longest task until the map is drawn / in the whole load, ms',
      (run) => cell(run, (m) => `${ms(m.load.longestTaskUntilDrawnMs)} / ${ms(m.load.longestTaskMs)}`),
    ],
    [
      'cumulative layout shift (shifts), until settled + 1 s',
      (run) => cell(run, (m) => `${m.load.cumulativeLayoutShift.toFixed(3)} (${m.load.layoutShifts})`),
    ],
    [
      'map drawn / settled, ms (long tasks while settling)',
      (run) => cell(run, (m) => `${ms(m.load.mapDrawnMs)} / ${ms(m.load.mapSettledMs)} (${ms(m.load.longTaskMsWhileSettling)})`),
    ],
    [
      'scrub steps (forward, back, forward)',
      (run) =>
        cell(run, (m) => `${m.scrub.steps} (${m.scrub.method}${m.scrub.stride > 1 ? `, ${m.scrub.stride} months a step` : ''})`),
    ],
    [
      'scrub input → next paint (Event Timing, as INP; the budget), p50 / p95 / max ms (steps reported of all)',
      (run) =>
        cell(run, (m) =>
          m.scrub.eventTiming
            ? `${spread(m.scrub.eventTiming.durationMs, eventMs)} (${m.scrub.eventTiming.reported} of ${m.scrub.eventTiming.steps})`
            : '—',
        ),
    ],
    [
      'scrub Event Timing, each key press’s slower entry (keydown or keyup, as INP reads them) and where its time went',
      (run) => cell(run, (m) => (m.scrub.eventParts ? describeEventParts(m.scrub.eventParts) : '—')),
    ],
    ['scrub input → paint (double rAF), p50 / p95 / max ms', (run) => cell(run, (m) => spread(m.scrub.inputToPaintMs))],
    [
      'scrub input → next frame (rAF + message), p50 / p95 / max ms',
      (run) => cell(run, (m) => spread(m.scrub.inputToNextFrameMs)),
    ],
    [
      'floor: a key press that changes nothing, p95 ms (double rAF; next frame; Event Timing)',
      (run) =>
        cell(
          run,
          (m) =>
            `${ms1(m.scrub.floor.inputToPaintMs.p95)}; ${ms1(m.scrub.floor.inputToNextFrameMs.p95)}; ` +
            `${m.scrub.floor.eventTiming ? eventMs(m.scrub.floor.eventTiming.durationMs.p95) : '—'}`,
        ),
    ],
    [
      'rAF frames > 50 ms during the scrubs (of all frames; the longest, each at the month whose step came last before it ended)',
      (run) =>
        cell(
          run,
          (m) =>
            `${m.scrub.longFrames} of ${m.scrub.frames}, longest ${ms(m.scrub.longestFrameMs)} ms` +
            // Older results have no steps for their long frames.
            ((m.scrub.longFrameSteps ?? []).length > 0
              ? ` (${m.scrub.longFrameSteps
                  .map((frame) => `${ms(frame.frameMs)} ms at ${frame.month}, +${ms(frame.msAfterInput)} ms`)
                  .join('; ')})`
              : ''),
        ),
    ],
    [
      'long animation frames overlapping a step: count, longest ms, blocking ms',
      (run) =>
        cell(run, (m) =>
          m.scrub.longAnimationFrames
            ? `${m.scrub.longAnimationFrames.count}, ${ms(m.scrub.longAnimationFrames.count > 0 ? m.scrub.longAnimationFrames.longestMs : 0)}, ${ms(m.scrub.longAnimationFrames.blockingMs)}`
            : 'not reported by the browser',
        ),
    ],
    ['settle after a month change, p50 / p95 / max ms', (run) => cell(run, (m) => spread(m.layout.settleMs, (v) => ms(v)))],
    [
      'node movement between months, p95 / max px',
      (run) => cell(run, (m) => `${ms1(m.layout.movePx.p95)} / ${ms1(m.layout.movePx.max)}`),
    ],
    [
      'heap after load → scrub 1 → 2 → 3 (warm-up in scrub 1; scrub 1 → 3, the budget)',
      (run) =>
        cell(
          run,
          (m) =>
            `${mb(m.memory.afterLoadBytes)} → ${mb(m.memory.afterFirstScrubBytes)} → ${mb(m.memory.afterSecondScrubBytes)} → ` +
            `${mb(m.memory.afterThirdScrubBytes)} (${signed(m.memory.warmUpGrowthPercent)}; ${signed(m.memory.growthPercent)})`,
        ),
    ],
    ['time to benchmark, s', (run) => `${Math.round(run.elapsedMs / 1000)}`],
  ];
  lines.push(
    ...table(
      ['measure', ...runs.map(runHeading)],
      rows.map(([name, read]) => [name, ...runs.map(read)]),
    ),
  );
  const failures = runs.filter((run) => run.error);
  if (report.notes.length > 0 || failures.length > 0) {
    lines.push('', '### Notes', '');
    for (const run of failures) lines.push(`- ${run.label}: not measured: ${run.error?.split('\n')[0] ?? ''}`);
    for (const note of report.notes) lines.push(`- ${note}`);
  }
  return `${lines.join('\n')}\n`;
}
