/**
 * Loading: raw JSON files → a parsed Dataset, or the list of problems that stop it.
 * Parsing happens once, here; everything downstream works with the typed Dataset.
 */
import type { z } from 'zod';
import { checkIntegrity } from './integrity';
import { type DataProblem, formatPath } from './problems';
import { DATASET_FILE_KEYS, dataFilePath, fetchDatasetTexts } from './fetch-texts';
import { type Dataset, type DatasetFileKey, datasetSchema } from './schema';

export type RawDatasetFiles = Partial<Record<DatasetFileKey, unknown>>;

export type LoadResult =
  | { ok: true; dataset: Dataset }
  | { ok: false; problems: DataProblem[]; dataset?: Dataset };

export { DATASET_FILE_KEYS, dataFilePath };


function issuesToProblems(file: string, issues: readonly z.core.$ZodIssue[]): DataProblem[] {
  return issues.map((issue) => ({ file, path: formatPath(issue.path), reason: issue.message }));
}

/**
 * Validates each file against its part of the schema, then (only if every file is well-formed)
 * runs the integrity rules across files. Problems are reported per file and JSON path.
 */
export function parseDataset(raw: RawDatasetFiles): LoadResult {
  const problems: DataProblem[] = [];
  const parsed: Partial<Record<DatasetFileKey, unknown>> = {};
  for (const key of DATASET_FILE_KEYS) {
    const file = dataFilePath(key);
    if (raw[key] === undefined) {
      // A file whose schema has a default (the tour: older copies of data/ have none) may be absent.
      const absent = datasetSchema.shape[key].safeParse(undefined);
      if (absent.success) parsed[key] = absent.data;
      else problems.push({ file, path: '', reason: 'the file is missing' });
      continue;
    }
    const result = datasetSchema.shape[key].safeParse(raw[key]);
    if (result.success) parsed[key] = result.data;
    else problems.push(...issuesToProblems(file, result.error.issues));
  }
  if (problems.length > 0) return { ok: false, problems };
  const dataset = parsed as Dataset;
  const integrityProblems = checkIntegrity(dataset);
  if (integrityProblems.length > 0) return { ok: false, problems: integrityProblems, dataset };
  return { ok: true, dataset };
}

/** Parses the text of each file, reporting bad JSON as a problem of that file. */
export function parseDatasetTexts(texts: Partial<Record<DatasetFileKey, string>>): LoadResult {
  const raw: RawDatasetFiles = {};
  const problems: DataProblem[] = [];
  for (const key of DATASET_FILE_KEYS) {
    const text = texts[key];
    if (text === undefined) continue;
    try {
      raw[key] = JSON.parse(text) as unknown;
    } catch (error) {
      problems.push({
        file: dataFilePath(key),
        path: '',
        reason: `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      });
    }
  }
  const result = parseDataset(raw);
  if (problems.length === 0) return result;
  const otherProblems = result.ok ? [] : result.problems.filter((p) => !problems.some((q) => q.file === p.file));
  return { ok: false, problems: [...problems, ...otherProblems] };
}

/** Fetches data/*.json and parses them here, on the calling thread (the app validates in a worker: load-dataset.ts). */
export async function fetchDataset(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<LoadResult> {
  const fetched = await fetchDatasetTexts(baseUrl, fetchImpl);
  return fetched.ok ? parseDatasetTexts(fetched.texts) : { ok: false, problems: fetched.problems };
}
