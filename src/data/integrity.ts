/**
 * Integrity rules that a schema cannot express: they look across records and files.
 * Each rule is its own function returning problems, so tests can prove each one separately.
 */
import {
  type Period,
  compareMonths,
  financialYearMonths,
  formatMonth,
  isInPeriod,
  monthOfDate,
  addMonths,
  monthRange,
  periodContains,
  periodsOverlap,
} from '../lib/months';
import { type DataProblem } from './problems';
import { DATASET_FILES, type Citation, type Dataset, type DatasetFileKey } from './schema';

type Rule = (dataset: Dataset) => DataProblem[];

const file = (key: DatasetFileKey): string => `data/${DATASET_FILES[key]}`;

function problem(key: DatasetFileKey, path: string, reason: string): DataProblem {
  return { file: file(key), path, reason };
}

/** Every record kind that carries an id, with the file it lives in. */
function recordsWithIds(dataset: Dataset): Array<{ key: DatasetFileKey; index: number; id: string }> {
  const kinds: Array<DatasetFileKey & keyof Dataset> = [
    'sources',
    'organisations',
    'relationships',
    'services',
    'commissioning',
    'funding',
    'events',
    'tour',
  ];
  return kinds.flatMap((key) =>
    (dataset[key] as Array<{ id: string }>).map((record, index) => ({ key, index, id: record.id })),
  );
}

export const uniqueIds: Rule = (dataset) => {
  const seen = new Map<string, string>();
  const problems: DataProblem[] = [];
  for (const { key, index, id } of recordsWithIds(dataset)) {
    const first = seen.get(id);
    if (first) problems.push(problem(key, `[${index}].id`, `the id "${id}" is already used (${first})`));
    else seen.set(id, `${file(key)} [${index}]`);
  }
  const terms = new Set<string>();
  dataset.glossary.forEach((entry, index) => {
    if (terms.has(entry.term)) problems.push(problem('glossary', `[${index}].term`, `the term "${entry.term}" is defined twice`));
    terms.add(entry.term);
  });
  return problems;
};

/** Every citation, with where it stands. */
function citationsOf(dataset: Dataset): Array<{ key: DatasetFileKey; path: string; citation: Citation }> {
  const found: Array<{ key: DatasetFileKey; path: string; citation: Citation }> = [];
  const add = (key: DatasetFileKey, path: string, citations: readonly Citation[] | undefined) =>
    citations?.forEach((citation, index) => found.push({ key, path: `${path}.sources[${index}]`, citation }));
  dataset.organisations.forEach((org, i) => {
    add('organisations', `[${i}]`, org.sources);
    org.names?.forEach((name, j) => add('organisations', `[${i}].names[${j}]`, name.sources));
    org.counts?.forEach((count, j) => add('organisations', `[${i}].counts[${j}]`, count.sources));
  });
  dataset.relationships.forEach((record, i) => add('relationships', `[${i}]`, record.sources));
  dataset.services.forEach((record, i) => add('services', `[${i}]`, record.sources));
  dataset.commissioning.forEach((record, i) => {
    add('commissioning', `[${i}]`, record.sources);
    record.uptake?.forEach((uptake, j) => add('commissioning', `[${i}].uptake[${j}]`, uptake.sources));
  });
  dataset.funding.forEach((record, i) => add('funding', `[${i}]`, record.sources));
  dataset.events.forEach((record, i) => add('events', `[${i}]`, record.sources));
  dataset.glossary.forEach((record, i) => add('glossary', `[${i}]`, record.sources));
  dataset.tour.forEach((step, i) => add('tour', `[${i}]`, step.sources));
  return found;
}

export { citationsOf };

export const citedSourcesExist: Rule = (dataset) => {
  const sourceIds = new Set(dataset.sources.map((source) => source.id));
  return citationsOf(dataset)
    .filter(({ citation }) => !sourceIds.has(citation.id))
    .map(({ key, path, citation }) => problem(key, `${path}.id`, `cites the source "${citation.id}", which is not in data/sources.json`));
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
      problems.push(problem('commissioning', `[${i}].service`, `refers to the service "${record.service}", which does not exist`));
  });
  dataset.funding.forEach((record, i) => {
    requireOrg('funding', `[${i}].payer`, record.payer);
    requireOrg('funding', `[${i}].recipient`, record.recipient);
  });
  dataset.events.forEach((event, i) => {
    for (const field of ['starts', 'ends'] as const) {
      event[field].forEach((id, j) => {
        if (!recordIds.has(id))
          problems.push(problem('events', `[${i}].${field}[${j}]`, `refers to "${id}", which is not an organisation, relationship or commissioning record`));
      });
    }
  });
  return problems;
};

const describePeriod = (period: Period) =>
  `${period.from === null ? 'the start' : formatMonth(period.from)} to ${period.to === null ? 'the end' : formatMonth(period.to)}`;

export const periodsInOrder: Rule = (dataset) => {
  const problems: DataProblem[] = [];
  const check = (key: DatasetFileKey, path: string, period: Period) => {
    if (period.from !== null && period.to !== null && compareMonths(period.from, period.to) > 0)
      problems.push(problem(key, `${path}.to`, `ends (${formatMonth(period.to)}) before it starts (${formatMonth(period.from)})`));
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
  const within = (key: DatasetFileKey, path: string, what: string, record: Period, outerName: string, outer: Period | undefined) => {
    if (outer && !periodContains(outer, record))
      problems.push(
        problem(key, path, `${what} runs ${describePeriod(record)}, outside the life of ${outerName} (${describePeriod(outer)})`),
      );
  };
  dataset.organisations.forEach((org, i) =>
    org.names?.forEach((name, j) => within('organisations', `[${i}].names[${j}]`, `the name "${name.name}"`, name, `"${org.id}"`, org)),
  );
  dataset.relationships.forEach((record, i) => {
    within('relationships', `[${i}]`, 'the relationship', record, `"${record.subject}"`, orgs.get(record.subject));
    within('relationships', `[${i}]`, 'the relationship', record, `"${record.object}"`, orgs.get(record.object));
  });
  dataset.commissioning.forEach((record, i) => {
    if (record.status !== 'in-force') return;
    within('commissioning', `[${i}]`, 'the commissioning record', record, `"${record.commissioner}"`, orgs.get(record.commissioner));
    within('commissioning', `[${i}]`, 'the commissioning record', record, `the service "${record.service}"`, services.get(record.service));
  });
  return problems;
};

/** Every service has an in-force commissioner at every month of its life, within the coverage. */
export const servicesAlwaysCommissioned: Rule = (dataset) => {
  const problems: DataProblem[] = [];
  const { coverage } = dataset.meta;
  const allMonths = monthRange(coverage.from, coverage.to);
  dataset.services.forEach((service, i) => {
    const records = dataset.commissioning.filter((record) => record.service === service.id && record.status === 'in-force');
    const uncovered = allMonths.filter((month) => isInPeriod(service, month) && !records.some((record) => isInPeriod(record, month)));
    if (uncovered.length === 0) return;
    problems.push(
      problem('services', `[${i}]`, `the service "${service.id}" has no commissioner in force in ${describeMonths(uncovered)}`),
    );
  });
  return problems;
};

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
  for (let a = 0; a < inForce.length; a += 1) {
    for (let b = a + 1; b < inForce.length; b += 1) {
      const first = inForce[a];
      const second = inForce[b];
      if (!first || !second || first.record.service !== second.record.service) continue;
      if (!periodsOverlap(first.record, second.record)) continue;
      if (first.record.commissioner === second.record.commissioner && !splitByScope(first.record, second.record)) {
        problems.push(
          problem('commissioning', `[${second.index}]`, `"${second.record.id}" overlaps "${first.record.id}": the same commissioner cannot hold the same service twice at once`),
        );
      } else if ((first.record.role === 'sole' || second.record.role === 'sole') && !splitByScope(first.record, second.record)) {
        problems.push(
          problem('commissioning', `[${second.index}].role`, `"${second.record.id}" overlaps "${first.record.id}" for the service "${first.record.service}", but one of them is the sole commissioner and they do not split it by scope (each needs its own "scope")`),
        );
      }
    }
  }
  dataset.commissioning.forEach((record, i) => {
    if (record.uptake && record.role !== 'co-commissioning')
      problems.push(problem('commissioning', `[${i}].uptake`, 'co-commissioning uptake belongs only on a record whose role is "co-commissioning"'));
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
  dataset.commissioning.forEach((record, i) => {
    if (record.scope === undefined || record.note !== undefined) return;
    const shared = dataset.commissioning.some(
      (other) => other !== record && other.service === record.service && other.status === record.status && periodsOverlap(other, record),
    );
    if (!shared)
      problems.push(
        problem('commissioning', `[${i}].scope`, `"${record.id}" covers only part of the service "${record.service}" ("${record.scope}"), but no other record covers the rest at the same time and no note says why`),
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
        problems.push(problem('events', `[${i}].starts[${j}]`, `the event is in ${formatMonth(month)} but "${id}" starts ${period.from === null ? 'before the dataset' : `in ${formatMonth(period.from)}`}`));
    });
    event.ends.forEach((id, j) => {
      const period = periods.get(id);
      const lastMonth = addMonths(month, -1);
      if (period && period.to !== lastMonth)
        problems.push(problem('events', `[${i}].ends[${j}]`, `the event is in ${formatMonth(month)}, so "${id}" should last be in force in ${formatMonth(lastMonth)}, but it ${period.to === null ? 'never ends' : `ends in ${formatMonth(period.to)}`}`));
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
        problem('tour', `[${i}].month`, `the step is in ${formatMonth(step.month)}, before the step it follows (${formatMonth(previous.month)})`),
      );
    const { kind, id } = step.focus;
    const record: Period | undefined = kind === 'service' ? services.get(id) : organisations.get(id);
    const what = kind === 'service' ? 'service' : 'organisation';
    if (!record) problems.push(problem('tour', `[${i}].focus.id`, `highlights the ${what} "${id}", which does not exist`));
    else if (!isInPeriod(record, step.month))
      problems.push(
        problem('tour', `[${i}].focus.id`, `highlights the ${what} "${id}", which does not exist in ${formatMonth(step.month)} (${describePeriod(record)})`),
      );
    step.events.forEach((eventId, j) => {
      if (!eventIds.has(eventId)) problems.push(problem('tour', `[${i}].events[${j}]`, `refers to the event "${eventId}", which does not exist`));
    });
  });
  return problems;
};

/** Acronyms: two or more capitals, optionally one lower-case letter or a plural s (CCG, CCGs, LINk). */
const ACRONYM = /\b[A-Z][A-Z0-9]+[a-z]?\b/g;

/** The text a reader sees, where acronyms must be explained (quotes are the sources' own words). */
function readableTexts(dataset: Dataset): Array<{ key: DatasetFileKey; path: string; text: string }> {
  const texts: Array<{ key: DatasetFileKey; path: string; text: string }> = [];
  const add = (key: DatasetFileKey, path: string, text: string | undefined) => {
    if (text) texts.push({ key, path, text });
  };
  dataset.organisations.forEach((org, i) => {
    add('organisations', `[${i}].name`, org.name);
    add('organisations', `[${i}].shortName`, org.shortName);
    add('organisations', `[${i}].role`, org.role);
    org.names?.forEach((name, j) => {
      add('organisations', `[${i}].names[${j}].name`, name.name);
      add('organisations', `[${i}].names[${j}].shortName`, name.shortName);
    });
    org.counts?.forEach((count, j) => add('organisations', `[${i}].counts[${j}].dateNote`, count.dateNote));
    add('organisations', `[${i}].contested.reason`, org.contested?.reason);
  });
  dataset.relationships.forEach((record, i) => add('relationships', `[${i}].note`, record.note));
  dataset.services.forEach((record, i) => {
    add('services', `[${i}].name`, record.name);
    add('services', `[${i}].description`, record.description);
  });
  dataset.commissioning.forEach((record, i) => {
    add('commissioning', `[${i}].scope`, record.scope);
    add('commissioning', `[${i}].note`, record.note);
    add('commissioning', `[${i}].contested.reason`, record.contested?.reason);
  });
  dataset.funding.forEach((record, i) => add('funding', `[${i}].description`, record.description));
  dataset.events.forEach((record, i) => {
    add('events', `[${i}].title`, record.title);
    add('events', `[${i}].summary`, record.summary);
  });
  dataset.glossary.forEach((record, i) => add('glossary', `[${i}].meaning`, record.meaning));
  dataset.tour.forEach((step, i) => {
    add('tour', `[${i}].title`, step.title);
    add('tour', `[${i}].text`, step.text);
  });
  return texts;
}

/** The acronyms in a text, as written (plural "s" removed). */
export function acronymsIn(text: string): string[] {
  return [...text.matchAll(ACRONYM)].map(([token]) => (/[A-Z]s$/.test(token) ? token.slice(0, -1) : token));
}

export const acronymsExplained: Rule = (dataset) => {
  const known = new Set(dataset.glossary.flatMap((entry) => [entry.term, ...entry.term.split(/[\s/]+/)]));
  const problems: DataProblem[] = [];
  for (const { key, path, text } of readableTexts(dataset)) {
    const missing = [...new Set(acronymsIn(text).filter((acronym) => !known.has(acronym)))];
    if (missing.length > 0)
      problems.push(problem(key, path, `uses ${missing.map((m) => `"${m}"`).join(', ')} without a glossary entry in data/glossary.json`));
  }
  return problems;
};

export const INTEGRITY_RULES = {
  uniqueIds,
  referencesExist,
  citedSourcesExist,
  periodsInOrder,
  withinLifetimes,
  servicesAlwaysCommissioned,
  noContradictoryCommissioning,
  scopesDescribeSplits,
  eventsMatchRecords,
  fundingBetweenLiveBodies,
  acronymsExplained,
  tourMatchesDataset,
} satisfies Record<string, Rule>;

export function checkIntegrity(dataset: Dataset): DataProblem[] {
  return Object.values(INTEGRITY_RULES).flatMap((rule) => rule(dataset));
}

/**
 * Quotes from the five documents must appear in them word for word (white space and
 * typographic quotes aside). Needs the documents' texts, so it runs in `npm run check:data`
 * and the tests, not in the browser.
 */
export function checkQuotes(dataset: Dataset, documentTexts: ReadonlyMap<string, string>): DataProblem[] {
  const normalise = (text: string) =>
    text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
  const normalisedTexts = new Map([...documentTexts].map(([name, text]) => [name, normalise(text)]));
  const documents = new Map(
    dataset.sources.flatMap((source) => (source.kind === 'document' ? [[source.id, source.file] as const] : [])),
  );
  const problems: DataProblem[] = [];
  for (const { key, path, citation } of citationsOf(dataset)) {
    const fileName = documents.get(citation.id);
    if (!fileName || !citation.quote) continue;
    const text = normalisedTexts.get(fileName);
    if (text === undefined) continue;
    if (!text.includes(normalise(citation.quote)))
      problems.push(problem(key, `${path}.quote`, `the quote is not in ${fileName}: "${citation.quote.slice(0, 80)}${citation.quote.length > 80 ? '…' : ''}"`));
  }
  return problems;
}
