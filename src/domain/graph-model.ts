/**
 * The map of the system at one month, as plain data: the organisations in force (and, optionally,
 * the services) as nodes; relationships, commissioning arrangements and funding flows as links.
 * Pure functions of the dataset, with no knowledge of layout or drawing, so the map, its text
 * alternative and the tests all read the same model. Built on snapshotAt, so what the map draws at a
 * month is what the rest of the explorer says is in force then.
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
import { drawnDataset } from './map-detail';
import { isInPeriod, type MonthString } from './months';
import { countAt } from './organisations';
import { type OrganisationAtMonth, snapshotAt } from './snapshot';

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
  /** where the map draws a kind of body as one node (map-detail.ts): the bodies it stands for */
  members?: MapMember[];
}

/** A body or service that a node drawn for its kind stands for. */
export interface MapMember {
  id: string;
  name: string;
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
  /** where the map draws a kind of service as one tile (map-detail.ts): the services it stands for */
  members?: MapMember[];
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

/** The members of a node drawn for a kind, listed once per group (not at every month). */
const memberLists = new WeakMap<readonly { id: string; name: string }[], MapMember[]>();
function membersOf(members: readonly { id: string; name: string }[]): MapMember[] {
  let list = memberLists.get(members);
  if (!list) memberLists.set(members, (list = members.map(({ id, name }) => ({ id, name }))));
  return list;
}

/** "21100" → "21,100" (the real data's counts are all under a thousand, so print as before). */
const formatCount = (count: number) => String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * A body's count at the month; for a node drawn for a kind of body, the members' counts added up
 * (or, for bodies with no count, how many members there are).
 */
function countFor(
  { count }: OrganisationAtMonth,
  members: readonly Organisation[] | undefined,
  month: MonthString,
): { count: number; approximate?: boolean | undefined } | undefined {
  if (!members || members.length < 2) return count;
  if (!count) return { count: members.length, approximate: false };
  let total = 0;
  let approximate = false;
  for (const member of members) {
    const memberCount = countAt(member, month);
    total += memberCount?.count ?? 0;
    approximate ||= memberCount?.approximate ?? false;
  }
  return { count: total, approximate };
}

function organisationNode(
  entry: OrganisationAtMonth,
  ownFunding: MapFunding[],
  members: readonly Organisation[] | undefined,
  month: MonthString,
): MapOrganisationNode {
  const { organisation: org, name, shortName } = entry;
  const count = countFor(entry, members, month);
  const countText = count ? `${count.approximate ? '~' : ''}${formatCount(count.count)}` : '';
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
    ...(members && members.length > 1 ? { members: membersOf(members) } : {}),
  };
}

function serviceNode(service: Service, members: readonly Service[] | undefined): MapServiceNode {
  const grouped = members !== undefined && members.length > 1;
  return {
    type: 'service',
    id: serviceNodeId(service.id),
    serviceId: service.id,
    label: grouped ? `${serviceLabel(service.name)} · ${formatCount(members.length)}` : serviceLabel(service.name),
    name: service.name,
    level: 'service',
    category: 'service',
    serviceCategory: service.category,
    ...(grouped ? { members: membersOf(members) } : {}),
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
 *
 * At a level of detail that fits the data's size (map-detail.ts): over MAP_DETAIL_LIMIT bodies and
 * services at the busiest month, a node for each kind of body and of service, with its count.
 */
export function mapModelAt(wholeDataset: Dataset, month: MonthString, options: MapOptions = DEFAULT_MAP_OPTIONS): MapModel {
  const { dataset, organisationMembers, serviceMembers } = drawnDataset(wholeDataset);
  const hiddenCategories = new Set<Category>(options.hiddenCategories);
  const hiddenKinds = new Set<RelationshipKind>(options.hiddenRelationshipKinds);
  const snapshot = snapshotAt(dataset, month);
  const { financialYear } = snapshot;
  const organisations = snapshot.organisations.filter(({ organisation }) => !hiddenCategories.has(organisation.category));
  const shown = new Set(organisations.map(({ organisation }) => organisation.id));

  const flows = hiddenKinds.has('funds')
    ? []
    : snapshot.funding.filter((flow) => shown.has(flow.payer) && shown.has(flow.recipient));
  const ownFunding = new Map<string, MapFunding[]>();
  const pairFunding = new Map<string, MapFunding[]>();
  // Figures with an amount come before those that give only a share: "£104.4bn; over 80 per cent…".
  const ordered = [...flows].sort((a, b) => Number(a.amountBn === undefined) - Number(b.amountBn === undefined));
  for (const flow of ordered) {
    const target = flow.payer === flow.recipient ? ownFunding : pairFunding;
    const key = flow.payer === flow.recipient ? flow.payer : `${flow.payer}\u0000${flow.recipient}`;
    target.set(key, [...(target.get(key) ?? []), fundingFigure(flow)]);
  }

  const nodes: MapNode[] = organisations.map((entry) =>
    organisationNode(entry, ownFunding.get(entry.organisation.id) ?? [], organisationMembers.get(entry.organisation.id), month),
  );
  const links: MapLink[] = [];
  for (const relationship of snapshot.relationships) {
    if (hiddenKinds.has(relationship.kind)) continue;
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
    // The arrangements in force and those that stood as plans, grouped by service once, each
    // service's in the data's order: looking each service's records up in all of them would grow
    // with services × records (minutes a scrub at 100 times the data).
    const standing = new Set<Commissioning>([...snapshot.commissioning, ...snapshot.plans]);
    const recordsByService = new Map<string, Commissioning[]>();
    for (const record of dataset.commissioning) {
      if (!standing.has(record) || !shown.has(record.commissioner)) continue;
      const records = recordsByService.get(record.service);
      if (records) records.push(record);
      else recordsByService.set(record.service, [record]);
    }
    for (const service of dataset.services) {
      if (!isInPeriod(service, month)) continue;
      const serviceLinks = (recordsByService.get(service.id) ?? []).map(commissioningLink);
      if (serviceLinks.length === 0) continue;
      nodes.push(serviceNode(service, serviceMembers.get(service.id)));
      links.push(...serviceLinks);
    }
  }
  return { month, financialYear, nodes, links };
}
