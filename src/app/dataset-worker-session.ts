/**
 * The dataset worker's side of the conversation (dataset-worker-protocol.ts), apart from the
 * worker's global scope so that tests can hold it: each file is decoded (as ASCII JSON where it
 * can: ascii-json.ts), parsed and validated as its bytes arrive, and its collection sent at once
 * if it is well-formed; when every file is in, the integrity rules and the facts derived from the
 * whole dataset run, and the rest is sent.
 */
import { asciiJsonText } from '../data/ascii-json';
import { allChecked, type CheckedManifest, isSchemaOutput, readCheckedManifest, sha256Hex } from '../data/checked-files';
import { createDatasetTextParser } from '../data/load';
import type { Dataset, DatasetFileKey } from '../data/schema';
import { deriveFacts } from '../domain/derived-cache';
import {
  closingMessages,
  type DatasetPageRequest,
  type DatasetWorkerMessage,
  type DatasetWorkerRequest,
} from './dataset-worker-protocol';

/** Handles the page's requests one by one, posting the replies through `post`. */
export function createDatasetWorkerSession(
  post: (message: DatasetWorkerMessage) => void,
): (request: DatasetWorkerRequest) => void {
  const parser = createDatasetTextParser();
  const decoder = new TextDecoder();
  const sent = new Set<keyof Dataset>();
  let failed = false;
  return (request) => {
    if (failed) return;
    try {
      if ('file' in request) {
        const bytes = new Uint8Array(request.bytes);
        // The schema's output as the build shipped it is ASCII already (checked-files.ts).
        const text = request.schemaOutput ? decoder.decode(bytes) : (asciiJsonText(bytes) ?? decoder.decode(bytes));
        const parsed = parser.add(request.file, text, () => decoder.decode(bytes), {
          schemaOutput: request.schemaOutput === true,
        });
        if (parsed) {
          post(request.schemaOutput ? { part: request.file, json: text } : { part: request.file, value: parsed.value });
          sent.add(request.file);
        }
        return;
      }
      const result = parser.finish({ integrityChecked: request.integrityChecked === true });
      const messages = closingMessages(result, result.dataset ? deriveFacts(result.dataset) : null, sent);
      for (const message of messages) post(message);
    } catch (error) {
      failed = true;
      post({ error: error instanceof Error ? error.message : String(error) });
    }
  };
}

/**
 * The worker's handler for the page's requests: each file's Blob is read here (every read starts
 * at once) and hashed, and its bytes go to the session in the order the files came, once the
 * build's word (data/checked.json, which the page sends as soon as it has it) is in, saying whether
 * the file is one the build shipped as the schema's output; the end comes after the last, saying
 * whether every file is one the build checked (checked-files.ts).
 */
export function createDatasetPageSession(
  post: (message: DatasetWorkerMessage) => void,
): (request: DatasetPageRequest) => Promise<void> {
  const handle = createDatasetWorkerSession(post);
  let queue = Promise.resolve();
  let failed = false;
  let manifest: CheckedManifest | null = null;
  // The files wait for the manifest (or the end, for a page that sends none), which comes early:
  // it is small, and preloaded.
  let manifestSettled = () => {};
  const manifestKnown = new Promise<void>((resolve) => (manifestSettled = resolve));
  const hashes = new Map<DatasetFileKey, Promise<string | null>>();
  return (request) => {
    if ('checked' in request) {
      manifest = readCheckedManifest(request.checked);
      manifestSettled();
      return queue;
    }
    if ('end' in request) manifestSettled();
    const bytes = 'blob' in request ? request.blob.arrayBuffer() : null;
    // A read that fails is reported when its turn comes; meanwhile it is not left unhandled.
    bytes?.catch(() => undefined);
    if ('blob' in request && bytes) {
      // Hashed as soon as read (Web Crypto: about 10 ms for the hundredfold dataset's largest file).
      hashes.set(
        request.file,
        bytes.then(sha256Hex).catch(() => null),
      );
    }
    queue = queue.then(async () => {
      if (failed) return;
      if (!('blob' in request)) {
        const received = new Map<DatasetFileKey, string | null>();
        for (const [file, hash] of hashes) received.set(file, await hash);
        return handle({ end: true, integrityChecked: allChecked(manifest, received) });
      }
      try {
        const read = await (bytes as Promise<ArrayBuffer>);
        await manifestKnown;
        const schemaOutput = isSchemaOutput(manifest, request.file, (await hashes.get(request.file)) ?? null);
        handle({ file: request.file, bytes: read, schemaOutput });
      } catch (error) {
        failed = true;
        post({ error: `${request.file} could not be read (${error instanceof Error ? error.message : String(error)})` });
      }
    });
    return queue;
  };
}
