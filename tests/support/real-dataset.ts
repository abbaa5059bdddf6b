/** Reads the real data/ folder the way check:data does, for tests that check it against the sources. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATASET_FILE_KEYS, dataFilePath, parseDatasetTexts, type LoadResult } from '../../src/data/load';
import type { DatasetFileKey } from '../../src/data/schema';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SOURCES_DIR = path.resolve(ROOT, '..', 'shared', 'sources');

export function loadRealDataset(): LoadResult {
  const texts: Partial<Record<DatasetFileKey, string>> = {};
  for (const key of DATASET_FILE_KEYS) {
    const filePath = path.join(ROOT, dataFilePath(key));
    if (existsSync(filePath)) texts[key] = readFileSync(filePath, 'utf8');
  }
  return parseDatasetTexts(texts);
}

/** The five source documents by file name, or an empty map where ../shared/sources is absent. */
export function readSourceDocuments(): Map<string, string> {
  if (!existsSync(SOURCES_DIR)) return new Map();
  return new Map(
    readdirSync(SOURCES_DIR)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => [name, readFileSync(path.join(SOURCES_DIR, name), 'utf8')] as const),
  );
}
