/**
 * The dataset worker parses each file as its bytes arrive and sends each well-formed collection at
 * once (src/app/dataset-worker-session.ts): whatever order the files come in, what the page puts
 * back together must be what parsing all of them at once gives, a bad dataset's problems included,
 * and the map's level of detail must arrive as the page's own records, not copies of them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { multiplyDataset, readRealDataset } from '../../scripts/bench/synthetic-dataset';
import { createReplyCollector, type DatasetWorkerMessage, type DatasetWorkerReply } from '../../src/app/dataset-worker-protocol';
import { createDatasetPageSession, createDatasetWorkerSession } from '../../src/app/dataset-worker-session';
import { dataPreloadNames, shippedDataset } from '../../scripts/build/checked-manifest';
import { allChecked, type CheckedManifest, readCheckedManifest } from '../../src/data/checked-files';
import { DATASET_FILE_KEYS, dataFilePath } from '../../src/data/fetch-texts';
import { createDatasetTextParser, parseDatasetTexts } from '../../src/data/load';
import type { DatasetFileKey } from '../../src/data/schema';
import { deriveFacts } from '../../src/domain/derived-cache';
import { ROOT } from '../support/real-dataset';

type Texts = Partial<Record<DatasetFileKey, string>>;

const realTexts: Texts = Object.fromEntries(
  DATASET_FILE_KEYS.map((key) => [key, readFileSync(path.join(ROOT, dataFilePath(key)), 'utf8')]),
);

/** The worker's messages, through structured cloning as postMessage sends them, for files arriving in `order`. */
function converse(texts: Texts, order: readonly DatasetFileKey[]) {
  const messages: DatasetWorkerMessage[] = [];
  const handle = createDatasetWorkerSession((message) => messages.push(structuredClone(message)));
  const sentBefore: number[] = [];
  for (const key of order) {
    const text = texts[key];
    if (text === undefined) continue;
    handle({ file: key, bytes: new TextEncoder().encode(text).buffer });
    sentBefore.push(messages.length);
  }
  handle({ end: true });
  const collect = createReplyCollector();
  const replies = messages.map((message) => collect(message));
  const reply = replies.at(-1);
  if (!reply || 'error' in reply) throw new Error('no reply');
  return { messages, replies, reply: reply as Exclude<DatasetWorkerReply, { error: string }>, sentBefore };
}

const reversed = [...DATASET_FILE_KEYS].reverse();

describe('the dataset worker, file by file', () => {
  it('sends each well-formed collection as soon as its file is in, before the verdict', () => {
    const { messages, sentBefore } = converse(realTexts, DATASET_FILE_KEYS);
    // After the first file, one collection is out already; the verdict comes last.
    expect(sentBefore[0]).toBe(1);
    expect(messages.filter((message) => 'part' in message)).toHaveLength(DATASET_FILE_KEYS.length);
    expect(messages.at(-1)).toHaveProperty('verdict');
  });

  it('puts the real dataset back together as parsing it whole does, whatever order the files come in', () => {
    const whole = parseDatasetTexts(realTexts);
    expect(whole.ok).toBe(true);
    for (const order of [DATASET_FILE_KEYS, reversed]) {
      const { reply } = converse(realTexts, order);
      expect(reply.result).toEqual(whole);
      // The collections keep the files' order, as the dataset parsed whole does.
      expect(Object.keys(reply.result.dataset ?? {})).toEqual(Object.keys(whole.dataset ?? {}));
      expect(reply.facts?.mapUnion.nodes.length).toBeGreaterThan(0);
    }
  });

  it('reports a broken dataset’s problems as parsing it whole does, with no dataset and no facts', () => {
    const broken: Texts = {
      ...realTexts,
      organisations: '{ not json',
      services: realTexts.services?.replace('"id"', '"identifier"'),
    };
    const whole = parseDatasetTexts(broken);
    expect(whole.ok).toBe(false);
    const { reply } = converse(broken, reversed);
    expect(reply.result).toEqual(whole);
    const files = reply.result.ok ? [] : reply.result.problems.map((problem) => problem.file);
    expect(files).toContain(dataFilePath('organisations'));
    expect(files).toContain(dataFilePath('services'));
    expect(reply.facts).toBeNull();
  });

  it('fills in a file that may be absent (the tour) and reports one that may not', () => {
    const { tour: _tour, ...withoutTour } = realTexts;
    const { reply } = converse(withoutTour, DATASET_FILE_KEYS);
    expect(reply.result).toEqual(parseDatasetTexts(withoutTour));
    expect(reply.result.dataset?.tour).toEqual([]);
    const { meta: _meta, ...withoutMeta } = realTexts;
    const missing = converse(withoutMeta, DATASET_FILE_KEYS).reply.result;
    expect(missing.ok ? [] : missing.problems).toEqual([{ file: dataFilePath('meta'), path: '', reason: 'the file is missing' }]);
  });

  it('sends the map’s level of detail at ten times the data as the page’s own records, equal to working it out there', () => {
    const large = multiplyDataset(readRealDataset(), 10);
    const { reply, messages } = converse(large.texts, DATASET_FILE_KEYS);
    const dataset = reply.result.dataset;
    if (!dataset || !reply.facts) throw new Error('no dataset');
    const drawn = reply.facts.drawn;
    expect(drawn.aggregated).toBe(true);
    expect(drawn).toEqual(deriveFacts(large.dataset).drawn);
    const pageRecords = new Set([...dataset.organisations, ...dataset.services]);
    for (const members of [...drawn.organisationMembers.values(), ...drawn.serviceMembers.values()])
      for (const member of members) expect(pageRecords.has(member)).toBe(true);
    // The facts carry places, not copies: a fraction of what copies of the members come to.
    const factsMessage = messages.find((message) => 'facts' in message);
    if (!factsMessage || !('facts' in factsMessage)) throw new Error('no facts');
    expect(serialize(factsMessage.facts.drawn).length).toBeLessThan(serialize(deriveFacts(large.dataset).drawn).length / 4);
  });
});

describe('the dataset worker, given the files as the page fetched them (Blobs)', () => {
  it('reads each Blob and answers as it does for the bytes, the verdict after the last file, whatever order they come in', async () => {
    const { reply: fromBytes } = converse(realTexts, DATASET_FILE_KEYS);
    for (const order of [DATASET_FILE_KEYS, reversed]) {
      const messages: DatasetWorkerMessage[] = [];
      const handle = createDatasetPageSession((message) => messages.push(structuredClone(message)));
      // The page does not wait for the worker: every file and the end are sent at once.
      const handled = order.map((key) => handle({ file: key, blob: new Blob([realTexts[key] ?? '']) }));
      handled.push(handle({ end: true }));
      await Promise.all(handled);
      expect(messages.at(-1)).toHaveProperty('verdict');
      const collect = createReplyCollector();
      const reply = messages.map((message) => collect(message)).at(-1);
      expect(reply).toEqual(fromBytes);
    }
  });

  it('says which file could not be read, and nothing after it', async () => {
    const messages: DatasetWorkerMessage[] = [];
    const handle = createDatasetPageSession((message) => messages.push(message));
    const unreadable = new Blob(['[]']);
    unreadable.arrayBuffer = () => Promise.reject(new Error('the blob is gone'));
    await Promise.all([
      handle({ file: 'meta', blob: new Blob([realTexts.meta ?? '']) }),
      handle({ file: 'sources', blob: unreadable }),
      handle({ end: true }),
    ]);
    expect(messages.at(-1)).toEqual({ error: 'sources could not be read (the blob is gone)' });
    expect(messages.some((message) => 'verdict' in message)).toBe(false);
  });
});

describe("the build's word that it checked the files (data/checked.json)", () => {
  /** The real files with one integrity problem (a relationship with a body no file has), which the schema does not see. */
  const broken: Texts = (() => {
    const relationships = JSON.parse(realTexts.relationships ?? '[]') as Array<Record<string, unknown>>;
    const first = relationships[0];
    if (!first) throw new Error('the real dataset has no relationships');
    relationships[0] = { ...first, object: 'no-such-body' };
    return { ...realTexts, relationships: JSON.stringify(relationships) };
  })();

  /** The page's conversation with the worker for these texts, with the manifest `checked`; the verdict. */
  async function converseAsThePage(texts: Texts, checked: CheckedManifest | null) {
    const messages: DatasetWorkerMessage[] = [];
    const handle = createDatasetPageSession((message) => messages.push(structuredClone(message)));
    const handled = DATASET_FILE_KEYS.map((key) => handle({ file: key, blob: new Blob([texts[key] ?? '']) }));
    handled.push(handle({ checked }), handle({ end: true }));
    await Promise.all(handled);
    const collect = createReplyCollector();
    const reply = messages.map((message) => collect(message)).at(-1);
    if (!reply || 'error' in reply) throw new Error('no reply');
    return reply.result;
  }

  const manifestOf = (texts: Texts) => ({
    sha256: Object.fromEntries(
      DATASET_FILE_KEYS.map((key) => [
        key,
        createHash('sha256')
          .update(texts[key] ?? '')
          .digest('hex'),
      ]),
    ),
  });

  it('is given by the build only for a dataset with no problems, one hash a shipped file', () => {
    const shipped = shippedDataset(realTexts);
    expect(Object.keys(shipped.manifest?.sha256 ?? {}).sort()).toEqual([...DATASET_FILE_KEYS].sort());
    expect(shipped.manifest).toEqual({ ...manifestOf(shipped.texts), schemaOutput: DATASET_FILE_KEYS });
    // Each file shipped as the schema's output: the same dataset, in ASCII, with no layout.
    expect(parseDatasetTexts(shipped.texts)).toEqual(parseDatasetTexts(realTexts));
    for (const key of DATASET_FILE_KEYS) {
      expect(shipped.texts[key]).toMatch(/^[\x20-\x7e]*$/);
      expect(shipped.texts[key]).not.toContain('\n');
    }
    // A dataset with problems ships as it is, with no word from the build: the browser reports them.
    expect(shippedDataset(broken)).toEqual({ texts: broken, manifest: null });
  });

  it('only parses as JSON a file the build shipped as the schema’s output, and gives the schema any other', async () => {
    const shipped = shippedDataset(realTexts);
    if (!shipped.manifest) throw new Error('the real dataset has problems');
    // The shipped files with the build's word: the dataset every check gives.
    expect(await converseAsThePage(shipped.texts, shipped.manifest)).toEqual(parseDatasetTexts(realTexts));
    // Each collection crosses to the page as its file's text (one copy), which the page parses.
    const messages: DatasetWorkerMessage[] = [];
    const handle = createDatasetPageSession((message) => messages.push(structuredClone(message)));
    await Promise.all([
      handle({ checked: shipped.manifest }),
      ...DATASET_FILE_KEYS.map((key) => handle({ file: key, blob: new Blob([shipped.texts[key] ?? '']) })),
      handle({ end: true }),
    ]);
    const parts = messages.filter((message) => 'part' in message);
    expect(parts.map((message) => message.part)).toEqual(DATASET_FILE_KEYS);
    expect(parts.every((message) => 'json' in message && message.json === shipped.texts[message.part])).toBe(true);
    const collect = createReplyCollector();
    const reply = messages.map((message) => collect(message)).at(-1);
    if (!reply || 'error' in reply) throw new Error('no reply');
    expect(reply.result).toEqual(parseDatasetTexts(realTexts));
    // The map's level of detail is the page's own dataset, parsed from those texts (at this size, the dataset itself).
    expect(reply.facts?.drawn.dataset).toBe(reply.result.dataset);
    // A shipped file changed since the build: the schema reads it, and its problem shows.
    const changed = { ...shipped.texts, services: shipped.texts.services?.replace('"id"', '"identifier"') };
    const verdict = await converseAsThePage(changed, shipped.manifest);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? [] : verdict.problems.map((problem) => problem.file)).toContain('data/services.json');
    // The build's word is taken as given (here for a file the schema would not give back unchanged,
    // as a build never gives it): a key the schema forbids stays, because the schema is not run.
    const tour = JSON.parse(shipped.texts.tour ?? '[]') as Array<Record<string, unknown>>;
    const firstStep = tour[0];
    if (!firstStep) throw new Error('the real dataset has no tour');
    const vouchedTexts = { ...shipped.texts, tour: JSON.stringify([{ ...firstStep, notInTheSchema: 1 }, ...tour.slice(1)]) };
    const vouched = await converseAsThePage(vouchedTexts, { ...manifestOf(vouchedTexts), schemaOutput: [...DATASET_FILE_KEYS] });
    expect(vouched.dataset?.tour[0]).toHaveProperty('notInTheSchema', 1);
    const unvouched = await converseAsThePage(vouchedTexts, { ...manifestOf(vouchedTexts), schemaOutput: [] });
    expect(unvouched.ok ? [] : unvouched.problems.map((problem) => problem.file)).toEqual(['data/tour.json']);
  });

  it('spares the worker the integrity rules only when every file is byte for byte one the build checked', async () => {
    expect((await converseAsThePage(broken, null)).ok).toBe(false);
    // The same files with a manifest that vouches for them (as a build would not): the rules are left out.
    expect((await converseAsThePage(broken, manifestOf(broken))).ok).toBe(true);
    // A manifest for other files (the dataset changed after the build): every rule runs, and the problem shows.
    const verdict = await converseAsThePage(broken, manifestOf(realTexts));
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? [] : verdict.problems.map((problem) => problem.reason).join(' ')).toContain('no-such-body');
    // The real files, vouched for: the same dataset as when every rule runs.
    expect(await converseAsThePage(realTexts, manifestOf(realTexts))).toEqual(parseDatasetTexts(realTexts));
  });

  it("is asked for first, with the map's layout, before the dataset's files (the worker waits for it)", () => {
    const names = dataPreloadNames();
    expect(names.slice(0, 2)).toEqual(['checked.json', 'map-layout.json']);
    expect(names.slice(2).sort()).toEqual(DATASET_FILE_KEYS.map((key) => dataFilePath(key).replace(/^data\//, '')).sort());
  });

  it('reads only a manifest of the dataset files', () => {
    expect(readCheckedManifest({ sha256: { meta: 'ab' } })).toEqual({ sha256: { meta: 'ab' } });
    expect(readCheckedManifest({ sha256: { other: 'ab' } })).toBeNull();
    expect(readCheckedManifest('<!doctype html>')).toBeNull();
    expect(readCheckedManifest({ sha256: { meta: 'ab' }, schemaOutput: ['meta'] })).toEqual({
      sha256: { meta: 'ab' },
      schemaOutput: ['meta'],
    });
    expect(readCheckedManifest({ sha256: { meta: 'ab' }, schemaOutput: ['other'] })).toBeNull();
    expect(allChecked({ sha256: { meta: 'ab' } }, new Map([['meta', 'ab']]))).toBe(true);
    expect(allChecked({ sha256: { meta: 'ab', sources: 'cd' } }, new Map([['meta', 'ab']]))).toBe(false);
    expect(allChecked({ sha256: { meta: 'ab' } }, new Map([['meta', null]]))).toBe(false);
  });
});

describe('the incremental parser', () => {
  it('gives parseDatasetTexts’ verdict when a file is given twice (the second copy counts)', () => {
    const parser = createDatasetTextParser();
    parser.add('organisations', '{ not json');
    for (const key of DATASET_FILE_KEYS) parser.add(key, realTexts[key] ?? '');
    expect(parser.finish()).toEqual(parseDatasetTexts(realTexts));
  });
});
