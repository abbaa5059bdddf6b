/** What changed between two months: the diff of two snapshots, plus the events in between. */
import type { Commissioning, Dataset, DatasetEvent, Organisation, Relationship } from '../data/schema';
import { compareMonths, monthOfDate, type MonthString } from './months';
import { countAt, nameAt } from './organisations';
import { snapshotAt } from './snapshot';
import { comparePlain } from '../lib/compare-text';

export interface ServiceMove {
  serviceId: string;
  before: Commissioning[];
  after: Commissioning[];
}

export interface CountChange {
  organisation: Organisation;
  before: number | undefined;
  after: number | undefined;
}

export interface Rename {
  organisation: Organisation;
  before: string;
  after: string;
}

export interface Changes {
  from: MonthString;
  to: MonthString;
  organisations: { started: Organisation[]; ended: Organisation[]; renamed: Rename[] };
  relationships: { started: Relationship[]; ended: Relationship[] };
  commissioning: { started: Commissioning[]; ended: Commissioning[] };
  /** services whose set of commissioners differs */
  moved: ServiceMove[];
  counts: CountChange[];
  /** events after `from`, up to and including `to` */
  events: DatasetEvent[];
}

function difference<T extends { id: string }>(a: readonly T[], b: readonly T[]): T[] {
  const ids = new Set(b.map((item) => item.id));
  return a.filter((item) => !ids.has(item.id));
}

const commissionerKey = (records: readonly Commissioning[]) =>
  records
    .map((record) => `${record.commissioner}:${record.role}`)
    .sort()
    .join('|');

/** The changes from month `a` to month `b` (given in either order; reported earlier → later). */
export function changesBetween(dataset: Dataset, a: MonthString, b: MonthString): Changes {
  const [from, to] = compareMonths(a, b) <= 0 ? [a, b] : [b, a];
  const before = snapshotAt(dataset, from);
  const after = snapshotAt(dataset, to);
  const orgsBefore = before.organisations.map(({ organisation }) => organisation);
  const orgsAfter = after.organisations.map(({ organisation }) => organisation);
  const afterIds = new Set(orgsAfter.map((org) => org.id));
  const bothOrgs = orgsBefore.filter((org) => afterIds.has(org.id));

  const moved = dataset.services.flatMap((service) => {
    const was = before.commissioning.filter((record) => record.service === service.id);
    const is = after.commissioning.filter((record) => record.service === service.id);
    return commissionerKey(was) === commissionerKey(is) ? [] : [{ serviceId: service.id, before: was, after: is }];
  });

  return {
    from,
    to,
    organisations: {
      started: difference(orgsAfter, orgsBefore),
      ended: difference(orgsBefore, orgsAfter),
      renamed: bothOrgs.flatMap((organisation) => {
        const was = nameAt(organisation, from).name;
        const is = nameAt(organisation, to).name;
        return was === is ? [] : [{ organisation, before: was, after: is }];
      }),
    },
    relationships: {
      started: difference(after.relationships, before.relationships),
      ended: difference(before.relationships, after.relationships),
    },
    commissioning: {
      started: difference(after.commissioning, before.commissioning),
      ended: difference(before.commissioning, after.commissioning),
    },
    moved,
    counts: dataset.organisations.flatMap((organisation) => {
      const was = countAt(organisation, from)?.count;
      const is = countAt(organisation, to)?.count;
      return was === is ? [] : [{ organisation, before: was, after: is }];
    }),
    events: dataset.events
      .filter((event) => {
        const month = monthOfDate(event.date);
        return compareMonths(month, from) > 0 && compareMonths(month, to) <= 0;
      })
      .sort((x, y) => comparePlain(x.date, y.date)),
  };
}

/** Events in one month, in date order. */
export function eventsInMonth(dataset: Dataset, month: MonthString): DatasetEvent[] {
  return dataset.events.filter((event) => monthOfDate(event.date) === month).sort((x, y) => comparePlain(x.date, y.date));
}
