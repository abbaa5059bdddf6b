/** Drives the built site at one viewport through the months and measures the map at each. */
import type { Page } from 'playwright-core';
import { addMonths, type MonthString } from '../../src/domain/months';
import { launchBrowser } from '../../tests/e2e/support/harness';
import {
  countCrossings,
  distance,
  labelOverlaps,
  nearestOrganisation,
  screenShare,
  settleMap,
  snapshotMap,
  stepMonth,
  type MapShot,
  type StepResult,
} from '../../tests/e2e/support/map-geometry';
import { FIRST_MONTH, LAST_MONTH, type Commissioners } from './truth';

export interface Viewport {
  name: 'desktop' | 'phone';
  width: number;
  height: number;
}

export const VIEWPORTS: Viewport[] = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

export interface MonthMeasure {
  month: MonthString;
  /** service nodes drawn */
  services: number;
  /** services the data has at the month that are not drawn */
  servicesNotDrawn: string[];
  /** share of drawn services whose nearest organisation node is one of their commissioners (0–1) */
  proximity: number;
  /** drawn services whose nearest organisation is not a commissioner: "service:x → nearest-org" */
  proximityMisses: string[];
  /** the same share counting only commissioners' header bars, not their cards (for information) */
  proximityByHeader: number;
  links: number;
  crossings: number;
  labelOverlaps: number;
  /** up to 10 overlapping pairs, "a / b" */
  overlapExamples: string[];
  /** the smallest label's font size on screen, px (undefined if no label is shown) */
  minLabelPx: number | undefined;
  /** nodes drawn with no label shown */
  unlabelled: string[];
  /** the largest move of an organisation drawn in this and the previous month, px (undefined for a first month) */
  largestOrgMove: number | undefined;
  largestOrgMoveId: string | undefined;
  /** the step into this month (undefined when the month was loaded directly) */
  paintMs: number | undefined;
  settleMs: number | undefined;
  settleTimedOut: boolean;
}

export interface ViewportMeasure {
  viewport: Viewport;
  /** the address of the first load, where the screen share was read */
  firstAddress: string;
  firstMapMs: number;
  /** share of the first screen (page at the top) that the map's drawing covers (0–1) */
  screenShare: number;
  months: MonthMeasure[];
}

function measureMonth(
  shot: MapShot,
  month: MonthString,
  commissioners: Commissioners | undefined,
  previous: MapShot | undefined,
  step: StepResult | undefined,
): MonthMeasure {
  const services = shot.nodes.filter((node) => node.type === 'service');
  const misses: string[] = [];
  let headerMisses = 0;
  for (const service of services) {
    const byHeader = nearestOrganisation(shot, service.id, { headerOnly: true });
    if (!byHeader || !commissioners?.get(service.id)?.has(byHeader.id)) headerMisses += 1;
    const nearest = nearestOrganisation(shot, service.id);
    const expected = commissioners?.get(service.id);
    if (!nearest || !expected?.has(nearest.id)) {
      misses.push(`${service.id} → ${nearest?.id ?? 'none'}${expected ? '' : ' (not a service at this month)'}`);
    }
  }
  const drawn = new Set(services.map((service) => service.id));
  const overlaps = labelOverlaps(shot.nodes);
  const labelSizes = shot.nodes.flatMap((node) => (node.label ? [node.label.fontPx] : []));

  let largestOrgMove: number | undefined;
  let largestOrgMoveId: string | undefined;
  if (previous) {
    const before = new Map(previous.nodes.filter((node) => node.type === 'organisation').map((node) => [node.id, node.centre]));
    largestOrgMove = 0;
    for (const node of shot.nodes) {
      const was = node.type === 'organisation' ? before.get(node.id) : undefined;
      if (!was) continue;
      // Page coordinates: a page that scrolled between the two readings is not a move on the map.
      const moved = distance(
        { x: node.centre.x + shot.scrollX, y: node.centre.y + shot.scrollY },
        { x: was.x + previous.scrollX, y: was.y + previous.scrollY },
      );
      if (moved > largestOrgMove) {
        largestOrgMove = moved;
        largestOrgMoveId = node.id;
      }
    }
  }
  return {
    month,
    services: services.length,
    servicesNotDrawn: [...(commissioners?.keys() ?? [])].filter((id) => !drawn.has(id)),
    proximity: services.length === 0 ? 0 : (services.length - misses.length) / services.length,
    proximityMisses: misses,
    proximityByHeader: services.length === 0 ? 0 : (services.length - headerMisses) / services.length,
    links: shot.links.length,
    crossings: countCrossings(shot.links),
    labelOverlaps: overlaps.length,
    overlapExamples: overlaps.slice(0, 10).map(([a, b]) => `${a} / ${b}`),
    minLabelPx: labelSizes.length > 0 ? Math.min(...labelSizes) : undefined,
    unlabelled: shot.nodes.filter((node) => !node.label).map((node) => node.id),
    largestOrgMove,
    largestOrgMoveId,
    paintMs: step?.paintMs,
    settleMs: step?.settledMs,
    settleTimedOut: step?.timedOut ?? false,
  };
}

async function loadMonth(page: Page, origin: string, month: MonthString): Promise<number> {
  const start = Date.now();
  const response = await page.goto(`${origin}/#/?date=${month}`);
  if (response && !response.ok()) throw new Error(`the page failed to load: HTTP ${response.status()}`);
  await page.locator('svg.app-graph__svg [data-node-id]').first().waitFor({ timeout: 30_000 });
  const firstMapMs = Date.now() - start;
  await page.getByRole('slider', { name: /month/i }).waitFor();
  await settleMap(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  return firstMapMs;
}

async function step(page: Page, expected: MonthString): Promise<StepResult> {
  const result = await stepMonth(page);
  if (result.month !== expected) throw new Error(`a step from the slider showed ${result.month ?? 'no month'}, not ${expected}`);
  return result;
}

export interface MeasureOptions {
  origin: string;
  viewport: Viewport;
  commissioners: Map<MonthString, Commissioners>;
  /** only these months (each loaded at the month before and stepped into); all months if undefined */
  months: MonthString[] | undefined;
  onMonth?: (measure: MonthMeasure) => void;
}

export async function measureViewport({
  origin,
  viewport,
  commissioners,
  months,
  onMonth,
}: MeasureOptions): Promise<ViewportMeasure> {
  const browser = await launchBrowser({ width: viewport.width, height: viewport.height });
  const results: MonthMeasure[] = [];
  const record = (measure: MonthMeasure) => {
    results.push(measure);
    onMonth?.(measure);
  };
  try {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    if (months === undefined) {
      const firstMapMs = await loadMonth(page, origin, FIRST_MONTH);
      let shot = await snapshotMap(page);
      const share = screenShare(shot);
      record(measureMonth(shot, FIRST_MONTH, commissioners.get(FIRST_MONTH), undefined, undefined));
      for (let month = addMonths(FIRST_MONTH, 1); month <= LAST_MONTH; month = addMonths(month, 1)) {
        const stepped = await step(page, month);
        const next = await snapshotMap(page);
        record(measureMonth(next, month, commissioners.get(month), shot, stepped));
        shot = next;
      }
      return { viewport, firstAddress: `#/?date=${FIRST_MONTH}`, firstMapMs, screenShare: share, months: results };
    }

    let firstAddress = '';
    let firstMapMs = 0;
    let share = 0;
    for (const [index, month] of months.entries()) {
      const start = month === FIRST_MONTH ? month : addMonths(month, -1);
      const loadMs = await loadMonth(page, origin, start);
      if (index === 0) {
        firstAddress = `#/?date=${start}`;
        firstMapMs = loadMs;
        share = screenShare(await snapshotMap(page));
      }
      const before = await snapshotMap(page);
      if (start === month) {
        record(measureMonth(before, month, commissioners.get(month), undefined, undefined));
      } else {
        const stepped = await step(page, month);
        record(measureMonth(await snapshotMap(page), month, commissioners.get(month), before, stepped));
      }
      // Away and back for the next month: a change of the address's hash alone would not reload the page.
      await page.goto('about:blank');
    }
    return { viewport, firstAddress, firstMapMs, screenShare: share, months: results };
  } finally {
    await browser.close();
  }
}
