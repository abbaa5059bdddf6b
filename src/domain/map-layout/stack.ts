/**
 * The map's narrow layout, for phones: the same cards as the wide one (compute.ts), stacked down
 * the page rather than side by side, at a width where one layout unit is about one pixel on a
 * phone, so that labels are drawn at their full size. Computed ahead of time, deterministic.
 *
 * Top to bottom:
 * - the commissioners, each in a place of its own down the page, fixed for all months: its header
 *   bar across the width, its card of services under it as tiles in two columns (a successor
 *   whose months do not overlap its forerunner's takes its place: CCGs where PCTs were). Each
 *   place is as tall as its card is at its tallest, so nothing below it moves when a card grows;
 * - the rows of context bodies (government, regulators, providers…), placed as in the wide layout.
 *
 * A service's tile sits inside its commissioner's card, under its header: nothing else is drawn
 * between a service and its commissioner. A commissioner in being before it holds any service (NHS
 * England from October 2012) waits at its header's place and becomes the header when its card begins.
 */
import type { Dataset } from '../../data/schema';
import { drawnDataset } from '../map-detail';
import { monthRange } from '../months';
import { placeContextBodies } from './context-placement';
import { layoutInputFingerprint, type MapLayoutOptions, NARROW_LAYOUT_OPTIONS } from './fingerprint';
import {
  type CardPlacement,
  MAP_LAYOUT_VERSION,
  type MapLayoutFile,
  type OrganisationPlacement,
  type Rect,
  type ServicePlacement,
} from './layout-file';
import { mapBodies, monthFacts, round, runsOf } from './month-facts';
import {
  CARD_PADDING,
  COLUMN_GAP,
  CONTEXT_GLYPH,
  CONTEXT_ROW_PITCH,
  MARGIN,
  permutations,
  ROW_PITCH,
  TILE_HEIGHT,
} from './row-packing';

export { NARROW_LAYOUT_OPTIONS } from './fingerprint';

const HEADER_HEIGHT = 26;
/** Room for a waiting commissioner's glyph and the label under it. */
const WAITING_HEIGHT = 40;
/** Between one commissioner's place and the next. */
const PLACE_GAP = 20;
/** Between the last card and the first row of context bodies. */
const CONTEXT_TOP_GAP = 36;
const TILE_COLUMNS = 2;

/** A card's height for a number of services, in rows of two tiles. */
const cardHeight = (count: number) => Math.ceil(count / TILE_COLUMNS) * ROW_PITCH - (ROW_PITCH - TILE_HEIGHT) + 2 * CARD_PADDING;

/**
 * Places each column down the page, top-aligned, in the given order: each as high as the columns
 * before it allow at every month both are on the map. Returns each column's top and the bottom.
 */
function stackColumns(
  order: readonly string[],
  heightAt: (column: string, monthIndex: number) => number | undefined,
  monthCount: number,
): { top: Map<string, number>; bottom: number } {
  const top = new Map<string, number>();
  let bottom = 0;
  for (const column of order) {
    let at = 0;
    for (let month = 0; month < monthCount; month += 1) {
      if (heightAt(column, month) === undefined) continue;
      for (const [before, beforeTop] of top) {
        const height = heightAt(before, month);
        if (height !== undefined) at = Math.max(at, beforeTop + height + PLACE_GAP);
      }
    }
    top.set(column, at);
    for (let month = 0; month < monthCount; month += 1) bottom = Math.max(bottom, at + (heightAt(column, month) ?? 0));
  }
  return { top, bottom };
}

export function computeStackedLayout(wholeDataset: Dataset, options: MapLayoutOptions = NARROW_LAYOUT_OPTIONS): MapLayoutFile {
  // Laid out for what the map draws: one node for each kind of body and service where the data is
  // too large to draw every member (map-detail.ts); the fingerprint is the whole dataset's.
  const dataset = drawnDataset(wholeDataset).dataset;
  const months = monthRange(dataset.meta.coverage.from, dataset.meta.coverage.to);
  const facts = monthFacts(dataset, months);
  const { fontSize, width } = options;
  const { organisationIds, commissioners, labelOf, span, related, columnOf, firstCard } = mapBodies(dataset, facts);
  const columns = [...new Set(columnOf.values())];
  const membersOf = (column: string) => commissioners.filter((id) => columnOf.get(id) === column);
  const contentWidth = width - 2 * MARGIN;
  const centreX = width / 2;

  /** A column's height at a month: its member's header and card, or its header alone, or the waiting glyph. */
  const heightAt = (column: string, index: number): number | undefined => {
    let height: number | undefined;
    for (const id of membersOf(column)) {
      const range = span.get(id);
      if (!range || index < range[0] || index > range[1]) continue;
      const members = facts[index]?.cards.get(id);
      const own =
        index < (firstCard.get(id) ?? 0)
          ? WAITING_HEIGHT
          : members
            ? HEADER_HEIGHT + 2 + cardHeight(members.length)
            : HEADER_HEIGHT;
      height = Math.max(height ?? 0, own);
    }
    return height;
  };

  // The order of places: the one that keeps the cards of each month highest up the page (the
  // mean, over months, of where the last card ends), so that little is left empty between cards.
  let best: { top: Map<string, number>; bottom: number; cost: number } | undefined;
  const candidates = columns.length <= 7 ? permutations(columns) : [columns];
  for (const order of candidates) {
    const stacked = stackColumns(order, heightAt, months.length);
    let cost = 0;
    for (let index = 0; index < months.length; index += 1) {
      let end = 0;
      for (const column of order) {
        const height = heightAt(column, index);
        if (height !== undefined) end = Math.max(end, (stacked.top.get(column) ?? 0) + height);
      }
      cost += end / months.length;
    }
    if (!best || cost < best.cost - 1e-6) best = { ...stacked, cost };
  }
  const placesTop = MARGIN;
  const topOf = (id: string) => placesTop + (best?.top.get(columnOf.get(id) ?? id) ?? 0);
  const headerOf = (id: string): Rect => ({
    x: round(centreX),
    y: round(topOf(id) + HEADER_HEIGHT / 2),
    width: round(contentWidth),
    height: HEADER_HEIGHT,
  });

  // The context bodies, in rows under the cards: every commissioner is at the middle of the width.
  const commissionerX = new Map(commissioners.map((id) => [id, centreX]));
  const { rows, contextPlace } = placeContextBodies({
    dataset,
    models: facts.map((month) => month.model),
    organisationIds,
    commissionerX,
    related,
    labelOf,
    span,
    width,
    fontSize,
  });
  const contextTop = placesTop + (best?.bottom ?? 0) + CONTEXT_TOP_GAP + CONTEXT_GLYPH / 2;

  const organisations: Record<string, OrganisationPlacement> = {};
  for (const id of organisationIds) {
    if (commissionerX.has(id)) {
      const header = headerOf(id);
      const first = months[(firstCard.get(id) ?? 0) - 1];
      const [from] = span.get(id) ?? [0, 0];
      organisations[id] = {
        x: header.x,
        y: header.y,
        row: 'commissioner',
        ...((firstCard.get(id) ?? 0) > from && first ? { early: { to: first, y: header.y } } : {}),
      };
      continue;
    }
    const place = contextPlace.get(id);
    if (place) organisations[id] = { x: round(place.x), y: round(contextTop + place.row * CONTEXT_ROW_PITCH), row: 'context' };
  }
  const headers: Record<string, Rect> = Object.fromEntries(commissioners.map((id) => [id, headerOf(id)]));

  // Cards and tiles, month by month: tiles fill the card row by row, two to a row, in card order.
  const cardValues = new Map<string, (CardPlacement | undefined)[]>();
  const serviceValues = new Map<string, (ServicePlacement | undefined)[]>();
  facts.forEach((month, index) => {
    for (const [id, members] of month.cards) {
      const header = headerOf(id);
      const bodyTop = header.y + HEADER_HEIGHT / 2 + 2;
      const height = cardHeight(members.length);
      const card: CardPlacement = {
        header,
        body: { x: round(centreX), y: round(bodyTop + height / 2), width: round(contentWidth), height: round(height) },
        columns: Math.min(TILE_COLUMNS, members.length),
      };
      const values = cardValues.get(id) ?? cardValues.set(id, new Array(months.length).fill(undefined)).get(id);
      if (values) values[index] = card;
      const left = MARGIN + CARD_PADDING;
      members.forEach((service, position) => {
        const column = position % TILE_COLUMNS;
        const row = Math.floor(position / TILE_COLUMNS);
        const values =
          serviceValues.get(service) ?? serviceValues.set(service, new Array(months.length).fill(undefined)).get(service);
        if (values)
          values[index] = {
            x: round(left + column * (options.tileWidth + COLUMN_GAP) + options.tileWidth / 2),
            y: round(bodyTop + CARD_PADDING + row * ROW_PITCH + TILE_HEIGHT / 2),
            card: id,
          };
      });
    }
  });
  const contextRows = rows.length;
  const bottom = contextRows > 0 ? contextTop + (contextRows - 1) * CONTEXT_ROW_PITCH + CONTEXT_GLYPH / 2 + 22 : contextTop;

  return {
    version: MAP_LAYOUT_VERSION,
    fingerprint: layoutInputFingerprint(wholeDataset, options),
    width,
    height: Math.ceil(Math.max(options.height, bottom + MARGIN)),
    coverage: { from: dataset.meta.coverage.from, to: dataset.meta.coverage.to },
    tile: { width: options.tileWidth, height: TILE_HEIGHT },
    fontSize,
    organisations,
    headers,
    cards: Object.fromEntries([...cardValues].map(([id, values]) => [id, runsOf(months, values)])),
    services: Object.fromEntries([...serviceValues].map(([id, values]) => [id, runsOf(months, values)])),
  };
}
