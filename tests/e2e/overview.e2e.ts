import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWatchedPage, ROOT, siteInBrowser } from './support/harness';

const readData = (name: string) =>
  JSON.parse(readFileSync(path.join(ROOT, 'data', `${name}.json`), 'utf8')) as Array<{ id: string }>;

const site = siteInBrowser();

describe('the About the data page, in a real browser', () => {
  it('loads the dataset and shows its size and date range, with no errors and no other origin', async () => {
    const { page, errors, foreignRequests } = await openWatchedPage(site.browser, site.server.origin);
    await page.goto(`${site.server.origin}/#/about`);
    await expect.poll(() => page.getByTestId('coverage').textContent()).toBe('July 2010 to April 2018');
    const sizes = page.getByRole('list', { name: 'Dataset size' });
    const text = (await sizes.textContent()) ?? '';
    expect(text).toContain(`${readData('organisations').length} organisations and kinds of body`);
    expect(text).toContain(`${readData('services').length} services`);
    expect(text).toContain(`${readData('events').length} events`);
    expect(await page.getByText('Independent explainer.').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it('lists every source; each external one links to its address and opens safely in a new tab', async () => {
    const { page } = await openWatchedPage(site.browser, site.server.origin);
    await page.goto(`${site.server.origin}/#/about`);
    const sources = readData('sources') as Array<{ id: string; kind: string; url?: string; title?: string }>;
    const external = sources.filter((source) => source.kind === 'external');
    const links = page.getByRole('region', { name: 'Sources' }).locator('a[href^="http"]');
    await expect.poll(() => links.count()).toBe(external.length);
    const attributes = await links.evaluateAll((anchors) =>
      anchors.map((anchor) => `${anchor.getAttribute('target')} ${anchor.getAttribute('rel')}`),
    );
    expect(new Set(attributes)).toEqual(new Set(['_blank noopener noreferrer']));
    // The five documents are named by title, publisher or kind, and date: never by the file they are stored under.
    for (const document of sources.filter((source) => source.kind === 'document')) {
      const { title, file } = document as { title?: string; file?: string };
      expect(await page.getByText(title ?? '', { exact: true }).count()).toBeGreaterThan(0);
      expect(await page.getByText(file ?? '').count()).toBe(0);
    }
    expect(await page.getByText(/publisher not named/).count()).toBe(0);
    await page.close();
  });

  it('shows each problem of a bad dataset (file, path, reason) instead of a blank page', async () => {
    const { page } = await openWatchedPage(site.browser, site.server.origin);
    const commissioning = readData('commissioning') as Array<Record<string, unknown>>;
    commissioning[0] = { ...commissioning[0], commissioner: 'no-such-body' };
    await page.route('**/data/commissioning.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(commissioning) }),
    );
    await page.route('**/data/events.json', (route) => route.fulfill({ contentType: 'application/json', body: '[{ broken' }));
    await page.goto(`${site.server.origin}/`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/The dataset has \d+ problems?/);
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('data/events.json: is not valid JSON');
    await page.unroute('**/data/events.json');
    await page.reload();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('data/commissioning.json at [0].commissioner: refers to the organisation "no-such-body", which does not exist');
    await page.close();
  });
});
