/** The issue's targets for the map (issue 9), their verdicts, and the tables printed and written. */
import type { MonthMeasure, ViewportMeasure } from './measure';

export interface Verdict {
  target: string;
  measured: string;
  /** undefined: reported for information (the target applies to the other viewport) */
  pass: boolean | undefined;
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const px = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1));
const ms = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(0));

function worst<T>(months: MonthMeasure[], value: (month: MonthMeasure) => T | undefined, better: (a: T, b: T) => boolean) {
  let found: { month: string; value: T } | undefined;
  for (const month of months) {
    const current = value(month);
    if (current === undefined) continue;
    if (!found || better(found.value, current)) found = { month: month.month, value: current };
  }
  return found;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function timingSummary(values: number[]): string {
  if (values.length === 0) return 'no steps';
  return `p50 ${percentile(values, 50).toFixed(0)}, p95 ${percentile(values, 95).toFixed(0)}, max ${Math.max(...values).toFixed(0)}`;
}

export function verdicts(result: ViewportMeasure): Verdict[] {
  const { months } = result;
  const desktop = result.viewport.name === 'desktop';
  const onDesktop = (pass: boolean) => (desktop ? pass : undefined);
  const count = (test: (month: MonthMeasure) => boolean) => months.filter(test).length;
  const of = `of ${months.length} months`;

  const proximity = worst(
    months,
    (month) => month.proximity,
    (a, b) => b < a,
  );
  const crossings = worst(
    months,
    (month) => month.crossings,
    (a, b) => b > a,
  );
  const overlaps = worst(
    months,
    (month) => month.labelOverlaps,
    (a, b) => b > a,
  );
  const smallest = worst(
    months,
    (month) => month.minLabelPx,
    (a, b) => b < a,
  );
  const unlabelled = worst(
    months,
    (month) => month.unlabelled.length,
    (a, b) => b > a,
  );
  const moves = worst(
    months,
    (month) => month.largestOrgMove,
    (a, b) => b > a,
  );
  const moveId = months.find((month) => month.month === moves?.month)?.largestOrgMoveId;
  const shareTarget = desktop ? 0.5 : 0.4;
  const labelsOk = count((month) => month.unlabelled.length > 0 || (month.minLabelPx ?? 0) < 12) === 0;

  return [
    {
      target: 'commissioner proximity >= 90 % at every month',
      measured: proximity
        ? `lowest ${percent(proximity.value)} (${proximity.month}); below 90 % in ${count((month) => month.proximity < 0.9)} ${of}`
        : 'no months',
      pass: count((month) => month.proximity < 0.9) === 0,
    },
    {
      target: "the same, counting a commissioner's header bar only (not its card)",
      measured: `lowest ${percent(Math.min(...months.map((month) => month.proximityByHeader)))}`,
      pass: undefined,
    },
    {
      target: 'edge crossings <= 300 at every month (desktop)',
      measured: crossings
        ? `most ${crossings.value}${crossings.value > 0 ? ` (${crossings.month})` : ''}; over 300 in ${count((month) => month.crossings > 300)} ${of}`
        : 'no months',
      pass: onDesktop(count((month) => month.crossings > 300) === 0),
    },
    {
      target: 'no label overlaps',
      measured: overlaps
        ? `most ${overlaps.value} pairs${overlaps.value > 0 ? ` (${overlaps.month})` : ''}; some in ${count((month) => month.labelOverlaps > 0)} ${of}`
        : 'no months',
      pass: count((month) => month.labelOverlaps > 0) === 0,
    },
    {
      target: 'every node labelled at >= 12 px',
      measured: `smallest label ${px(smallest?.value)} px (${smallest?.month ?? '–'}); ${
        unlabelled && unlabelled.value > 0
          ? `most nodes unlabelled ${unlabelled.value} (${unlabelled.month})`
          : 'every node labelled'
      }`,
      pass: labelsOk,
    },
    {
      target: 'organisation moves <= 40 px between adjacent months',
      measured: !moves
        ? 'no adjacent months measured'
        : moveId
          ? `largest ${px(moves.value)} px (${moveId}, into ${moves.month})`
          : '0 px (no organisation moved)',
      pass: moves ? moves.value <= 40 : undefined,
    },
    {
      target: `map covers >= ${desktop ? 50 : 40} % of the first screen`,
      measured: `${percent(result.screenShare)} (${result.firstAddress})`,
      pass: result.screenShare >= shareTarget,
    },
  ];
}

const verdictWord = (pass: boolean | undefined) => (pass === undefined ? 'info' : pass ? 'PASS' : 'FAIL');

export const MONTH_COLUMNS = [
  'month',
  'services',
  'proximity %',
  'links',
  'crossings',
  'overlaps',
  'min label px',
  'unlabelled',
  'largest org move px',
  'settle ms',
];

export function monthRow(month: MonthMeasure): string[] {
  return [
    month.month,
    String(month.services),
    (month.proximity * 100).toFixed(1),
    String(month.links),
    String(month.crossings),
    String(month.labelOverlaps),
    px(month.minLabelPx),
    String(month.unlabelled.length),
    px(month.largestOrgMove),
    ms(month.settleMs) + (month.settleTimedOut ? ' (timed out)' : ''),
  ];
}

/** Fixed-width columns for the console. */
export function textRow(cells: string[]): string {
  return cells.map((cell, index) => (index === 0 ? cell.padEnd(8) : cell.padStart(MONTH_COLUMNS[index]!.length))).join('  ');
}

export function summaryLines(result: ViewportMeasure): string[] {
  const { viewport, months } = result;
  const lines = [`${viewport.name} ${viewport.width}x${viewport.height}: ${months.length} months`];
  for (const verdict of verdicts(result))
    lines.push(`  ${verdictWord(verdict.pass).padEnd(4)}  ${verdict.target}: ${verdict.measured}`);
  const paint = months.flatMap((month) => (month.paintMs === undefined ? [] : [month.paintMs]));
  const settle = months.flatMap((month) => (month.settleMs === undefined ? [] : [month.settleMs]));
  lines.push(`        first map drawn ${result.firstMapMs} ms after load (${result.firstAddress})`);
  lines.push(`        step to paint (ms): ${timingSummary(paint)}`);
  lines.push(`        step to settled, every animation finished (ms): ${timingSummary(settle)}`);
  return lines;
}

export function markdownReport(results: ViewportMeasure[], header: string[]): string {
  const lines = ['# Map legibility (npm run measure:map)', '', ...header, ''];
  for (const result of results) {
    const { viewport } = result;
    lines.push(`## ${viewport.name} ${viewport.width}×${viewport.height}`, '');
    lines.push('| target | measured | verdict |', '| --- | --- | --- |');
    for (const verdict of verdicts(result))
      lines.push(`| ${verdict.target} | ${verdict.measured} | ${verdictWord(verdict.pass)} |`);
    lines.push('');
    for (const line of summaryLines(result).slice(-3)) lines.push(`- ${line.trim()}`);
    lines.push('', `| ${MONTH_COLUMNS.join(' | ')} |`, `| ${MONTH_COLUMNS.map(() => '---').join(' | ')} |`);
    for (const month of result.months) lines.push(`| ${monthRow(month).join(' | ')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
