/**
 * npm run measure:map — the meter of the map's legibility (issue 9), in headless Chromium against
 * the built site (run `npm run build` or `npx vite build` first).
 *
 * At 1280×800 and 390×844 it opens the map at July 2010 and steps the month slider (ArrowRight)
 * to April 2018, waiting after each step until every animation has finished, and records per month:
 * - commissioner proximity: the share of drawn services whose nearest organisation (a context
 *   body's mark, or a commissioner's header bar and the card under it) is one of their commissioners
 *   at that month (from the data, not the page); and, for information, the same counting only the
 *   header bars (on a phone the cards are stacked, so a tile low in a tall card is nearer the next
 *   card's header than its own);
 * - edge crossings: pairs of drawn links whose straight chords cross (not meeting at a node);
 * - label overlaps, the smallest label in screen px, nodes drawn with no label;
 * - the largest move of an organisation between the month before and this one;
 * - the step's time to paint and to settle;
 * and once per viewport, the share of the first screen the map covers. It prints a table per month
 * and a summary against the issue's targets, and writes measure-results/latest.json and latest.md.
 *
 * Options: --months=2012-06,2013-04 (only these months, each loaded at the month before and
 * stepped into), --viewport=desktop|phone. It is a meter: the exit code is 0 whatever it measures,
 * and 1 only if the page cannot be loaded or driven.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMonth } from '../src/domain/months';
import { DIST, ROOT, startStaticServer } from '../tests/e2e/support/harness';
import { measureViewport, VIEWPORTS, type ViewportMeasure } from './measure-map/measure';
import { markdownReport, MONTH_COLUMNS, monthRow, summaryLines, textRow } from './measure-map/report';
import { ALL_MONTHS, commissionersByMonth } from './measure-map/truth';

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

function parseOptions() {
  const monthsOption = option('months');
  const months = monthsOption
    ?.split(',')
    .map((month) => month.trim())
    .filter(Boolean);
  const outside = months?.filter((month) => !isMonth(month) || !ALL_MONTHS.includes(month));
  if (outside && outside.length > 0) throw new Error(`--months: not a month from 2010-07 to 2018-04: ${outside.join(', ')}`);
  const viewportOption = option('viewport');
  const viewports = viewportOption ? VIEWPORTS.filter((viewport) => viewport.name === viewportOption) : VIEWPORTS;
  if (viewports.length === 0) throw new Error(`--viewport: desktop or phone, not "${viewportOption}"`);
  return { months: months ? [...new Set(months)].sort() : undefined, viewports };
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const { months, viewports } = parseOptions();
  const commissioners = commissionersByMonth(months ?? ALL_MONTHS);
  const server = await startStaticServer();
  const started = Date.now();
  const results: ViewportMeasure[] = [];
  try {
    for (const viewport of viewports) {
      console.log(`\n${viewport.name} ${viewport.width}x${viewport.height}`);
      console.log(textRow(MONTH_COLUMNS));
      results.push(
        await measureViewport({
          origin: server.origin,
          viewport,
          commissioners,
          months,
          onMonth: (measure) => console.log(textRow(monthRow(measure))),
        }),
      );
    }
  } finally {
    await server.close();
  }

  const header = [
    `Measured ${new Date().toISOString()} at commit ${commit()} on ${path.relative(ROOT, DIST) || DIST} in ${(
      (Date.now() - started) /
      1000
    ).toFixed(
      0,
    )} s; ${months ? `months ${months.join(', ')} (each stepped into from the month before)` : 'every month, 2010-07 to 2018-04, stepped through'}.`,
    'Proximity: the share of services drawn whose nearest organisation node (from the service’s centre to the nearest point of each organisation’s glyph: a commissioner’s glyph is the bar over its card) is one of their commissioners at the month, from the data. ' +
      'Crossings: pairs of drawn links whose straight chords cross, not meeting at a node. Overlaps: pairs of shown labels overlapping by more than 1 px each way.',
  ];
  console.log('');
  for (const result of results) for (const line of summaryLines(result)) console.log(line);

  const outDir = path.join(ROOT, 'measure-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    path.join(outDir, 'latest.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), commit: commit(), months: months ?? 'all', results }, null, 2)}\n`,
  );
  writeFileSync(path.join(outDir, 'latest.md'), `${markdownReport(results, header)}\n`);
  console.log(`\nwritten: ${path.relative(process.cwd(), path.join(outDir, 'latest.json'))} and latest.md`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
