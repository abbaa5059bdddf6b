/**
 * The comparison of two dates in real headless Chromium: the list and the map of the changes from
 * June 2012 to June 2016, the pickers by keyboard writing the address, Back and Forward, odd
 * addresses corrected with a notice, WCAG 2.2 AA (axe-core), and a phone's width.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { openWatchedPage, siteInBrowser, type WatchedPage } from './support/harness';
import { settleMap } from './support/map-geometry';

const site = siteInBrowser();

async function open(address: string): Promise<WatchedPage> {
  const watched = await openWatchedPage(site.browser, site.server.origin);
  await watched.page.goto(`${site.server.origin}/${address}`);
  await watched.page.getByRole('heading', { level: 1, name: 'Compare two dates' }).waitFor();
  await watched.page.getByRole('combobox', { name: 'From', exact: true }).waitFor();
  return watched;
}

const hash = (page: Page) => page.evaluate(() => window.location.hash);
const summary = (page: Page) => page.getByText(/^Between .* and .*: /).textContent();
const healthVisiting = (page: Page) =>
  page
    .getByRole('region', { name: /^Changed commissioner/ })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: /^Health visiting \(/ }) });

describe('the comparison of two dates in a real browser', () => {
  it('lists health visiting’s move from primary care trusts to local authorities, with its events, and draws the map', async () => {
    const { page, errors, foreignRequests } = await open('#/compare?from=2012-06&to=2016-06');
    expect(await summary(page)).toMatch(/^Between June 2012 and June 2016: \d+ bodies and arrangements came into being/);
    const item = healthVisiting(page);
    await expect.poll(() => item.textContent()).toMatch(/Primary care trusts in June 2012 → +to Local authorities in June 2016/);
    const steps = item.getByRole('list', { name: /^Changes of commissioner of Health visiting/ }).getByRole('listitem');
    expect(await steps.count()).toBe(2);
    expect(await steps.nth(1).textContent()).toMatch(/^NHS England → +to Local authorities, October 2015, by /);
    expect(await steps.nth(1).getByRole('link').getAttribute('href')).toBe('#/?date=2015-10');
    expect(await page.getByRole('heading', { name: /^Came into being \(\d+\)$/ }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: /^Counts that changed/ }).count()).toBe(1);
    await page.getByRole('group', { name: /map of the changes .* from June 2012 to June 2016/i }).waitFor();
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it('choosing a body on the comparison map opens it in the explorer at the later month', async () => {
    const { page, errors } = await open('#/compare?from=2012-06&to=2016-06');
    await page.getByRole('group', { name: /map of the changes .* from June 2012 to June 2016/i }).waitFor();
    await page.locator('[data-node-id="clinical-commissioning-groups"]').click();
    await expect.poll(() => hash(page)).toBe('#/org/clinical-commissioning-groups?date=2016-06');
    await page
      .getByRole('heading', { level: 2, name: /clinical commissioning groups/i })
      .first()
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a picker changed by keyboard updates the address and the list; Back and Forward restore comparisons', async () => {
    const { page } = await open('#/compare?from=2012-06&to=2016-06');
    await page.getByRole('combobox', { name: 'From', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => hash(page)).toBe('#/compare?from=2012-07&to=2016-06');
    await expect.poll(() => summary(page)).toMatch(/^Between July 2012 and June 2016/);

    await page.goto(`${site.server.origin}/#/compare?from=2015-09&to=2015-10`);
    await expect.poll(() => summary(page)).toMatch(/^Between September 2015 and October 2015: 0 bodies/);
    await page.goBack();
    await expect.poll(() => hash(page)).toBe('#/compare?from=2012-07&to=2016-06');
    await expect.poll(() => page.getByRole('combobox', { name: 'From', exact: true }).inputValue()).toBe('2012-07');
    await expect.poll(() => summary(page)).toMatch(/^Between July 2012 and June 2016/);
    await page.goForward();
    await expect.poll(() => page.getByRole('combobox', { name: 'To', exact: true }).inputValue()).toBe('2015-10');
    await expect.poll(() => summary(page)).toMatch(/^Between September 2015 and October 2015/);
    await page.close();
  });

  it('corrects odd addresses with a notice, keeping the embed mode', async () => {
    const { page, errors } = await open('#/compare?from=2030-01&to=2012-06&embed=1');
    await expect.poll(() => hash(page)).toBe('#/compare?from=2012-06&to=2018-04&embed=1');
    const notice = page.getByRole('status').filter({ hasText: 'Information:' });
    await expect.poll(() => notice.textContent()).toMatch(/January 2030, which is outside the dataset/);
    expect(await notice.textContent()).toMatch(/the two were swapped/);

    await page.goto(`${site.server.origin}/#/compare`);
    await expect.poll(() => hash(page)).toBe('#/compare?from=2013-03&to=2013-04');
    await page.goto(`${site.server.origin}/#/compare?from=2015-10&to=2015-10`);
    await page.getByText(/October 2015 is compared with itself: nothing changes/).waitFor();
    expect(await page.getByRole('region', { name: /^Changed commissioner/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads the comparison map as an SVG named for the two months', async () => {
    const { page } = await open('#/compare?from=2012-06&to=2016-06');
    await page.getByRole('group', { name: /map of the changes/i }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('changes-2012-06-to-2016-06.svg');
    const text = readFileSync((await download.path())!, 'utf8');
    const parsed = await page.evaluate((svgText) => {
      const document = new DOMParser().parseFromString(svgText, 'image/svg+xml');
      return {
        errors: document.getElementsByTagName('parsererror').length,
        root: document.documentElement.localName,
        text: document.documentElement.textContent ?? '',
      };
    }, text);
    expect(parsed).toMatchObject({ errors: 0, root: 'svg' });
    expect(parsed.text).toContain('Changes from June 2012 to June 2016');
    await page.close();
  });

  it('has no axe-core violations (WCAG 2.2 AA), with the details open', async () => {
    const { page } = await open('#/compare?from=2012-06&to=2016-06');
    await page.getByRole('group', { name: /map of the changes .* from June 2012 to June 2016/i }).waitFor();
    await settleMap(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('fits a phone 390 px wide without scrolling sideways', async () => {
    const { page } = await open('#/compare?from=2012-06&to=2016-06');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    // Once the page has laid itself out again at the new width, nothing is wider than the screen.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBeLessThanOrEqual(0);
    await page.close();
  });
});
