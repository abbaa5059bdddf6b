/**
 * What both arrangements of the map's layout read from the data, month by month: the map's model
 * at each month, the cards (which commissioner holds which services, in card order), the bodies
 * on the map in any month and how they follow one another. Pure helpers of compute.ts and stack.ts.
 */
import type { Dataset } from '../../data/schema';
import { SERVICE_CATEGORIES } from '../../data/schema';
import { DEFAULT_MAP_OPTIONS, type MapModel, mapModelAt, type MapOrganisationNode } from '../graph';
import type { MonthString } from '../months';
import { serviceHoldings } from './arrangement';
import type { Run } from './layout-file';

export interface MonthFacts {
  month: MonthString;
  model: MapModel;
  organisations: Map<string, MapOrganisationNode>;
  /** commissioner → the services it holds, in card order */
  cards: Map<string, string[]>;
  /** service id → its commissioners other than the lead */
  others: Map<string, string[]>;
}

const categoryRank = new Map<string, number>(SERVICE_CATEGORIES.map((category, index) => [category, index]));

export function monthFacts(dataset: Dataset, months: readonly MonthString[]): MonthFacts[] {
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

export function runsOf<T>(months: readonly MonthString[], values: readonly (T | undefined)[]): Run<T>[] {
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

export const round = (value: number) => Math.round(value * 10) / 10;

export interface MapBodies {
  /** every organisation on the map in some month, in the data's order */
  organisationIds: string[];
  /** those that hold services in some month */
  commissioners: string[];
  /** each organisation's longest label */
  labelOf: Map<string, string>;
  /** the first and last month index each organisation is on the map */
  span: Map<string, [number, number]>;
  /** predecessors and successors, both ways */
  related: Map<string, Set<string>>;
  /** a commissioner → the column (place) it shares: a successor whose months do not overlap its forerunner's takes its place */
  columnOf: Map<string, string>;
  /** a commissioner → the first month index it holds services */
  firstCard: Map<string, number>;
}

export function mapBodies(dataset: Dataset, facts: readonly MonthFacts[]): MapBodies {
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
  const firstCard = new Map<string, number>();
  for (const id of commissioners)
    firstCard.set(
      id,
      facts.findIndex((month) => month.cards.has(id)),
    );
  return { organisationIds, commissioners, labelOf, span, related, columnOf, firstCard };
}
