/**
 * Taking a view away, in real headless Chromium against the production build: copy its link,
 * download its picture as SVG and PNG (captioned with the date and sources), print it, embed it
 * in another site (`?embed=1`), and find every view from the header at desktop and phone widths.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { openWatchedPage, siteInBrowser, type WatchedPage } from './support/harness';

const site = siteInBrowser();

const slider = (page: Page) => page.getByRole('slider', { name: 'Month' });
const hash = (page: Page) => page.evaluate(() => window.location.hash);
const mainNavigation = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const actions = (page: Page) => page.getByRole('group', { name: 'Share, save or print this view' });

async function open(address: string, viewport?: { width: number; height: number }): Promise<WatchedPage> {
  const watched = await openWatchedPage(site.browser, site.server.origin);
  if (viewport) await watched.page.setViewportSize(viewport);
  await watched.page.goto(`${site.server.origin}/${address}`);
  await slider(watched.page).waitFor();
  await watched.page.getByRole('group', { name: /^Map of the health and care system in / }).waitFor();
  return watched;
}

/** Requests to anywhere but the site: its own blob: addresses (the files made on the page) are its own. */
const elsewhere = (watched: WatchedPage) =>
  watched.foreignRequests.filter((url) => !url.startsWith(`blob:${site.server.origin}/`));

/** The width and height a PNG file declares (its IHDR chunk). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('export: the map as a captioned picture', () => {
  it('downloads the map as an SVG file with the date and the sources in its caption', async () => {
    const watched = await open('#/service/health-visiting?date=2015-10');
    const { page, errors } = watched;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      actions(page).getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('commissioning-map-2015-10.svg');
    const text = readFileSync((await download.path())!, 'utf8');
    const parsed = await page.evaluate((svgText) => {
      const document = new DOMParser().parseFromString(svgText, 'image/svg+xml');
      return {
        errors: document.getElementsByTagName('parsererror').length,
        root: document.documentElement.localName,
        namespace: document.documentElement.namespaceURI,
        tabStops: document.querySelectorAll('[tabindex]').length,
        classes: document.querySelectorAll('[class]').length,
        text: document.documentElement.textContent?.replace(/\s+/g, ' ') ?? '',
      };
    }, text);
    expect(parsed).toMatchObject({ errors: 0, root: 'svg', namespace: 'http://www.w3.org/2000/svg', tabStops: 0, classes: 0 });
    expect(parsed.text).toContain('Who commissions what in English health and care');
    expect(parsed.text).toContain('October 2015');
    expect(parsed.text).toContain('Services for children aged 0 to 5: transfer to local authorities');
    expect(parsed.text).toContain('an independent explainer, not an NHS publication');
    // The map's nodes came with it, with their styles written on them.
    expect(text).toContain('Local authorities');
    expect(text).toMatch(/ fill="rgb\(/);
    expect(text).not.toMatch(/ style="/);
    // Each service's tile keeps its commissioner's colour, and its name.
    expect(text).toMatch(/<rect [^>]*fill="rgb\([^"]*\)"[^>]*\/><rect [^>]*\/><text [^>]*>Health visiting<\/text>/);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Downloaded' }).textContent())
      .toBe('Downloaded commissioning-map-2015-10.svg');
    expect(errors).toEqual([]);
    expect(elsewhere(watched)).toEqual([]);
    await page.close();
  });

  it('downloads the map as a PNG drawn at twice its size on the page', async () => {
    const watched = await open('#/service/health-visiting?date=2015-10');
    const { page, errors } = watched;
    const mapWidth = await page.locator('svg.app-graph__svg').evaluate((svg) => svg.getBoundingClientRect().width);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      actions(page).getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('commissioning-map-2015-10.png');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(bytes.length).toBeGreaterThan(50_000);
    const { width, height } = pngSize(bytes);
    expect(width).toBeGreaterThanOrEqual(2 * mapWidth);
    expect(height).toBeGreaterThan(width / 2);
    // Not a blank page: the picture has the map's colours in it (more than a white sheet compresses to).
    const colours = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<string>();
      for (let index = 0; index < pixels.length; index += 4 * 97)
        seen.add(`${pixels[index]},${pixels[index + 1]},${pixels[index + 2]}`);
      return seen.size;
    }, bytes.toString('base64'));
    expect(colours).toBeGreaterThan(20);
    expect(errors).toEqual([]);
    expect(elsewhere(watched)).toEqual([]);
    await page.close();
  });
});

describe('copy a link to the view', () => {
  it('copies the address to the clipboard and says so', async () => {
    await site.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    const watched = await open('#/service/health-visiting?date=2015-10');
    const { page, errors } = watched;
    await actions(page).getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${site.server.origin}/#/service/health-visiting?date=2015-10`);
    expect(await page.getByLabel('Copy this link').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(elsewhere(watched)).toEqual([]);
    await site.browser.context.clearPermissions();
    await page.close();
  });

  it('shows the link, selected, where the browser will not copy it', async () => {
    const watched = await openWatchedPage(site.browser, site.server.origin);
    const { page, errors } = watched;
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', {
        get: () => ({ writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) }),
      });
    });
    await page.goto(`${site.server.origin}/#/org/nhs-england?date=2012-11`);
    await slider(page).waitFor();
    await actions(page).getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByLabel('Copy this link');
    await field.waitFor();
    expect(await field.inputValue()).toBe(`${site.server.origin}/#/org/nhs-england?date=2012-11`);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    const selection = await field.evaluate((input: HTMLInputElement) => ({
      focused: document.activeElement === input,
      selected: input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0),
    }));
    expect(selection).toEqual({ focused: true, selected: `${site.server.origin}/#/org/nhs-england?date=2012-11` });
    expect(errors).toEqual([]);
    expect(elsewhere(watched)).toEqual([]);
    await page.close();
  });
});

describe('the embed mode (?embed=1)', () => {
  it('shows just the view, links to the full view, and keeps embed=1 while scrubbing and choosing', async () => {
    const watched = await open('#/service/health-visiting?date=2015-10&embed=1');
    const { page, errors } = watched;
    expect(await mainNavigation(page).count()).toBe(0);
    expect(await page.getByRole('banner').count()).toBe(0);
    expect(await page.getByRole('contentinfo').count()).toBe(0);
    expect(await page.getByText('Move through time to watch the reforms happen').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Skip to main content' }).count()).toBe(1);
    expect(await page.getByText('From the NHS commissioning explorer, an independent explainer').isVisible()).toBe(true);
    const fullView = page.getByRole('link', { name: /Open the full view/ });
    expect(await fullView.getAttribute('href')).toBe('#/service/health-visiting?date=2015-10');
    expect(await fullView.getAttribute('target')).toBe('_blank');
    expect(await fullView.getAttribute('rel')).toBe('noopener noreferrer');

    await slider(page).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => hash(page)).toBe('#/service/health-visiting?date=2015-12&embed=1');
    await expect.poll(() => fullView.getAttribute('href')).toBe('#/service/health-visiting?date=2015-12');
    await page.getByRole('list', { name: 'Commissioners' }).getByRole('link').first().click();
    await expect.poll(() => hash(page)).toBe('#/org/local-authorities?date=2015-12&embed=1');
    await page.goBack();
    await expect.poll(() => hash(page)).toBe('#/service/health-visiting?date=2015-12&embed=1');
    expect(errors).toEqual([]);
    expect(elsewhere(watched)).toEqual([]);
    await page.close();
  });

  it('an embedded view with an odd date is corrected and stays embedded', async () => {
    const { page, errors } = await open('#/?embed=1&date=2030-01');
    await expect.poll(() => hash(page)).toBe('#/?date=2018-04&embed=1');
    expect(await mainNavigation(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('meets WCAG 2.2 AA (axe-core finds no violations)', async () => {
    for (const address of ['#/service/health-visiting?date=2015-10&embed=1', '#/?date=2013-04&embed=1']) {
      const { page } = await open(address);
      expect(await axeViolations(page), address).toEqual([]);
      await page.close();
    }
  });
});

describe('printing', () => {
  it('prints the heading, date, map, legend and sources without navigation, buttons or filters', async () => {
    const { page, errors } = await open('#/service/health-visiting?date=2015-10');
    await page.emulateMedia({ media: 'print' });
    expect(await mainNavigation(page).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Skip to main content' }).isVisible()).toBe(false);
    expect(await actions(page).isVisible()).toBe(false);
    const visibleButtons = await page
      .locator('button')
      .evaluateAll((buttons) => buttons.filter((button) => (button as HTMLElement).offsetParent !== null).length);
    expect(visibleButtons).toBe(0);
    expect(await slider(page).isVisible()).toBe(false);
    expect(await page.getByText('Filter the map').isVisible()).toBe(false);

    expect(
      await page.getByRole('heading', { level: 1, name: 'Who commissions what in English health and care' }).isVisible(),
    ).toBe(true);
    expect(await page.locator('.app-timeline__current-month').textContent()).toBe('October 2015');
    expect(await page.locator('.app-timeline__current-month').isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: /^Map of the health and care system in October 2015/ }).isVisible()).toBe(true);
    expect(await page.getByText('Independent explainer.').isVisible()).toBe(true);
    // The map fits the page's width.
    const fits = await page.evaluate(() => {
      const svg = document.querySelector('svg.app-graph__svg')!.getBoundingClientRect();
      const main = document.querySelector('main')!.getBoundingClientRect();
      return svg.right <= main.right + 1 && svg.width > main.width * 0.9;
    });
    expect(fits).toBe(true);
    // No dark backgrounds.
    const header = await page.locator('header').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)']).toContain(header);
    // External links say where they go.
    const after = await page
      .locator('a[href^="http"]')
      .first()
      .evaluate((link) => getComputedStyle(link, '::after').content);
    expect(after).toMatch(/^" \(" attr\(href\) "\)"$|^" \(https?:/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the header navigation', () => {
  const views = ['Map', 'Funding', 'Compare', 'Tour', 'Glossary', 'Sources', 'Data', 'About'];

  it('lists every view and marks the current one, the map also for a service or an organisation', async () => {
    const { page } = await open('#/service/health-visiting?date=2015-10');
    const nav = mainNavigation(page);
    expect((await nav.getByRole('link').allTextContents()).map((text) => text.trim())).toEqual(views);
    expect(await nav.getByRole('link', { name: 'Map', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await nav.locator('[aria-current="page"]').count()).toBe(1);
    expect(await nav.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    // The map link keeps the month being looked at.
    expect(await nav.getByRole('link', { name: 'Map', exact: true }).getAttribute('href')).toBe('#/?date=2015-10');
    await nav.getByRole('link', { name: 'About' }).click();
    await page.getByRole('heading', { level: 1, name: 'About the data' }).waitFor();
    expect(await nav.getByRole('link', { name: 'About' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Map', exact: true }).getAttribute('aria-current')).toBeNull();
    await page.close();
  });

  it('fits a 390 px phone: a Menu button opens and closes the list, with no sideways scrolling', async () => {
    const { page, errors } = await open('#/org/nhs-england?date=2012-11', { width: 390, height: 844 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    const menu = mainNavigation(page).getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await mainNavigation(page).getByRole('link', { name: 'Funding' }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    for (const view of views)
      expect(await mainNavigation(page).getByRole('link', { name: view, exact: true }).isVisible()).toBe(true);
    expect(await overflow()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((button) => document.activeElement === button)).toBe(true);
    await menu.click();
    await mainNavigation(page).getByRole('link', { name: 'Glossary' }).click();
    await expect.poll(() => hash(page)).toMatch(/^#\/glossary/);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await overflow()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the map page with its action bar meets WCAG 2.2 AA at desktop and phone widths', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const { page } = await open('#/service/health-visiting?date=2015-10', viewport);
      // The actions come in with the map's key, a moment after the map.
      await actions(page).waitFor();
      expect(await actions(page).isVisible()).toBe(true);
      expect(await axeViolations(page), `${viewport.width} px`).toEqual([]);
      await page.close();
    }
  });
});
