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

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; problems: DataProblem[]; dataset?: Dataset };

export { DATASET_FILE_KEYS, dataFilePath };

function issuesToProblems(file: string, issues: readonly z.core.$ZodIssue[]): DataProblem[] {
  return issues.map((issue) => ({ file, path: formatPath(issue.path), reason: issue.message }));
}

/** One file's verdict from its part of the schema: the parsed value (defaults filled in), or its problems. */
type PartOutcome = { ok: true; value: unknown } | { ok: false; problems: DataProblem[] };

/** Validates one file against its part of the schema (`undefined`: the file is absent). */
function parsePart(key: DatasetFileKey, raw: unknown): PartOutcome {
  const file = dataFilePath(key);
  if (raw === undefined) {
    // A file whose schema has a default (the tour: older copies of data/ have none) may be absent.
    const absent = datasetSchema.shape[key].safeParse(undefined);
    return absent.success
      ? { ok: true, value: absent.data }
      : { ok: false, problems: [{ file, path: '', reason: 'the file is missing' }] };
  }
  const result = datasetSchema.shape[key].safeParse(raw);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: issuesToProblems(file, result.error.issues) };
}

/** Every file's verdict, in the files' order, then (only if every file is well-formed) the integrity rules across files. */
function assembleDataset(outcomes: ReadonlyMap<DatasetFileKey, PartOutcome>, integrity = true): LoadResult {
  const problems: DataProblem[] = [];
  const parsed: Partial<Record<DatasetFileKey, unknown>> = {};
  for (const key of DATASET_FILE_KEYS) {
    const outcome = outcomes.get(key) ?? parsePart(key, undefined);
    if (outcome.ok) parsed[key] = outcome.value;
    else problems.push(...outcome.problems);
  }
  if (problems.length > 0) return { ok: false, problems };
  const dataset = parsed as Dataset;
  const integrityProblems = integrity ? checkIntegrity(dataset) : [];
  if (integrityProblems.length > 0) return { ok: false, problems: integrityProblems, dataset };
  return { ok: true, dataset };
}

/**
 * Validates each file against its part of the schema, then (only if every file is well-formed)
 * runs the integrity rules across files. Problems are reported per file and JSON path.
 */
export function parseDataset(raw: RawDatasetFiles): LoadResult {
  return assembleDataset(new Map(DATASET_FILE_KEYS.map((key) => [key, parsePart(key, raw[key])])));
}

/**
 * Parses and validates the files' texts one at a time, as they arrive (a large dataset's files
 * arrive over a second or more: each is parsed while the next downloads), then gives the verdict
 * `parseDatasetTexts` gives for the same texts, whatever order they came in.
 */
export interface DatasetTextParser {
  /**
   * Parses one file's text against its part of the schema; returns the parsed value, or undefined
   * if it has problems. `exactText`, for a text that is the file read another way (the same JSON,
   * written differently), gives the file's text as decoded, from which a JSON error is reported.
   * `schemaOutput`: the text is byte for byte one the build shipped as the schema's own output
   * (checked-files.ts), which the schema would give back unchanged, so it is only parsed as JSON.
   */
  add(
    key: DatasetFileKey,
    text: string,
    exactText?: () => string,
    options?: { schemaOutput?: boolean },
  ): { value: unknown } | undefined;
  /**
   * The verdict on every file added (a file never added is absent). `integrityChecked`: the files
   * are those the build ran the integrity rules over (checked-files.ts), which are then left out.
   */
  finish(options?: { integrityChecked?: boolean }): LoadResult;
}

export function createDatasetTextParser(): DatasetTextParser {
  const outcomes = new Map<DatasetFileKey, PartOutcome>();
  const jsonProblems = new Map<DatasetFileKey, DataProblem>();
  return {
    add(key, text, exactText, options) {
      let raw: unknown;
      try {
        raw = JSON.parse(text) as unknown;
      } catch (error) {
        try {
          // A text read a faster way (ascii-json.ts) is reported as the file reads: the message quotes the file's own characters.
          const exact = exactText?.();
          if (exact === undefined) throw error;
          raw = JSON.parse(exact) as unknown;
        } catch (exactError) {
          jsonProblems.set(key, {
            file: dataFilePath(key),
            path: '',
            reason: `is not valid JSON (${exactError instanceof Error ? exactError.message : String(exactError)})`,
          });
          // A file that is not JSON counts as absent for the schema (its own problem says why).
          outcomes.set(key, parsePart(key, undefined));
          return undefined;
        }
      }
      jsonProblems.delete(key);
      const outcome: PartOutcome = options?.schemaOutput ? { ok: true, value: raw } : parsePart(key, raw);
      outcomes.set(key, outcome);
      return outcome.ok ? { value: outcome.value } : undefined;
    },
    finish(options) {
      const result = assembleDataset(outcomes, !options?.integrityChecked);
      if (jsonProblems.size === 0) return result;
      const problems = DATASET_FILE_KEYS.flatMap((key) => jsonProblems.get(key) ?? []);
      const otherProblems = result.ok ? [] : result.problems.filter((p) => !problems.some((q) => q.file === p.file));
      return { ok: false, problems: [...problems, ...otherProblems] };
    },
  };
}

/** Parses the text of each file, reporting bad JSON as a problem of that file. */
export function parseDatasetTexts(texts: Partial<Record<DatasetFileKey, string>>): LoadResult {
  const parser = createDatasetTextParser();
  for (const key of DATASET_FILE_KEYS) {
    const text = texts[key];
    if (text !== undefined) parser.add(key, text);
  }
  return parser.finish();
}

/** Fetches data/*.json and parses them here, on the calling thread (the app validates in a worker: load-dataset.ts). */
export async function fetchDataset(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<LoadResult> {
  const fetched = await fetchDatasetTexts(baseUrl, fetchImpl);
  return fetched.ok ? parseDatasetTexts(fetched.texts) : { ok: false, problems: fetched.problems };
}
