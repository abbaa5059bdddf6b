/**
 * Decodes, parses and validates the dataset's files off the page's main thread: decoding, JSON,
 * the schema, the integrity rules and the facts derived from the whole dataset (derived-cache.ts)
 * together take a few hundred milliseconds on a small machine, which on the main thread would hold
 * up the first map. The page sends the files' bytes (it fetches them itself, so a test can serve
 * other files and the page's preloads are used) and receives the verdict in parts
 * (dataset-worker-protocol.ts).
 */
import { decodeDatasetBytes } from '../data/fetch-texts';
import { parseDatasetTexts } from '../data/load';
import { deriveFacts } from '../domain/derived-cache';
import { type DatasetWorkerMessage, type DatasetWorkerRequest, datasetWorkerMessages } from './dataset-worker-protocol';

self.addEventListener('message', (event: MessageEvent<DatasetWorkerRequest>) => {
  let messages: DatasetWorkerMessage[];
  try {
    const result = parseDatasetTexts(decodeDatasetBytes(event.data.bytes));
    messages = datasetWorkerMessages(result, result.dataset ? deriveFacts(result.dataset) : null);
  } catch (error) {
    messages = [{ error: error instanceof Error ? error.message : String(error) }];
  }
  for (const message of messages) self.postMessage(message);
});
