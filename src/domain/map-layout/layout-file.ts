/**
 * The map's positions for every month, computed ahead of time (`npm run build:layout` writes
 * data/map-layout.json) and read by the browser, which only looks them up and animates between
 * months. This module is the file's shape and its reader; it has no d3 in it, so the first view
 * does not pay for the layout's computation.
 *
 * Organisations keep one place for every month. A commissioner that leads services at a month is
 * drawn as a card: its name on a header bar, its services as a column or grid of tiles beneath.
 * Services move from card to card as their commissioner changes.
 */
import type { Dataset } from '../../data/schema';
import { drawnDataset } from '../map-detail';
import { addMonths, compareMonths, type MonthString, monthIndex } from '../months';
import { nameAt } from '../organisations';

export const MAP_LAYOUT_VERSION = 1;

export interface Rect {
  /** the centre */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A run of months with the same value: `from` and `to` are months of the coverage, inclusive. */
export interface Run<T> {
  from: MonthString;
  to: MonthString;
  at: T;
}

export interface OrganisationPlacement {
  /** the centre of the node's glyph */
  x: number;
  y: number;
  /** where the organisation sits: a row of context bodies, or the row of commissioners above their cards */
  row: 'context' | 'commissioner';
  /**
   * A commissioner in being before it holds any service waits, until `to`, in the last row of
   * context bodies, at the same x, and steps down to its header when its card begins.
   */
  early?: { to: MonthString; y: number };
}

export interface CardPlacement {
  /** the header bar: the commissioner's glyph, at the commissioner's place */
  header: Rect;
  /** the card's body, holding its services' tiles */
  body: Rect;
  columns: number;
}

export interface ServicePlacement {
  x: number;
  y: number;
  /** the commissioner whose card holds the tile */
  card: string;
}

export interface MapLayoutFile {
  version: typeof MAP_LAYOUT_VERSION;
  /** a fingerprint of what the layout was computed from; check:data compares it with the data */
  fingerprint: string;
  width: number;
  height: number;
  coverage: { from: MonthString; to: MonthString };
  /** a service tile's size, in layout units */
  tile: { width: number; height: number };
  /** the text size of labels, in layout units */
  fontSize: number;
  organisations: Record<string, OrganisationPlacement>;
  /** a commissioner's header bar when it leads no service that month (its label's width) */
  headers: Record<string, Rect>;
  cards: Record<string, Run<CardPlacement>[]>;
  services: Record<string, Run<ServicePlacement>[]>;
  /**
   * The same map laid out for a narrow screen (a phone): the cards stacked down the page, about
   * one unit to a pixel, so that labels keep their size (stack.ts). The map uses it when its
   * container is narrower than NARROW_MAP_MAX_WIDTH.
   */
  narrow?: MapLayoutFile;
}

/** The widest map container (CSS px) that draws the narrow layout. */
export const NARROW_MAP_MAX_WIDTH = 640;

/** Where everything is at one month. */
export interface MapPlacementsAt {
  month: MonthString;
  organisations: ReadonlyMap<string, OrganisationPlacement>;
  cards: ReadonlyMap<string, CardPlacement>;
  /** by service id (not node id) */
  services: ReadonlyMap<string, ServicePlacement>;
}

function runAt<T>(runs: readonly Run<T>[] | undefined, index: number): T | undefined {
  if (!runs) return undefined;
  for (const run of runs) if (monthIndex(run.from) <= index && index <= monthIndex(run.to)) return run.at;
  return undefined;
}

const cache = new WeakMap<MapLayoutFile, Map<MonthString, MapPlacementsAt>>();

/**
 * The placements at a month, memoised per layout and month: scrubbing back and forth looks each
 * month up once. Organisations are listed whatever the month; the map draws only those in force.
 */
export function placementsAt(layout: MapLayoutFile, month: MonthString): MapPlacementsAt {
  let byMonth = cache.get(layout);
  if (!byMonth) {
    byMonth = new Map();
    cache.set(layout, byMonth);
  }
  const known = byMonth.get(month);
  if (known) return known;
  const index = monthIndex(month);
  const cards = new Map<string, CardPlacement>();
  for (const [id, runs] of Object.entries(layout.cards)) {
    const card = runAt(runs, index);
    if (card) cards.set(id, card);
  }
  const services = new Map<string, ServicePlacement>();
  for (const [id, runs] of Object.entries(layout.services)) {
    const service = runAt(runs, index);
    if (service) services.set(id, service);
  }
  const placements: MapPlacementsAt = {
    month,
    organisations: new Map(Object.entries(layout.organisations)),
    cards,
    services,
  };
  byMonth.set(month, placements);
  return placements;
}

/** The header bar of an organisation at a month: its card's header where it leads services, else its own. */
export function headerAt(layout: MapLayoutFile, placements: MapPlacementsAt, organisationId: string): Rect | undefined {
  return placements.cards.get(organisationId)?.header ?? layout.headers[organisationId];
}

export interface CardMove {
  serviceId: string;
  serviceName: string;
  /** how many services moved: more than one where the map draws a kind of service as one tile (map-detail.ts) */
  count: number;
  /** the body that held it the month before, and the one that holds it now (undefined: not on the map) */
  from: { id: string; name: string } | undefined;
  to: { id: string; name: string } | undefined;
}

/**
 * The services that moved card between the month before and this one (what the map animates when
 * someone steps into `month`), in the data's order of services. Read from the layout, which already
 * says which card holds each service at each month.
 */
export function cardMovesInto(layout: MapLayoutFile, dataset: Dataset, month: MonthString): CardMove[] {
  if (compareMonths(month, layout.coverage.from) <= 0) return [];
  const previous = addMonths(month, -1);
  const [was, is] = [placementsAt(layout, previous).services, placementsAt(layout, month).services];
  // The layout places what the map draws: at a large dataset's level of detail, kinds of service and body.
  const { dataset: drawn, organisationMembers, serviceMembers } = drawnDataset(dataset);
  const organisations = new Map(drawn.organisations.map((org) => [org.id, org]));
  const ofKind = (name: string, members: number | undefined) =>
    members !== undefined && members > 1 ? `${name} (${members} of this kind)` : name;
  const holder = (id: string | undefined, at: MonthString) => {
    if (id === undefined) return undefined;
    const org = organisations.get(id);
    return { id, name: ofKind(org ? nameAt(org, at).name : id, organisationMembers.get(id)?.length) };
  };
  const moves: CardMove[] = [];
  for (const service of drawn.services) {
    const from = was.get(service.id)?.card;
    const to = is.get(service.id)?.card;
    if (from === to) continue;
    const count = serviceMembers.get(service.id)?.length ?? 1;
    moves.push({
      serviceId: service.id,
      serviceName: ofKind(service.name, count),
      count,
      from: holder(from, previous),
      to: holder(to, month),
    });
  }
  return moves;
}
