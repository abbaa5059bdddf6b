/**
 * The bench's named-CCGs case (issue 13, "the real 10× named bodies"): the map with its "CCGs"
 * opened into all of England's named CCGs (#/?date=2013-04&members=england: 211 members drawn on
 * top of the map's own nodes). Opens it in a fresh headless Chromium and measures when the 211 were
 * drawn and the longest task until then; then scrubs the month bar by real key presses from April
 * 2013 to April 2018 (across every merger: 211 → 195 CCGs) and back, timing each step as the map's
 * scrub is timed (Event Timing and a double requestAnimationFrame), with the longest frame.
 *
 * Alone, on a build (`npx vite build` first): npx tsx scripts/bench/members.ts [dist folder]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, ROOT, startStaticServer } from '../../tests/e2e/support/harness';
import { describeEventParts } from './event-parts';
import { type BenchWindow, installProbe, NAME_SHIM } from './in-page';
import { describeVisitorLoads, type KeyScrubMeasures, loadFigures, pageCaseBudgets, scrubByKeys } from './key-scrub';
import { VIEWPORT } from './measure-page';
import type { BudgetResult } from './report';
import { afterBrowserStartUp } from './browser-start-up';
import { type VisitorDrawnLoads, visitorDrawnLoads } from './visitor-load';

export const MEMBERS_FROM = '2013-04';
/** Months stepped forward (and then back): April 2013 to April 2018. */
export const MEMBERS_STEPS = 60;
export const MEMBERS_ROUTE = `#/?date=${MEMBERS_FROM}&members=england`;
const MEMBER_SELECTOR = '[data-node-id^="ccg:"]';

export interface MembersMapMeasures {
  route: string;
  /** when the 211 named CCGs were in the document (performance.now()) */
  drawnMs: number;
  longestTaskUntilDrawnMs: number;
  totalBlockingTimeMs: number;
  /** named CCGs drawn at the start and at April 2018 */
  membersAtStart: number;
  membersAtEnd: number;
  scrub: KeyScrubMeasures;
  /** the same load in a visitor's browser (no DevTools Runtime session): what the load budget reads */
  visitor: VisitorDrawnLoads;
}

export async function measureMembersMap(options: {
  origin: string;
  log: (message: string) => void;
}): Promise<MembersMapMeasures> {
  const { origin, log } = options;
  const driven = await measureDrivenMembersMap(origin, log);
  // Then the load as a visitor's browser runs it, for the load budget (see visitorDrawnLoads).
  const visitor = await visitorDrawnLoads({
    origin,
    route: MEMBERS_ROUTE,
    drawnWhen: `document.querySelectorAll(${JSON.stringify(MEMBER_SELECTOR)}).length >= 211`,
    viewport: VIEWPORT,
    log,
  });
  return { ...driven, visitor };
}

/** The case driven by Playwright: the load (as Playwright's session slows it) and the scrub by real key presses. */
async function measureDrivenMembersMap(
  origin: string,
  log: (message: string) => void,
): Promise<Omit<MembersMapMeasures, 'visitor'>> {
  const browser = await launchBrowser(VIEWPORT);
  try {
    await browser.context.addInitScript({ content: NAME_SHIM });
    await browser.context.addInitScript(installProbe);
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await afterBrowserStartUp();
    await page.goto(`${origin}/${MEMBERS_ROUTE}`, { waitUntil: 'commit' });
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length >= 211, MEMBER_SELECTOR, {
      timeout: 60_000,
      polling: 'raf',
    });
    const drawnMs = await page.evaluate(() => performance.now());
    const membersAtStart = await page.locator(MEMBER_SELECTOR).count();
    await page.waitForTimeout(1000);
    const probe = await page.evaluate(() => (window as BenchWindow).__bench);
    if (!probe) throw new Error('the bench probe is not installed');
    log(`  ${membersAtStart} named CCGs drawn at ${Math.round(drawnMs)} ms`);

    let membersAtEnd = 0;
    const scrub = await scrubByKeys(page, MEMBERS_STEPS, async (key, step) => {
      if (key !== 'ArrowRight' || step !== MEMBERS_STEPS - 1) return;
      // The map follows the slider a moment behind: wait for April 2018's members.
      await page
        .waitForFunction((selector) => document.querySelectorAll(selector).length === 195, MEMBER_SELECTOR, { timeout: 10_000 })
        .catch(() => undefined);
      membersAtEnd = await page.locator(MEMBER_SELECTOR).count();
    });
    if (membersAtStart !== 211 || membersAtEnd !== 195)
      throw new Error(`expected 211 named CCGs in April 2013 and 195 in April 2018, drew ${membersAtStart} and ${membersAtEnd}`);
    if (pageErrors.length > 0) throw new Error(`the map threw: ${pageErrors.join('; ')}`);
    return {
      route: MEMBERS_ROUTE,
      drawnMs,
      ...loadFigures(probe, drawnMs),
      membersAtStart,
      membersAtEnd,
      scrub,
    };
  } finally {
    await browser.close();
  }
}

/** The named-CCGs case's budgets: issue 11's map budgets, with all of England's named CCGs drawn. */
export function membersBudgets(measures: MembersMapMeasures | null, error: string | null): BudgetResult[] {
  return pageCaseBudgets({
    name: 'Map with all named CCGs',
    runName: 'named-CCGs',
    drawnName: 'longest task until drawn',
    how: {
      load: `${MEMBERS_ROUTE}: the app, the dataset, the map, then the place data (fetched; parsed, checked and laid out per month in a worker) until the 211 CCGs are in the document`,
      scrub: `${MEMBERS_STEPS} months forward by the Right arrow (April 2013 to April 2018, 211 → 195 CCGs) and back; Event Timing where reported`,
    },
    measures,
    error,
  });
}

/** The named-CCGs case's section of the Markdown report. */
export function renderMembersMarkdown(measures: MembersMapMeasures | null, error: string | null): string {
  if (!measures) return `\n## Map with all named CCGs (issue 13)\n\nNot measured: ${error ?? 'not run'}\n`;
  const ms = (value: number | null) => (value === null ? '—' : `${Math.round(value)} ms`);
  const { scrub } = measures;
  return [
    '',
    '## Map with all named CCGs (issue 13)',
    '',
    `\`${measures.route}\`: the map's "CCGs" opened into England's named CCGs (${measures.membersAtStart} in April 2013, ${measures.membersAtEnd} in April 2018).`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| named CCGs drawn | ${ms(measures.drawnMs)} |`,
    `| longest task until drawn, in a visitor's browser (no DevTools Runtime session; the budget) | ${describeVisitorLoads(measures.visitor, 'longestTaskUntilDrawnMs')} |`,
    `| total blocking time until drawn, in a visitor's browser | ${describeVisitorLoads(measures.visitor, 'totalBlockingTimeMs')} |`,
    `| longest task / total blocking time until drawn, driven by Playwright | ${ms(measures.longestTaskUntilDrawnMs)} / ${ms(measures.totalBlockingTimeMs)} |`,
    `| scrubbing: steps | ${scrub.steps} |`,
    `| scrubbing: input to paint (double rAF) p50 / p95 / max | ${ms(scrub.inputToPaintMs.p50)} / ${ms(scrub.inputToPaintMs.p95)} / ${ms(scrub.inputToPaintMs.max)} |`,
    `| scrubbing: Event Timing p50 / p95 (reported steps) | ${scrub.eventTiming ? `${ms(scrub.eventTiming.durationMs.p50)} / ${ms(scrub.eventTiming.durationMs.p95)} (${scrub.eventTiming.reported} of ${scrub.eventTiming.steps})` : '—'} |`,
    `| scrubbing: Event Timing, each key press’s slower entry and where its time went | ${describeEventParts(scrub.eventParts)} |`,
    `| scrubbing: longest frame | ${ms(scrub.longestFrameMs)} |`,
    `| long animation frames while scrubbing | ${scrub.longAnimationFrames ?? '—'} |`,
    '',
  ].join('\n');
}

// Alone: measure the build in dist/ (or the folder given) and print the section and its budgets.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startStaticServer(path.resolve(process.argv[2] ?? path.join(ROOT, 'dist')));
  let measures: MembersMapMeasures | null = null;
  let error: string | null = null;
  try {
    measures = await measureMembersMap({ origin: server.origin, log: console.log });
  } catch (caught) {
    error = caught instanceof Error ? (caught.stack ?? caught.message) : String(caught);
  } finally {
    await server.close();
  }
  console.log(renderMembersMarkdown(measures, error));
  for (const budget of membersBudgets(measures, error))
    console.log(
      `${budget.status.padEnd(12)} ${budget.name}: ${budget.measured === null ? '—' : Math.round(budget.measured)} (${budget.rule})`,
    );
  if (error) process.exitCode = 1;
}
