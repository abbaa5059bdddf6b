/** What the integrity rules share: the type of a rule, where a problem stands, and every record and citation with its place. */
import { formatMonth, type Period } from '../lib/months';
import type { DataProblem } from './problems';
import { DATASET_FILES, type Citation, type Dataset, type DatasetFileKey } from './schema';

export type Rule = (dataset: Dataset) => DataProblem[];

export const file = (key: DatasetFileKey): string => `data/${DATASET_FILES[key]}`;

export function problem(key: DatasetFileKey, path: string, reason: string): DataProblem {
  return { file: file(key), path, reason };
}

const KINDS_WITH_IDS: Array<DatasetFileKey & keyof Dataset> = [
  'sources',
  'organisations',
  'relationships',
  'services',
  'commissioning',
  'funding',
  'events',
  'tour',
];

/** Visits every record that carries an id, in the files' order, with the file it lives in. */
export function visitRecordsWithIds(dataset: Dataset, visit: (key: DatasetFileKey, index: number, id: string) => void): void {
  for (const key of KINDS_WITH_IDS)
    (dataset[key] as Array<{ id: string }>).forEach((record, index) => visit(key, index, record.id));
}

/** Every record kind that carries an id, with the file it lives in. */
export function recordsWithIds(dataset: Dataset): Array<{ key: DatasetFileKey; index: number; id: string }> {
  const found: Array<{ key: DatasetFileKey; index: number; id: string }> = [];
  visitRecordsWithIds(dataset, (key, index, id) => found.push({ key, index, id }));
  return found;
}

/**
 * Visits every citation in the data's order, with where it stands (the path is worked out only when
 * asked for: at a hundred times the data there are hundreds of thousands of citations, nearly all fine).
 */
export function visitCitations(
  dataset: Dataset,
  visit: (key: DatasetFileKey, path: () => string, citation: Citation) => void,
): void {
  const add = (key: DatasetFileKey, path: () => string, citations: readonly Citation[] | undefined) =>
    citations?.forEach((citation, index) => visit(key, () => `${path()}.sources[${index}]`, citation));
  dataset.organisations.forEach((org, i) => {
    add('organisations', () => `[${i}]`, org.sources);
    org.names?.forEach((name, j) => add('organisations', () => `[${i}].names[${j}]`, name.sources));
    org.counts?.forEach((count, j) => add('organisations', () => `[${i}].counts[${j}]`, count.sources));
  });
  dataset.relationships.forEach((record, i) => add('relationships', () => `[${i}]`, record.sources));
  dataset.services.forEach((record, i) => add('services', () => `[${i}]`, record.sources));
  dataset.commissioning.forEach((record, i) => {
    add('commissioning', () => `[${i}]`, record.sources);
    record.uptake?.forEach((uptake, j) => add('commissioning', () => `[${i}].uptake[${j}]`, uptake.sources));
  });
  dataset.funding.forEach((record, i) => add('funding', () => `[${i}]`, record.sources));
  dataset.events.forEach((record, i) => add('events', () => `[${i}]`, record.sources));
  dataset.glossary.forEach((record, i) => add('glossary', () => `[${i}]`, record.sources));
  dataset.tour.forEach((step, i) => add('tour', () => `[${i}]`, step.sources));
}

/** Every citation, with where it stands. */
export function citationsOf(dataset: Dataset): Array<{ key: DatasetFileKey; path: string; citation: Citation }> {
  const found: Array<{ key: DatasetFileKey; path: string; citation: Citation }> = [];
  visitCitations(dataset, (key, path, citation) => found.push({ key, path: path(), citation }));
  return found;
}

/** "April 2013 to the end". */
export const describePeriod = (period: Period) =>
  `${period.from === null ? 'the start' : formatMonth(period.from)} to ${period.to === null ? 'the end' : formatMonth(period.to)}`;
