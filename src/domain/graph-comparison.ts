/** The map at two months, compared node by node and link by link. */
import type { Dataset } from '../data/schema';
import {
  DEFAULT_MAP_OPTIONS,
  type MapLink,
  type MapModel,
  mapModelAt,
  type MapNode,
  type MapOptions,
  type MapOrganisationNode,
} from './graph-model';
import type { MapChange } from './map-change';
import { financialYearOf, type MonthString } from './months';

export { MAP_CHANGES, type MapChange } from './map-change';

export interface MapNodeComparison {
  change: MapChange;
  /** the node at the first month, if it was on the map then */
  before: MapNode | undefined;
  /** the node at the second month, if it is on the map then */
  after: MapNode | undefined;
  /** for a service: its commissioning links at each month (in force or not), in the data's order */
  commissioningBefore: MapLink[];
  commissioningAfter: MapLink[];
}

export interface MapLinkComparison {
  change: MapChange;
  before: MapLink | undefined;
  after: MapLink | undefined;
}

export interface MapComparisonModel {
  from: MonthString;
  to: MonthString;
  /** the map at each month, with the same filters (and no funding figures: see mapComparisonModel) */
  before: MapModel;
  after: MapModel;
  /**
   * What the map draws: every node and link on the map at either month, each as it is at the
   * second month where it is on the map then, otherwise as it was at the first. `month` is the second month.
   */
  model: MapModel;
  nodes: Map<string, MapNodeComparison>;
  links: Map<string, MapLinkComparison>;
}

const withoutFunding = (model: MapModel): MapModel => ({
  ...model,
  nodes: model.nodes.map((node) => (node.type === 'organisation' ? { ...node, ownFunding: [] } : node)),
  // A funding link with no `funds` relationship behind it exists only for a financial year's figure.
  links: model.links.filter((link) => !link.id.startsWith('funding:')).map((link) => ({ ...link, funding: [] })),
});

/** A commissioning link's arrangement, for comparing: the same commissioner, status and role is the same arrangement. */
const arrangementKey = (link: MapLink) => `${link.source}\u0000${link.status}\u0000${link.role ?? ''}`;

function sameArrangements(before: readonly MapLink[], after: readonly MapLink[]): boolean {
  const a = before.map(arrangementKey).sort();
  const b = after.map(arrangementKey).sort();
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

function organisationChanged(before: MapOrganisationNode, after: MapOrganisationNode): boolean {
  return (
    before.label !== after.label ||
    before.name !== after.name ||
    before.count !== after.count ||
    before.countApproximate !== after.countApproximate
  );
}

/**
 * The map at two months, compared: everything on the map at either month (with the same filters),
 * each node and link marked as added (on the map at `to`, not at `from`), removed (at `from`, not
 * at `to`), changed or unchanged. An organisation has changed when its name, short name or count
 * differs (CCGs 211 → 209); a service when its commissioners differ (who, in what role, in force or
 * not); a link when its status or role differs. A commissioning arrangement recorded afresh between
 * the same commissioner and service (a new record, the same pair) is one link, not one removed and
 * one added. Funding figures are left out: they belong to a financial year, not a month, and the two
 * months may fall in years with and without figures (the funding view compares them).
 */
export function mapComparisonModel(
  dataset: Dataset,
  from: MonthString,
  to: MonthString,
  options: MapOptions = DEFAULT_MAP_OPTIONS,
): MapComparisonModel {
  const before = withoutFunding(mapModelAt(dataset, from, options));
  const after = withoutFunding(mapModelAt(dataset, to, options));

  const linksBefore = new Map(before.links.map((link) => [link.id, link]));
  const linksAfter = new Map(after.links.map((link) => [link.id, link]));
  const pairKey = (link: MapLink) => `${link.kind}\u0000${link.source}\u0000${link.target}`;
  // Commissioning links on only one side, by commissioner and service, to pair a record renewed under a new id.
  const unpairedBefore = new Map<string, MapLink>();
  for (const link of before.links)
    if (link.kind === 'commissions' && !linksAfter.has(link.id) && !unpairedBefore.has(pairKey(link)))
      unpairedBefore.set(pairKey(link), link);

  const links = new Map<string, MapLinkComparison>();
  const pairedBefore = new Set<string>();
  const drawnLinks: MapLink[] = [];
  for (const link of after.links) {
    let previous = linksBefore.get(link.id);
    if (!previous && link.kind === 'commissions') {
      previous = unpairedBefore.get(pairKey(link));
      if (previous) {
        unpairedBefore.delete(pairKey(link));
        pairedBefore.add(previous.id);
      }
    }
    const change: MapChange = !previous
      ? 'added'
      : previous.status !== link.status || previous.role !== link.role
        ? 'changed'
        : 'unchanged';
    links.set(link.id, { change, before: previous, after: link });
    drawnLinks.push(link);
  }
  for (const link of before.links) {
    if (linksAfter.has(link.id) || pairedBefore.has(link.id)) continue;
    links.set(link.id, { change: 'removed', before: link, after: undefined });
    drawnLinks.push(link);
  }

  const commissioning = (model: MapModel) => {
    const byService = new Map<string, MapLink[]>();
    for (const link of model.links)
      if (link.kind === 'commissions') byService.set(link.target, [...(byService.get(link.target) ?? []), link]);
    return byService;
  };
  const commissioningBefore = commissioning(before);
  const commissioningAfter = commissioning(after);
  const nodesBefore = new Map(before.nodes.map((node) => [node.id, node]));
  const nodesAfter = new Map(after.nodes.map((node) => [node.id, node]));
  const nodes = new Map<string, MapNodeComparison>();
  const drawnNodes: MapNode[] = [];
  const compareNode = (id: string) => {
    const was = nodesBefore.get(id);
    const is = nodesAfter.get(id);
    const linksWere = commissioningBefore.get(id) ?? [];
    const linksAre = commissioningAfter.get(id) ?? [];
    let change: MapChange;
    if (!was) change = 'added';
    else if (!is) change = 'removed';
    else if (was.type === 'organisation' && is.type === 'organisation')
      change = organisationChanged(was, is) ? 'changed' : 'unchanged';
    else change = sameArrangements(linksWere, linksAre) ? 'unchanged' : 'changed';
    nodes.set(id, { change, before: was, after: is, commissioningBefore: linksWere, commissioningAfter: linksAre });
    const drawn = is ?? was;
    if (drawn) drawnNodes.push(drawn);
  };
  // Organisations first, then services, as mapModelAt orders them; each in the data's order.
  const ordered = [...before.nodes, ...after.nodes].sort((a, b) => Number(a.type === 'service') - Number(b.type === 'service'));
  for (const node of ordered) if (!nodes.has(node.id)) compareNode(node.id);

  return {
    from,
    to,
    before,
    after,
    model: { month: to, financialYear: financialYearOf(to), nodes: drawnNodes, links: drawnLinks },
    nodes,
    links,
  };
}

/** How many nodes and links there are of each change. */
export function comparisonCounts(comparison: Pick<MapComparisonModel, 'nodes' | 'links'>): Record<MapChange, number> {
  const counts: Record<MapChange, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const { change } of comparison.nodes.values()) counts[change] += 1;
  for (const { change } of comparison.links.values()) counts[change] += 1;
  return counts;
}
