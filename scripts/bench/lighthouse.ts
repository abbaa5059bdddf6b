/**
 * Lighthouse on the built site, as issue 11 asks: its default (mobile) preset, so a phone's
 * screen with simulated throttling (formFactor 'mobile', throttlingMethod 'simulate'), the
 * performance and accessibility categories, three runs a page, the median kept. The system's
 * Chromium is launched here (chrome-launcher, which comes with lighthouse) with a fresh profile
 * for every run, against the bench's own loopback server: nothing leaves the machine.
 *
 * A hash route (#/service/…) is loaded with its hash; after each run the page Lighthouse left
 * open is read to check it really shows what was asked for, e.g. the service panel: Lighthouse is
 * given a tab opened here (puppeteer-core, which comes with lighthouse), so the tab stays open when
 * it is done. The final screenshot is kept too, for a person to look at.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer, { type Page as PuppeteerPage } from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../tests/e2e/support/harness';
import { afterBrowserStartUp } from './browser-start-up';

export const LIGHTHOUSE_RUNS = 3;

const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

/** A page to audit, and how to tell in its DOM that it shows what it should. */
export interface LighthousePage {
  /** "home", "service" */
  id: string;
  /** the route after the origin, e.g. "/" or "/#/service/health-visiting" */
  route: string;
  /**
   * A CSS selector that must be on the final page (and text it must contain), or null for no
   * check beyond the map: e.g. the service panel, headed with the service's name.
   */
  expect: { selector: string; text: string; what: string } | null;
}

export interface LighthouseRun {
  performance: number | null;
  accessibility: number | null;
  /** largest contentful paint, total blocking time, first contentful paint, speed index (ms), cumulative layout shift */
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  fcpMs: number | null;
  siMs: number | null;
  /** the failing accessibility audits' ids, for a score under 1 */
  accessibilityFailures: string[];
  finalUrl: string;
  /** null: no check asked for; true/false: whether the page showed it; a string: why it could not be checked */
  shows: boolean | null | string;
  /** the final screenshot, written next to the report (bench-results/), if Lighthouse took one */
  screenshot: string | null;
  /** Lighthouse's own warnings about the run (e.g. the page was slow to settle) */
  warnings: string[];
  elapsedMs: number;
}

export interface LighthousePageResult {
  page: LighthousePage;
  url: string;
  runs: LighthouseRun[];
  /**
   * The run with the median performance score, of the runs whose page showed what it should (a
   * run whose page did not, e.g. a service address showing no service panel, measured something else).
   */
  median: LighthouseRun | null;
  /** the median of the accessibility scores, of the same runs */
  accessibility: number | null;
  /** why the page could not be audited, if it could not */
  error: string | null;
}

export interface LighthouseResults {
  version: string | null;
  preset: string;
  pages: LighthousePageResult[];
}

const numeric = (lhr: { audits: Record<string, { numericValue?: number } | undefined> }, id: string): number | null => {
  const value = lhr.audits[id]?.numericValue;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/** The middle of an odd count, the lower middle of an even one. */
export function medianBy<T>(items: readonly T[], key: (item: T) => number | null): T | null {
  const ranked = items.filter((item) => key(item) !== null).sort((a, b) => (key(a) ?? 0) - (key(b) ?? 0));
  return ranked[Math.floor((ranked.length - 1) / 2)] ?? null;
}

async function checkPage(page: PuppeteerPage, expect: NonNullable<LighthousePage['expect']>): Promise<boolean | string> {
  try {
    return await page.evaluate(
      (selector: string, text: string) =>
        [...document.querySelectorAll(selector)].some((element) => (element.textContent ?? '').includes(text)),
      expect.selector,
      expect.text,
    );
  } catch (error) {
    return `could not check: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function auditOnce(
  url: string,
  page: LighthousePage,
  screenshotPath: string,
): Promise<LighthouseRun & { version: string }> {
  const started = Date.now();
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'explorer-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROME_FLAGS,
    userDataDir,
    logLevel: 'silent',
  });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
  try {
    const tab = await browser.newPage();
    await afterBrowserStartUp();
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
      undefined,
      // Lighthouse's types name its own copy of puppeteer-core's Page; it is the same package.
      tab as unknown as Parameters<typeof lighthouse>[3],
    );
    if (!result) throw new Error('Lighthouse returned nothing');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const shows = page.expect ? await checkPage(tab, page.expect) : null;
    const screenshotData = (lhr.audits['final-screenshot']?.details as { data?: string } | undefined)?.data;
    let screenshot: string | null = null;
    if (typeof screenshotData === 'string' && screenshotData.startsWith('data:image/')) {
      const [, extension = 'jpg', base64 = ''] = /^data:image\/(\w+);base64,(.*)$/.exec(screenshotData) ?? [];
      writeFileSync(`${screenshotPath}.${extension === 'jpeg' ? 'jpg' : extension}`, Buffer.from(base64, 'base64'));
      screenshot = `${path.basename(screenshotPath)}.${extension === 'jpeg' ? 'jpg' : extension}`;
    }
    const accessibilityFailures = (lhr.categories.accessibility?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
      .map((ref) => ref.id);
    return {
      version: lhr.lighthouseVersion,
      performance: lhr.categories.performance?.score ?? null,
      accessibility: lhr.categories.accessibility?.score ?? null,
      lcpMs: numeric(lhr, 'largest-contentful-paint'),
      tbtMs: numeric(lhr, 'total-blocking-time'),
      cls: numeric(lhr, 'cumulative-layout-shift'),
      fcpMs: numeric(lhr, 'first-contentful-paint'),
      siMs: numeric(lhr, 'speed-index'),
      accessibilityFailures,
      finalUrl: lhr.finalDisplayedUrl,
      shows,
      screenshot,
      warnings: lhr.runWarnings,
      elapsedMs: Date.now() - started,
    };
  } finally {
    await browser.disconnect().catch(() => undefined);
    await chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Runs Lighthouse LIGHTHOUSE_RUNS times on each page, one after another (never in parallel: they would slow each other). */
export async function runLighthouse(
  origin: string,
  pages: readonly LighthousePage[],
  options: { outDir: string; log: (message: string) => void; runs?: number },
): Promise<LighthouseResults> {
  const runsPerPage = options.runs ?? LIGHTHOUSE_RUNS;
  let version: string | null = null;
  const results: LighthousePageResult[] = [];
  for (const page of pages) {
    const url = `${origin}${page.route}`;
    const runs: LighthouseRun[] = [];
    let error: string | null = null;
    for (let run = 1; run <= runsPerPage; run += 1) {
      try {
        const { version: runVersion, ...measured } = await auditOnce(
          url,
          page,
          path.join(options.outDir, `lighthouse-${page.id}-${run}`),
        );
        version = runVersion;
        runs.push(measured);
        options.log(
          `  Lighthouse ${page.route} run ${run}: performance ${measured.performance ?? '—'}, accessibility ` +
            `${measured.accessibility ?? '—'} (LCP ${Math.round(measured.lcpMs ?? Number.NaN)} ms, TBT ${Math.round(measured.tbtMs ?? Number.NaN)} ms)` +
            `${typeof measured.shows === 'boolean' ? `; ${measured.shows ? 'shows' : 'DOES NOT show'} ${page.expect?.what ?? ''}` : ''}`,
        );
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
        options.log(`  Lighthouse ${page.route} run ${run}: COULD NOT RUN: ${error.split('\n')[0] ?? ''}`);
      }
    }
    const valid = runs.filter((run) => run.shows === null || run.shows === true);
    const accessibilityRun = medianBy(valid, (run) => run.accessibility);
    results.push({
      page,
      url,
      runs,
      median: medianBy(valid, (run) => run.performance),
      accessibility: accessibilityRun?.accessibility ?? null,
      error: runs.length === runsPerPage ? null : error,
    });
  }
  return { version, preset: "Lighthouse's default: formFactor 'mobile', throttlingMethod 'simulate'", pages: results };
}
