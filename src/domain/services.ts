/** A service through time: who commissions it at a month, and the history of its commissioners. */
import type { Citation, Commissioning, CommissioningRole, Dataset, DatasetEvent, Organisation } from '../data/schema';
import { addMonths, compareMonths, isInPeriod, type MonthString } from './months';
import { nameAt } from './organisations';
import { comparePlain } from '../lib/compare-text';

export interface CommissionerAtMonth {
  record: Commissioning;
  organisation: Organisation;
  /** the commissioner's name at that month */
  name: string;
  role: CommissioningRole;
  status: Commissioning['status'];
  /** the first month of this arrangement (null: before the dataset begins) */
  since: MonthString | null;
}

const ROLE_ORDER: Record<CommissioningRole, number> = { sole: 0, lead: 1, joint: 2, delegated: 3, 'co-commissioning': 4 };

// Ids are lower-case words joined by hyphens (the schema's idSchema), which sort the same by code
// point as by a collator; a collator's first use costs about 30 ms (ICU loads its rules), which
// fell in the task that receives the dataset, just before the first map.
const compareIds = comparePlain;

function byStatusThenRole(a: Commissioning, b: Commissioning): number {
  const aInForce = a.status === 'in-force' ? 0 : 1;
  const bInForce = b.status === 'in-force' ? 0 : 1;
  return aInForce - bInForce || ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || compareIds(a.commissioner, b.commissioner);
}

interface CommissioningIndex {
  organisations: Map<string, Organisation>;
  recordsByService: Map<string, Commissioning[]>;
}

const commissioningIndexes = new WeakMap<Dataset, CommissioningIndex>();

/** The organisations by id and the commissioning records by service, built once per dataset. */
function commissioningIndexOf(dataset: Dataset): CommissioningIndex {
  let index = commissioningIndexes.get(dataset);
  if (!index) {
    const recordsByService = new Map<string, Commissioning[]>();
    for (const record of dataset.commissioning) {
      const records = recordsByService.get(record.service);
      if (records) records.push(record);
      else recordsByService.set(record.service, [record]);
    }
    index = { organisations: new Map(dataset.organisations.map((org) => [org.id, org])), recordsByService };
    commissioningIndexes.set(dataset, index);
  }
  return index;
}

/**
 * The commissioners of a service at a month, those in force first (by role: sole, lead, joint,
 * delegated, co-commissioning), then any proposal, pause or reversal that stood at that month.
 */
export function commissionersOf(dataset: Dataset, serviceId: string, month: MonthString): CommissionerAtMonth[] {
  const { organisations: orgs, recordsByService } = commissioningIndexOf(dataset);
  return (recordsByService.get(serviceId) ?? [])
    .filter((record) => isInPeriod(record, month))
    .sort(byStatusThenRole)
    .flatMap((record) => {
      const organisation = orgs.get(record.commissioner);
      if (!organisation) return [];
      return [
        {
          record,
          organisation,
          name: nameAt(organisation, month).name,
          role: record.role,
          status: record.status,
          since: record.from,
        },
      ];
    });
}

export interface CommissionerRef {
  organisationId: string;
  role: CommissioningRole;
}

export interface ServiceChange {
  /** the first month after the change; null for arrangements already in force when the dataset begins */
  month: MonthString | null;
  /** start: the first arrangement; change: the commissioners changed; plan: a proposal, pause or reversal */
  kind: 'start' | 'change' | 'plan';
  before: CommissionerRef[];
  after: CommissionerRef[];
  started: Commissioning[];
  ended: Commissioning[];
  /** the events that started or ended these records */
  events: DatasetEvent[];
  sources: Citation[];
}

const refsOf = (records: readonly Commissioning[]): CommissionerRef[] =>
  [...records].sort(byStatusThenRole).map((record) => ({ organisationId: record.commissioner, role: record.role }));

function compareNullableMonths(a: MonthString | null, b: MonthString | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareMonths(a, b);
}

/** The ordered list of changes of commissioner of a service, each with its dates, events and sources. */
export function serviceHistory(dataset: Dataset, serviceId: string): ServiceChange[] {
  const records = dataset.commissioning.filter((record) => record.service === serviceId);
  const inForce = records.filter((record) => record.status === 'in-force');
  /** The events that start these records or end those (an event that started a record that now ends is not its cause). */
  const eventsFor = (started: readonly Commissioning[], ended: readonly Commissioning[]) => {
    const startedIds = new Set(started.map((record) => record.id));
    const endedIds = new Set(ended.map((record) => record.id));
    return dataset.events.filter(
      (event) => event.starts.some((id) => startedIds.has(id)) || event.ends.some((id) => endedIds.has(id)),
    );
  };

  // A change happens where an in-force record starts, or the month after one ends.
  const boundaries = new Set<MonthString | null>();
  for (const record of inForce) {
    boundaries.add(record.from);
    if (record.to !== null) boundaries.add(addMonths(record.to, 1));
  }
  const inForceAt = (month: MonthString | null) =>
    month === null ? inForce.filter((record) => record.from === null) : inForce.filter((record) => isInPeriod(record, month));

  const changes: ServiceChange[] = [...boundaries].sort(compareNullableMonths).map((month) => {
    const before = month === null ? [] : inForceAt(addMonths(month, -1)).filter((record) => record.from !== month);
    const after = inForceAt(month);
    const started = after.filter((record) => record.from === month);
    const ended = month === null ? [] : before.filter((record) => record.to !== null && addMonths(record.to, 1) === month);
    const events = eventsFor(started, ended);
    return {
      month,
      kind: before.length === 0 ? 'start' : 'change',
      before: refsOf(before),
      after: refsOf(after),
      started,
      ended,
      events,
      sources: [...started, ...ended, ...events].flatMap((record) => record.sources),
    };
  });

  const plans: ServiceChange[] = records
    .filter((record) => record.status !== 'in-force')
    .map((record) => {
      const events = eventsFor([record], [record]);
      return {
        month: record.from,
        kind: 'plan' as const,
        before: [],
        after: refsOf([record]),
        started: [record],
        ended: [],
        events,
        sources: [...record.sources, ...events.flatMap((event) => event.sources)],
      };
    });

  return [...changes, ...plans].sort(
    (a, b) => compareNullableMonths(a.month, b.month) || (a.kind === 'plan' ? 1 : 0) - (b.kind === 'plan' ? 1 : 0),
  );
}
