/**
 * What the page and the dataset worker say to each other. The page sends each file (a Blob, which
 * the worker reads) as soon as that file has arrived, then says that they are all in; the worker parses and validates each
 * file as it comes (a large dataset's files arrive over a second or more) and sends each collection
 * on its own as soon as it is well-formed, then the facts, then the verdict. A message's data is
 * deserialised in the task that receives it, so in parts the page never spends one long task (tens
 * of milliseconds on a small machine) receiving the lot, and it receives the first collections
 * while the worker is still working on the others. The page uses the collections only once the
 * verdict says the dataset stands (a bad dataset's problems are reported exactly as before).
 *
 * The facts carry the map's level of detail (map-detail.ts) with its members as places in the
 * dataset's lists, not copies of the records the collections already carried.
 */
import { DATASET_FILE_KEYS } from '../data/fetch-texts';
import type { LoadResult } from '../data/load';
import type { Dataset, DatasetFileKey } from '../data/schema';
import type { DerivedFacts } from '../domain/derived-cache';
import { packDrawnDataset, type PackedDrawnDataset, unpackDrawnDataset } from '../domain/map-detail';

/**
 * One file's bytes (transferred; `schemaOutput`: byte for byte one the build shipped as the
 * schema's own output, checked-files.ts), or word that every file is in.
 */
export type DatasetWorkerRequest =
  { file: DatasetFileKey; bytes: ArrayBuffer; schemaOutput?: boolean } | { end: true; integrityChecked?: boolean };

/**
 * What the page sends: a file as the Blob it was fetched as (the worker reads it), the build's
 * word on which files it checked (data/checked.json as read: src/data/checked-files.ts), or word that every
 * file is in.
 */
export type DatasetPageRequest = { file: DatasetFileKey; blob: Blob } | { checked: unknown } | { end: true };

type DatasetKey = keyof Dataset;
type Verdict = Exclude<LoadResult, { ok: true }> | { ok: true };

/** The facts as sent: the level of detail packed (its members are the collections' records). */
export type PackedFacts = Omit<DerivedFacts, 'drawn'> & { drawn: PackedDrawnDataset };

/**
 * A collection comes as its value or, for a file the build shipped as the schema's own output
 * (checked-files.ts), as that file's text, which the page parses: a string crosses as one copy,
 * where a value is serialised by the worker and rebuilt by the page object by object (for the
 * hundredfold dataset's commissioning, about 0.2 s against the page's 0.13 s of JSON.parse, on the
 * way to the first map).
 */
export type DatasetWorkerMessage =
  | { part: DatasetKey; value: unknown }
  | { part: DatasetKey; json: string }
  | { facts: PackedFacts }
  | { verdict: Verdict; hasDataset: boolean }
  | { error: string };

export type DatasetWorkerReply = { result: LoadResult; facts: DerivedFacts | null } | { error: string };

export function packFacts(dataset: Dataset, facts: DerivedFacts): PackedFacts {
  return { ...facts, drawn: packDrawnDataset(dataset, facts.drawn) };
}

/**
 * The messages that close a parse: the collections not sent yet (`sent`: those sent as their
 * files arrived), the facts, the verdict.
 */
export function closingMessages(
  result: LoadResult,
  facts: DerivedFacts | null,
  sent: ReadonlySet<DatasetKey> = new Set(),
): DatasetWorkerMessage[] {
  const { dataset, ...verdict } = result;
  const parts: DatasetWorkerMessage[] = dataset
    ? (Object.keys(dataset) as DatasetKey[]).filter((part) => !sent.has(part)).map((part) => ({ part, value: dataset[part] }))
    : [];
  const factsMessages: DatasetWorkerMessage[] = dataset && facts ? [{ facts: packFacts(dataset, facts) }] : [];
  return [...parts, ...factsMessages, { verdict, hasDataset: dataset !== undefined }];
}

/**
 * Collects the worker's messages; returns the reply once the last one (the verdict or an error) is
 * in, and null before.
 */
export function createReplyCollector(): (message: DatasetWorkerMessage) => DatasetWorkerReply | null {
  const parts: Partial<Record<DatasetKey, unknown>> = {};
  let packed: PackedFacts | null = null;
  return (message) => {
    if ('part' in message) {
      parts[message.part] = 'json' in message ? (JSON.parse(message.json) as unknown) : message.value;
      return null;
    }
    if ('facts' in message) {
      packed = message.facts;
      return null;
    }
    if ('error' in message) return message;
    if (!message.hasDataset) return { result: message.verdict as LoadResult, facts: null };
    // The parts are the dataset the worker parsed, collection by collection (in the files' order, whatever order they came in).
    const dataset = Object.fromEntries(
      DATASET_FILE_KEYS.filter((key) => key in parts).map((key) => [key, parts[key]]),
    ) as unknown as Dataset;
    const result = { ...message.verdict, dataset } as LoadResult;
    const facts: DerivedFacts | null = packed ? { ...packed, drawn: unpackDrawnDataset(dataset, packed.drawn) } : null;
    return { result, facts };
  };
}
