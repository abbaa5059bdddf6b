/**
 * Hardening, in real headless Chromium against the production build: hostile and odd addresses,
 * rapid input (scrubbing, playing, history), the Content-Security-Policy and other content
 * safety, and a dataset that parses but breaks integrity rules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatMonth } from '../../src/domain/months';
import { openWatchedPage, ROOT, siteInBrowser, type WatchedPage } from './support/harness';
import { settleMap } from './support/map-geometry';

/** The time playback takes for one month (PLAYBACK_STEP_MS in src/features/timeline/Timeline.tsx). */
const PLAYBACK_STEP_MS = 700;

const site = siteInBrowser();

const PAGE_TITLE = 'NHS commissioning explorer (independent explainer)';
const readData = <T>(name: string) => JSON.parse(readFileSync(path.join(ROOT, 'data', `${name}.json`), 'utf8')) as T;

const slider = (page: Page) => page.getByRole('slider', { name: 'Month' });
const mapGroup = (page: Page) => page.getByRole('group', { name: /^Map of the health and care system in / });
const hash = (page: Page) => page.evaluate(() => window.location.hash);

/** What the page says and holds, read in one go, to compare the address, the controls and the picture. */
interface Reading {
  hash: string;
  /** the slider's month, as it speaks it */
  slider: string | null;
  /** the month in the map's heading, "The system in <month>" */
  mapHeading: string | null;
  /** the map's accessible name ends with the month too */
  mapLabel: string | null;
  /** the heading of the side panel (a service, an organisation, or "No … called …") */
  panelHeading: string | null;
  /** the map node marked as the current selection, if it is on the map */
  currentNode: string | null;
  playing: boolean;
}

function read(page: Page): Promise<Reading> {
  return page.evaluate(() => {
    const range = document.querySelector<HTMLInputElement>('input[type="range"]');
    const mapHeading = [...document.querySelectorAll('h2')].find((h) => h.textContent?.startsWith('The system in '));
    const map = document.querySelector('[role="group"][aria-label^="Map of the health and care system in "]');
    const panel = document.querySelector('.app-panel__heading');
    const play = [...document.querySelectorAll('button')].find((b) => /^(Play|Pause)$/.test(b.textContent?.trim() ?? ''));
    return {
      hash: window.location.hash,
      slider: range?.getAttribute('aria-valuetext') ?? null,
      mapHeading: mapHeading?.textContent?.replace('The system in ', '') ?? null,
      mapLabel: map?.getAttribute('aria-label')?.replace('Map of the health and care system in ', '') ?? null,
      panelHeading: panel?.textContent ?? null,
      currentNode: document.querySelector('[data-node-id][aria-current="true"]')?.getAttribute('data-node-id') ?? null,
      playing: play?.textContent?.trim() === 'Pause',
    };
  });
}

const services = readData<Array<{ id: string; name: string }>>('services');
const organisations = readData<Array<{ id: string; name: string; names?: Array<{ name: string }> }>>('organisations');

/**
 * The address, the slider, the map and the panel all say the same month and selection. The store
 * is read through them: each renders straight from the store's month and selection.
 */
function expectAgreement(reading: Reading) {
  const match = /^#\/(?:(service|org)\/([^?]+))?\?date=(\d{4}-\d{2})$/.exec(reading.hash);
  expect(match, `the address ${reading.hash} is canonical`).not.toBeNull();
  const [, kind, encodedId, month] = match!;
  const monthWords = formatMonth(month!);
  expect(reading.slider).toBe(monthWords);
  expect(reading.mapHeading).toBe(monthWords);
  expect(reading.mapLabel).toBe(monthWords);
  if (!kind) {
    expect(reading.panelHeading).toBeNull();
    expect(reading.currentNode).toBeNull();
    return;
  }
  let id: string;
  try {
    id = decodeURIComponent(encodedId!);
  } catch {
    id = encodedId!;
  }
  const noun = kind === 'service' ? 'service' : 'organisation';
  const known =
    kind === 'service'
      ? services.find((service) => service.id === id)
      : organisations.find((organisation) => organisation.id === id);
  if (!known) {
    // An unknown id: the panel says so, quoting the id (cut short when very long).
    expect(reading.panelHeading).toMatch(new RegExp(`^No ${noun} called “`));
    const quoted = /“([\s\S]*)”$/.exec(reading.panelHeading ?? '')?.[1] ?? '';
    expect(id.startsWith(quoted.replace(/…$/, ''))).toBe(true);
    expect(reading.currentNode).toBeNull();
  } else if (kind === 'service') {
    expect(reading.panelHeading).toBe(known.name);
    if (reading.currentNode) expect(reading.currentNode).toBe(`service:${id}`);
  } else {
    const organisation = organisations.find((candidate) => candidate.id === id);
    const names = [organisation?.name, ...(organisation?.names?.map((name) => name.name) ?? [])];
    expect(names).toContain(reading.panelHeading);
    if (reading.currentNode) expect(reading.currentNode).toBe(id);
  }
}

/** Whether the address, the slider, the map and the panel say the same month and selection. */
function agrees(reading: Reading): boolean {
  try {
    expectAgreement(reading);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits for the page to reach agreement (the address, the slider, the map and the panel say the
 * same month and selection), and for the address to be `expected` when given (one address, a
 * pattern, or any of a list), then returns that reading. It waits for the condition itself,
 * polling it, never for a fixed time.
 */
async function settledReading(page: Page, expected?: string | RegExp | readonly string[]): Promise<Reading> {
  const hashWanted = (hash: string) =>
    expected === undefined ||
    (typeof expected === 'string' ? hash === expected : 'test' in expected ? expected.test(hash) : expected.includes(hash));
  const wanted = (reading: Reading) => agrees(reading) && hashWanted(reading.hash);
  let reading: Reading | undefined;
  await expect
    .poll(async () => {
      reading = await read(page);
      return reading;
    })
    .toSatisfy(wanted);
  return reading!;
}

/** Markup or script in the address must never become markup or script on the page. */
async function expectNothingInjected(page: Page) {
  const found = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    scripts: [...document.scripts].map((script) => script.getAttribute('src') ?? `inline: ${script.textContent ?? ''}`),
    inBody: document.body.querySelectorAll('script, iframe, object, embed, img[onerror], svg[onload]').length,
    handlers: [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => attribute.name),
    ),
    title: document.title,
    href: window.location.href,
  }));
  expect(found.pwned).toBeNull();
  // Only the bundle's own files (the entry, and any chunk loaded on demand); nothing inline.
  expect(found.scripts.length).toBeGreaterThan(0);
  for (const script of found.scripts) expect(script).toMatch(/^(\.\/|\/)?assets\/[\w.-]+\.js$/);
  expect(found.inBody).toBe(0);
  expect(found.handlers).toEqual([]);
  expect(found.title).toBe(PAGE_TITLE);
  expect(found.href).not.toMatch(/<script|<img|<svg/i);
}

// ---------------------------------------------------------------------------------------------
// (a) Hostile and odd addresses

type Outcome =
  /** the explorer, with a notice saying what in the address could not be followed */
  | { kind: 'notice'; notice: RegExp; month: string }
  /** the explorer, with a panel saying no such service or organisation exists */
  | { kind: 'not-found-panel'; heading: RegExp }
  /** the "Page not found" page */
  | { kind: 'not-found-page' }
  /** a harmless oddity (case, extra slash, empty date, no hash): quietly corrected to the canonical address */
  | { kind: 'corrected'; canonical: string }
  /** another page that ignores the odd part */
  | { kind: 'about' };

const LONG = 'a'.repeat(5000);
const PWN = 'window.__pwned=1';

const hostileAddresses: Array<{ address: string; outcome: Outcome }> = [
  // Unknown ids, and ids made of markup, quotes, emoji, junk and sheer length.
  {
    address: '#/service/no-such-service',
    outcome: { kind: 'not-found-panel', heading: /^No service called “no-such-service”$/ },
  },
  {
    address: '#/org/no-such-body?date=2013-04',
    outcome: { kind: 'not-found-panel', heading: /^No organisation called “no-such-body”$/ },
  },
  { address: `#/service/<script>${PWN}</script>`, outcome: { kind: 'not-found-page' } },
  {
    address: `#/service/${encodeURIComponent(`<script>${PWN}</script>`)}`,
    outcome: { kind: 'not-found-panel', heading: /^No service called “<script>window\.__pwned=1<\/script>”$/ },
  },
  {
    address: `#/org/${encodeURIComponent(`<img src=x onerror="${PWN}">`)}`,
    outcome: { kind: 'not-found-panel', heading: /^No organisation called “<img src=x onerror=/ },
  },
  {
    address: `#/org/${encodeURIComponent(`"><svg onload=${PWN}>`)}`,
    outcome: { kind: 'not-found-panel', heading: /^No organisation called “"><svg onload=/ },
  },
  { address: `#/service/it's"quoted"`, outcome: { kind: 'not-found-panel', heading: /^No service called “it's"quoted"”$/ } },
  { address: '#/service/🏥', outcome: { kind: 'not-found-panel', heading: /^No service called “🏥”$/ } },
  { address: '#/org/%F0%9F%98%80%E2%80%AE-rtl', outcome: { kind: 'not-found-panel', heading: /^No organisation called “😀/ } },
  { address: `#/service/${LONG}`, outcome: { kind: 'not-found-panel', heading: /^No service called “a+…”$/ } },
  {
    address: `#/org/${encodeURIComponent('é'.repeat(2000))}`,
    outcome: { kind: 'not-found-panel', heading: /^No organisation called “é+…”$/ },
  },
  { address: '#/service/%', outcome: { kind: 'not-found-panel', heading: /^No service called “%”$/ } },
  { address: '#/org/%E0%A4%A', outcome: { kind: 'not-found-panel', heading: /^No organisation called “%E0%A4%A”$/ } },
  { address: '#/org/%00', outcome: { kind: 'not-found-panel', heading: /^No organisation called “/ } },
  { address: '#/service/..%2F..%2Fetc%2Fpasswd', outcome: { kind: 'not-found-panel', heading: /“\.\.\/\.\.\/etc\/passwd”/ } },
  {
    address: '#/service/HEALTH-VISITING',
    outcome: { kind: 'not-found-panel', heading: /^No service called “HEALTH-VISITING”$/ },
  },
  // Malformed, out-of-range, very long, repeated and unknown dates and parameters.
  { address: '#/?date=2015-13', outcome: { kind: 'notice', notice: /“2015-13”.*Showing December 2015/, month: '2015-12' } },
  {
    address: '#/?date=1999-01',
    outcome: { kind: 'notice', notice: /January 1999, which is outside the dataset/, month: '2010-07' },
  },
  {
    address: '#/?date=2030-12',
    outcome: { kind: 'notice', notice: /December 2030, which is outside the dataset/, month: '2018-04' },
  },
  {
    address: '#/?date=abc',
    outcome: { kind: 'notice', notice: /“abc”, which is not a month written as YYYY-MM/, month: '2018-04' },
  },
  { address: `#/?date=${LONG}`, outcome: { kind: 'notice', notice: /“a{40}…”/, month: '2018-04' } },
  {
    address: `#/service/health-visiting?date=${'9'.repeat(5000)}`,
    outcome: { kind: 'notice', notice: /“9{40}…”/, month: '2018-04' },
  },
  { address: '#/?date=2015-10-01', outcome: { kind: 'notice', notice: /“2015-10-01”/, month: '2018-04' } },
  { address: '#/?date=-2015-01', outcome: { kind: 'notice', notice: /“-2015-01”/, month: '2018-04' } },
  { address: '#/?date=%', outcome: { kind: 'notice', notice: /“%”/, month: '2018-04' } },
  { address: '#/?date=%E0%A4%A', outcome: { kind: 'notice', notice: /not a month/, month: '2018-04' } },
  { address: '#/?date=%3Cscript%3E', outcome: { kind: 'notice', notice: /“<script>”/, month: '2018-04' } },
  {
    address: '#/?date=2013-04&date=2015-10',
    outcome: { kind: 'notice', notice: /only the first, “2013-04”, counts/, month: '2013-04' },
  },
  {
    address: '#/org/nhs-england?date=2030-01&date=2012-11',
    outcome: { kind: 'notice', notice: /January 2030.*only the first/, month: '2018-04' },
  },
  { address: '#/?date=2015-10&foo=bar', outcome: { kind: 'notice', notice: /does not use \(“foo”\)/, month: '2015-10' } },
  { address: '#/?DATE=2015-10', outcome: { kind: 'notice', notice: /does not use \(“DATE”\)/, month: '2018-04' } },
  // Paths the explorer does not have.
  { address: '#/service/', outcome: { kind: 'not-found-page' } },
  { address: '#/org//x', outcome: { kind: 'not-found-page' } },
  { address: '#/service/health-visiting/extra', outcome: { kind: 'not-found-page' } },
  { address: '#/%', outcome: { kind: 'not-found-page' } },
  { address: '#/not/a/page?date=2015-10', outcome: { kind: 'not-found-page' } },
  { address: '#javascript:alert(1)', outcome: { kind: 'not-found-page' } },
  // Harmless oddities, put right in the address.
  { address: '#//', outcome: { kind: 'corrected', canonical: '#/?date=2018-04' } },
  { address: '', outcome: { kind: 'corrected', canonical: '#/?date=2018-04' } },
  { address: '#/?date=', outcome: { kind: 'corrected', canonical: '#/?date=2018-04' } },
  {
    address: '#/SERVICE/health-visiting/?date=2015-10',
    outcome: { kind: 'corrected', canonical: '#/service/health-visiting?date=2015-10' },
  },
  { address: '#/about?date=2015-13&x=%3Cscript%3E', outcome: { kind: 'about' } },
];

describe('hostile and odd addresses: never a blank page or an error; a clear notice and a way back', () => {
  it.each(hostileAddresses.map(({ address, outcome }) => ({ shown: address.slice(0, 70), address, outcome })))(
    '$shown',
    async ({ address, outcome }) => {
      const { page, errors, foreignRequests } = await openWatchedPage(site.browser, site.server.origin);
      await page.goto(`${site.server.origin}/${address}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();

      let wayBack: string;
      if (outcome.kind === 'not-found-page') {
        await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
        wayBack = 'Go to the map of the health and care system';
      } else if (outcome.kind === 'about') {
        await page.getByRole('heading', { level: 1, name: 'About the data' }).waitFor();
        wayBack = 'Map';
      } else {
        await slider(page).waitFor();
        await mapGroup(page).waitFor();
        if (outcome.kind === 'not-found-panel') {
          const heading = page.getByRole('heading', { level: 2, name: /^No (service|organisation) called/ });
          await heading.waitFor();
          expect(await heading.textContent()).toMatch(outcome.heading);
          wayBack = 'Back to the map';
        } else if (outcome.kind === 'notice') {
          const notice = page.getByRole('status').filter({ hasText: /^Information: The address/ });
          await notice.waitFor();
          expect(await notice.textContent()).toMatch(outcome.notice);
          await expect.poll(() => hash(page)).toMatch(new RegExp(`\\?date=${outcome.month}$`));
          wayBack = 'Map';
        } else {
          await expect.poll(() => hash(page)).toBe(outcome.canonical);
          wayBack = 'Map';
        }
        expectAgreement(await settledReading(page));
      }
      await expectNothingInjected(page);

      // The way back leads to a page with the map.
      const link =
        wayBack === 'Map'
          ? page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Map', exact: true })
          : page.getByRole('link', { name: wayBack });
      await link.click();
      await mapGroup(page).waitFor();
      await expect.poll(() => hash(page)).toMatch(/^#\/\?date=\d{4}-\d{2}$/);
      expectAgreement(await settledReading(page));
      await expectNothingInjected(page);

      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      await page.close();
    },
  );
});

// ---------------------------------------------------------------------------------------------
// (b) Rapid input

describe('rapid input leaves the address, the store and the picture in agreement', () => {
  async function open(address: string): Promise<WatchedPage> {
    const watched = await openWatchedPage(site.browser, site.server.origin);
    await watched.page.goto(`${site.server.origin}/${address}`);
    await slider(watched.page).waitFor();
    await mapGroup(watched.page).waitFor();
    return watched;
  }

  it('scrubbing through every month with the arrow keys, as fast as keys can be pressed', async () => {
    const { page, errors } = await open('#/service/health-visiting?date=2010-07');
    await slider(page).focus();
    for (let press = 0; press < 93; press += 1) await page.keyboard.press('ArrowRight');
    const end = await settledReading(page, '#/service/health-visiting?date=2018-04');
    expectAgreement(end);
    // …and back again, in bigger steps.
    for (let press = 0; press < 10; press += 1) await page.keyboard.press('PageDown');
    const start = await settledReading(page, '#/service/health-visiting?date=2010-07');
    expectAgreement(start);
    // Scrubbing replaces the history entry rather than adding one per month.
    expect(await page.evaluate(() => window.history.length)).toBeLessThanOrEqual(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('playing, then pausing', async () => {
    const { page, errors } = await open('#/?date=2013-01');
    await page.getByRole('button', { name: 'Play' }).click();
    // Wait until playback has moved the month on twice, then pause.
    await expect
      .poll(() => read(page))
      .toSatisfy((reading: Reading) => !['January 2013', 'February 2013'].includes(reading.slider ?? 'January 2013'));
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await settledReading(page);
    expect(paused.playing).toBe(false);
    expect(paused.hash).not.toBe('#/?date=2013-01');
    expectAgreement(paused);
    // Paused means paused: nothing moves on in the time playback takes for two steps. (An absence
    // has no event to wait for: this is the one wait of the file that is a length of time.)
    await page.waitForTimeout(2 * PLAYBACK_STEP_MS);
    expect(await read(page)).toEqual(paused);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a key press while playing stops playback where the key left it', async () => {
    const { page, errors } = await open('#/?date=2013-01');
    await page.getByRole('button', { name: 'Play' }).click();
    // Wait until playback has moved the month on at least once.
    await expect.poll(() => read(page)).toMatchObject({ slider: expect.not.stringMatching(/^January 2013$/) });
    await slider(page).focus();
    for (let press = 0; press < 5; press += 1) await page.keyboard.press('ArrowRight');
    const reading = await settledReading(page);
    expect(reading.playing).toBe(false);
    expectAgreement(reading);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('going back and forward through five selections, slowly and in a burst', async () => {
    const { page, errors } = await open('#/?date=2014-06');
    const views = [
      '#/service/health-visiting?date=2014-06',
      '#/org/nhs-england?date=2014-06',
      '#/service/school-nursing?date=2014-06',
      '#/org/clinical-commissioning-groups?date=2014-06',
      '#/service/general-practice?date=2014-06',
    ];
    // Selections made through the page (search, panel links, the map) each add a history entry.
    for (const view of views) {
      await page.evaluate((target) => {
        window.location.hash = target;
      }, view);
      await expect.poll(() => hash(page)).toBe(view);
      await page.locator('.app-panel__heading').waitFor();
    }
    const history = ['#/?date=2014-06', ...views];
    expectAgreement(await settledReading(page));

    // One step at a time, letting each settle.
    for (let step = history.length - 2; step >= 0; step -= 1) {
      await page.goBack();
      const reading = await settledReading(page, history[step]);
      expectAgreement(reading);
    }
    for (let step = 1; step < history.length; step += 1) {
      await page.goForward();
      const reading = await settledReading(page, history[step]);
      expectAgreement(reading);
    }

    // A burst: back four times and forward twice without waiting, then a month change on top.
    await page.evaluate(() => {
      for (let step = 0; step < 4; step += 1) window.history.back();
      window.history.forward();
      window.history.forward();
    });
    // Where a burst lands depends on how the browser queues the steps (Chromium drops the forward
    // steps queued behind the back steps): any entry of the history will do, in agreement.
    const burst = await settledReading(page, history);
    expectAgreement(burst);
    await slider(page).focus();
    await page.keyboard.press('End');
    const moved = await settledReading(page, /\?date=2018-04$/);
    expectAgreement(moved);
    await page.goBack();
    expectAgreement(await settledReading(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clicking through the page (search, commissioner links, back to the map) while moving the month', async () => {
    const { page, errors } = await open('#/?date=2015-09');
    await page.getByLabel('Find a service').fill('health visiting');
    await page
      .getByRole('link', { name: /^Health visiting/ })
      .first()
      .click();
    await page.getByRole('list', { name: 'Commissioners' }).waitFor();
    await slider(page).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('list', { name: 'Commissioners' }).getByRole('link').first().click();
    await page.keyboard.press('ArrowLeft');
    const reading = await settledReading(page, /^#\/org\//);
    expectAgreement(reading);
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => hash(page)).toMatch(/^#\/\?date=/);
    expectAgreement(await settledReading(page));
    await page.goBack();
    expectAgreement(await settledReading(page));
    await page.goBack();
    expectAgreement(await settledReading(page));
    expect(errors).toEqual([]);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
// (c) Content safety

const MAIN_ROUTES = ['#/', '#/service/health-visiting?date=2015-10', '#/org/nhs-england?date=2012-11', '#/about', '#/not/a/page'];

/** Records every Content-Security-Policy violation from the first moment of the document. */
const RECORD_CSP_VIOLATIONS = () => {
  const violations: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
  });
};
const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['(not recording)']);

/** The policy's directives, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('content safety', () => {
  it('every page the server sends carries a strict Content-Security-Policy, and no inline script', async () => {
    for (const pathname of ['/', '/index.html', '/any/other/path']) {
      const response = await fetch(`${site.server.origin}${pathname}`);
      const html = await response.text();
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html);
      expect(meta, `${pathname} has a CSP meta`).not.toBeNull();
      const policy = meta![1]!.replaceAll('&#39;', "'");
      // It comes before anything it governs.
      expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'));
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*|data:.*script|https?:/);
      const byName = directives(policy);
      expect(byName.get('default-src')).toEqual(["'self'"]);
      expect(byName.get('script-src')).toEqual(["'self'"]);
      expect(byName.get('style-src')).toEqual(["'self'"]);
      expect(byName.get('connect-src')).toEqual(["'self'"]);
      expect(byName.get('object-src')).toEqual(["'none'"]);
      expect(byName.get('base-uri')).toEqual(["'self'"]);
      // Every script is a file; there is no inline script or style and no inline event handler.
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/\bsrc="\.\/assets\//);
        expect(body!.trim()).toBe('');
      }
      expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
    }
  });

  it('the policy is enforced: inline script, eval and new Function are refused (and reported)', async () => {
    const page = await site.browser.context.newPage();
    await page.addInitScript(RECORD_CSP_VIOLATIONS);
    // A same-origin script file (allowed by script-src 'self') that tries what the policy forbids.
    // Scripts run from the test harness itself are exempt from the page's policy, so the attempt
    // must come from a script the page loads.
    await page.route('**/csp-probe.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `
          const outcome = {};
          try { outcome.eval = String(eval('1 + 1')); } catch (error) { outcome.eval = error.name; }
          try { outcome.newFunction = String(new Function('return 2')()); } catch (error) { outcome.newFunction = error.name; }
          try { setTimeout('window.__timerRan = true', 0); } catch (error) { outcome.timer = error.name; }
          window.__probe = outcome;
        `,
      }),
    );
    await page.goto(`${site.server.origin}/#/about`);
    await page.getByRole('heading', { level: 1, name: 'About the data' }).waitFor();
    await page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true;';
      document.body.append(inline);
      const probe = document.createElement('script');
      probe.src = './csp-probe.js';
      document.body.append(probe);
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __probe?: unknown }).__probe ?? null)).not.toBeNull();
    // The inline script and the three attempts of the probe are each refused with a report…
    await expect
      .poll(async () => (await cspViolations(page)).filter((violation) => violation.startsWith('script-src')).length)
      .toBeGreaterThanOrEqual(3);
    // …and a timer of ours, queued after the probe's string timer, runs after it would have.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    const outcome = await page.evaluate(() => {
      const w = window as unknown as { __probe: unknown; __inlineRan?: boolean; __timerRan?: boolean };
      return { probe: w.__probe, inlineRan: w.__inlineRan === true, timerRan: w.__timerRan === true };
    });
    expect(outcome).toEqual({ probe: { eval: 'EvalError', newFunction: 'EvalError' }, inlineRan: false, timerRan: false });
    const violations = await cspViolations(page);
    expect(violations.filter((violation) => violation.startsWith('script-src')).length).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it.each(MAIN_ROUTES)('%s: no policy violation and no request to another origin', async (route) => {
    const { page, errors, foreignRequests } = await openWatchedPage(site.browser, site.server.origin);
    await page.addInitScript(RECORD_CSP_VIOLATIONS);
    await page.goto(`${site.server.origin}/${route}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Use the page a little: open every folded list of sources, hover the map, move the month.
    for (const details of await page.locator('details').all()) {
      if (await details.isVisible()) await details.locator('summary').first().click();
    }
    if (await slider(page).count()) {
      const before = await slider(page).getAttribute('aria-valuetext');
      await slider(page).focus();
      await page.keyboard.press('ArrowLeft');
      await page.locator('[data-node-id]').first().hover();
      // The month has moved and the map has finished moving with it.
      await expect.poll(() => slider(page).getAttribute('aria-valuetext')).not.toBe(before);
      await settleMap(page);
    }
    // The reports of any violation, queued as tasks, have been delivered.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(await cspViolations(page)).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  async function expectNewTabLinksSafe(page: Page) {
    const links = await page.locator('a[target="_blank"]').evaluateAll((anchors) =>
      anchors.map((anchor) => ({
        href: anchor.getAttribute('href') ?? '',
        rel: (anchor.getAttribute('rel') ?? '').split(/\s+/),
      })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.rel, link.href).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
      expect(link.href).toMatch(/^https?:\/\//);
    }
    // No link anywhere runs script.
    expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i]').count()).toBe(0);
  }

  it('every link that opens a new tab opens safely: the About page', async () => {
    const { page } = await openWatchedPage(site.browser, site.server.origin);
    await page.goto(`${site.server.origin}/#/about`);
    await page.getByRole('region', { name: 'Sources' }).waitFor();
    await expectNewTabLinksSafe(page);
    await page.close();
  });

  it('every link that opens a new tab opens safely: a service panel with its sources open', async () => {
    const sources = readData<Array<{ id: string; kind: string }>>('sources');
    const external = new Set(sources.filter((source) => source.kind === 'external').map((source) => source.id));
    const commissioning = readData<Array<{ service: string; sources: Array<{ id: string }> }>>('commissioning');
    const serviceRecords = readData<Array<{ id: string; sources: Array<{ id: string }> }>>('services');
    // A service whose own record or commissioning cites an external source.
    const service = serviceRecords.find(
      (candidate) =>
        candidate.sources.some((citation) => external.has(citation.id)) ||
        commissioning.some((record) => record.service === candidate.id && record.sources.some((c) => external.has(c.id))),
    );
    expect(service, 'a service citing an external source').toBeDefined();
    const { page } = await openWatchedPage(site.browser, site.server.origin);
    await page.goto(`${site.server.origin}/#/service/${service!.id}`);
    await page.locator('.app-panel__heading').waitFor();
    for (const details of await page.locator('.app-panel details').all()) await details.locator('summary').first().click();
    await expectNewTabLinksSafe(page);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
// A dataset that parses but breaks integrity rules

describe('a dataset with integrity problems, in the browser', () => {
  it('lists every problem above the explorer, which still works', async () => {
    const { page, errors } = await openWatchedPage(site.browser, site.server.origin);
    const commissioning = readData<Array<Record<string, unknown>>>('commissioning');
    const broken = commissioning.findIndex((record) => record.service === 'health-visiting');
    commissioning[broken] = { ...commissioning[broken], commissioner: 'no-such-body' };
    await page.route('**/data/commissioning.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(commissioning) }),
    );
    await page.goto(`${site.server.origin}/#/service/health-visiting?date=2014-01`);
    const summary = page.getByRole('alert').filter({ hasText: /^The dataset has \d+ problems?/ });
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      `data/commissioning.json at [${broken}].commissioner: refers to the organisation "no-such-body", which does not exist`,
    );
    expect(await summary.textContent()).toContain('The explorer below may be incomplete or wrong where they apply.');
    await mapGroup(page).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Health visiting/ }).waitFor();
    await slider(page).focus();
    await page.keyboard.press('ArrowRight');
    const reading = await settledReading(page, '#/service/health-visiting?date=2014-02');
    expectAgreement(reading);
    expect(await page.getByText(/could not be shown/).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
