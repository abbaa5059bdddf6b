/** Time-aware facts about one organisation: its name and its count at a month. */
import type { Organisation, OrganisationCount } from '../data/schema';
import { compareMonths, isInPeriod, type MonthString } from './months';

/** The name the body went by at the month (e.g. the NHS Commissioning Board before it became NHS England). */
export function nameAt(org: Organisation, month: MonthString): { name: string; shortName: string } {
  const current = org.names?.find((name) => isInPeriod(name, month));
  return current
    ? { name: current.name, shortName: current.shortName ?? current.name }
    : { name: org.name, shortName: org.shortName };
}

/**
 * The latest actual count given for the month (how many CCGs there were), or undefined when no
 * source gives one by then. Planned or proposed figures are not counts of what existed.
 */
export function countAt(org: Organisation, month: MonthString): OrganisationCount | undefined {
  let latest: OrganisationCount | undefined;
  for (const count of org.counts ?? []) {
    if (count.status !== 'actual' || compareMonths(count.asOf, month) > 0) continue;
    if (!latest || compareMonths(count.asOf, latest.asOf) >= 0) latest = count;
  }
  return latest;
}
