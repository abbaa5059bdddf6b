/**
 * The map's level of detail. At the real data's size the map draws every body and service. When
 * the busiest month holds more of them than a map can show legibly (MAP_DETAIL_LIMIT), bodies of
 * one kind are drawn as one node carrying their count ("CCGs · 21,100"), and the services of one
 * kind held the same way (by the same kinds of commissioner, in the same roles, over the same
 * months) as one tile with their count ("General practice · 100"), so the drawn graph stays about
 * the size of the real data's. The map's model (graph-model.ts) and the ahead-of-time layout
 * (map-layout/) are computed from the drawn dataset this module returns; everything else (panels,
 * search, the services lists) reads the whole dataset.
 *
 * "Of one kind": two bodies are of one kind when they have the same role (the plain-English
 * sentence saying what a body does), kind, level and category, and the same months of life, names
 * and counts; two services when they have the same description, category and months, and the same
 * commissioning (once their commissioners are drawn as their kinds). The node of a group takes the
 * id of its first member in the data's order, so it keeps its place, its panel and its
 * data-node-id; its members are listed with it (the map as text names them).
 *
 * Pure and memoised per dataset object: built once, in one pass over the records.
 */
import type { Commissioning, Dataset, FundingFlow, Organisation, Relationship, Service } from '../data/schema';
import { monthIndex } from './months';

/**
 * Bodies and services on the map at one month above which the map draws kinds rather than every
 * member. The real data's busiest month has 91 (30 bodies, 61 services); ten times the data, 910.
 */
export const MAP_DETAIL_LIMIT = 300;

export interface DrawnDataset {
  /** what the map draws: the dataset itself, or one record per kind */
  dataset: Dataset;
  /** whether kinds are drawn as one (the busiest month is over MAP_DETAIL_LIMIT) */
  aggregated: boolean;
  /** the busiest month's bodies and services, in the whole dataset */
  peak: number;
  /** a drawn body's id → the bodies it stands for, in the data's order (only for groups of two or more) */
  organisationMembers: ReadonlyMap<string, readonly Organisation[]>;
  /** a drawn service's id → the services it stands for, in the data's order (only for groups of two or more) */
  serviceMembers: ReadonlyMap<string, readonly Service[]>;
}

const drawn = new WeakMap<Dataset, DrawnDataset>();

/** The dataset the map draws, memoised: the dataset itself at the real data's size. */
export function drawnDataset(dataset: Dataset): DrawnDataset {
  const known = drawn.get(dataset);
  if (known) return known;
  const peak = busiestMonth(dataset);
  const result =
    peak > MAP_DETAIL_LIMIT
      ? { ...aggregate(dataset), aggregated: true, peak }
      : { dataset, aggregated: false, peak, organisationMembers: new Map(), serviceMembers: new Map() };
  drawn.set(dataset, result);
  // The drawn dataset draws itself, with the same members (the layout computes from it).
  drawn.set(result.dataset, result);
  return result;
}

/**
 * Keeps what the worker worked out for this dataset object (derived-cache.ts): its members are the
 * dataset's own records, as the one message from the worker carried both.
 */
export function rememberDrawnDataset(dataset: Dataset, result: DrawnDataset): void {
  if (drawn.has(dataset)) return;
  // Not aggregated: the dataset draws itself (the worker's copy of it is another object).
  const kept = result.aggregated ? result : { ...result, dataset };
  drawn.set(dataset, kept);
  drawn.set(kept.dataset, kept);
}

/**
 * A drawn dataset as the worker sends it to the page (derived-cache.ts, dataset-worker-protocol.ts):
 * the members of each kind, and the services drawn, as their places in the dataset's own lists
 * rather than copies of them (at a hundred times the data, copies of every body and service were
 * over 13 MB to copy across and back), and only the collections the level of detail redraws.
 */
export interface PackedDrawnDataset {
  aggregated: boolean;
  peak: number;
  /** only when aggregated: the records drawn for kinds (services as places in the dataset's list) */
  kinds: {
    organisations: Organisation[];
    relationships: Relationship[];
    services: number[];
    commissioning: Commissioning[];
    funding: FundingFlow[];
  } | null;
  /** a drawn body's id → its members' places in the dataset's organisations */
  organisationMembers: Array<[string, number[]]>;
  /** a drawn service's id → its members' places in the dataset's services */
  serviceMembers: Array<[string, number[]]>;
}

function placesIn<T>(records: readonly T[]): (record: T) => number {
  const places = new Map<T, number>(records.map((record, index) => [record, index]));
  return (record) => {
    const place = places.get(record);
    if (place === undefined) throw new Error('a member is not one of the dataset’s records');
    return place;
  };
}

/** Packs a drawn dataset of `dataset` (its members are the dataset's own records) for sending. */
export function packDrawnDataset(dataset: Dataset, result: DrawnDataset): PackedDrawnDataset {
  const organisationPlace = placesIn(dataset.organisations);
  const servicePlace = placesIn(dataset.services);
  const drawnRecords = result.dataset;
  return {
    aggregated: result.aggregated,
    peak: result.peak,
    kinds: result.aggregated
      ? {
          organisations: drawnRecords.organisations,
          relationships: drawnRecords.relationships,
          services: drawnRecords.services.map(servicePlace),
          commissioning: drawnRecords.commissioning,
          funding: drawnRecords.funding,
        }
      : null,
    organisationMembers: [...result.organisationMembers].map(([id, members]) => [id, members.map(organisationPlace)]),
    serviceMembers: [...result.serviceMembers].map(([id, members]) => [id, members.map(servicePlace)]),
  };
}

/** The drawn dataset a packed one stands for, its members (and services drawn) being `dataset`'s own records. */
export function unpackDrawnDataset(dataset: Dataset, packed: PackedDrawnDataset): DrawnDataset {
  const at =
    <T>(records: readonly T[]) =>
    (place: number): T => {
      const record = records[place];
      if (record === undefined) throw new Error(`no record at ${place}: the drawn dataset is not this dataset’s`);
      return record;
    };
  const organisation = at(dataset.organisations);
  const service = at(dataset.services);
  const { kinds } = packed;
  return {
    dataset: kinds ? { ...dataset, ...kinds, services: kinds.services.map(service) } : dataset,
    aggregated: packed.aggregated,
    peak: packed.peak,
    organisationMembers: new Map(packed.organisationMembers.map(([id, places]) => [id, places.map(organisation)])),
    serviceMembers: new Map(packed.serviceMembers.map(([id, places]) => [id, places.map(service)])),
  };
}

/** The most bodies and services in force at any one month of the coverage. */
export function busiestMonth(dataset: Dataset): number {
  const first = monthIndex(dataset.meta.coverage.from);
  const last = monthIndex(dataset.meta.coverage.to);
  if (last < first) return 0;
  const change = new Array<number>(last - first + 2).fill(0);
  const add = (period: { from: string | null; to: string | null }) => {
    const from = Math.max(first, period.from === null ? first : monthIndex(period.from));
    const to = Math.min(last, period.to === null ? last : monthIndex(period.to));
    if (to < from) return;
    change[from - first] = (change[from - first] ?? 0) + 1;
    change[to - first + 1] = (change[to - first + 1] ?? 0) - 1;
  };
  dataset.organisations.forEach(add);
  dataset.services.forEach(add);
  let running = 0;
  let peak = 0;
  for (const step of change.slice(0, -1)) {
    running += step;
    peak = Math.max(peak, running);
  }
  return peak;
}

/** Groups records by a key, keeping the data's order of groups (by first member) and of members. */
function groupBy<T>(records: readonly T[], keyOf: (record: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const key = keyOf(record);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return [...groups.values()];
}

const organisationKind = (org: Organisation) =>
  JSON.stringify([
    org.kind,
    org.level,
    org.category,
    org.role,
    org.from,
    org.to,
    org.names?.map((name) => [name.from, name.to]),
    org.counts?.map((count) => [count.asOf, count.status]),
  ]);

function aggregate(dataset: Dataset): Omit<DrawnDataset, 'aggregated' | 'peak'> {
  // Bodies: one per kind, the first member standing for the rest.
  const organisationGroups = groupBy(dataset.organisations, organisationKind);
  const drawnOrganisation = new Map<string, string>();
  const organisationMembers = new Map<string, Organisation[]>();
  for (const group of organisationGroups) {
    const [first] = group;
    if (!first) continue;
    for (const member of group) drawnOrganisation.set(member.id, first.id);
    if (group.length > 1) organisationMembers.set(first.id, group);
  }
  const orgOf = (id: string) => drawnOrganisation.get(id) ?? id;
  const mapIds = (ids: readonly string[], self: string) => [...new Set(ids.map(orgOf))].filter((id) => id !== self);
  const organisations = organisationGroups.flatMap(([first]) =>
    first
      ? [{ ...first, predecessors: mapIds(first.predecessors, first.id), successors: mapIds(first.successors, first.id) }]
      : [],
  );

  // Services: one per kind of service held the same way.
  const recordsOf = new Map<string, Commissioning[]>();
  for (const record of dataset.commissioning) {
    const records = recordsOf.get(record.service);
    if (records) records.push(record);
    else recordsOf.set(record.service, [record]);
  }
  const holding = (record: Commissioning) =>
    JSON.stringify([orgOf(record.commissioner), record.role, record.status, record.from, record.to, record.scope ?? null]);
  const serviceKind = (service: Service) =>
    JSON.stringify([
      service.category,
      service.description,
      service.from,
      service.to,
      (recordsOf.get(service.id) ?? []).map(holding).sort(),
    ]);
  const serviceGroups = groupBy(dataset.services, serviceKind);
  const drawnService = new Map<string, string>();
  const serviceMembers = new Map<string, Service[]>();
  for (const group of serviceGroups) {
    const [first] = group;
    if (!first) continue;
    for (const member of group) drawnService.set(member.id, first.id);
    if (group.length > 1) serviceMembers.set(first.id, group);
  }
  const services = serviceGroups.flatMap(([first]) => (first ? [first] : []));

  // Records between kinds: one for all the members' identical records (grouped by what they would
  // name, and only each group's first record copied with its kinds' ids: at a hundred times the
  // data, copying every record first made tens of thousands of objects to throw away).
  const relationships = groupBy(dataset.relationships, (record) =>
    JSON.stringify([orgOf(record.subject), record.kind, orgOf(record.object), record.status, record.from, record.to]),
  ).flatMap(([first]): Relationship[] =>
    first ? [{ ...first, subject: orgOf(first.subject), object: orgOf(first.object) }] : [],
  );
  const serviceOf = (id: string) => drawnService.get(id) ?? id;
  const commissioning = groupBy(dataset.commissioning, (record) =>
    JSON.stringify([
      serviceOf(record.service),
      orgOf(record.commissioner),
      record.role,
      record.status,
      record.from,
      record.to,
      record.scope,
    ]),
  ).flatMap(([first]): Commissioning[] =>
    first ? [{ ...first, service: serviceOf(first.service), commissioner: orgOf(first.commissioner) }] : [],
  );
  // The same flow between members of two kinds is drawn once, with the members' amounts added up.
  const funding = groupBy(dataset.funding, (flow) =>
    JSON.stringify([
      orgOf(flow.payer),
      orgOf(flow.recipient),
      flow.financialYear,
      flow.basis,
      flow.share,
      flow.description,
      flow.contested,
    ]),
  ).flatMap((group): FundingFlow[] => {
    const [original] = group;
    if (!original) return [];
    const first: FundingFlow = { ...original, payer: orgOf(original.payer), recipient: orgOf(original.recipient) };
    if (group.length === 1) return [first];
    const amounts = group.map((flow) => flow.amountBn);
    const total = amounts.every((amount) => amount !== undefined)
      ? Math.round(amounts.reduce<number>((sum, amount) => sum + (amount ?? 0), 0) * 1000) / 1000
      : undefined;
    return [
      { ...first, amountBn: total, description: `${first.description} (${group.length} flows like this one, added together)` },
    ];
  });

  return {
    dataset: { ...dataset, organisations, relationships, services, commissioning, funding },
    organisationMembers,
    serviceMembers,
  };
}
