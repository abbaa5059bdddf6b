/**
 * What the page and the dataset worker say to each other. The page sends the files' bytes; the
 * worker replies in several messages: each of the dataset's collections on its own, then the facts,
 * then the verdict. A message's data is deserialised in the task that receives it, so in parts the
 * page never spends one long task (tens of milliseconds on a small machine) receiving the lot.
 */
import type { DatasetBytes } from '../data/fetch-texts';
import type { LoadResult } from '../data/load';
import type { Dataset } from '../data/schema';
import type { DerivedFacts } from '../domain/derived-cache';

export interface DatasetWorkerRequest {
  /** each file's bytes, transferred to the worker */
  bytes: DatasetBytes;
}

type DatasetKey = keyof Dataset;
type Verdict = Exclude<LoadResult, { ok: true }> | { ok: true };

export type DatasetWorkerMessage =
  { part: DatasetKey; value: unknown } | { facts: DerivedFacts } | { verdict: Verdict; hasDataset: boolean } | { error: string };

export type DatasetWorkerReply = { result: LoadResult; facts: DerivedFacts | null } | { error: string };

/** The worker's messages for a parse result, in the order it sends them. */
export function datasetWorkerMessages(result: LoadResult, facts: DerivedFacts | null): DatasetWorkerMessage[] {
  const { dataset, ...verdict } = result;
  const parts: DatasetWorkerMessage[] = dataset
    ? (Object.keys(dataset) as DatasetKey[]).map((part) => ({ part, value: dataset[part] }))
    : [];
  return [...parts, ...(facts ? [{ facts }] : []), { verdict, hasDataset: dataset !== undefined }];
}

/**
 * Collects the worker's messages; returns the reply once the last one (the verdict or an error) is
 * in, and null before.
 */
export function createReplyCollector(): (message: DatasetWorkerMessage) => DatasetWorkerReply | null {
  const parts: Partial<Record<DatasetKey, unknown>> = {};
  let facts: DerivedFacts | null = null;
  return (message) => {
    if ('part' in message) {
      parts[message.part] = message.value;
      return null;
    }
    if ('facts' in message) {
      facts = message.facts;
      return null;
    }
    if ('error' in message) return message;
    // The parts are the dataset the worker parsed, collection by collection.
    const result = (message.hasDataset ? { ...message.verdict, dataset: parts as Dataset } : message.verdict) as LoadResult;
    return { result, facts };
  };
}
