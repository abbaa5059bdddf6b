/**
 * Parses and validates the dataset's files off the page's main thread: JSON, the schema, the
 * integrity rules and the facts derived from the whole dataset (derived-cache.ts) together take a few hundred milliseconds on a
 * small machine, which on the main thread would hold up the first map. The page sends the files'
 * texts (it fetches them itself, so a test can serve other files) and receives the verdict.
 */
import { parseDatasetTexts } from '../data/load';
import { deriveFacts } from '../domain/derived-cache';
import type { DatasetWorkerReply, DatasetWorkerRequest } from './load-dataset';

self.addEventListener('message', (event: MessageEvent<DatasetWorkerRequest>) => {
  let reply: DatasetWorkerReply;
  try {
    const result = parseDatasetTexts(event.data.texts);
    reply = { result, facts: result.dataset ? deriveFacts(result.dataset) : null };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
});
