/**
 * The bench's place case (issue 13): the place page with the named bodies loaded (the real place
 * data, data/places/places.json: 219 CCGs, 152 councils, 151 PCTs). Opens Leeds
 * (#/place/E08000035?date=2013-01) in a fresh headless Chromium and measures: when the place was
 * drawn, the longest task until then, total blocking time, layout shift, the JavaScript the page
 * loaded and the place data's bytes; then scrubs its month bar by real key presses from January
 * 2013 to April 2018 (across the CCGs' start, the Manchester-style mergers and Leeds' own in April
 * 2018) and back, timing each step as the map's scrub is timed (Event Timing and a double
 * requestAnimationFrame), with the longest frame.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request } from 'playwright-core';
import { launchBrowser } from '../../tests/e2e/support/harness';
import { type BundleBytes, bytesOf, type ByteTotals, totalOf } from './bundle';
import { describeEventParts } from './event-parts';
import { type BenchWindow, installProbe, NAME_SHIM } from './in-page';
import { describeVisitorLoads, type KeyScrubMeasures, loadFigures, pageCaseBudgets, scrubByKeys } from './key-scrub';
import { VIEWPORT } from './measure-page';
import { type BudgetResult, KB } from './report';
import { afterBrowserStartUp } from './browser-start-up';
import { type VisitorDrawnLoads, visitorDrawnLoads } from './visitor-load';

export const PLACE_CODE = 'E08000035';
export const PLACE_FROM = '2013-01';
/** Months stepped forward (and then back): January 2013 to April 2018. */
export const PLACE_STEPS = 63;
export const PLACE_ROUTE = `#/place/${PLACE_CODE}?date=${PLACE_FROM}`;

export interface PlacePageMeasures {
  route: string;
  /** data/places/places.json as built */
  placeData: { raw: number; gzip: number };
  /** when the place's heading and its CCG section were in the document (performance.now()) */
  placeDrawnMs: number;
  firstContentfulPaintMs: number | null;
  longestTaskUntilDrawnMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  /** the JavaScript files the page requested until the place was drawn, and their gzipped total */
  scripts: string[];
  js: ByteTotals | null;
  scrub: KeyScrubMeasures & {
    /** what the page said at April 2018 (checked: NHS Leeds CCG) */
    april2018: string;
  };
  /** the same load in a visitor's browser (no DevTools Runtime session): what the load budget reads */
  visitor: VisitorDrawnLoads;
}

/** The place page is drawn once its CCG section is in the document (as the driven run waits for its region). */
const PLACE_DRAWN_WHEN =
  "[...document.querySelectorAll('section[aria-labelledby] > h2')].some((heading) => (heading.textContent || '').startsWith('Clinical commissioning groups'))";

export async function measurePlacePage(options: {
  origin: string;
  distDir: string;
  bundle: BundleBytes;
  log: (message: string) => void;
}): Promise<PlacePageMeasures> {
  const driven = await measureDrivenPlacePage(options);
  // Then the load as a visitor's browser runs it, for the load budget (see visitorDrawnLoads).
  const visitor = await visitorDrawnLoads({
    origin: options.origin,
    route: PLACE_ROUTE,
    drawnWhen: PLACE_DRAWN_WHEN,
    viewport: VIEWPORT,
    log: options.log,
  });
  return { ...driven, visitor };
}

/** The page driven by Playwright: the load (as Playwright's session slows it), what it requested, and the scrub. */
async function measureDrivenPlacePage(options: {
  origin: string;
  distDir: string;
  bundle: BundleBytes;
  log: (message: string) => void;
}): Promise<Omit<PlacePageMeasures, 'visitor'>> {
  const { origin, distDir, bundle, log } = options;
  const placeData = bytesOf('data/places/places.json', readFileSync(path.join(distDir, 'data', 'places', 'places.json')));
  const browser = await launchBrowser(VIEWPORT);
  try {
    await browser.context.addInitScript({ content: NAME_SHIM });
    await browser.context.addInitScript(installProbe);
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await afterBrowserStartUp();
    await page.goto(`${origin}/${PLACE_ROUTE}`, { waitUntil: 'commit' });
    await page.getByRole('region', { name: /^Clinical commissioning groups/ }).waitFor({ timeout: 60_000 });
    const placeDrawnMs = await page.evaluate(() => performance.now());
    await page.waitForTimeout(1000);
    const probe = await page.evaluate(() => (window as BenchWindow).__bench);
    if (!probe) throw new Error('the bench probe is not installed');
    const drawnAtWallClock = probe.timeOrigin + placeDrawnMs;
    const scripts = requests
      .filter((request) => request.timing().startTime <= drawnAtWallClock || request.timing().startTime < 0)
      .map((request) => new URL(request.url()).pathname.replace(/^\//, ''))
      .filter((file) => file.endsWith('.js'));
    const known = bundle.chunks.filter((chunk) => chunk.kind === 'js' && scripts.includes(chunk.file));
    log(`  place page drawn at ${Math.round(placeDrawnMs)} ms; ${scripts.length} scripts`);

    let april2018 = '';
    const scrub = await scrubByKeys(page, PLACE_STEPS, async (key, step) => {
      if (key === 'ArrowRight' && step === PLACE_STEPS - 1)
        april2018 = (await page.locator('.app-place__change p').allTextContents()).join(' ');
    });
    if (!april2018.includes('NHS Leeds CCG'))
      throw new Error(`at April 2018 the place page did not show the merger: "${april2018}"`);
    if (pageErrors.length > 0) throw new Error(`the place page threw: ${pageErrors.join('; ')}`);
    return {
      route: PLACE_ROUTE,
      placeData: { raw: placeData.raw, gzip: placeData.gzip },
      placeDrawnMs,
      firstContentfulPaintMs: probe.fcp,
      ...loadFigures(probe, placeDrawnMs),
      cumulativeLayoutShift: probe.layoutShifts.reduce((sum, shift) => sum + shift.value, 0),
      scripts,
      js: known.length === scripts.length ? totalOf(known) : null,
      scrub: { ...scrub, april2018: april2018.trim() },
    };
  } finally {
    await browser.close();
  }
}

/** The place page's budgets: issue 11's, applied to the place page with the place data loaded. */
export function placeBudgets(measures: PlacePageMeasures | null, error: string | null): BudgetResult[] {
  return pageCaseBudgets({
    name: 'Place page',
    runName: 'place page',
    drawnName: 'longest task until the place is drawn',
    how: {
      load: `${PLACE_ROUTE}: the app, the dataset and the place data (fetched, then validated and indexed in a worker) until the place's CCGs are in the document`,
      scrub: `${PLACE_STEPS} months forward by the Right arrow (January 2013 to April 2018) and back; Event Timing where reported`,
    },
    measures,
    error,
  });
}

/** The place case's section of the Markdown report. */
export function renderPlaceMarkdown(measures: PlacePageMeasures | null, error: string | null): string {
  if (!measures) return `\n## Place page (issue 13)\n\nNot measured: ${error ?? 'not run'}\n`;
  const ms = (value: number | null) => (value === null ? '—' : `${Math.round(value)} ms`);
  const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
  const { scrub } = measures;
  return [
    '',
    '## Place page (issue 13)',
    '',
    `\`${measures.route}\`, with the named bodies loaded (data/places/places.json: ${kb(measures.placeData.raw)}, ${kb(measures.placeData.gzip)} gzipped).`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| place drawn (heading and CCGs in the document) | ${ms(measures.placeDrawnMs)} |`,
    `| first contentful paint | ${ms(measures.firstContentfulPaintMs)} |`,
    `| longest task until drawn, in a visitor's browser (no DevTools Runtime session; the budget) | ${describeVisitorLoads(measures.visitor, 'longestTaskUntilDrawnMs')} |`,
    `| total blocking time until drawn, in a visitor's browser | ${describeVisitorLoads(measures.visitor, 'totalBlockingTimeMs')} |`,
    `| longest task / total blocking time until drawn, driven by Playwright | ${ms(measures.longestTaskUntilDrawnMs)} / ${ms(measures.totalBlockingTimeMs)} |`,
    `| cumulative layout shift | ${measures.cumulativeLayoutShift.toFixed(3)} |`,
    `| JavaScript requested until drawn | ${measures.js ? `${kb(measures.js.gzip)} gzipped, ${measures.scripts.length} files` : `${measures.scripts.length} files (not all in the build)`} |`,
    `| scrubbing: steps | ${scrub.steps} |`,
    `| scrubbing: input to paint (double rAF) p50 / p95 / max | ${ms(scrub.inputToPaintMs.p50)} / ${ms(scrub.inputToPaintMs.p95)} / ${ms(scrub.inputToPaintMs.max)} |`,
    `| scrubbing: Event Timing p50 / p95 (reported steps) | ${scrub.eventTiming ? `${ms(scrub.eventTiming.durationMs.p50)} / ${ms(scrub.eventTiming.durationMs.p95)} (${scrub.eventTiming.reported} of ${scrub.eventTiming.steps})` : '—'} |`,
    `| scrubbing: Event Timing, each key press’s slower entry and where its time went | ${describeEventParts(scrub.eventParts)} |`,
    `| scrubbing: longest frame | ${ms(scrub.longestFrameMs)} |`,
    `| at April 2018 the page said | ${scrub.april2018.replace(/\|/g, '/')} |`,
    '',
  ].join('\n');
}
