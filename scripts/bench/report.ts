/** The benchmark's report: its shape, the budgets it checks, and its Markdown summary. */
import type { BundleBytes, ByteTotals, ChunkBytes, FileBytes } from './bundle';
import type { PageMeasures } from './measure-page';
import type { Distribution } from './stats';

export interface DatasetRun {
  /** "real", "synthetic-10x" */
  id: string;
  /** for tables: "real", "10×" */
  label: string;
  /** null for the real dataset as the site ships it */
  factor: number | null;
  served: 'from the built site' | 'intercepted (page.route)';
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
  limit: number;
  unit: string;
  measured: number | null;
  status: BudgetStatus;
  /** limit − measured: room to spare when positive, the excess when negative */
  margin: number | null;
  /** in words: "27.1 KB to spare", "over by 40.2 KB (27%)" */
  marginText: string;
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
  bundle: Omit<BundleBytes, 'chunks'> & { chunks: Array<ChunkBytes & { firstView: boolean }>; firstViewJs: ByteTotals | null };
  runs: DatasetRun[];
  budgets: BudgetResult[];
  notes: string[];
  elapsedMs: number;
}

/** 1 KB = 1,024 bytes throughout. */
export const KB = 1024;

interface BudgetRule {
  name: string;
  limit: number;
  unit: string;
  /** whether the limit itself passes ("at most") or not ("under") */
  inclusive: boolean;
  measured: number | null;
  digits: number;
  /** false when the dataset the budget needs was not asked for */
  run?: boolean;
}

export function checkBudget(rule: BudgetRule): BudgetResult {
  const { name, limit, unit, inclusive, measured, digits, run = true } = rule;
  const format = (value: number) => `${value.toFixed(digits)} ${unit}`;
  const ruleText = `${inclusive ? '≤' : '<'} ${format(limit)}`;
  if (!run) return { name, rule: ruleText, limit, unit, measured: null, status: 'NOT RUN', margin: null, marginText: '—' };
  if (measured === null || !Number.isFinite(measured))
    return { name, rule: ruleText, limit, unit, measured: null, status: 'NOT MEASURED', margin: null, marginText: '—' };
  const pass = inclusive ? measured <= limit : measured < limit;
  const margin = limit - measured;
  const marginText =
    margin >= 0
      ? `${format(margin)} to spare`
      : `over by ${format(-margin)} (${limit === 0 ? '∞' : ((-margin / limit) * 100).toFixed(0)}% over the limit)`;
  return { name, rule: ruleText, limit, unit, measured, status: pass ? 'PASS' : 'FAIL', margin, marginText };
}

/** The scrubbing figure a budget reads: Event Timing's p95 where the browser gave it, else the double rAF's. */
const scrubP95 = (measures: PageMeasures) => measures.scrub.eventTiming?.durationMs.p95 ?? measures.scrub.inputToPaintMs.p95;
const scrubMeasureName = (measures: PageMeasures | null) =>
  measures && !measures.scrub.eventTiming ? 'double requestAnimationFrame, no Event Timing' : 'Event Timing, as INP';

export function evaluateBudgets(report: Pick<BenchReport, 'bundle' | 'runs'>): BudgetResult[] {
  const real = report.runs.find((run) => run.id === 'real')?.measures ?? null;
  const tenfoldRun = report.runs.find((run) => run.factor === 10);
  const tenfold = tenfoldRun?.measures ?? null;
  const firstViewJs = report.bundle.firstViewJs;
  return [
    checkBudget({
      name: 'JavaScript for the first view, gzipped (all JS it loads)',
      limit: 150,
      unit: 'KB',
      inclusive: true,
      measured: firstViewJs ? firstViewJs.gzip / KB : null,
      digits: 1,
    }),
    checkBudget({
      name: 'Largest contentful paint (real data)',
      limit: 1000,
      unit: 'ms',
      inclusive: false,
      measured: real?.load.largestContentfulPaintMs ?? null,
      digits: 0,
    }),
    // Scrubbing is checked against input to next paint as the browser times it (Event Timing, what
    // INP reads): from the key press's hardware timestamp to the paint that shows its update. The
    // double requestAnimationFrame figure runs to a callback one frame after that paint, so even a
    // key press that changes nothing measures about two frames (its floor, in the table); it stays
    // in the table for comparison with earlier runs. Where Event Timing is missing, it is used instead.
    checkBudget({
      name: `Scrubbing, input to next paint, p95 (real data; ${scrubMeasureName(real)})`,
      limit: 16,
      unit: 'ms',
      inclusive: false,
      measured: real ? scrubP95(real) : null,
      digits: 1,
    }),
    checkBudget({
      name: `Scrubbing, input to next paint, p95 (10× data; ${scrubMeasureName(tenfold)})`,
      limit: 50,
      unit: 'ms',
      inclusive: false,
      measured: tenfold ? scrubP95(tenfold) : null,
      digits: 1,
      run: tenfoldRun !== undefined,
    }),
    checkBudget({
      name: 'Largest node move between adjacent months (real data)',
      limit: 40,
      unit: 'px',
      inclusive: true,
      measured: real ? (Number.isFinite(real.layout.movePx.max) ? real.layout.movePx.max : 0) : null,
      digits: 1,
    }),
    checkBudget({
      name: 'Heap growth after two full scrubs (real data)',
      limit: 10,
      unit: '%',
      inclusive: false,
      measured: real?.memory.growthPercent ?? null,
      digits: 1,
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
    '### Budgets',
    '',
    ...table(
      ['budget', 'limit', 'measured', 'margin', 'result'],
      report.budgets.map((budget) => [
        budget.name,
        budget.rule,
        budget.measured === null
          ? '—'
          : `${budget.measured.toFixed(budget.unit === 'ms' && budget.limit >= 100 ? 0 : 1)} ${budget.unit}`,
        budget.marginText,
        `**${budget.status}**`,
      ]),
    ),
    '',
    '### Bytes shipped (gzip level 9; 1 KB = 1,024 bytes)',
    '',
  );
  const real = report.runs.find((run) => run.id === 'real');
  lines.push(
    ...table(
      ['file', 'raw', 'gzip'],
      [
        ...report.bundle.chunks.map((chunk) => [
          `${chunk.file}${chunk.firstView ? ' (first view)' : ''}`,
          kb(chunk.raw),
          kb(chunk.gzip),
        ]),
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
      'map drawn / settled, ms (long tasks while settling)',
      (run) => cell(run, (m) => `${ms(m.load.mapDrawnMs)} / ${ms(m.load.mapSettledMs)} (${ms(m.load.longTaskMsWhileSettling)})`),
    ],
    ['scrub steps (forward, then back)', (run) => cell(run, (m) => `${m.scrub.steps}`)],
    [
      'scrub input → next paint (Event Timing, as INP; the budget), p50 / p95 / max ms (steps reported of all)',
      (run) =>
        cell(run, (m) =>
          m.scrub.eventTiming
            ? `${spread(m.scrub.eventTiming.durationMs, eventMs)} (${m.scrub.eventTiming.reported} of ${m.scrub.eventTiming.steps})`
            : '—',
        ),
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
      'frames > 50 ms during the scrubs (of all frames)',
      (run) => cell(run, (m) => `${m.scrub.longFrames} of ${m.scrub.frames}, longest ${ms(m.scrub.longestFrameMs)} ms`),
    ],
    ['settle after a month change, p50 / p95 / max ms', (run) => cell(run, (m) => spread(m.layout.settleMs, (v) => ms(v)))],
    [
      'node movement between months, p95 / max px',
      (run) => cell(run, (m) => `${ms1(m.layout.movePx.p95)} / ${ms1(m.layout.movePx.max)}`),
    ],
    [
      'heap after load → scrub 1 → scrub 2 (growth; in scrub 2 alone)',
      (run) =>
        cell(
          run,
          (m) =>
            `${mb(m.memory.afterLoadBytes)} → ${mb(m.memory.afterFirstScrubBytes)} → ${mb(m.memory.afterScrubsBytes)} ` +
            `(${signed(m.memory.growthPercent)}; ${signed(m.memory.secondScrubGrowthPercent)})`,
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
