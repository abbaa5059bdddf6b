/** Integrity rules over ids, references, citations and periods: every record can be found, and lives within what it names. */
import { compareMonths, formatMonth, type Period, periodContains } from '../lib/months';
import { describePeriod, file, problem, type Rule, visitCitations, visitRecordsWithIds } from './integrity-helpers';
import type { DataProblem } from './problems';
import type { DatasetFileKey } from './schema';

export const uniqueIds: Rule = (dataset) => {
  // Where each id was first seen (the file and place), put into words only for a duplicate.
  const seen = new Map<string, [DatasetFileKey, number]>();
  const problems: DataProblem[] = [];
  visitRecordsWithIds(dataset, (key, index, id) => {
    const first = seen.get(id);
    if (first) problems.push(problem(key, `[${index}].id`, `the id "${id}" is already used (${file(first[0])} [${first[1]}])`));
    else seen.set(id, [key, index]);
  });
  const terms = new Set<string>();
  dataset.glossary.forEach((entry, index) => {
    if (terms.has(entry.term)) problems.push(problem('glossary', `[${index}].term`, `the term "${entry.term}" is defined twice`));
    terms.add(entry.term);
  });
  return problems;
};

export const citedSourcesExist: Rule = (dataset) => {
  const sourceIds = new Set(dataset.sources.map((source) => source.id));
  const problems: DataProblem[] = [];
  visitCitations(dataset, (key, path, citation) => {
    if (!sourceIds.has(citation.id))
      problems.push(problem(key, `${path()}.id`, `cites the source "${citation.id}", which is not in data/sources.json`));
  });
  return problems;
};

export const referencesExist: Rule = (dataset) => {
  const problems: DataProblem[] = [];
  const orgIds = new Set(dataset.organisations.map((org) => org.id));
  const serviceIds = new Set(dataset.services.map((service) => service.id));
  const recordIds = new Set([
    ...orgIds,
    ...dataset.relationships.map((record) => record.id),
    ...dataset.commissioning.map((record) => record.id),
  ]);
  const requireOrg = (key: DatasetFileKey, path: string, id: string) => {
    if (!orgIds.has(id)) problems.push(problem(key, path, `refers to the organisation "${id}", which does not exist`));
  };
  dataset.organisations.forEach((org, i) => {
    org.predecessors.forEach((id, j) => requireOrg('organisations', `[${i}].predecessors[${j}]`, id));
    org.successors.forEach((id, j) => requireOrg('organisations', `[${i}].successors[${j}]`, id));
  });
  dataset.relationships.forEach((record, i) => {
    requireOrg('relationships', `[${i}].subject`, record.subject);
    requireOrg('relationships', `[${i}].object`, record.object);
  });
  dataset.commissioning.forEach((record, i) => {
    requireOrg('commissioning', `[${i}].commissioner`, record.commissioner);
    if (!serviceIds.has(record.service))
      problems.push(
        problem('commissioning', `[${i}].service`, `refers to the service "${record.service}", which does not exist`),
      );
  });
  dataset.funding.forEach((record, i) => {
    requireOrg('funding', `[${i}].payer`, record.payer);
    requireOrg('funding', `[${i}].recipient`, record.recipient);
  });
  dataset.events.forEach((event, i) => {
    for (const field of ['starts', 'ends'] as const) {
      event[field].forEach((id, j) => {
        if (!recordIds.has(id))
          problems.push(
            problem(
              'events',
              `[${i}].${field}[${j}]`,
              `refers to "${id}", which is not an organisation, relationship or commissioning record`,
            ),
          );
      });
    }
  });
  return problems;
};

export const periodsInOrder: Rule = (dataset) => {
  const problems: DataProblem[] = [];
  const check = (key: DatasetFileKey, path: string, period: Period) => {
    if (period.from !== null && period.to !== null && compareMonths(period.from, period.to) > 0)
      problems.push(
        problem(key, `${path}.to`, `ends (${formatMonth(period.to)}) before it starts (${formatMonth(period.from)})`),
      );
  };
  const { coverage } = dataset.meta;
  if (compareMonths(coverage.from, coverage.to) > 0)
    problems.push(problem('meta', 'coverage.to', 'the coverage ends before it starts'));
  dataset.organisations.forEach((org, i) => {
    check('organisations', `[${i}]`, org);
    org.names?.forEach((name, j) => check('organisations', `[${i}].names[${j}]`, name));
  });
  dataset.relationships.forEach((record, i) => check('relationships', `[${i}]`, record));
  dataset.services.forEach((record, i) => check('services', `[${i}]`, record));
  dataset.commissioning.forEach((record, i) => check('commissioning', `[${i}]`, record));
  return problems;
};

/** A relationship, name or commissioning record cannot outlive the organisations it names. */
export const withinLifetimes: Rule = (dataset) => {
  const problems: DataProblem[] = [];
  const orgs = new Map(dataset.organisations.map((org) => [org.id, org]));
  const services = new Map(dataset.services.map((service) => [service.id, service]));
  const within = (
    key: DatasetFileKey,
    path: string,
    what: string,
    record: Period,
    outerName: string,
    outer: Period | undefined,
  ) => {
    if (outer && !periodContains(outer, record))
      problems.push(
        problem(key, path, `${what} runs ${describePeriod(record)}, outside the life of ${outerName} (${describePeriod(outer)})`),
      );
  };
  dataset.organisations.forEach((org, i) =>
    org.names?.forEach((name, j) =>
      within('organisations', `[${i}].names[${j}]`, `the name "${name.name}"`, name, `"${org.id}"`, org),
    ),
  );
  dataset.relationships.forEach((record, i) => {
    within('relationships', `[${i}]`, 'the relationship', record, `"${record.subject}"`, orgs.get(record.subject));
    within('relationships', `[${i}]`, 'the relationship', record, `"${record.object}"`, orgs.get(record.object));
  });
  dataset.commissioning.forEach((record, i) => {
    if (record.status !== 'in-force') return;
    within(
      'commissioning',
      `[${i}]`,
      'the commissioning record',
      record,
      `"${record.commissioner}"`,
      orgs.get(record.commissioner),
    );
    within(
      'commissioning',
      `[${i}]`,
      'the commissioning record',
      record,
      `the service "${record.service}"`,
      services.get(record.service),
    );
  });
  return problems;
};
