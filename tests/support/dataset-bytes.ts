/**
 * The dataset's files as bytes, decoded as the site serves them (UTF-8): what the worker is handed,
 * read back as text, for comparing its verdict with parsing the texts whole. (The page hands the
 * worker Blobs now: src/data/fetch-texts.ts.)
 */
import { DATASET_FILE_KEYS, type DatasetTexts } from '../../src/data/fetch-texts';
import type { DatasetFileKey } from '../../src/data/schema';

export type DatasetBytes = Partial<Record<DatasetFileKey, ArrayBuffer>>;

/** The files' bytes as text (UTF-8, as the site serves them). */
export function decodeDatasetBytes(bytes: DatasetBytes): DatasetTexts {
  const decoder = new TextDecoder();
  const texts: DatasetTexts = {};
  for (const key of DATASET_FILE_KEYS) {
    const body = bytes[key];
    if (body !== undefined) texts[key] = decoder.decode(body);
  }
  return texts;
}
