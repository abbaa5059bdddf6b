/**
 * The explorer as a person uses it, in real headless Chromium: open the map, move through time,
 * find a service and read its commissioner, share and reload an address, go back and forward,
 * do it all by keyboard, and meet WCAG 2.2 AA on every route.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { openWatchedPage, siteInBrowser, type WatchedPage } from './support/harness';
import { settleMap } from './support/map-geometry';

const site = siteInBrowser();

async function open(address: string): Promise<WatchedPage> {
  const watched = await openWatchedPage(site.browser, site.server.origin);
  await watched.page.goto(`${site.server.origin}/${address}`);
  await watched.page.getByRole('slider', { name: /month/i }).waitFor();
  return watched;
}

const commissioners = (page: Page) => page.getByRole('list', { name: 'Commissioners' });
const commissionerNames = async (page: Page) =>
  (await commissioners(page).getByRole('listitem').allTextContents()).map((text) => text.trim());
const sliderMonth = (page: Page) => page.getByRole('slider', { name: /month/i }).getAttribute('aria-valuetext');
const hash = (page: Page) => page.evaluate(() => window.location.hash);

describe('the explorer in a real browser', () => {
  it('opens on the map of the system at the latest month, with no errors and no request elsewhere', async () => {
    const { page, errors, foreignRequests } = await open('#/');
    const map = page.getByRole('group', { name: /map of the health and care system in april 2018/i });
    await map.waitFor();
    expect(await page.getByRole('button', { name: /clinical commissioning groups/i }).count()).toBeGreaterThan(0);
    expect(await hash(page)).toBe('#/?date=2018-04');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it('clicking a body on the map with the mouse opens its panel; dragging it does not', async () => {
    const { page, errors } = await open('#/?date=2016-06');
    await page.getByRole('group', { name: /map of the health and care system in june 2016/i }).waitFor();
    const node = page.locator('[data-node-id="local-authorities"]');
    await node.scrollIntoViewIfNeeded();
    const box = await node.boundingBox();
    if (!box) throw new Error('the node has no box');
    // A drag moves the node and chooses nothing.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 5 });
    await page.mouse.up();
    expect(await hash(page)).toBe('#/?date=2016-06');
    await node.click();
    await expect.poll(() => hash(page)).toBe('#/org/local-authorities?date=2016-06');
    await page
      .getByRole('heading', { level: 2, name: /^Local authorities/ })
      .first()
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moving to October 2015 moves health visiting from NHS England to local authorities', async () => {
    const { page, errors } = await open('#/service/health-visiting?date=2015-09');
    await expect.poll(() => commissionerNames(page)).toEqual([expect.stringMatching(/^NHS England/)]);
    const slider = page.getByRole('slider', { name: /month/i });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => sliderMonth(page)).toBe('October 2015');
    await expect.poll(() => commissionerNames(page)).toEqual([expect.stringMatching(/^Local authorities/)]);
    await expect.poll(() => hash(page)).toBe('#/service/health-visiting?date=2015-10');
    // On the map, the service's commissioner is picked out and unrelated bodies recede.
    const emphasis = (id: string) => page.locator(`[data-node-id="${id}"]`).getAttribute('data-emphasis');
    await expect.poll(() => emphasis('local-authorities')).toBe('highlighted');
    await expect.poll(() => emphasis('service:health-visiting')).toBe('highlighted');
    expect(await emphasis('hm-treasury')).toBe('muted');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds a service by search and reads its commissioner', async () => {
    const { page } = await open('#/?date=2016-06');
    await page.getByLabel('Find a service').fill('dentist');
    await page
      .getByRole('link', { name: /dental/i })
      .first()
      .click();
    await expect.poll(() => commissionerNames(page)).toEqual([expect.stringMatching(/^NHS England/)]);
    expect(await hash(page)).toMatch(/^#\/service\/[a-z-]*dental[a-z-]*\?date=2016-06$/);
    await page.close();
  });

  it('a shared address reloads to exactly the same view, and Back and Forward restore views', async () => {
    const { page } = await open('#/service/health-visiting?date=2013-06');
    await expect.poll(() => commissionerNames(page)).toEqual([expect.stringMatching(/^NHS England/)]);
    await page.reload();
    await page.getByRole('slider', { name: /month/i }).waitFor();
    await expect.poll(() => sliderMonth(page)).toBe('June 2013');
    await expect.poll(() => commissionerNames(page)).toEqual([expect.stringMatching(/^NHS England/)]);

    await commissioners(page)
      .getByRole('link', { name: /NHS England/ })
      .first()
      .click();
    await expect.poll(() => hash(page)).toBe('#/org/nhs-england?date=2013-06');
    await page.getByRole('heading', { level: 2, name: /NHS England/ }).waitFor();
    await page.goBack();
    await expect.poll(() => hash(page)).toBe('#/service/health-visiting?date=2013-06');
    await expect.poll(() => commissionerNames(page)).toEqual([expect.stringMatching(/^NHS England/)]);
    await page.goForward();
    await expect.poll(() => hash(page)).toBe('#/org/nhs-england?date=2013-06');
    await page.close();
  });

  it('can be used by keyboard alone: find a service, open it, change the month', async () => {
    const { page } = await open('#/?date=2012-06');
    // Tab from the top of the page until the search field has focus.
    let focused = '';
    for (let presses = 0; presses < 120 && focused !== 'Find a service'; presses += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLInputElement | null;
        return element?.labels?.[0]?.textContent?.trim() ?? '';
      });
    }
    expect(focused).toBe('Find a service');
    await page.keyboard.type('school nursing');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => hash(page)).toBe('#/service/school-nursing?date=2012-06');
    await expect.poll(() => commissionerNames(page)).toEqual([expect.stringMatching(/^Primary care trusts/)]);
    await page.getByRole('slider', { name: /month/i }).focus();
    await page.keyboard.press('PageUp');
    await expect.poll(() => sliderMonth(page)).toBe('June 2013');
    await expect.poll(() => commissionerNames(page)).toEqual([expect.stringMatching(/^Local authorities/)]);
    await page.close();
  });

  it('explains a malformed or out-of-range date and an unknown id, never a blank page', async () => {
    const { page, errors } = await open('#/?date=2015-13');
    await expect.poll(() => sliderMonth(page)).toBe('December 2015');
    expect(await page.getByRole('status').filter({ hasText: '2015-13' }).isVisible()).toBe(true);
    await page.goto(`${site.server.origin}/#/service/no-such-service?date=2030-01`);
    await expect.poll(() => sliderMonth(page)).toBe('April 2018');
    await page.getByText(/outside the dataset/).waitFor();
    await page.getByRole('heading', { name: /no service called/i }).waitFor();
    await page.goto(`${site.server.origin}/#/not/a/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('accessibility (axe-core, WCAG 2.2 AA) on every route', () => {
  const routes = [
    '#/',
    '#/service/health-visiting?date=2015-10',
    '#/service/general-practice?date=2016-04',
    '#/org/nhs-england?date=2012-11',
    '#/org/clinical-commissioning-groups?date=2013-04',
    '#/service/no-such-service',
    '#/about',
    '#/not/a/page',
  ];
  it.each(routes)('%s has no violations', async (route) => {
    const { page } = await openWatchedPage(site.browser, site.server.origin);
    await page.goto(`${site.server.origin}/${route}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // A service's or body's panel loads on demand; the map's entrance animations finish.
    if (/^#\/(service|org)\//.test(route)) await page.locator('.app-panel__heading').waitFor();
    await settleMap(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
