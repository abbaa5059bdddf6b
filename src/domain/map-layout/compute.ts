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
import { SERVICE_CATEGORIES } from '../../data/schema';
import { DEFAULT_MAP_OPTIONS, type MapModel, mapModelAt, type MapOrganisationNode } from '../graph';
import { monthRange, type MonthString } from '../months';
import { serviceHoldings } from './arrangement';
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
import { DEFAULT_LAYOUT_OPTIONS, layoutInputFingerprint, type MapLayoutOptions } from './fingerprint';
import {
  type CardPlacement,
  MAP_LAYOUT_VERSION,
  type MapLayoutFile,
  type OrganisationPlacement,
  type Rect,
  type Run,
  type ServicePlacement,
} from './layout-file';
import { textWidth } from './text-width';

export { DEFAULT_LAYOUT_OPTIONS, type MapLayoutOptions } from './fingerprint';

const HEADER_HEIGHT = 26;
const HEADER_PADDING = 10;
const HEADER_ROW_GAP = 26;

interface MonthFacts {
  month: MonthString;
  model: MapModel;
  organisations: Map<string, MapOrganisationNode>;
  /** commissioner → the services it holds, in card order */
  cards: Map<string, string[]>;
  /** service id → its commissioners other than the lead */
  others: Map<string, string[]>;
}

const categoryRank = new Map<string, number>(SERVICE_CATEGORIES.map((category, index) => [category, index]));

function monthFacts(dataset: Dataset, months: readonly MonthString[]): MonthFacts[] {
  const serviceOrder = new Map(dataset.services.map((service, index) => [service.id, index]));
  const serviceCategory = new Map(dataset.services.map((service) => [service.id, service.category]));
  return months.map((month) => {
    const model = mapModelAt(dataset, month, DEFAULT_MAP_OPTIONS);
    const organisations = new Map<string, MapOrganisationNode>();
    for (const node of model.nodes) if (node.type === 'organisation') organisations.set(node.id, node);
    const cards = new Map<string, string[]>();
    const others = new Map<string, string[]>();
    for (const holding of serviceHoldings(model).values()) {
      const members = cards.get(holding.lead);
      if (members) members.push(holding.serviceId);
      else cards.set(holding.lead, [holding.serviceId]);
      const rest = [...new Set(holding.links.map((link) => link.source))].filter((id) => id !== holding.lead);
      if (rest.length > 0) others.set(holding.serviceId, rest);
    }
    for (const members of cards.values())
      members.sort(
        (a, b) =>
          (categoryRank.get(serviceCategory.get(a) ?? '') ?? 99) - (categoryRank.get(serviceCategory.get(b) ?? '') ?? 99) ||
          (serviceOrder.get(a) ?? 0) - (serviceOrder.get(b) ?? 0),
      );
    return { month, model, organisations, cards, others };
  });
}

function runsOf<T>(months: readonly MonthString[], values: readonly (T | undefined)[]): Run<T>[] {
  const runs: Run<T>[] = [];
  let current: { from: number; key: string; at: T } | undefined;
  const close = (end: number) => {
    if (current) runs.push({ from: months[current.from] ?? '', to: months[end] ?? '', at: current.at });
    current = undefined;
  };
  values.forEach((value, index) => {
    const key = value === undefined ? '' : JSON.stringify(value);
    if (current && current.key === key) return;
    close(index - 1);
    if (value !== undefined) current = { from: index, key, at: value };
  });
  close(values.length - 1);
  return runs;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function computeMapLayout(dataset: Dataset, options: MapLayoutOptions = DEFAULT_LAYOUT_OPTIONS): MapLayoutFile {
  const months = monthRange(dataset.meta.coverage.from, dataset.meta.coverage.to);
  const facts = monthFacts(dataset, months);
  const fontSize = options.fontSize;

  // Every organisation on the map in any month, with its longest label and the months it is there.
  const labelOf = new Map<string, string>();
  const span = new Map<string, [number, number]>();
  facts.forEach(({ organisations }, index) => {
    for (const node of organisations.values()) {
      if ((labelOf.get(node.id)?.length ?? 0) < node.label.length) labelOf.set(node.id, node.label);
      const known = span.get(node.id);
      if (known) known[1] = index;
      else span.set(node.id, [index, index]);
    }
  });
  const organisationIds = dataset.organisations.map((org) => org.id).filter((id) => span.has(id));
  const commissioners = organisationIds.filter((id) => facts.some((month) => month.cards.has(id)));

  // Related bodies: predecessors and successors, both ways.
  const related = new Map<string, Set<string>>();
  const relate = (a: string, b: string) => {
    if (!span.has(a) || !span.has(b)) return;
    (related.get(a) ?? related.set(a, new Set()).get(a))?.add(b);
    (related.get(b) ?? related.set(b, new Set()).get(b))?.add(a);
  };
  for (const org of dataset.organisations) {
    for (const id of org.successors) relate(org.id, id);
    for (const id of org.predecessors) relate(org.id, id);
  }

  // The row of commissioners: a successor whose months do not overlap its forerunner's takes its place.
  const columnOf = new Map<string, string>();
  for (const id of commissioners) {
    const [from] = span.get(id) ?? [0, 0];
    const forerunner = commissioners.find(
      (other) => other !== id && related.get(id)?.has(other) && (span.get(other)?.[1] ?? Infinity) < from && columnOf.has(other),
    );
    columnOf.set(id, forerunner ? (columnOf.get(forerunner) ?? id) : id);
  }
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
  const firstCard = new Map<string, number>();
  for (const id of commissioners)
    firstCard.set(
      id,
      facts.findIndex((month) => month.cards.has(id)),
    );
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
    fingerprint: layoutInputFingerprint(dataset, options),
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
