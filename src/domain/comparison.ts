/**
 * Two months side by side: what came into being, what ended, which services changed commissioner
 * (from whom to whom, when, by which event) and which counts changed. Built on changesBetween (the
 * diff of two snapshots) and serviceHistory (each service's changes with their events), so the
 * comparison and the service panel cannot disagree.
 */
import type {
  Citation,
  CommissioningRole,
  Dataset,
  DatasetEvent,
  Organisation,
  OrganisationCount,
  Relationship,
  Service,
} from '../data/schema';
import { changesBetween } from './changes';
import { addMonths, compareMonths, type MonthString } from './months';
import { countAt, nameAt } from './organisations';
import { type CommissionerRef, commissionersOf, serviceHistory } from './services';
import { compareText } from '../lib/compare-text';

/** An organisation that came into being or ended between the two months. */
export interface OrganisationChange {
  organisation: Organisation;
  /** its name at that month (its first month for one that began, its last for one that ended) */
  name: string;
  /** the first month it was in force (began), or the last (ended) */
  month: MonthString;
  /** the events whose starts (or ends) name it */
  events: DatasetEvent[];
  /** for one that began: its name at `to`, when it was renamed in between (the NHS Commissioning Board → NHS England); else null */
  nameAtTo: string | null;
}

export interface Rename {
  organisation: Organisation;
  before: string;
  after: string;
}

/** A link between two bodies that began or ended between the two months. */
export interface RelationshipChange {
  relationship: Relationship;
  /** the names of its two ends at the month it is read at (the `to` month if it began, the `from` month if it ended) */
  subjectName: string;
  objectName: string;
  /** its first month in force (began) or its last (ended), when that falls between the two months */
  month: MonthString | null;
  events: DatasetEvent[];
}

/** One commissioner of a service at a month, named as it was then. */
export interface CommissionerAt {
  organisationId: string;
  name: string;
  role: CommissioningRole;
}

/** One change of commissioner of a service, on its month, with the events that made it. */
export interface CommissioningStep {
  /** the first month of the new arrangement */
  month: MonthString;
  /** the commissioners the month before (named as they were then) */
  before: CommissionerAt[];
  /** the commissioners from this month (named as they were then) */
  after: CommissionerAt[];
  /** events whose starts or ends name the commissioning records that changed; may be empty */
  events: DatasetEvent[];
  sources: Citation[];
}

export interface CommissioningChange {
  service: Service;
  /** the commissioners in force at `from` and at `to` (empty: none recorded) */
  before: CommissionerAt[];
  after: CommissionerAt[];
  /** the changes in between, in order */
  steps: CommissioningStep[];
  /** every source behind the steps, each citation once */
  sources: Citation[];
}

/**
 * A count at a month: the body (or kind of body) was not in being; or it was, but no source gives
 * an actual count by then (unknown, never 0); or a source gives one.
 */
export type CountAtMonth = { state: 'not-in-being' } | { state: 'unknown' } | { state: 'known'; figure: OrganisationCount };

export interface CountChange {
  organisation: Organisation;
  /** its name at `to` if it is in being then, else at `from` */
  name: string;
  before: CountAtMonth;
  after: CountAtMonth;
}

export interface Comparison {
  /** the earlier month */
  from: MonthString;
  /** the later month */
  to: MonthString;
  /** the months were given later first, and were swapped */
  swapped: boolean;
  /** the two months are the same: nothing can have changed */
  same: boolean;
  organisationsStarted: OrganisationChange[];
  organisationsEnded: OrganisationChange[];
  renamed: Rename[];
  relationshipsStarted: RelationshipChange[];
  relationshipsEnded: RelationshipChange[];
  commissioningChanges: CommissioningChange[];
  countChanges: CountChange[];
  /** events after `from`, up to and including `to`, in date order */
  events: DatasetEvent[];
}

/** Is the month after `from` and no later than `to` (a change that month shows at `to`, not at `from`)? */
function isAfterUpTo(month: MonthString, from: MonthString, to: MonthString): boolean {
  return compareMonths(month, from) > 0 && compareMonths(month, to) <= 0;
}

/** The count at a month, telling "not in being" and "no figure" apart. */
export function countStateAt(organisation: Organisation, month: MonthString): CountAtMonth {
  const inBeing =
    (organisation.from === null || compareMonths(organisation.from, month) <= 0) &&
    (organisation.to === null || compareMonths(month, organisation.to) <= 0);
  if (!inBeing) return { state: 'not-in-being' };
  const figure = countAt(organisation, month);
  return figure ? { state: 'known', figure } : { state: 'unknown' };
}

function countsDiffer(before: CountAtMonth, after: CountAtMonth): boolean {
  // Only a figure a source gives can change: "not in being" to "no figure" says nothing about a count.
  if (before.state !== 'known' && after.state !== 'known') return false;
  if (before.state === 'known' && after.state === 'known') return before.figure.count !== after.figure.count;
  return true;
}

function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((citation) => {
    const key = `${citation.id}\u0000${citation.quote ?? ''}\u0000${citation.locator ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The comparison of two months (given in either order: the result reads earlier → later and says
 * whether they were swapped). Months are taken as given; the caller keeps them inside coverage.
 */
export function comparisonBetween(dataset: Dataset, a: MonthString, b: MonthString): Comparison {
  const swapped = compareMonths(a, b) > 0;
  const changes = changesBetween(dataset, a, b);
  const { from, to } = changes;
  const organisations = new Map(dataset.organisations.map((org) => [org.id, org]));
  const nameOf = (id: string, month: MonthString) => {
    const organisation = organisations.get(id);
    return organisation ? nameAt(organisation, month).name : id;
  };
  const eventsStarting = (id: string) => dataset.events.filter((event) => event.starts.includes(id));
  const eventsEnding = (id: string) => dataset.events.filter((event) => event.ends.includes(id));
  const byMonthThenName = (x: OrganisationChange, y: OrganisationChange) =>
    compareMonths(x.month, y.month) || compareText(x.name, y.name);

  // From the organisations' own periods rather than the two snapshots, so that a body that came
  // and went in between (in being at neither month) is still counted as both begun and ended.
  const organisationsStarted = dataset.organisations
    .flatMap((organisation) =>
      organisation.from !== null && isAfterUpTo(organisation.from, from, to)
        ? [
            {
              organisation,
              name: nameAt(organisation, organisation.from).name,
              month: organisation.from,
              events: eventsStarting(organisation.id),
              nameAtTo:
                nameAt(organisation, to).name === nameAt(organisation, organisation.from).name
                  ? null
                  : nameAt(organisation, to).name,
            },
          ]
        : [],
    )
    .sort(byMonthThenName);
  const organisationsEnded = dataset.organisations
    .flatMap((organisation) =>
      organisation.to !== null && compareMonths(organisation.to, from) >= 0 && compareMonths(organisation.to, to) < 0
        ? [
            {
              organisation,
              name: nameAt(organisation, organisation.to).name,
              month: organisation.to,
              events: eventsEnding(organisation.id),
              nameAtTo: null,
            },
          ]
        : [],
    )
    .sort(byMonthThenName);

  const relationshipChange = (relationship: Relationship, readAt: MonthString, month: MonthString | null) => ({
    relationship,
    subjectName: nameOf(relationship.subject, readAt),
    objectName: nameOf(relationship.object, readAt),
    month,
    events: month === null ? [] : readAt === to ? eventsStarting(relationship.id) : eventsEnding(relationship.id),
  });
  const relationshipsStarted = changes.relationships.started.map((relationship) =>
    relationshipChange(
      relationship,
      to,
      relationship.from !== null && isAfterUpTo(relationship.from, from, to) ? relationship.from : null,
    ),
  );
  const relationshipsEnded = changes.relationships.ended.map((relationship) =>
    relationshipChange(
      relationship,
      from,
      relationship.to !== null && compareMonths(relationship.to, from) >= 0 && compareMonths(relationship.to, to) < 0
        ? relationship.to
        : null,
    ),
  );

  const namedRefs = (refs: readonly CommissionerRef[], month: MonthString): CommissionerAt[] =>
    refs.map((ref) => ({ organisationId: ref.organisationId, name: nameOf(ref.organisationId, month), role: ref.role }));
  const inForceAt = (serviceId: string, month: MonthString): CommissionerAt[] =>
    commissionersOf(dataset, serviceId, month)
      .filter((commissioner) => commissioner.status === 'in-force')
      .map((commissioner) => ({
        organisationId: commissioner.organisation.id,
        name: commissioner.name,
        role: commissioner.role,
      }));

  const movedIds = new Set(changes.moved.map((move) => move.serviceId));
  const commissioningChanges = dataset.services.flatMap((service): CommissioningChange[] => {
    const steps: CommissioningStep[] = serviceHistory(dataset, service.id).flatMap((change) =>
      change.kind !== 'plan' && change.month !== null && isAfterUpTo(change.month, from, to)
        ? [
            {
              month: change.month,
              before: namedRefs(change.before, addMonths(change.month, -1)),
              after: namedRefs(change.after, change.month),
              events: change.events,
              sources: uniqueCitations(change.sources),
            },
          ]
        : [],
    );
    // A service counts as changed when its commissioners differ at the two months, or when they
    // changed in between (and changed back).
    if (!movedIds.has(service.id) && steps.length === 0) return [];
    return [
      {
        service,
        before: inForceAt(service.id, from),
        after: inForceAt(service.id, to),
        steps,
        sources: uniqueCitations(steps.flatMap((step) => step.sources)),
      },
    ];
  });

  const countChanges = dataset.organisations.flatMap((organisation): CountChange[] => {
    if (!organisation.counts?.length) return [];
    const before = countStateAt(organisation, from);
    const after = countStateAt(organisation, to);
    if (!countsDiffer(before, after)) return [];
    const nameMonth = after.state === 'not-in-being' ? from : to;
    return [{ organisation, name: nameAt(organisation, nameMonth).name, before, after }];
  });

  return {
    from,
    to,
    swapped,
    same: from === to,
    organisationsStarted,
    organisationsEnded,
    renamed: changes.organisations.renamed,
    relationshipsStarted,
    relationshipsEnded,
    commissioningChanges,
    countChanges,
    events: changes.events,
  };
}
