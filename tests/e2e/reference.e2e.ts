/**
 * The reference pages in real headless Chromium: the glossary (search by keyboard, terms linked
 * from the panels), the sources page (what cites a source, with working links) and the downloads
 * page (CSV and JSON files that parse), each without axe-core violations and fitting a phone.
 */
import { readFileSync } from 'node:fs';
import { csvParseRows } from 'd3';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { openWatchedPage, siteInBrowser, type WatchedPage } from './support/harness';

const site = siteInBrowser();

async function open(address: string, viewport?: { width: number; height: number }): Promise<WatchedPage> {
  const watched = await openWatchedPage(site.browser, site.server.origin);
  if (viewport) await watched.page.setViewportSize(viewport);
  await watched.page.goto(`${site.server.origin}/${address}`);
  return watched;
}

const hash = (watched: WatchedPage) => watched.page.evaluate(() => window.location.hash);
const focusedText = (watched: WatchedPage) => watched.page.evaluate(() => document.activeElement?.textContent ?? '');

describe('the reference pages in a real browser', () => {
  it('searches the glossary by keyboard and says how many terms match', async () => {
    const watched = await open('#/glossary');
    const { page, errors } = watched;
    await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
    await expect.poll(() => page.locator('.app-glossary__term').count()).toBe(175);
    // In the search field, type; Escape clears it; Tab reaches "Clear the search" when nothing matches.
    await page.getByRole('searchbox', { name: 'Search the glossary' }).focus();
    await page.keyboard.type('health visiting');
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/of 175 terms match “health visiting”/);
    expect(await page.locator('.app-glossary__term').allTextContents()).toContain('health visiting');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.app-glossary__term').count()).toBe(175);
    await page.keyboard.type('qqzzx');
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('No terms match “qqzzx”.');
    await page.keyboard.press('Tab');
    expect(await focusedText(watched)).toBe('Clear the search');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.app-glossary__term').count()).toBe(175);
    // The A–Z list moves focus to the letter.
    await page.getByRole('button', { name: 'Terms starting with S' }).press('Enter');
    await expect.poll(() => focusedText(watched)).toBe('S');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a term in the health-visiting panel opens its glossary entry, focused', async () => {
    const watched = await open('#/service/health-visiting?date=2015-10');
    const { page, errors } = watched;
    const term = page.getByRole('link', { name: 'local authorities (glossary)' }).first();
    await term.waitFor();
    await term.click();
    await expect.poll(() => hash(watched)).toBe('#/glossary/la');
    await expect.poll(() => focusedText(watched)).toMatch(/^LA:? ?Local authority$/);
    expect(await page.locator('.app-glossary__entry--chosen').count()).toBe(1);
    // Back returns to the service.
    await page.goBack();
    await expect.poll(() => hash(watched)).toBe('#/service/health-visiting?date=2015-10');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a source's address lists the records that cite it, and its links open them", async () => {
    const watched = await open('#/sources/ext-govuk-0-5-transfer');
    const { page, errors } = watched;
    const chosen = page.locator('.app-sources__item--chosen');
    await chosen.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('app-sources__title'))).toBe(true);
    const links = chosen.locator('.app-sources__record a');
    expect(await links.count()).toBeGreaterThan(0);
    const service = chosen.locator('.app-sources__record a[href^="#/service/health-visiting"]').first();
    await service.click();
    await expect.poll(() => hash(watched)).toMatch(/^#\/service\/health-visiting/);
    await page.getByRole('heading', { level: 2, name: 'Health visiting' }).waitFor();
    // An unknown source is explained, not a blank page.
    await page.goto(`${site.server.origin}/#/sources/no-such-source`);
    await page.getByText(/The dataset has no source/).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads organisations.csv and the JSON, and both parse', async () => {
    const { page, errors } = await open('#/data');
    const csvButton = page.getByRole('button', { name: 'Download organisations.csv' });
    await csvButton.waitFor();
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), csvButton.click()]);
    expect(csvDownload.suggestedFilename()).toBe('organisations.csv');
    const csvText = readFileSync(await csvDownload.path(), 'utf8');
    const rows = csvParseRows(csvText);
    expect(rows[0]?.slice(0, 3)).toEqual(['id', 'name', 'shortName']);
    expect(rows).toHaveLength(45);
    expect(csvText.endsWith('\r\n')).toBe(true);

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download commissioning-dataset.json' }).click(),
    ]);
    const json = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8')) as { meta: { licence: string } };
    expect(json.meta.licence).toMatch(/CC BY 4\.0/);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const address of ['#/glossary', '#/glossary/ccg', '#/sources', '#/sources/brief-intro-2015', '#/data']) {
    it(`${address} has no axe-core violations`, async () => {
      const { page } = await open(address);
      await page.locator('h1').waitFor();
      await page.locator('main h2').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('fits a 390 px phone without scrolling sideways', async () => {
    for (const address of ['#/glossary/ccg', '#/sources/ext-govuk-0-5-transfer', '#/data']) {
      const { page } = await open(address, { width: 390, height: 844 });
      await page.locator('main h2').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, address).toBeLessThanOrEqual(0);
      expect(await axeViolations(page), address).toEqual([]);
      await page.close();
    }
  });
});
