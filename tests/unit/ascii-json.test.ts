/**
 * The worker reads each data file as ASCII JSON (src/data/ascii-json.ts): whatever the file, it
 * must parse to exactly what the file's text as decoded parses to, and a file that is not JSON
 * must be reported with the same message as before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReplyCollector, type DatasetWorkerMessage } from '../../src/app/dataset-worker-protocol';
import { createDatasetWorkerSession } from '../../src/app/dataset-worker-session';
import { asciiJsonText } from '../../src/data/ascii-json';
import { DATASET_FILE_KEYS, dataFilePath } from '../../src/data/fetch-texts';
import { decodeDatasetBytes } from '../support/dataset-bytes';
import { parseDatasetTexts } from '../../src/data/load';
import type { DatasetFileKey } from '../../src/data/schema';
import { ROOT } from '../support/real-dataset';

const encode = (text: string) => new TextEncoder().encode(text);
type Texts = Partial<Record<DatasetFileKey, string>>;

describe('reading a data file as ASCII JSON', () => {
  it('parses every real data file to exactly what its decoded text parses to, in ASCII', () => {
    for (const key of DATASET_FILE_KEYS) {
      const bytes = readFileSync(path.join(ROOT, dataFilePath(key)));
      const text = asciiJsonText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
      expect(text).not.toBeNull();
      expect([...(text ?? '')].every((character) => character.charCodeAt(0) < 0x80)).toBe(true);
      expect(JSON.parse(text ?? '')).toEqual(JSON.parse(bytes.toString('utf8')));
    }
  });

  it('keeps accents, dashes, quotes, emoji and the escapes already there, at any alignment', () => {
    const value = { name: 'Café – “quoted” ’s', emoji: '🏥 and 😀', escaped: 'a \\u00e9 \n "x"', key: { é: ['ü', 1, null] } };
    const json = JSON.stringify(value, null, 2);
    const text = asciiJsonText(encode(json));
    expect(text).toContain('\\u00e9');
    expect(text).toContain('\\ud83c\\udfe5');
    expect(JSON.parse(text ?? '')).toEqual(value);
    // The same bytes starting one to three bytes into a buffer (read a byte at a time, not four).
    for (const offset of [1, 2, 3]) {
      const padded = new Uint8Array(offset + encode(json).length);
      padded.set(encode(json), offset);
      expect(JSON.parse(asciiJsonText(padded.subarray(offset)) ?? '')).toEqual(value);
    }
    expect(asciiJsonText(encode('{"plain": "ascii only"}'))).toBe('{"plain": "ascii only"}');
  });

  it('drops a byte order mark, as decoding does', () => {
    expect(JSON.parse(asciiJsonText(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('{"a": "é"}')])) ?? '')).toEqual({ a: 'é' });
    expect(asciiJsonText(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('[1]')]))).toBe('[1]');
  });

  it('gives up on bytes that are not well-formed UTF-8 (a stray byte, an overlong form, a surrogate, a cut character)', () => {
    for (const bad of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x80], [0xf5, 0x80, 0x80, 0x80]])
      expect(asciiJsonText(new Uint8Array([...encode('["'), ...bad, ...encode('"]')]))).toBeNull();
  });

  it('reports a file that is not JSON with the message its own text gives, beyond ASCII too', () => {
    const texts: Texts = Object.fromEntries(
      DATASET_FILE_KEYS.map((key) => [key, readFileSync(path.join(ROOT, dataFilePath(key)), 'utf8')]),
    );
    for (const broken of ['{ “smart quotes”: 1 }', '[{"name": "Café"}, ’]', '[{"name": "Café"}', '\uFEFF{ not json', '[1] ’']) {
      const withBroken: Texts = { ...texts, glossary: broken };
      const messages: DatasetWorkerMessage[] = [];
      const handle = createDatasetWorkerSession((message) => messages.push(message));
      for (const key of DATASET_FILE_KEYS) handle({ file: key, bytes: encode(withBroken[key] ?? '').buffer });
      handle({ end: true });
      const collect = createReplyCollector();
      const reply = messages.map((message) => collect(message)).at(-1);
      if (!reply || 'error' in reply) throw new Error('no reply');
      // As the worker read the files before: each file's bytes decoded, then parsed.
      const bytes = Object.fromEntries(DATASET_FILE_KEYS.map((key) => [key, encode(withBroken[key] ?? '').buffer]));
      expect(reply.result).toEqual(parseDatasetTexts(decodeDatasetBytes(bytes)));
      expect(reply.result.ok).toBe(false);
    }
  });
});
