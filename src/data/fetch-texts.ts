/**
 * Fetching the dataset's files (as text, or as Blobs for a worker), with no schema library: the page fetches, a worker parses
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

/** What fetching every data file gives: each file's body, read by `read`, or the problems of those that failed. */
export type FetchedDataset<Body> =
  { ok: true; bodies: Partial<Record<DatasetFileKey, Body>> } | { ok: false; problems: DataProblem[] };

/** Fetches data/*.json from the same origin as the page (the built site ships them beside index.html). */
async function fetchDatasetFiles<Body>(
  baseUrl: string,
  fetchImpl: typeof fetch,
  read: (response: Response) => Promise<Body>,
  onBody?: (key: DatasetFileKey, body: Body) => void,
): Promise<FetchedDataset<Body>> {
  const bodies: Partial<Record<DatasetFileKey, Body>> = {};
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
        const body = await read(response);
        bodies[key] = body;
        onBody?.(key, body);
      } catch (error) {
        problems.push({ file: dataFilePath(key), path: '', reason: `could not be loaded (${errorText(error)})` });
      }
    }),
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, bodies };
}

/** Every data file as text. */
export async function fetchDatasetTexts(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ ok: true; texts: DatasetTexts } | { ok: false; problems: DataProblem[] }> {
  const fetched = await fetchDatasetFiles(baseUrl, fetchImpl, (response) => response.text());
  return fetched.ok ? { ok: true, texts: fetched.bodies } : fetched;
}

/**
 * Every data file as a Blob, for a worker to read: the body goes to the browser's own store for
 * blobs, not through the page's memory, and a Blob is posted to a worker as a handle (no copy).
 * Reading the hundredfold dataset's 42 MB as ArrayBuffers here cost the page over a second of long
 * tasks (copying each body into place), and the whole hand-over took about 1.9 s; as Blobs, none
 * and about 0.7 s. `onBody` hears of each file as soon as it has arrived (the worker parses it
 * while the others download).
 */
export function fetchDatasetBlobs(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
  onBody?: (key: DatasetFileKey, body: Blob) => void,
): Promise<FetchedDataset<Blob>> {
  return fetchDatasetFiles(baseUrl, fetchImpl, (response) => response.blob(), onBody);
}
