/**
 * The map on a phone (issue 9), in real headless Chromium at 390×844: the narrow layout (the
 * commissioners' cards stacked down the page) drawn at the map's width, so that every label is at
 * least 12 px; services in their commissioners' cards; the map over at least 40% of the first
 * screen; no sideways scrolling; and the wide layout back when the window widens. "Nearest" is
 * the organisation drawn nearest to the service's centre (a commissioner: its header bar and card).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commissionersByMonth } from '../../scripts/measure-map/truth';
import { launchBrowser, openWatchedPage, startStaticServer, type Browser, type StaticServer } from './support/harness';
import {
  distance,
  labelOverlaps,
  nearestOrganisation,
  screenShare,
  settleMap,
  snapshotMap,
  stepMonth,
} from './support/map-geometry';

const site = {} as { server: StaticServer; browser: Browser };
beforeAll(async () => {
  site.server = await startStaticServer();
  site.browser = await launchBrowser({ width: 390, height: 844 });
});
afterAll(async () => {
  await site.browser?.close();
  await site.server?.close();
});

async function openMap(address: string) {
  const watched = await openWatchedPage(site.browser, site.server.origin);
  await watched.page.goto(`${site.server.origin}/${address}`);
  await watched.page.getByRole('slider', { name: /month/i }).waitFor();
  await watched.page.locator('svg.app-graph__svg [data-node-id]').first().waitFor();
  await settleMap(watched.page);
  return watched;
}

describe('the map on a 390×844 phone', () => {
  it('draws the narrow layout: every node labelled at 12 px or more, no overlaps, services in their commissioners’ cards', async () => {
    const { page, errors } = await openMap('#/?date=2016-01');
    await page.waitForFunction(() => {
      const svg = document.querySelector('svg.app-graph__svg');
      return svg !== null && svg.getBoundingClientRect().height > svg.getBoundingClientRect().width;
    });
    await settleMap(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = await snapshotMap(page);
    const labelled = shot.nodes.filter((node) => node.label !== undefined);
    expect(labelled.length, 'every node labelled').toBe(shot.nodes.length);
    expect(Math.min(...labelled.map((node) => node.label?.fontPx ?? 0)), 'smallest label, px').toBeGreaterThanOrEqual(12);
    expect(labelOverlaps(shot.nodes)).toEqual([]);
    // Every service drawn is nearest one of its commissioners (from the data), a tile low in a tall card too.
    const commissioners = commissionersByMonth(['2016-01']).get('2016-01');
    const services = shot.nodes.filter((node) => node.type === 'service');
    expect(services.length).toBeGreaterThan(50);
    const astray = services.filter((node) => !commissioners?.get(node.id)?.has(nearestOrganisation(shot, node.id)?.id ?? ''));
    expect(astray.map((node) => node.id)).toEqual([]);
    expect(nearestOrganisation(shot, 'service:health-visiting')?.id).toBe('local-authorities');
    expect(nearestOrganisation(shot, 'service:general-practice')?.id).toBe('nhs-england');
    expect(screenShare(shot), 'share of the first screen covered by the map').toBeGreaterThanOrEqual(0.4);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, 'px the page scrolls sideways').toBeLessThanOrEqual(0);
    // Back at a desktop width, the wide layout returns.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction(() => {
      const svg = document.querySelector('svg.app-graph__svg');
      return svg !== null && svg.getBoundingClientRect().width > svg.getBoundingClientRect().height;
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stepping from March to April 2013 moves general practice from the primary care trusts to NHS England; bodies hold still', async () => {
    const { page, errors } = await openMap('#/?date=2013-03');
    const before = await snapshotMap(page);
    expect(nearestOrganisation(before, 'service:general-practice')?.id).toBe('primary-care-trusts');
    const step = await stepMonth(page);
    expect(step.month).toBe('2013-04');
    const after = await snapshotMap(page);
    expect(nearestOrganisation(after, 'service:general-practice')?.id).toBe('nhs-england');
    const onPage = (shot: typeof before, point: { x: number; y: number }) => ({
      x: point.x + shot.scrollX,
      y: point.y + shot.scrollY,
    });
    for (const node of after.nodes) {
      const was = before.nodes.find((other) => other.id === node.id && other.type === 'organisation');
      if (was) expect(distance(onPage(after, node.centre), onPage(before, was.centre)), node.id).toBeLessThanOrEqual(40);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
