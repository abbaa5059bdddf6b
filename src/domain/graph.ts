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
    const records = dataset.commissioning.filter((record) => isInPeriod(record, month) && shown.has(record.commissioner));
    for (const service of dataset.services) {
      if (!isInPeriod(service, month)) continue;
      const serviceLinks = records.filter((record) => record.service === service.id).map(commissioningLink);
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
