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

  it('scrubbing the Leeds page across April 2018 shows the merger into NHS Leeds CCG, and the address keeps the month', async () => {
    const watched = await open('#/place/E08000035?date=2018-02');
    const { page, errors } = watched;
    await page.getByRole('heading', { level: 1, name: /^Leeds/ }).waitFor();
    expect(await ccgNames(watched)).toHaveLength(3);
    const slider = page.getByRole('slider', { name: 'Month' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => ccgNames(watched)).toEqual(['NHS Leeds CCG']);
    await page.getByRole('heading', { name: 'Changed in April 2018' }).waitFor();
    expect(await page.locator('.app-place__change').textContent()).toContain(
      'April 2018: NHS Leeds North CCG, NHS Leeds South and East CCG and NHS Leeds West CCG merged into NHS Leeds CCG.',
    );
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/place/E08000035?date=2018-04');
    // The diagram's words say the same: the council and NHS Leeds CCG.
    await page
      .getByRole('img', { name: 'Leeds (council) and its clinical commissioning group in April 2018: NHS Leeds CCG.' })
      .waitFor();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => ccgNames(watched)).toHaveLength(3);
    expect(await page.getByRole('heading', { name: /^Changed in/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the place finder on the first screen loads the place data only when used, and opens Leeds', async () => {
    const watched = await openWatchedPage(site.browser, site.server.origin);
    const { page, errors } = watched;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${site.server.origin}/#/?date=2016-06`);
    const field = page.getByRole('combobox', { name: 'Find a place' });
    await field.waitFor();
    await page.waitForLoadState('networkidle');
    expect(requested.filter((url) => url.includes('data/places/'))).toEqual([]);
    await field.fill('Leeds');
    await page.getByRole('option', { name: /^Leeds council/ }).waitFor();
    expect(requested.filter((url) => url.includes('data/places/'))).toHaveLength(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/place/E08000035?date=2016-06');
    await page.getByRole('heading', { level: 1, name: /^Leeds/ }).waitFor();
    expect((await ccgNames(watched)).sort()).toEqual([
      'NHS Leeds North CCG',
      'NHS Leeds South and East CCG',
      'NHS Leeds West CCG',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone the place finder stacks under the service finder, above the month bar, and works', async () => {
    const watched = await open('#/?date=2016-06', { width: 390, height: 844 });
    const { page, errors } = watched;
    const places = page.getByRole('combobox', { name: 'Find a place' });
    await places.waitFor();
    const services = await page.getByRole('searchbox', { name: 'Find a service' }).boundingBox();
    const placeBox = await places.boundingBox();
    const bar = await page.getByRole('region', { name: 'Timeline' }).boundingBox();
    expect(services && placeBox && bar).toBeTruthy();
    if (!services || !placeBox || !bar) return;
    expect(placeBox.y).toBeGreaterThan(services.y + services.height - 1);
    expect(bar.y).toBeGreaterThan(placeBox.y + placeBox.height - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await places.fill('Leeds North');
    await page.getByRole('option', { name: /NHS Leeds North CCG/ }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/place/E08000035?date=2016-06');
    await page.getByRole('heading', { level: 1, name: /^Leeds/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
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
