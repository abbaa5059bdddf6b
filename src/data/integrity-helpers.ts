/** What the integrity rules share: the type of a rule, where a problem stands, and every record and citation with its place. */
import { formatMonth, type Period } from '../lib/months';
import type { DataProblem } from './problems';
import { DATASET_FILES, type Citation, type Dataset, type DatasetFileKey } from './schema';

export type Rule = (dataset: Dataset) => DataProblem[];

export const file = (key: DatasetFileKey): string => `data/${DATASET_FILES[key]}`;

export function problem(key: DatasetFileKey, path: string, reason: string): DataProblem {
  return { file: file(key), path, reason };
}

/** Every record kind that carries an id, with the file it lives in. */
export function recordsWithIds(dataset: Dataset): Array<{ key: DatasetFileKey; index: number; id: string }> {
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


/** Every citation, with where it stands. */
export function citationsOf(dataset: Dataset): Array<{ key: DatasetFileKey; path: string; citation: Citation }> {
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

/** "April 2013 to the end". */
export const describePeriod = (period: Period) =>
  `${period.from === null ? 'the start' : formatMonth(period.from)} to ${period.to === null ? 'the end' : formatMonth(period.to)}`;
