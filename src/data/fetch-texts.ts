/**
 * Fetching the dataset's files as text, with no schema library: the page fetches, a worker parses
 * and validates (dataset.worker.ts), so the first view carries neither zod nor the integrity rules.
 */
import type { DataProblem } from './problems';
import { DATASET_FILES, type DatasetFileKey } from './vocabulary';

export const DATASET_FILE_KEYS = Object.keys(DATASET_FILES) as DatasetFileKey[];

export type DatasetTexts = Partial<Record<DatasetFileKey, string>>;

export function dataFilePath(key: DatasetFileKey): string {
  return `data/${DATASET_FILES[key]}`;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Fetches data/*.json from the same origin as the page (the built site ships them beside index.html). */
export async function fetchDatasetTexts(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ ok: true; texts: DatasetTexts } | { ok: false; problems: DataProblem[] }> {
  const texts: DatasetTexts = {};
  const problems: DataProblem[] = [];
  await Promise.all(
    DATASET_FILE_KEYS.map(async (key) => {
      const url = `${baseUrl}${dataFilePath(key)}`;
      try {
        const response = await fetchImpl(url);
        if (!response.ok) {
          problems.push({ file: dataFilePath(key), path: '', reason: `could not be loaded (HTTP ${response.status})` });
          return;
        }
        texts[key] = await response.text();
      } catch (error) {
        problems.push({ file: dataFilePath(key), path: '', reason: `could not be loaded (${errorText(error)})` });
      }
    }),
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, texts };
}
