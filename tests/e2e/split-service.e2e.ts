/**
 * A service split between commissioners, in real headless Chromium: at a month when both apply,
 * the service panel lists each commissioner with the part of the service it covers (its scope),
 * and moving through time moves a part from one commissioner to another.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, siteInBrowser, type WatchedPage } from './support/harness';

const site = siteInBrowser();

async function open(address: string): Promise<WatchedPage> {
  const watched = await openWatchedPage(site.browser, site.server.origin);
  await watched.page.goto(`${site.server.origin}/${address}`);
  await watched.page.getByRole('slider', { name: /month/i }).waitFor();
  return watched;
}

const commissioners = (page: Page) => page.getByRole('list', { name: 'Commissioners' });
/** Each commissioner shown at the month, as its text (name, status, role, scope, note). */
const commissionerTexts = async (page: Page) =>
  (await commissioners(page).getByRole('listitem').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
const sliderMonth = (page: Page) => page.getByRole('slider', { name: /month/i }).getAttribute('aria-valuetext');

describe('a service split between commissioners', () => {
  it('lists both commissioners of armed forces health care in June 2016, each with its scope', async () => {
    const { page, errors } = await open('#/service/armed-forces-health-care?date=2016-06');
    await expect
      .poll(() => commissionerTexts(page))
      .toEqual([
        expect.stringMatching(/^Ministry of Defence.*In force.*scope-limited.*Scope: primary care for serving personnel/),
        expect.stringMatching(
          /^NHS England.*In force.*scope-limited.*Scope: hospital, community and specialist care for serving personnel/,
        ),
      ]);
    // Each scope is its own line of the commissioner's entry, so it is read with that commissioner.
    const mod = commissioners(page).getByRole('listitem').filter({ hasText: 'Ministry of Defence' });
    await expect.poll(() => mod.getByText(/^Scope:/).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves tier 3 weight management from NHS England to clinical commissioning groups in April 2014, while councils keep tiers 1 and 2', async () => {
    const { page, errors } = await open('#/service/weight-management?date=2014-03');
    await expect
      .poll(() => commissionerTexts(page))
      .toEqual([
        expect.stringMatching(/^Local authorities.*Scope: tiers 1 and 2/),
        expect.stringMatching(/^NHS England.*Scope: tier 3/),
      ]);
    const slider = page.getByRole('slider', { name: /month/i });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => sliderMonth(page)).toBe('April 2014');
    await expect
      .poll(() => commissionerTexts(page))
      .toEqual([
        expect.stringMatching(/^Clinical commissioning groups.*Scope: tier 3/),
        expect.stringMatching(/^Local authorities.*Scope: tiers 1 and 2/),
      ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
