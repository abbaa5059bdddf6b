/**
 * The dataset worker replies in parts (each collection in a message of its own, so the page never
 * spends one long task receiving the lot); what the page puts back together must be what parsing
 * gives, for a good dataset and for a broken one, and the bytes the page sends must decode to the files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closingMessages, createReplyCollector } from '../../src/app/dataset-worker-protocol';
import { DATASET_FILE_KEYS, dataFilePath } from '../../src/data/fetch-texts';
import { type DatasetBytes, decodeDatasetBytes } from '../support/dataset-bytes';
import { parseDatasetTexts } from '../../src/data/load';
import { deriveFacts } from '../../src/domain/derived-cache';
import { ROOT } from '../support/real-dataset';

const realTexts = Object.fromEntries(
  DATASET_FILE_KEYS.map((key) => [key, readFileSync(path.join(ROOT, dataFilePath(key)), 'utf8')]),
);

/** What the page receives: each message through structured cloning, as postMessage sends it. */
function roundTrip(texts: Record<string, string>) {
  const bytes: DatasetBytes = Object.fromEntries(
    Object.entries(texts).map(([key, text]) => [key, new TextEncoder().encode(text).buffer]),
  );
  const result = parseDatasetTexts(decodeDatasetBytes(bytes));
  const messages = closingMessages(result, result.dataset ? deriveFacts(result.dataset) : null);
  const collect = createReplyCollector();
  const replies = messages.map((message) => collect(structuredClone(message)));
  return { result, messages, replies };
}

describe('the dataset worker’s replies in parts', () => {
  it('put the real dataset back together exactly, one message per collection, the verdict last', () => {
    const { result, messages, replies } = roundTrip(realTexts);
    expect(result.ok).toBe(true);
    expect(messages.filter((message) => 'part' in message)).toHaveLength(Object.keys(result.dataset ?? {}).length);
    expect(replies.slice(0, -1).every((reply) => reply === null)).toBe(true);
    const reply = replies.at(-1);
    if (!reply || 'error' in reply) throw new Error('no reply');
    expect(reply.result).toEqual(result);
    expect(reply.facts?.mapUnion.nodes.length).toBeGreaterThan(0);
  });

  it('carry a broken dataset’s problems, and no dataset when a file is not readable', () => {
    const broken = { ...realTexts, organisations: '{ not json' };
    const { result, replies } = roundTrip(broken);
    expect(result.ok).toBe(false);
    const reply = replies.at(-1);
    if (!reply || 'error' in reply) throw new Error('no reply');
    expect(reply.result).toEqual(result);
    expect(reply.result.ok ? [] : reply.result.problems.map((problem) => problem.file)).toContain(dataFilePath('organisations'));
    expect(reply.facts).toBeNull();
  });

  it('decode the files’ bytes, accents and dashes included, to the files’ text', () => {
    const bytes = { glossary: new TextEncoder().encode(realTexts.glossary).buffer } as DatasetBytes;
    expect(decodeDatasetBytes(bytes).glossary).toBe(realTexts.glossary);
  });
});
