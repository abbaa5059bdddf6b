/**
 * How the app loads its dataset: fetch the files here, then parse and validate them in a worker
 * (dataset.worker.ts), so the page stays responsive and the first view carries no schema code.
 * Where there is no worker (tests in jsdom, a browser that refuses it), the same parsing runs
 * here, loaded on demand. Either way the result is the one `parseDatasetTexts` gives.
 */
import { type DatasetTexts, fetchDatasetTexts } from '../data/fetch-texts';
import type { LoadResult } from '../data/load';
import { type DerivedFacts, rememberFacts } from '../domain/derived-cache';

export interface DatasetWorkerRequest {
  texts: DatasetTexts;
}

export type DatasetWorkerReply = { result: LoadResult; facts: DerivedFacts | null } | { error: string };

function parseInWorker(texts: DatasetTexts): Promise<DatasetWorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./dataset.worker.ts', import.meta.url), { type: 'module', name: 'dataset' });
    worker.addEventListener('message', (event: MessageEvent<DatasetWorkerReply>) => {
      resolve(event.data);
      worker.terminate();
    });
    worker.addEventListener('error', (event) => {
      reject(new Error(event.message || 'the worker could not start'));
      worker.terminate();
    });
    worker.postMessage({ texts } satisfies DatasetWorkerRequest);
  });
}

async function parseHere(texts: DatasetTexts): Promise<LoadResult> {
  const { parseDatasetTexts } = await import('../data/load');
  return parseDatasetTexts(texts);
}

/** Fetches, parses and validates the dataset; never rejects (a failure is a problem in the result). */
export async function loadDataset(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<LoadResult> {
  const fetched = await fetchDatasetTexts(baseUrl, fetchImpl);
  if (!fetched.ok) return { ok: false, problems: fetched.problems };
  if (typeof Worker === 'undefined') return parseHere(fetched.texts);
  let reply: DatasetWorkerReply;
  try {
    reply = await parseInWorker(fetched.texts);
  } catch {
    // A worker that cannot start (a strict policy, an old browser): parse here instead.
    return parseHere(fetched.texts);
  }
  if ('error' in reply) return parseHere(fetched.texts);
  if (reply.result.dataset && reply.facts) rememberFacts(reply.result.dataset, reply.facts);
  return reply.result;
}
