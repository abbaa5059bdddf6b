/**
 * How the app loads its dataset: fetch the files here, then decode, parse and validate them in a
 * worker (dataset.worker.ts), so the page stays responsive and the first view carries no schema
 * code. Where there is no worker (tests in jsdom, a browser that refuses it), the same parsing runs
 * here, loaded on demand. Either way the result is the one `parseDatasetTexts` gives.
 */
import { type DatasetBytes, type DatasetTexts, fetchDatasetBytes, fetchDatasetTexts } from '../data/fetch-texts';
import type { LoadResult } from '../data/load';
import { rememberFacts } from '../domain/derived-cache';
import {
  createReplyCollector,
  type DatasetWorkerMessage,
  type DatasetWorkerReply,
  type DatasetWorkerRequest,
} from './dataset-worker-protocol';

function parseInWorker(bytes: DatasetBytes): Promise<DatasetWorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./dataset.worker.ts', import.meta.url), { type: 'module', name: 'dataset' });
    const collect = createReplyCollector();
    worker.addEventListener('message', (event: MessageEvent<DatasetWorkerMessage>) => {
      const reply = collect(event.data);
      if (!reply) return;
      worker.terminate();
      resolve(reply);
    });
    worker.addEventListener('error', (event) => {
      reject(new Error(event.message || 'the worker could not start'));
      worker.terminate();
    });
    const transfer = Object.values(bytes).filter((body): body is ArrayBuffer => body !== undefined);
    worker.postMessage({ bytes } satisfies DatasetWorkerRequest, transfer);
  });
}

async function parseHere(texts: DatasetTexts): Promise<LoadResult> {
  const { parseDatasetTexts } = await import('../data/load');
  return parseDatasetTexts(texts);
}

/** Fetches the files again (the worker has the first copies) and parses them here. */
async function refetchAndParseHere(baseUrl: string, fetchImpl: typeof fetch): Promise<LoadResult> {
  const fetched = await fetchDatasetTexts(baseUrl, fetchImpl);
  return fetched.ok ? parseHere(fetched.texts) : { ok: false, problems: fetched.problems };
}

/** Fetches, parses and validates the dataset; never rejects (a failure is a problem in the result). */
export async function loadDataset(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<LoadResult> {
  if (typeof Worker === 'undefined') {
    const fetched = await fetchDatasetTexts(baseUrl, fetchImpl);
    return fetched.ok ? parseHere(fetched.texts) : { ok: false, problems: fetched.problems };
  }
  const fetched = await fetchDatasetBytes(baseUrl, fetchImpl);
  if (!fetched.ok) return { ok: false, problems: fetched.problems };
  let reply: DatasetWorkerReply;
  try {
    reply = await parseInWorker(fetched.bodies);
  } catch {
    // A worker that cannot start (a strict policy, an old browser): parse here instead.
    return refetchAndParseHere(baseUrl, fetchImpl);
  }
  if ('error' in reply) return refetchAndParseHere(baseUrl, fetchImpl);
  if (reply.result.dataset && reply.facts) rememberFacts(reply.result.dataset, reply.facts);
  return reply.result;
}
