/**
 * The funding view in real headless Chromium: open a year, read its amounts, move the timeline by
 * keyboard into another financial year, meet a year without figures, reach a flow by keyboard,
 * and pass axe-core at desktop and phone widths without the page scrolling sideways.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { openWatchedPage, siteInBrowser, type WatchedPage } from './support/harness';

const site = siteInBrowser();

async function open(address: string): Promise<WatchedPage> {
  const watched = await openWatchedPage(site.browser, site.server.origin);
  await watched.page.goto(`${site.server.origin}/${address}`);
  await watched.page.getByRole('slider', { name: /month/i }).waitFor();
  return watched;
}

const hash = (page: Page) => page.evaluate(() => window.location.hash);
const yearHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^Funding flows in/ }).textContent();
const picture = (page: Page) => page.locator('svg.app-funding__svg');

describe('the funding view in a real browser', () => {
  it('opens a year with its amounts in the picture and the table, with no errors and no request elsewhere', async () => {
    const { page, errors, foreignRequests } = await open('#/funding?year=2015-16');
    await expect.poll(() => yearHeading(page)).toBe('Funding flows in 2015/16');
    expect(await hash(page)).toBe('#/funding?year=2015-16');
    expect(await page.getByRole('slider', { name: /month/i }).getAttribute('aria-valuetext')).toBe('April 2015');
    for (const amount of ['£116.4bn', '£104.4bn', '£14.6bn', '£3.23bn', '£5.3bn']) {
      expect(await picture(page).getByText(amount, { exact: true }).isVisible()).toBe(true);
    }
    const table = page.getByRole('table', { name: /every funding figure for 2015\/16/i });
    expect(await table.getByText('£3.8bn', { exact: true }).isVisible()).toBe(true);
    expect(await table.getByText(/Share: over 80 per cent/).isVisible()).toBe(true);
    expect(await page.getByText('No figure for 2015/16').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it('moving the timeline by keyboard into another financial year updates the address and the picture', async () => {
    const { page, errors } = await open('#/funding?year=2015-16&embed=1');
    await expect.poll(() => yearHeading(page)).toBe('Funding flows in 2015/16');
    const slider = page.getByRole('slider', { name: /month/i });
    await slider.focus();
    // Eleven months on is still 2015/16: the address does not change.
    for (let step = 0; step < 11; step += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('March 2016');
    expect(await hash(page)).toBe('#/funding?year=2015-16&embed=1');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => hash(page)).toBe('#/funding?year=2016-17&embed=1');
    await expect.poll(() => yearHeading(page)).toBe('Funding flows in 2016/17');
    expect(await picture(page).getByText('£106.8bn', { exact: true }).isVisible()).toBe(true);
    expect(await picture(page).getByText('£116.4bn', { exact: true }).count()).toBe(0);
    // Page Down goes back a year; the year buttons move the month too.
    await page.keyboard.press('PageDown');
    await expect.poll(() => hash(page)).toBe('#/funding?year=2015-16&embed=1');
    await page.getByRole('button', { name: '2013/14', exact: true }).click();
    await expect.poll(() => hash(page)).toBe('#/funding?year=2013-14&embed=1');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('April 2013');
    expect(await picture(page).getByText('£95.6bn', { exact: true }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so for a year without figures, offers the years it has, and passes axe', async () => {
    const { page } = await open('#/funding?year=2011-12');
    await page.getByText('No funding figures in the dataset for 2011/12.').waitFor();
    expect(await picture(page).count()).toBe(0);
    const years = page.getByRole('group', { name: 'Financial years with figures' });
    expect(await years.getByRole('button').allTextContents()).toEqual(['2013/14', '2014/15', '2015/16', '2016/17', '2017/18']);
    expect(await axeViolations(page)).toEqual([]);
    // An address outside the dataset: a notice and the nearest year with figures.
    await page.goto(`${site.server.origin}/#/funding?year=1999-00`);
    await page.getByText(/1999\/00, which is outside the dataset/).waitFor();
    await expect.poll(() => hash(page)).toBe('#/funding?year=2013-14');
    await page.close();
  });

  it('follows the month from the map, and says so when the timeline leaves the years with figures', async () => {
    const { page } = await open('#/?date=2015-10');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Funding' }).click();
    await expect.poll(() => hash(page)).toBe('#/funding?year=2015-16');
    await expect.poll(() => yearHeading(page)).toBe('Funding flows in 2015/16');
    expect(await page.getByRole('slider', { name: /month/i }).getAttribute('aria-valuetext')).toBe('October 2015');
    await page.getByRole('button', { name: '2013/14', exact: true }).click();
    const slider = page.getByRole('slider', { name: /month/i });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => hash(page)).toBe('#/funding?year=2012-13');
    await page.getByText('No funding figures in the dataset for 2012/13.').waitFor();
    expect(await picture(page).count()).toBe(0);
    await page.close();
  });

  it('reaches a flow by keyboard and shows its amount, year, basis and source', async () => {
    const { page } = await open('#/funding?year=2015-16');
    await picture(page).waitFor();
    let focusedLink: string | null = null;
    for (let presses = 0; presses < 150 && !focusedLink; presses += 1) {
      await page.keyboard.press('Tab');
      focusedLink = await page.evaluate(() => document.activeElement?.getAttribute('data-link-id') ?? null);
    }
    expect(focusedLink).toBe('hm-treasury→department-of-health');
    const details = page.getByTestId('funding-details');
    await expect.poll(() => details.textContent()).toMatch(/HM Treasury → Department of Health, 2015\/16/);
    const text = (await details.textContent()) ?? '';
    expect(text).toContain('£116.4bn');
    expect(text).toContain('allocation (money given to spend)');
    expect(text).toContain('The NHS budget and how it has changed');
    expect(text).toContain('Sources differ');
    // The focused band shows the NHS.UK focus style.
    const focusRing = page.locator('[data-link-id="hm-treasury→department-of-health"] .app-funding__focus-ring-inner');
    expect(await focusRing.evaluate((element) => getComputedStyle(element).display)).not.toBe('none');
    await page.keyboard.press('Tab');
    await expect.poll(() => details.textContent()).toMatch(/Department of Health → NHS England, 2015\/16/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('hovering a flow shows its details', async () => {
    const { page } = await open('#/funding?year=2015-16');
    await picture(page).waitFor();
    // A straight band has no height to Playwright's eye, so the pointer goes to the middle of its path.
    const middle = await page
      .locator('[data-link-id="clinical-commissioning-groups→better-care-fund"] .app-funding__link-band')
      .evaluate((element) => {
        element.scrollIntoView({ block: 'center', inline: 'center' });
        const rect = element.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      });
    await page.mouse.move(middle.x, middle.y);
    const details = page.getByTestId('funding-details');
    await expect.poll(() => details.textContent()).toMatch(/Clinical commissioning groups → Better Care Fund, 2015\/16/);
    expect(await details.textContent()).toMatch(/£5\.3bn.*£3\.8bn/);
    await page.close();
  });

  it('at phone width the page does not scroll sideways (the picture scrolls in its own frame), and passes axe', async () => {
    const { page } = await open('#/funding?year=2015-16');
    await page.setViewportSize({ width: 390, height: 844 });
    await picture(page).waitFor();
    // Once the page has laid itself out again at the new width: nothing is wider than the screen,
    // and the picture scrolls in its own frame, which says so.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBeLessThanOrEqual(0);
    const frame = page.getByTestId('funding-frame');
    await expect.poll(() => frame.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await page.getByText('scroll it sideways').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('exports the picture as an SVG with its boxes, amounts, year and sources', async () => {
    const { page } = await open('#/funding?year=2015-16');
    await picture(page).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /download svg/i }).click(),
    ]);
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
    for (const words of ['£116.4bn', '£104.4bn', '£5.3bn', 'Financial year 2015/16', 'The NHS budget and how it has changed'])
      expect(text).toContain(words);
    // Every box is kept (the links over them, which mean nothing in a file, are left out).
    const boxes = await page.locator('.app-funding__node-rect').count();
    expect((text.match(/<rect/g) ?? []).length).toBeGreaterThanOrEqual(boxes);
    expect(text).not.toContain('<a ');
    await page.close();
  });

  it('respects reduced motion', async () => {
    const watched = await openWatchedPage(site.browser, site.server.origin);
    const { page } = watched;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${site.server.origin}/#/funding?year=2016-17`);
    await picture(page).waitFor();
    const duration = await page
      .locator('.app-funding__link-band')
      .first()
      .evaluate((element) => getComputedStyle(element).transitionDuration);
    expect(['0s', '1e-05s']).toContain(duration);
    await page.close();
  });
});
