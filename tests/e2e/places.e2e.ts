/**
 * The place page in real headless Chromium (issue 13): Leeds and Manchester across their CCG
 * mergers, an unknown code, and the place data loaded only when a place page asks for it.
 */
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

const ccgNames = (watched: WatchedPage) =>
  watched.page
    .getByRole('region', { name: /^Clinical commissioning groups/ })
    .locator('li strong')
    .allTextContents();

describe('the place page in a real browser', () => {
  it('Leeds: three CCGs in June 2016, NHS Leeds CCG in June 2018', async () => {
    const watched = await open('#/place/E08000035?date=2016-06');
    const { page, errors } = watched;
    await page.getByRole('heading', { level: 1, name: /^Leeds/ }).waitFor();
    expect((await ccgNames(watched)).sort()).toEqual([
      'NHS Leeds North CCG',
      'NHS Leeds South and East CCG',
      'NHS Leeds West CCG',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${site.server.origin}/#/place/E08000035?date=2018-06`);
    await expect.poll(() => ccgNames(watched)).toEqual(['NHS Leeds CCG']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Manchester: Central, North and South Manchester CCGs in June 2016, NHS Manchester CCG in June 2017, on a phone', async () => {
    const watched = await open('#/place/E08000003?date=2016-06', { width: 390, height: 844 });
    const { page, errors } = watched;
    await page.getByRole('heading', { level: 1, name: /^Manchester/ }).waitFor();
    expect((await ccgNames(watched)).sort()).toEqual([
      'NHS Central Manchester CCG',
      'NHS North Manchester CCG',
      'NHS South Manchester CCG',
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`${site.server.origin}/#/place/E08000003?date=2017-06`);
    await expect.poll(() => ccgNames(watched)).toEqual(['NHS Manchester CCG']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an unknown code gets a clear notice and the place finder', async () => {
    const watched = await open('#/place/E99999999?date=2016-06');
    const { page, errors } = watched;
    await page.getByRole('heading', { level: 1, name: 'No council with the code “E99999999”' }).waitFor();
    await page.getByRole('searchbox', { name: 'Find a place' }).fill('Leeds North');
    await page.getByRole('link', { name: 'NHS Leeds North CCG' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/place/E08000035?date=2016-06');
    await page.getByRole('heading', { level: 1, name: /^Leeds/ }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the map does not load the place data', async () => {
    const watched = await openWatchedPage(site.browser, site.server.origin);
    const requested: string[] = [];
    watched.page.on('request', (request) => requested.push(request.url()));
    await watched.page.goto(`${site.server.origin}/#/`);
    await watched.page.getByRole('heading', { level: 1 }).first().waitFor();
    await watched.page.waitForLoadState('networkidle');
    expect(requested.filter((url) => url.includes('data/places/'))).toEqual([]);
    await watched.page.close();
  });
});
