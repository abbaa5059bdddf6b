/** Pure helpers that gather what the organisation panel shows at a month. */
import type { Commissioning, Dataset, FundingFlow, Organisation, Relationship, Service } from '../../data/schema';
import { RELATIONSHIP_KINDS } from '../../data/vocabulary';
import { addMonths, compareMonths, financialYearOf, isInPeriod, type MonthString } from '../../domain/months';
import { RELATIONSHIP_WORDS } from './labels';
import { compareText } from '../../lib/compare-text';

/** Where the month falls in the organisation's life. */
export function existenceAt(organisation: Organisation, month: MonthString): 'not-yet' | 'in-force' | 'ended' {
  if (organisation.from !== null && compareMonths(month, organisation.from) < 0) return 'not-yet';
  if (organisation.to !== null && compareMonths(month, organisation.to) > 0) return 'ended';
  return 'in-force';
}

/**
 * Predecessors and successors, read from both ends so that a link recorded on one side only still
 * shows; and, for a body that ended, the bodies that took over the services it commissioned (an
 * in-force arrangement of its that ends with it, followed the next month by another body's for the
 * same service). So primary care trusts have local authorities among their successors, for public
 * health, because the commissioning records say so. `handedOver` gives those services by successor.
 */
export function lineage(
  dataset: Dataset,
  organisation: Organisation,
): { predecessors: Organisation[]; successors: Organisation[]; handedOver: Map<string, Service[]> } {
  const byId = new Map(dataset.organisations.map((candidate) => [candidate.id, candidate]));
  const pick = (ids: Iterable<string>) =>
    [...new Set(ids)].flatMap((id) => {
      const found = byId.get(id);
      return found && found.id !== organisation.id ? [found] : [];
    });
  const handedOver = servicesHandedOver(dataset, organisation);
  return {
    predecessors: pick([
      ...organisation.predecessors,
      ...dataset.organisations.filter((other) => other.successors.includes(organisation.id)).map((other) => other.id),
    ]),
    successors: pick([
      ...organisation.successors,
      ...dataset.organisations.filter((other) => other.predecessors.includes(organisation.id)).map((other) => other.id),
      ...handedOver.keys(),
    ]),
    handedOver,
  };
}

/** For a body that ended: the services whose commissioning passed from it to another body when it ended, by that body. */
function servicesHandedOver(dataset: Dataset, organisation: Organisation): Map<string, Service[]> {
  const handedOver = new Map<string, Service[]>();
  const ended = organisation.to;
  if (ended === null) return handedOver;
  const next = addMonths(ended, 1);
  const services = new Map(dataset.services.map((service) => [service.id, service]));
  const inForce = dataset.commissioning.filter((record) => record.status === 'in-force');
  for (const record of inForce) {
    if (record.commissioner !== organisation.id || record.to !== ended) continue;
    const service = services.get(record.service);
    if (!service) continue;
    for (const after of inForce) {
      if (after.service !== record.service || after.from !== next || after.commissioner === organisation.id) continue;
      const list = handedOver.get(after.commissioner) ?? [];
      if (!list.includes(service)) list.push(service);
      handedOver.set(after.commissioner, list);
    }
  }
  return handedOver;
}

export interface CommissionedService {
  service: Service;
  /** its arrangements with this organisation at the month, in force first */
  records: Commissioning[];
}

/** The services the organisation commissions (or is proposed to) at the month, in-force ones first. */
export function servicesCommissionedAt(dataset: Dataset, organisationId: string, month: MonthString): CommissionedService[] {
  const services = new Map(dataset.services.map((service) => [service.id, service]));
  const byService = new Map<string, CommissionedService>();
  for (const record of dataset.commissioning) {
    if (record.commissioner !== organisationId || !isInPeriod(record, month)) continue;
    const service = services.get(record.service);
    if (!service) continue;
    const entry = byService.get(service.id) ?? { service, records: [] };
    entry.records.push(record);
    byService.set(service.id, entry);
  }
  const inForce = (entry: CommissionedService) => entry.records.some((record) => record.status === 'in-force');
  return [...byService.values()]
    .map((entry) => ({
      ...entry,
      records: entry.records.sort((a, b) => Number(b.status === 'in-force') - Number(a.status === 'in-force')),
    }))
    .sort((a, b) => Number(inForce(b)) - Number(inForce(a)) || compareText(a.service.name, b.service.name));
}

export interface RelationshipLine {
  relationship: Relationship;
  /** the organisation at the other end */
  otherId: string;
}

export interface RelationshipGroup {
  /** "Funds", "Funded by" */
  label: string;
  lines: RelationshipLine[];
}

/** The organisation's relationships at the month, grouped by kind and direction, in the schema's order of kinds. */
export function relationshipsAt(dataset: Dataset, organisationId: string, month: MonthString): RelationshipGroup[] {
  const groups = new Map<string, RelationshipGroup>();
  const add = (label: string, line: RelationshipLine) => {
    const group = groups.get(label) ?? { label, lines: [] };
    if (!group.lines.some((existing) => existing.relationship.id === line.relationship.id)) group.lines.push(line);
    groups.set(label, group);
  };
  const current = dataset.relationships.filter(
    (relationship) =>
      isInPeriod(relationship, month) && (relationship.subject === organisationId || relationship.object === organisationId),
  );
  for (const kind of RELATIONSHIP_KINDS) {
    for (const relationship of current.filter((candidate) => candidate.kind === kind && candidate.subject === organisationId))
      add(RELATIONSHIP_WORDS[kind].outgoing, { relationship, otherId: relationship.object });
    for (const relationship of current.filter(
      (candidate) => candidate.kind === kind && candidate.object === organisationId && candidate.subject !== organisationId,
    ))
      add(RELATIONSHIP_WORDS[kind].incoming, { relationship, otherId: relationship.subject });
  }
  return [...groups.values()];
}

/** The funding flows of the month's financial year that the organisation pays or receives. */
export function fundingAt(
  dataset: Dataset,
  organisationId: string,
  month: MonthString,
): { financialYear: string; flows: FundingFlow[] } {
  const financialYear = financialYearOf(month);
  return {
    financialYear,
    flows: dataset.funding.filter(
      (flow) => flow.financialYear === financialYear && (flow.payer === organisationId || flow.recipient === organisationId),
    ),
  };
}
