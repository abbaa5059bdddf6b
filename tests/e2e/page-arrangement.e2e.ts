/**
 * The explorer's page is arranged map first (issue 9): measured in real headless Chromium at
 * 1280×800 and 390×844, as a person would see the first screen, and used by keyboard and by touch.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, siteInBrowser } from './support/harness';

const site = siteInBrowser();
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function open(address: string, viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await openWatchedPage(site.browser, site.server.origin);
  await page.setViewportSize(viewport);
  await page.goto(`${site.server.origin}/${address}`);
  await page.locator('svg.app-graph__svg').waitFor();
  return page;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const boxOf = (page: Page, selector: string): Promise<Box | null> =>
  page.evaluate((sel) => {
    const element = document.querySelector(sel);
    if (!element) return null;
    const { left, top, right, bottom } = element.getBoundingClientRect();
    return { left, top, right, bottom };
  }, selector);

/** The area of a box inside the window (and above `coveredFrom`, where a sheet starts), over the window's area. */
async function shareOfScreen(page: Page, box: Box, coveredFrom = Infinity): Promise<number> {
  const { width, height } = await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
  const visibleWidth = Math.max(0, Math.min(box.right, width) - Math.max(box.left, 0));
  const visibleHeight = Math.max(0, Math.min(box.bottom, height, coveredFrom) - Math.max(box.top, 0));
  return (visibleWidth * visibleHeight) / (width * height);
}

async function mapShare(page: Page): Promise<number> {
  const svg = await boxOf(page, 'svg.app-graph__svg');
  if (!svg) throw new Error('no map drawn');
  return shareOfScreen(page, svg);
}

const hash = (page: Page) => page.evaluate(() => window.location.hash);
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);
const focusedNodeId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[data-node-id]')?.getAttribute('data-node-id') ?? null);

describe('the explorer, map first', () => {
  it('at 1280×800 the map covers at least half the first screen, with the month bar directly above it', async () => {
    const page = await open('#/?date=2013-04', DESKTOP);
    const share = await mapShare(page);
    console.log(`map share of the first screen at 1280×800: ${(share * 100).toFixed(1)} %`);
    expect(share).toBeGreaterThanOrEqual(0.5);

    const bar = await boxOf(page, '.app-timeline--bar');
    const map = await boxOf(page, '.app-graph');
    if (!bar || !map) throw new Error('no month bar or map');
    expect(bar.bottom - bar.top).toBeLessThanOrEqual(130);
    expect(Math.abs(map.top - bar.bottom)).toBeLessThanOrEqual(8);
    expect(bar.bottom).toBeLessThan(DESKTOP.height);
    // The first screen says what the picture is, offers the tour, and says the site is independent.
    for (const selector of [
      '.app-explorer__title',
      '.app-explorer__lede',
      '.app-explorer__tour-link',
      '.app-independent-banner',
    ]) {
      const box = await boxOf(page, selector);
      expect(box && box.bottom <= DESKTOP.height && box.top >= 0, selector).toBe(true);
    }
    expect(await page.getByRole('link', { name: /take the guided tour/i }).getAttribute('href')).toBe('#/tour/1');
    await page.close();
  });

  it('on a 390×844 phone: the finder, then the map over at least 40% of the first screen, then services by commissioner', async () => {
    const page = await open('#/?date=2013-04', PHONE);
    const share = await mapShare(page);
    console.log(`map share of the first screen at 390×844: ${(share * 100).toFixed(1)} %`);
    expect(share).toBeGreaterThanOrEqual(0.4);
    // The list is drawn a frame after the map (AfterFirstPaint): wait for it before measuring.
    await page.locator('.app-services-by-commissioner').waitFor();
    const finder = await boxOf(page, '.app-explorer__finder');
    const svg = await boxOf(page, 'svg.app-graph__svg');
    const list = await boxOf(page, '.app-services-by-commissioner');
    if (!finder || !svg || !list) throw new Error('missing part of the page');
    expect(finder.bottom).toBeLessThanOrEqual(svg.top);
    expect(list.top).toBeGreaterThanOrEqual(svg.bottom);
    await page.getByRole('heading', { name: 'Who commissions each service in April 2013' }).waitFor();
    await page.getByRole('link', { name: /take the guided tour/i }).waitFor();
    // No sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });

  it('on a phone the month buttons and Play are tap targets of at least 44 px, and step a month', async () => {
    const page = await open('#/?date=2013-04', PHONE);
    for (const name of ['Previous month', 'Next month', 'Play']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.width, name).toBeGreaterThanOrEqual(44);
      expect(box!.height, name).toBeGreaterThanOrEqual(44);
    }
    await page.getByRole('button', { name: 'Next month', exact: true }).click();
    await expect.poll(() => hash(page)).toBe('#/?date=2013-05');
    await page.close();
  });

  it('puts the service finder within the first 10 tab stops, and Enter in it opens the top match', async () => {
    const page = await open('#/?date=2013-04', DESKTOP);
    let stops = 0;
    let label = '';
    while (stops < 10 && label !== 'Find a service') {
      await page.keyboard.press('Tab');
      stops += 1;
      label = await page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() ?? '',
      );
    }
    console.log(`the service finder is tab stop ${stops}`);
    expect(label).toBe('Find a service');
    await page.keyboard.type('health visiting');
    await page.keyboard.press('Enter');
    await expect.poll(() => hash(page)).toBe('#/service/health-visiting?date=2013-04');
    await page.getByRole('heading', { level: 2, name: /^Health visiting/ }).waitFor();
    // The finder stays in view, above the panel, and neither covers the map.
    const input = await boxOf(page, '.app-explorer__finder input');
    const panel = await boxOf(page, '.app-explorer__panel');
    const svg = await boxOf(page, 'svg.app-graph__svg');
    if (!input || !panel || !svg) throw new Error('missing part of the page');
    expect(input.top).toBeGreaterThanOrEqual(0);
    expect(input.bottom).toBeLessThanOrEqual(panel.top);
    expect(panel.right <= svg.left || panel.left >= svg.right).toBe(true);
    expect(await scrollY(page)).toBe(0);
    await page.close();
  });

  it('choosing a node opens its details without scrolling the page; Escape closes them and focuses the node again', async () => {
    const page = await open('#/?date=2016-01', DESKTOP);
    const node = page.locator('[data-node-id="service:health-visiting"]');
    await node.waitFor();
    // By mouse, after scrolling the page a little.
    await page.evaluate(() => window.scrollTo(0, 40));
    const before = await scrollY(page);
    await node.click();
    await expect.poll(() => hash(page)).toBe('#/service/health-visiting?date=2016-01');
    await page.getByRole('heading', { level: 2, name: /^Health visiting/ }).waitFor();
    // The panel's heading takes focus once the panel has been painted; Escape is pressed from there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await scrollY(page)).toBe(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => hash(page)).toBe('#/?date=2016-01');
    await expect.poll(() => focusedNodeId(page)).toBe('service:health-visiting');
    expect(await scrollY(page)).toBe(before);

    // By keyboard: Enter on the focused node, then Escape.
    await page.keyboard.press('Enter');
    await expect.poll(() => hash(page)).toBe('#/service/health-visiting?date=2016-01');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await scrollY(page)).toBe(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedNodeId(page)).toBe('service:health-visiting');
    expect(await hash(page)).toBe('#/?date=2016-01');
    await page.close();
  });

  it('beside the map, the "what changed" strip sits above the footer, whose caption can run to three lines', async () => {
    const page = await open('#/service/health-visiting?date=2016-04', DESKTOP);
    await page.locator('.app-graph-changes').waitFor();
    // The strip is placed from the footer's measured height, which follows the caption's words
    // (drawn a moment after the page's first paint): the arrangement is read once it has settled.
    const clearance = async () => {
      const [strip, footer] = await Promise.all([boxOf(page, '.app-graph__overlay'), boxOf(page, '.app-graph__footer')]);
      if (!strip || !footer) throw new Error('missing part of the map');
      return footer.top - strip.bottom;
    };
    await expect.poll(clearance).toBeGreaterThanOrEqual(0);
    const caption = await boxOf(page, '.app-graph__caption');
    if (!caption) throw new Error("missing the map's caption");
    // The chosen service's caption wraps (it is the footer's tallest part), and the strip stays clear of it.
    expect(caption.bottom - caption.top).toBeGreaterThan(40);
    expect(await clearance()).toBeGreaterThanOrEqual(0);
    await page.close();
  });

  it('beside the map, a service chosen from far down the side column opens at the top of its panel', async () => {
    const page = await open('#/?date=2016-01', DESKTOP);
    const side = page.locator('.app-explorer__side');
    const link = side.locator('.app-services-by-commissioner__link').last();
    await link.scrollIntoViewIfNeeded();
    expect(await side.evaluate((element) => element.scrollTop)).toBeGreaterThan(100);
    await link.click();
    await page.locator('.app-explorer__panel h2').waitFor();
    await expect.poll(() => side.evaluate((element) => element.scrollTop)).toBe(0);
    await page.close();
  });

  it('on a phone the service panel opens as a sheet without scrolling the page or hiding the whole map', async () => {
    const page = await open('#/?date=2016-01', PHONE);
    const node = page.locator('[data-node-id="service:health-visiting"]');
    await node.waitFor();
    await node.scrollIntoViewIfNeeded();
    const before = await scrollY(page);
    await node.click();
    await expect.poll(() => hash(page)).toBe('#/service/health-visiting?date=2016-01');
    await page.getByRole('heading', { level: 2, name: /^Health visiting/ }).waitFor();
    expect(await scrollY(page)).toBe(before);
    const sheet = await boxOf(page, '.app-explorer__panel');
    const svg = await boxOf(page, 'svg.app-graph__svg');
    if (!sheet || !svg) throw new Error('missing part of the page');
    expect(sheet.bottom).toBeLessThanOrEqual(PHONE.height + 1);
    expect(sheet.top).toBeGreaterThan(PHONE.height / 3);
    const uncovered = await shareOfScreen(page, svg, sheet.top);
    console.log(`map left in view above the sheet at 390×844: ${(uncovered * 100).toFixed(1)} % of the screen`);
    expect(uncovered).toBeGreaterThanOrEqual(0.1);
    // Close takes the sheet away.
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => hash(page)).toBe('#/?date=2016-01');
    await page.close();
  });
});

describe('the skeleton while the data comes', () => {
  /** The animation on each skeleton block's pulse layer, and what the status line says. */
  const skeletonState = (page: Page) =>
    page.evaluate(() => ({
      pulses: [...document.querySelectorAll('.app-skeleton__block')].map(
        (block) => getComputedStyle(block, '::before').animationName,
      ),
      status: document.querySelector('.app-skeleton__status')?.textContent ?? null,
    }));

  it('stands still for the first second (no frame drawn for it), then pulses beside "Still loading", unless motion is reduced', async () => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const { page } = await openWatchedPage(site.browser, site.server.origin);
      await page.emulateMedia({ reducedMotion });
      // The data never comes.
      await page.route('**/data/*.json', () => new Promise(() => undefined));
      await page.goto(`${site.server.origin}/#/`);
      await page.locator('.app-skeleton__block').first().waitFor();
      const early = await skeletonState(page);
      expect(early.pulses.length).toBeGreaterThanOrEqual(3);
      expect(early.pulses.every((name) => name === 'none')).toBe(true);
      await expect.poll(async () => (await skeletonState(page)).status, { timeout: 5000 }).toMatch(/^Still loading the data/);
      const late = await skeletonState(page);
      const expected = reducedMotion === 'reduce' ? 'none' : 'app-skeleton-pulse';
      expect(late.pulses.every((name) => name === expected)).toBe(true);
      await page.close();
    }
  });
});
