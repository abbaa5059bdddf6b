/**
 * The map's layout for every month, computed ahead of time (in Node, by `npm run build:layout`),
 * so the browser only looks positions up. Deterministic: the same data gives the same file.
 *
 * The picture, top to bottom:
 * - rows of context bodies (government, regulators, oversight, providers, partnerships…), each
 *   placed once for all months: d3-force pulls each towards the bodies it is linked with (and its
 *   predecessors and successors), then each row is packed so no two labels of the same month touch;
 * - the row of commissioners: each a header bar at one place for all months, the body's successor
 *   taking its place where their months do not overlap (CCGs where PCTs were);
 * - under each header, that month's card of the services it holds (see arrangement.ts), as tiles
 *   in columns. Services keep their order in a card from month to month (by kind of care, then the
 *   data's order), so a card only changes where its services change; a service whose commissioner
 *   changes moves to the new commissioner's card.
 *
 * Why cards rather than a line to each service: a service's tile sits right under the body that
 * commissions it, so the nearest organisation to any service is its commissioner, and forty lines
 * to forty services (a thousand or more crossings) become none. Secondary commissioners (joint,
 * co-commissioning, proposals) still get a line each.
 */
import type { Dataset } from '../../data/schema';
import { drawnDataset } from '../map-detail';
import { monthRange } from '../months';
import { placeContextBodies } from './context-placement';
import {
  CARD_PADDING,
  CONTEXT_GAP,
  CONTEXT_GLYPH,
  CONTEXT_ROW_PITCH,
  type CardShape,
  cardShape,
  COLUMN_GAP,
  MARGIN,
  packColumns,
  permutations,
  ROW_PITCH,
  TILE_HEIGHT,
} from './row-packing';
import { DEFAULT_LAYOUT_OPTIONS, layoutInputFingerprint, type MapLayoutOptions, NARROW_LAYOUT_OPTIONS } from './fingerprint';
import {
  type CardPlacement,
  MAP_LAYOUT_VERSION,
  type MapLayoutFile,
  type OrganisationPlacement,
  type Rect,
  type ServicePlacement,
} from './layout-file';
import { mapBodies, monthFacts, round, runsOf } from './month-facts';
import { computeStackedLayout } from './stack';
import { textWidth } from '../../lib/text-width';

export { DEFAULT_LAYOUT_OPTIONS, type MapLayoutOptions, NARROW_LAYOUT_OPTIONS } from './fingerprint';
export { computeStackedLayout } from './stack';

/** What data/map-layout.json holds: the wide layout, with the narrow one (for phones) as its `narrow`. */
export function computeMapLayoutFile(dataset: Dataset): MapLayoutFile {
  return { ...computeMapLayout(dataset), narrow: computeStackedLayout(dataset, NARROW_LAYOUT_OPTIONS) };
}

/** The layout for a map of one kind: the wide one, or the narrow one stacked for phones. */
export function computeLayoutFor(dataset: Dataset, narrow: boolean): MapLayoutFile {
  return narrow ? computeStackedLayout(dataset, NARROW_LAYOUT_OPTIONS) : computeMapLayout(dataset);
}

const HEADER_HEIGHT = 26;
const HEADER_PADDING = 10;
const HEADER_ROW_GAP = 26;

export function computeMapLayout(wholeDataset: Dataset, options: MapLayoutOptions = DEFAULT_LAYOUT_OPTIONS): MapLayoutFile {
  // Laid out for what the map draws: one node for each kind of body and service where the data is
  // too large to draw every member (map-detail.ts); the fingerprint is the whole dataset's.
  const dataset = drawnDataset(wholeDataset).dataset;
  const months = monthRange(dataset.meta.coverage.from, dataset.meta.coverage.to);
  const facts = monthFacts(dataset, months);
  const fontSize = options.fontSize;

  const { organisationIds, commissioners, labelOf, span, related, columnOf, firstCard } = mapBodies(dataset, facts);
  const columns = [...new Set(columnOf.values())];
  const membersOf = (column: string) => commissioners.filter((id) => columnOf.get(id) === column);

  // Room for tiles under the headers, before the context rows are known: assume three rows of them.
  const estimatedBodyTop = MARGIN + CONTEXT_GLYPH / 2 + 2 * CONTEXT_ROW_PITCH + HEADER_ROW_GAP + HEADER_HEIGHT + 2;
  const maxRows = Math.max(
    6,
    Math.floor((options.height - MARGIN - estimatedBodyTop - 2 * CARD_PADDING + ROW_PITCH - TILE_HEIGHT) / ROW_PITCH),
  );
  // A header is no wider than a one-column card: a long name is cut with an ellipsis (and given in
  // full on hover and focus) rather than widening the row for one body.
  const headerWidthOf = (id: string) =>
    Math.min(textWidth(labelOf.get(id) ?? id, fontSize, true) + 2 * HEADER_PADDING, options.tileWidth + 2 * CARD_PADDING);
  const shapeAt = (id: string, index: number): CardShape | undefined => {
    const members = facts[index]?.cards.get(id);
    return members ? cardShape(members.length, maxRows, options) : undefined;
  };
  // A commissioner in being before it holds any service (NHS England from October 2012, before April
  // 2013) waits in the last row of context bodies, straight above its place, and steps down when its card begins.
  const columnWidthAt = (column: string, index: number): number | undefined => {
    let width: number | undefined;
    for (const id of membersOf(column)) {
      const range = span.get(id);
      if (!range || index < range[0] || index > range[1] || index < (firstCard.get(id) ?? 0)) continue;
      width = Math.max(width ?? 0, shapeAt(id, index)?.width ?? 0, headerWidthOf(id));
    }
    return width;
  };

  // The order of columns: the narrowest row, with related bodies (NHS England and the bodies it
  // replaced) close together. Short lists are searched through; long ones keep the data's order.
  let best: { order: string[]; x: Map<string, number>; extent: number; cost: number } | undefined;
  const candidates = columns.length <= 7 ? permutations(columns) : [columns];
  for (const order of candidates) {
    const packed = packColumns(order, columnWidthAt, months.length);
    let distance = 0;
    for (const a of columns)
      for (const b of columns)
        if (a < b && membersOf(a).some((id) => membersOf(b).some((other) => related.get(id)?.has(other))))
          distance += Math.abs((packed.x.get(a) ?? 0) - (packed.x.get(b) ?? 0));
    const cost = packed.extent + 0.25 * distance;
    if (!best || cost < best.cost - 1e-6) best = { order, ...packed, cost };
  }
  const rowExtent = best?.extent ?? 0;
  const width = Math.ceil(Math.max(options.width, rowExtent + 2 * MARGIN));
  const shift = (width - rowExtent) / 2;
  const commissionerX = new Map<string, number>();
  for (const id of commissioners) commissionerX.set(id, (best?.x.get(columnOf.get(id) ?? id) ?? 0) + shift);

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
  // They all wait in one row, the last (so each steps down the same short way to its header): the
  // last row of context bodies if they all fit there, else a row of their own.
  const waitingBoxes: { id: string; x: number; width: number; span: [number, number] }[] = [];
  for (const id of commissioners) {
    const [from] = span.get(id) ?? [0, 0];
    const first = firstCard.get(id) ?? 0;
    const x = commissionerX.get(id);
    if (first <= from || x === undefined) continue;
    waitingBoxes.push({ id, x, width: textWidth(labelOf.get(id) ?? id, fontSize) + CONTEXT_GAP, span: [from, first - 1] });
  }
  const clash = (
    a: { x: number; width: number; span: [number, number] },
    b: { x: number; width: number; span: [number, number] },
  ) => a.span[0] <= b.span[1] && b.span[0] <= a.span[1] && Math.abs(a.x - b.x) < (a.width + b.width) / 2;
  const lastRow = rows.length - 1;
  const waitingRow =
    lastRow >= 0 &&
    waitingBoxes.every((box, index) =>
      [...(rows[lastRow] ?? []), ...waitingBoxes.slice(0, index)].every((other) => !clash(box, other)),
    )
      ? lastRow
      : rows.length;
  const waiting = new Map<string, number>();
  for (const box of waitingBoxes) {
    (rows[waitingRow] ??= []).push(box);
    waiting.set(box.id, waitingRow);
  }
  const contextRows = Math.max(1, rows.length);
  const contextTop = MARGIN + CONTEXT_GLYPH / 2;
  const headerY = contextTop + (contextRows - 1) * CONTEXT_ROW_PITCH + HEADER_ROW_GAP + HEADER_HEIGHT / 2;
  const bodyTop = headerY + HEADER_HEIGHT / 2 + 2;

  const organisations: Record<string, OrganisationPlacement> = {};
  for (const id of organisationIds) {
    const commissionerAt = commissionerX.get(id);
    if (commissionerAt !== undefined) {
      const row = waiting.get(id);
      const first = months[(firstCard.get(id) ?? 0) - 1];
      organisations[id] = {
        x: round(commissionerAt),
        y: round(headerY),
        row: 'commissioner',
        ...(row !== undefined && first ? { early: { to: first, y: round(contextTop + row * CONTEXT_ROW_PITCH) } } : {}),
      };
      continue;
    }
    const place = contextPlace.get(id);
    if (place) organisations[id] = { x: round(place.x), y: round(contextTop + place.row * CONTEXT_ROW_PITCH), row: 'context' };
  }

  const headers: Record<string, Rect> = {};
  for (const id of commissioners) {
    const x = commissionerX.get(id) ?? 0;
    headers[id] = { x: round(x), y: round(headerY), width: round(headerWidthOf(id)), height: HEADER_HEIGHT };
  }

  // Cards and tiles, month by month.
  const cardValues = new Map<string, (CardPlacement | undefined)[]>();
  const serviceValues = new Map<string, (ServicePlacement | undefined)[]>();
  let bottom = 0;
  facts.forEach((month, index) => {
    for (const [id, members] of month.cards) {
      const shape = shapeAt(id, index);
      const x = commissionerX.get(id);
      if (!shape || x === undefined) continue;
      const cardWidth = Math.max(shape.width, headerWidthOf(id));
      const card: CardPlacement = {
        header: { x: round(x), y: round(headerY), width: round(cardWidth), height: HEADER_HEIGHT },
        body: { x: round(x), y: round(bodyTop + shape.height / 2), width: round(cardWidth), height: round(shape.height) },
        columns: shape.columns,
      };
      bottom = Math.max(bottom, bodyTop + shape.height);
      const values = cardValues.get(id) ?? cardValues.set(id, new Array(months.length).fill(undefined)).get(id);
      if (values) values[index] = card;
      // Services shared with a body to one side go to that side of the card (first or last).
      const ordered = [
        ...members.filter((service) => sideOf(service) < 0),
        ...members.filter((service) => sideOf(service) === 0),
        ...members.filter((service) => sideOf(service) > 0),
      ];
      function sideOf(service: string): number {
        const other = month.others.get(service)?.[0];
        const otherX = other === undefined ? undefined : (commissionerX.get(other) ?? contextPlace.get(other)?.x);
        return otherX === undefined || x === undefined ? 0 : Math.sign(otherX - x);
      }
      const left = x - shape.width / 2 + CARD_PADDING;
      ordered.forEach((service, position) => {
        const column = Math.floor(position / shape.rows);
        const row = position % shape.rows;
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
  const height = Math.ceil(Math.max(options.height, bottom + MARGIN));

  return {
    version: MAP_LAYOUT_VERSION,
    fingerprint: layoutInputFingerprint(wholeDataset, options),
    width,
    height,
    coverage: { from: dataset.meta.coverage.from, to: dataset.meta.coverage.to },
    tile: { width: options.tileWidth, height: TILE_HEIGHT },
    fontSize,
    organisations,
    headers,
    cards: Object.fromEntries([...cardValues].map(([id, values]) => [id, runsOf(months, values)])),
    services: Object.fromEntries([...serviceValues].map(([id, values]) => [id, runsOf(months, values)])),
  };
}
