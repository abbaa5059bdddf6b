/** Integrity rules over the words: acronyms a reader meets are explained, and quotes are the documents' own words. */
import { citationsOf, problem, type Rule } from './integrity-helpers';
import type { DataProblem } from './problems';
import type { Dataset, DatasetFileKey } from './schema';

/** Acronyms: two or more capitals, optionally one lower-case letter or a plural s (CCG, CCGs, LINk). */
const ACRONYM = /\b[A-Z][A-Z0-9]+[a-z]?\b/g;

/**
 * Visits the text a reader sees, where acronyms must be explained (quotes are the sources' own
 * words), with where it stands (worked out only when asked for).
 */
function visitReadableTexts(dataset: Dataset, visit: (key: DatasetFileKey, path: () => string, text: string) => void): void {
  const add = (key: DatasetFileKey, path: () => string, text: string | undefined) => {
    if (text) visit(key, path, text);
  };
  dataset.organisations.forEach((org, i) => {
    add('organisations', () => `[${i}].name`, org.name);
    add('organisations', () => `[${i}].shortName`, org.shortName);
    add('organisations', () => `[${i}].role`, org.role);
    org.names?.forEach((name, j) => {
      add('organisations', () => `[${i}].names[${j}].name`, name.name);
      add('organisations', () => `[${i}].names[${j}].shortName`, name.shortName);
    });
    org.counts?.forEach((count, j) => add('organisations', () => `[${i}].counts[${j}].dateNote`, count.dateNote));
    add('organisations', () => `[${i}].contested.reason`, org.contested?.reason);
  });
  dataset.relationships.forEach((record, i) => add('relationships', () => `[${i}].note`, record.note));
  dataset.services.forEach((record, i) => {
    add('services', () => `[${i}].name`, record.name);
    add('services', () => `[${i}].description`, record.description);
  });
  dataset.commissioning.forEach((record, i) => {
    add('commissioning', () => `[${i}].scope`, record.scope);
    add('commissioning', () => `[${i}].note`, record.note);
    add('commissioning', () => `[${i}].contested.reason`, record.contested?.reason);
  });
  dataset.funding.forEach((record, i) => add('funding', () => `[${i}].description`, record.description));
  dataset.events.forEach((record, i) => {
    add('events', () => `[${i}].title`, record.title);
    add('events', () => `[${i}].summary`, record.summary);
  });
  dataset.glossary.forEach((record, i) => add('glossary', () => `[${i}].meaning`, record.meaning));
  dataset.tour.forEach((step, i) => {
    add('tour', () => `[${i}].title`, step.title);
    add('tour', () => `[${i}].text`, step.text);
  });
}

/** The acronyms in a text, as written (plural "s" removed). */
export function acronymsIn(text: string): string[] {
  return [...text.matchAll(ACRONYM)].map(([token]) => (/[A-Z]s$/.test(token) ? token.slice(0, -1) : token));
}

export const acronymsExplained: Rule = (dataset) => {
  const known = new Set(dataset.glossary.flatMap((entry) => [entry.term, ...entry.term.split(/[\s/]+/)]));
  const problems: DataProblem[] = [];
  // Many records share their words (a role, a description): each distinct text is read once.
  const missingIn = new Map<string, string[]>();
  visitReadableTexts(dataset, (key, path, text) => {
    let missing = missingIn.get(text);
    if (!missing) missingIn.set(text, (missing = [...new Set(acronymsIn(text).filter((acronym) => !known.has(acronym)))]));
    if (missing.length > 0)
      problems.push(
        problem(key, path(), `uses ${missing.map((m) => `"${m}"`).join(', ')} without a glossary entry in data/glossary.json`),
      );
  });
  return problems;
};

/**
 * Quotes from the five documents must appear in them word for word (white space and
 * typographic quotes aside). Needs the documents' texts, so it runs in `npm run check:data`
 * and the tests, not in the browser.
 */
export function checkQuotes(dataset: Dataset, documentTexts: ReadonlyMap<string, string>): DataProblem[] {
  const normalise = (text: string) =>
    text
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2013\u2014]/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
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
      problems.push(
        problem(
          key,
          `${path}.quote`,
          `the quote is not in ${fileName}: "${citation.quote.slice(0, 80)}${citation.quote.length > 80 ? '…' : ''}"`,
        ),
      );
  }
  return problems;
}
