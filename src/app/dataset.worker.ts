/**
 * Decodes, parses and validates the dataset's files off the page's main thread: decoding, JSON,
 * the schema, the integrity rules and the facts derived from the whole dataset (derived-cache.ts)
 * together take a few hundred milliseconds on a small machine (seconds at a hundred times the
 * data), which on the main thread would hold up the first map. The page sends each file as it
 * arrives, as a Blob this worker reads (it fetches them itself, so a test can serve other files and
 * the page's preloads are used) and receives the verdict in parts (dataset-worker-protocol.ts, dataset-worker-session.ts).
 */
import type { DatasetPageRequest } from './dataset-worker-protocol';
import { createDatasetPageSession } from './dataset-worker-session';

const handle = createDatasetPageSession((message) => self.postMessage(message));
self.addEventListener('message', (event: MessageEvent<DatasetPageRequest>) => void handle(event.data));
