/**
 * What the page's start script (scripts/build/after-first-paint.ts) begins before the app's own
 * script has come, for the app to take over:
 *
 * - The dataset worker. On a host that serves six requests at a time (HTTP/1.1), a worker the app
 *   started once its script had run waited for the data's downloads to finish before its own script
 *   could come (at a hundred times the data, 2.5 s into the load).
 * - The data files' requests, each read as a Blob at once. As preloads, the page's own thread
 *   read every body as it came (about 10 ms a megabyte: over a second of it at a hundred times
 *   the data); read as a Blob, the browser keeps the body itself, and the worker reads it.
 *
 * Where there are none (the dev server, tests, a second load), the app starts its own.
 */

/** The template's attribute that gives the built worker script's address. */
export const DATASET_WORKER_ATTRIBUTE = 'data-dataset-worker';

/** Where the start script leaves the worker for the app. */
export const EARLY_DATASET_WORKER_GLOBAL = '__explorerDatasetWorker';

/** Where the start script leaves the data's responses (by absolute address) for the app. */
export const EARLY_FETCHES_GLOBAL = '__explorerEarlyFetches';

/** What the start script leaves: the worker, and whether it has failed (its error came before the app listened). */
export interface EarlyDatasetWorker {
  worker: Worker;
  failed: boolean;
}

type EarlyGlobals = Record<string, unknown> & {
  [EARLY_DATASET_WORKER_GLOBAL]?: EarlyDatasetWorker;
  [EARLY_FETCHES_GLOBAL]?: Record<string, Promise<Response> | undefined>;
};

const earlyGlobals = (): EarlyGlobals | null => (typeof window === 'undefined' ? null : (window as unknown as EarlyGlobals));

/** The worker the start script started, taken (once), or null. */
export function takeEarlyDatasetWorker(): Worker | null {
  const globals = earlyGlobals();
  const early = globals?.[EARLY_DATASET_WORKER_GLOBAL];
  if (!globals || !early) return null;
  delete globals[EARLY_DATASET_WORKER_GLOBAL];
  if (early.failed) {
    early.worker.terminate();
    return null;
  }
  return early.worker;
}

/**
 * fetch, for the files the start script has already asked for: its response (taken, once: a
 * second request for the file goes to the network), otherwise a request made now.
 */
export const fetchStartedEarly: typeof fetch = (input, init) => {
  const fetches = earlyGlobals()?.[EARLY_FETCHES_GLOBAL];
  if (fetches && typeof input === 'string' && init === undefined) {
    const url = new URL(input, window.location.href).href;
    const early = fetches[url];
    if (early) {
      delete fetches[url];
      return early;
    }
  }
  return fetch(input, init);
};
