/**
 * How the app loads its dataset: fetch the files here and hand each to a worker as it arrives
 * (dataset.worker.ts), which decodes, parses and validates it, so the page stays responsive and the
 * first view carries no schema code. Where there is no worker (tests in jsdom, a browser that refuses it), the same parsing runs
 * here, loaded on demand. Either way the result is the one `parseDatasetTexts` gives.
 */
import { CHECKED_FILE_PATH } from '../data/checked-files';
import { type DatasetTexts, fetchDatasetBlobs, fetchDatasetTexts } from '../data/fetch-texts';
import type { DatasetFileKey } from '../data/schema';
import type { LoadResult } from '../data/load';
import { rememberFacts } from '../domain/derived-cache';
import {
  createReplyCollector,
  type DatasetPageRequest,
  type DatasetWorkerMessage,
  type DatasetWorkerReply,
} from './dataset-worker-protocol';
import { fetchStartedEarly, takeEarlyDatasetWorker } from './early-start';

/**
 * A worker started now (or taken over from the start script: early-start.ts), before the files
 * arrive, so that its script loads while they download;
 * `send` hands it a file (a Blob: the worker reads it), `end` says that every file is in, `reply` is its
 * verdict (rejected if the worker cannot start).
 */
function startWorker(): {
  send: (file: DatasetFileKey, blob: Blob) => void;
  check: (manifest: unknown) => void;
  end: () => void;
  stop: () => void;
  reply: Promise<DatasetWorkerReply>;
} {
  const worker =
    takeEarlyDatasetWorker() ?? new Worker(new URL('./dataset.worker.ts', import.meta.url), { type: 'module', name: 'dataset' });
  const reply = new Promise<DatasetWorkerReply>((resolve, reject) => {
    const collect = createReplyCollector();
    worker.addEventListener('message', (event: MessageEvent<DatasetWorkerMessage>) => {
      const collected = collect(event.data);
      if (!collected) return;
      worker.terminate();
      resolve(collected);
    });
    worker.addEventListener('error', (event) => {
      reject(new Error(event.message || 'the worker could not start'));
      worker.terminate();
    });
  });
  // The page may give up on the worker (a file that could not be fetched) before it replies.
  reply.catch(() => undefined);
  const post = (request: DatasetPageRequest) => worker.postMessage(request);
  return {
    send: (file, blob) => post({ file, blob }),
    check: (manifest) => post({ checked: manifest }),
    end: () => post({ end: true }),
    stop: () => worker.terminate(),
    reply,
  };
}

async function parseHere(texts: DatasetTexts): Promise<LoadResult> {
  const { parseDatasetTexts } = await import('../data/load');
  return parseDatasetTexts(texts);
}

/** Fetches the files again (the worker has the first copies, or the files were never fetched) and parses them here. */
async function refetchAndParseHere(baseUrl: string, fetchImpl: typeof fetch): Promise<LoadResult> {
  const fetched = await fetchDatasetTexts(baseUrl, fetchImpl);
  return fetched.ok ? parseHere(fetched.texts) : { ok: false, problems: fetched.problems };
}

/** Fetches, parses and validates the dataset; never rejects (a failure is a problem in the result). */
export async function loadDataset(baseUrl: string, fetchImpl: typeof fetch = fetchStartedEarly): Promise<LoadResult> {
  if (typeof Worker === 'undefined') {
    const fetched = await fetchDatasetTexts(baseUrl, fetchImpl);
    return fetched.ok ? parseHere(fetched.texts) : { ok: false, problems: fetched.problems };
  }
  let worker: ReturnType<typeof startWorker>;
  try {
    worker = startWorker();
  } catch {
    // A worker that cannot start (a strict policy, an old browser): parse here instead.
    return refetchAndParseHere(baseUrl, fetchImpl);
  }
  // The build's word on the files it checked, which spares the worker the schema and the integrity rules for them.
  // (Read as it came: the worker makes sure it is a manifest.)
  // Sent as soon as it is in: the worker reads no file before it (it says which files need no schema).
  const checkedSent = fetchImpl(`${baseUrl}${CHECKED_FILE_PATH}`)
    .then((response) => (response.ok ? (response.json() as Promise<unknown>) : null))
    .catch(() => null)
    .then((manifest) => worker.check(manifest));
  const fetched = await fetchDatasetBlobs(baseUrl, fetchImpl, worker.send);
  if (!fetched.ok) {
    worker.stop();
    return { ok: false, problems: fetched.problems };
  }
  await checkedSent;
  worker.end();
  let reply: DatasetWorkerReply;
  try {
    reply = await worker.reply;
  } catch {
    // A worker that cannot start (a strict policy, an old browser): parse here instead.
    return refetchAndParseHere(baseUrl, fetchImpl);
  }
  if ('error' in reply) return refetchAndParseHere(baseUrl, fetchImpl);
  if (reply.result.dataset && reply.facts) rememberFacts(reply.result.dataset, reply.facts);
  return reply.result;
}
