/**
 * Integrity rules over commissioning, events, funding and the tour: every service has one commissioner
 * at a time (or says how it is split), and events, money and tour steps agree with the records.
 */
import {
  addMonths,
  compareMonths,
  financialYearMonths,
  formatMonth,
  isInPeriod,
  monthFromIndex,
  monthIndex,
  monthOfDate,
  type Period,
  periodsOverlap,
} from '../lib/months';
import { describePeriod, problem, type Rule } from './integrity-helpers';
import type { DataProblem } from './problems';

/** Every service has an in-force commissioner at every month of its life, within the coverage. */
export const servicesAlwaysCommissioned: Rule = (dataset) => {
  const problems: DataProblem[] = [];
  const { coverage } = dataset.meta;
  const first = monthIndex(coverage.from);
  const last = monthIndex(coverage.to);
  const inForceByService = groupByService(dataset.commissioning.filter((record) => record.status === 'in-force'));
  dataset.services.forEach((service, i) => {
    // The service's months within the coverage, as month numbers, and which of them a record covers.
    const from = service.from === null ? first : Math.max(first, monthIndex(service.from));
    const to = service.to === null ? last : Math.min(last, monthIndex(service.to));
    if (to < from) return;
    const covered = new Uint8Array(to - from + 1);
    for (const record of inForceByService.get(service.id) ?? []) {
      const start = record.from === null ? from : Math.max(from, monthIndex(record.from));
      const end = record.to === null ? to : Math.min(to, monthIndex(record.to));
      covered.fill(1, start - from, Math.max(start, end + 1) - from);
    }
    const uncovered: string[] = [];
    covered.forEach((isCovered, offset) => {
      if (!isCovered) uncovered.push(monthFromIndex(from + offset));
    });
    if (uncovered.length === 0) return;
    problems.push(
      problem('services', `[${i}]`, `the service "${service.id}" has no commissioner in force in ${describeMonths(uncovered)}`),
    );
  });
  return problems;
};

/** Records by the service they name, each list in the data's order (so rules look at one service's records, not all). */
function groupByService<T extends { service: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.service);
    if (group) group.push(record);
    else groups.set(record.service, [record]);
  }
  return groups;
}

/** Groups a sorted list of months into readable runs: "July 2010 to March 2013, May 2015". */
function describeMonths(months: readonly string[]): string {
  const runs: Array<[string, string]> = [];
  for (const month of months) {
    const last = runs[runs.length - 1];
    if (last && addMonths(last[1], 1) === month) last[1] = month;
    else runs.push([month, month]);
  }
  return runs.map(([a, b]) => (a === b ? formatMonth(a) : `${formatMonth(a)} to ${formatMonth(b)}`)).join(', ');
}

/** Two records split a service between them when each says which part it covers, and the parts differ. */
function splitByScope(first: { scope?: string | undefined }, second: { scope?: string | undefined }): boolean {
  if (first.scope === undefined || second.scope === undefined) return false;
  return first.scope.trim().toLowerCase() !== second.scope.trim().toLowerCase();
}

/**
 * Two in-force records of one service may overlap only when they say how they share it
 * (lead, joint, delegated, co-commissioning) or split it (each with its own scope: "primary care
 * for serving personnel", "tier 3"); a "sole" commissioner alongside another with no split is a
 * contradiction, and so is the same commissioner listed twice at once for the same part.
 */
export const noContradictoryCommissioning: Rule = (dataset) => {
  const problems: DataProblem[] = [];
  const inForce = dataset.commissioning
    .map((record, index) => ({ record, index }))
    .filter(({ record }) => record.status === 'in-force');
  // Pairs of one service only, in the same order as over every pair (a, then each later b).
  const byService = new Map<string, typeof inForce>();
  for (const entry of inForce) {
    const group = byService.get(entry.record.service);
    if (group) group.push(entry);
    else byService.set(entry.record.service, [entry]);
  }
  for (const first of inForce) {
    const group = byService.get(first.record.service) ?? [];
    for (let b = group.indexOf(first) + 1; b < group.length; b += 1) {
      const second = group[b];
      if (!second) continue;
      if (!periodsOverlap(first.record, second.record)) continue;
      if (first.record.commissioner === second.record.commissioner && !splitByScope(first.record, second.record)) {
        problems.push(
          problem(
            'commissioning',
            `[${second.index}]`,
            `"${second.record.id}" overlaps "${first.record.id}": the same commissioner cannot hold the same service twice at once`,
          ),
        );
      } else if ((first.record.role === 'sole' || second.record.role === 'sole') && !splitByScope(first.record, second.record)) {
        problems.push(
          problem(
            'commissioning',
            `[${second.index}].role`,
            `"${second.record.id}" overlaps "${first.record.id}" for the service "${first.record.service}", but one of them is the sole commissioner and they do not split it by scope (each needs its own "scope")`,
          ),
        );
      }
    }
  }
  dataset.commissioning.forEach((record, i) => {
    if (record.uptake && record.role !== 'co-commissioning')
      problems.push(
        problem(
          'commissioning',
          `[${i}].uptake`,
          'co-commissioning uptake belongs only on a record whose role is "co-commissioning"',
        ),
      );
  });
  return problems;
};

/**
 * A scope says which part of a service a commissioner covers, so it only makes sense on a record
 * that shares its months with another commissioner of the same service (a split), or that says in
 * its note why the rest is not recorded. A scope on a lone record with no note reads as a split that
 * the dataset forgot to record.
 */
export const scopesDescribeSplits: Rule = (dataset) => {
  const problems: DataProblem[] = [];
  const byService = groupByService(dataset.commissioning);
  dataset.commissioning.forEach((record, i) => {
    if (record.scope === undefined || record.note !== undefined) return;
    const shared = (byService.get(record.service) ?? []).some(
      (other) =>
        other !== record && other.service === record.service && other.status === record.status && periodsOverlap(other, record),
    );
    if (!shared)
      problems.push(
        problem(
          'commissioning',
          `[${i}].scope`,
          `"${record.id}" covers only part of the service "${record.service}" ("${record.scope}"), but no other record covers the rest at the same time and no note says why`,
        ),
      );
  });
  return problems;
};

/** An event that starts a record happens in its first month; one that ends it, the month after its last. */
export const eventsMatchRecords: Rule = (dataset) => {
  const problems: DataProblem[] = [];
  const periods = new Map<string, Period>(
    [...dataset.organisations, ...dataset.relationships, ...dataset.commissioning].map((record) => [record.id, record]),
  );
  dataset.events.forEach((event, i) => {
    const month = monthOfDate(event.date);
    event.starts.forEach((id, j) => {
      const period = periods.get(id);
      if (period && period.from !== month)
        problems.push(
          problem(
            'events',
            `[${i}].starts[${j}]`,
            `the event is in ${formatMonth(month)} but "${id}" starts ${period.from === null ? 'before the dataset' : `in ${formatMonth(period.from)}`}`,
          ),
        );
    });
    event.ends.forEach((id, j) => {
      const period = periods.get(id);
      const lastMonth = addMonths(month, -1);
      if (period && period.to !== lastMonth)
        problems.push(
          problem(
            'events',
            `[${i}].ends[${j}]`,
            `the event is in ${formatMonth(month)}, so "${id}" should last be in force in ${formatMonth(lastMonth)}, but it ${period.to === null ? 'never ends' : `ends in ${formatMonth(period.to)}`}`,
          ),
        );
    });
  });
  return problems;
};

/** Money flows between bodies that exist during that financial year. */
export const fundingBetweenLiveBodies: Rule = (dataset) => {
  const problems: DataProblem[] = [];
  const orgs = new Map(dataset.organisations.map((org) => [org.id, org]));
  dataset.funding.forEach((flow, i) => {
    const [first, last] = financialYearMonths(flow.financialYear);
    const year: Period = { from: first, to: last };
    for (const field of ['payer', 'recipient'] as const) {
      const org = orgs.get(flow[field]);
      if (org && !periodsOverlap(org, year))
        problems.push(problem('funding', `[${i}].${field}`, `"${org.id}" does not exist in ${flow.financialYear}`));
    }
    if (flow.amountBn === undefined && flow.share === undefined)
      problems.push(problem('funding', `[${i}]`, 'a funding flow needs an amount (amountBn) or a share'));
  });
  return problems;
};

/**
 * The guided tour shows what the dataset holds: each step's month lies in the coverage and follows
 * the step before; what it highlights exists (and is in force) at that month; the events it
 * names exist. (Its sources are checked with every other citation, by citedSourcesExist.)
 */
export const tourMatchesDataset: Rule = (dataset) => {
  const problems: DataProblem[] = [];
  const { coverage } = dataset.meta;
  const organisations = new Map(dataset.organisations.map((org) => [org.id, org]));
  const services = new Map(dataset.services.map((service) => [service.id, service]));
  const eventIds = new Set(dataset.events.map((event) => event.id));
  dataset.tour.forEach((step, i) => {
    if (compareMonths(step.month, coverage.from) < 0 || compareMonths(step.month, coverage.to) > 0)
      problems.push(
        problem('tour', `[${i}].month`, `${formatMonth(step.month)} is outside the dataset (${describePeriod(coverage)})`),
      );
    const previous = dataset.tour[i - 1];
    if (previous && compareMonths(step.month, previous.month) < 0)
      problems.push(
        problem(
          'tour',
          `[${i}].month`,
          `the step is in ${formatMonth(step.month)}, before the step it follows (${formatMonth(previous.month)})`,
        ),
      );
    const { kind, id } = step.focus;
    const record: Period | undefined = kind === 'service' ? services.get(id) : organisations.get(id);
    const what = kind === 'service' ? 'service' : 'organisation';
    if (!record) problems.push(problem('tour', `[${i}].focus.id`, `highlights the ${what} "${id}", which does not exist`));
    else if (!isInPeriod(record, step.month))
      problems.push(
        problem(
          'tour',
          `[${i}].focus.id`,
          `highlights the ${what} "${id}", which does not exist in ${formatMonth(step.month)} (${describePeriod(record)})`,
        ),
      );
    step.events.forEach((eventId, j) => {
      if (!eventIds.has(eventId))
        problems.push(problem('tour', `[${i}].events[${j}]`, `refers to the event "${eventId}", which does not exist`));
    });
  });
  return problems;
};
