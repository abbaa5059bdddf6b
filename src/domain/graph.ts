/**
 * The map of the system at one month, as plain data: the organisations in force (and, optionally,
 * the services) as nodes; relationships, commissioning arrangements and funding flows as links.
 * Pure functions of the dataset, with no knowledge of layout or drawing, so the map, its text
 * alternative and the tests all read the same model.
 */
import type {
  Category,
  Commissioning,
  CommissioningRole,
  CommissioningStatus,
  Dataset,
  FundingFlow,
  Level,
  Organisation,
  RelationshipKind,
  Service,
} from '../data/schema';
import { financialYearOf, isInPeriod, monthIndex, monthRange, type MonthString } from './months';
import { countAt, nameAt } from './organisations';

/** The bands of the map, top to bottom: services sit below the local bodies that commission them. */
export const MAP_LEVELS = ['national', 'regional', 'local', 'service'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

/** Relationship kinds, plus `commissions`: a body commissions a service. */
export type MapLinkKind = RelationshipKind | 'commissions';

export type OrganisationKind = Organisation['kind'];
export type ServiceCategory = Service['category'];

export interface MapOrganisationNode {
  type: 'organisation';
  /** the organisation's id: ids are unique across the dataset, so they cannot clash with a service node */
  id: string;
  organisationId: string;
  /** what the map prints: the short name at the month, with the count for a kind of body ("CCGs · 211") */
  label: string;
  shortName: string;
  /** the full name at the month */
  name: string;
  kind: OrganisationKind;
  level: Level;
  category: Category;
  /** how many there were at the month, where a source gives it */
  count: number | undefined;
  countApproximate: boolean;
  role: string;
  /** money the body spends itself in the month's financial year (e.g. NHS England's direct commissioning) */
  ownFunding: MapFunding[];
}

export interface MapServiceNode {
  type: 'service';
  /** "service:<id>" */
  id: string;
  serviceId: string;
  /** the name without its bracketed gloss: "Health visiting" */
  label: string;
  name: string;
  level: 'service';
  category: 'service';
  serviceCategory: ServiceCategory;
}

export type MapNode = MapOrganisationNode | MapServiceNode;

/** One funding figure, as its source gives it. */
export interface MapFunding {
  id: string;
  financialYear: string;
  amountBn: number | undefined;
  share: string | undefined;
  basis: FundingFlow['basis'];
  description: string;
  /** why sources disagree, where they do */
  contested: string | undefined;
}

export interface MapLink {
  /** stable across months: the relationship's id, "commissioning:<record id>" or "funding:<payer>:<recipient>" */
  id: string;
  /** read as a sentence: source <kind> target ("department-of-health funds nhs-england"; "nhs-england commissions service:dental") */
  source: string;
  target: string;
  kind: MapLinkKind;
  /** in-force for relationships and funding; a commissioning arrangement may be proposed, paused or reversed */
  status: CommissioningStatus;
  /** the commissioner's role, for a commissioning link */
  role: CommissioningRole | undefined;
  note: string | undefined;
  contested: string | undefined;
  /** funding figures of the month's financial year between the same payer and recipient */
  funding: MapFunding[];
}

export interface MapModel {
  month: MonthString;
  financialYear: string;
  nodes: MapNode[];
  links: MapLink[];
}

export interface MapOptions {
  showServices: boolean;
  hiddenCategories: readonly Category[];
  hiddenRelationshipKinds: readonly RelationshipKind[];
}

export const DEFAULT_MAP_OPTIONS: MapOptions = { showServices: true, hiddenCategories: [], hiddenRelationshipKinds: [] };

export const serviceNodeId = (serviceId: string) => `service:${serviceId}`;

/** "Health visiting (children aged 0 to 5)" → "Health visiting": the bracket is a gloss, kept in the full name. */
export function serviceLabel(name: string): string {
  const short = name.replace(/\s*\([^)]*\)\s*$/, '');
  return short.length > 0 ? short : name;
}

function organisationNode(org: Organisation, month: MonthString, ownFunding: MapFunding[]): MapOrganisationNode {
  const { name, shortName } = nameAt(org, month);
  const count = countAt(org, month);
  const countText = count ? `${count.approximate ? '~' : ''}${count.count}` : '';
  return {
    type: 'organisation',
    id: org.id,
    organisationId: org.id,
    label: count ? `${shortName} · ${countText}` : shortName,
    shortName,
    name,
    kind: org.kind,
    level: org.level,
    category: org.category,
    count: count?.count,
    countApproximate: count?.approximate ?? false,
    role: org.role,
    ownFunding,
  };
}

function serviceNode(service: Service): MapServiceNode {
  return {
    type: 'service',
    id: serviceNodeId(service.id),
    serviceId: service.id,
    label: serviceLabel(service.name),
    name: service.name,
    level: 'service',
    category: 'service',
    serviceCategory: service.category,
  };
}

function fundingFigure(flow: FundingFlow): MapFunding {
  return {
    id: flow.id,
    financialYear: flow.financialYear,
    amountBn: flow.amountBn,
    share: flow.share,
    basis: flow.basis,
    description: flow.description,
    contested: flow.contested?.reason,
  };
}

function commissioningLink(record: Commissioning): MapLink {
  return {
    id: `commissioning:${record.id}`,
    source: record.commissioner,
    target: serviceNodeId(record.service),
    kind: 'commissions',
    status: record.status,
    role: record.role,
    note: record.note,
    contested: record.contested?.reason,
    funding: [],
  };
}

/**
 * The map at a month: organisations in force (less hidden categories), relationships in force
 * between them (less hidden kinds), the funding flows of the month's financial year (merged onto
 * the `funds` relationship between the same payer and recipient, where there is one), and, when
 * services are shown, each service linked to every commissioner that stood at the month (in force,
 * or a proposal, pause or reversal, marked by `status`). A service none of whose commissioners is
 * shown is left out rather than drawn unlinked.
 */
export function mapModelAt(dataset: Dataset, month: MonthString, options: MapOptions = DEFAULT_MAP_OPTIONS): MapModel {
  const hiddenCategories = new Set<Category>(options.hiddenCategories);
  const hiddenKinds = new Set<RelationshipKind>(options.hiddenRelationshipKinds);
  const financialYear = financialYearOf(month);
  const organisations = dataset.organisations.filter((org) => isInPeriod(org, month) && !hiddenCategories.has(org.category));
  const shown = new Set(organisations.map((org) => org.id));

  const flows = hiddenKinds.has('funds')
    ? []
    : dataset.funding.filter(
        (flow) => flow.financialYear === financialYear && shown.has(flow.payer) && shown.has(flow.recipient),
      );
  const ownFunding = new Map<string, MapFunding[]>();
  const pairFunding = new Map<string, MapFunding[]>();
  // Figures with an amount come before those that give only a share: "£104.4bn; over 80 per cent…".
  const ordered = [...flows].sort((a, b) => Number(a.amountBn === undefined) - Number(b.amountBn === undefined));
  for (const flow of ordered) {
    const target = flow.payer === flow.recipient ? ownFunding : pairFunding;
    const key = flow.payer === flow.recipient ? flow.payer : `${flow.payer}\u0000${flow.recipient}`;
    target.set(key, [...(target.get(key) ?? []), fundingFigure(flow)]);
  }

  const nodes: MapNode[] = organisations.map((org) => organisationNode(org, month, ownFunding.get(org.id) ?? []));
  const links: MapLink[] = [];
  for (const relationship of dataset.relationships) {
    if (relationship.status !== 'in-force' || !isInPeriod(relationship, month) || hiddenKinds.has(relationship.kind)) continue;
    if (!shown.has(relationship.subject) || !shown.has(relationship.object)) continue;
    const pair = `${relationship.subject}\u0000${relationship.object}`;
    const funding = relationship.kind === 'funds' ? (pairFunding.get(pair) ?? []) : [];
    if (relationship.kind === 'funds') pairFunding.delete(pair);
    links.push({
      id: relationship.id,
      source: relationship.subject,
      target: relationship.object,
      kind: relationship.kind,
      status: 'in-force',
      role: undefined,
      note: relationship.note,
      contested: relationship.contested?.reason,
      funding,
    });
  }
  // Funding between bodies with no `funds` relationship in force still shows as a funding link.
  for (const [pair, funding] of pairFunding) {
    const [payer = '', recipient = ''] = pair.split('\u0000');
    links.push({
      id: `funding:${payer}:${recipient}`,
      source: payer,
      target: recipient,
      kind: 'funds',
      status: 'in-force',
      role: undefined,
      note: undefined,
      contested: undefined,
      funding,
    });
  }

  if (options.showServices) {
    // Grouped by service once, in the data's order: looking each service's records up in all of
    // them would grow with services × records (minutes a scrub at 100 times the data).
    const recordsByService = new Map<string, Commissioning[]>();
    for (const record of dataset.commissioning) {
      if (!isInPeriod(record, month) || !shown.has(record.commissioner)) continue;
      const records = recordsByService.get(record.service);
      if (records) records.push(record);
      else recordsByService.set(record.service, [record]);
    }
    for (const service of dataset.services) {
      if (!isInPeriod(service, month)) continue;
      const serviceLinks = (recordsByService.get(service.id) ?? []).map(commissioningLink);
      if (serviceLinks.length === 0) continue;
      nodes.push(serviceNode(service));
      links.push(...serviceLinks);
    }
  }
  return { month, financialYear, nodes, links };
}

/** A node or link of every month, with the first and last month (as month indices) it is on the map. */
export interface MapUnionNode {
  node: MapNode;
  /** the longest label it carries in any month, for sizing it once for all months */
  longestLabel: string;
  span: [number, number];
}

export interface MapUnionLink {
  link: MapLink;
  span: [number, number];
}

export interface MapUnion {
  months: MonthString[];
  nodes: MapUnionNode[];
  links: MapUnionLink[];
}

/**
 * Every node and link that is on the map in any month of the coverage, with all services and no
 * filters. A layout computed once over this union puts each node in one place for all months, so
 * scrubbing never moves a node. Each entry keeps its latest version and the months it spans.
 */
export function mapModelUnion(dataset: Dataset): MapUnion {
  const months = monthRange(dataset.meta.coverage.from, dataset.meta.coverage.to);
  const nodes = new Map<string, MapUnionNode>();
  const links = new Map<string, MapUnionLink>();
  for (const month of months) {
    const index = monthIndex(month);
    const model = mapModelAt(dataset, month, DEFAULT_MAP_OPTIONS);
    for (const node of model.nodes) {
      const known = nodes.get(node.id);
      if (!known) {
        nodes.set(node.id, { node, longestLabel: node.label, span: [index, index] });
        continue;
      }
      known.node = node;
      known.span[1] = index;
      if (node.label.length > known.longestLabel.length) known.longestLabel = node.label;
    }
    for (const link of model.links) {
      const known = links.get(link.id);
      if (!known) links.set(link.id, { link, span: [index, index] });
      else {
        known.link = link;
        known.span[1] = index;
      }
    }
  }
  return { months, nodes: [...nodes.values()], links: [...links.values()] };
}

/** The ids of a node's neighbours in a model (every node linked to it, either way). */
export function neighboursOf(model: Pick<MapModel, 'links'>, nodeId: string): Set<string> {
  const neighbours = new Set<string>();
  for (const link of model.links) {
    if (link.source === nodeId) neighbours.add(link.target);
    if (link.target === nodeId) neighbours.add(link.source);
  }
  return neighbours;
}

/** How a node or link of the map differs between two months. */
export type MapChange = 'added' | 'removed' | 'changed' | 'unchanged';

export const MAP_CHANGES: readonly MapChange[] = ['added', 'removed', 'changed', 'unchanged'];

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
