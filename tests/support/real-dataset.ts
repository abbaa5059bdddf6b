/** Reads the real data/ folder the way check:data does, for tests that check it against the sources. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATASET_FILE_KEYS, dataFilePath, parseDatasetTexts, type LoadResult } from '../../src/data/load';
import type { DatasetFileKey } from '../../src/data/schema';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * Where the five source documents are: the SOURCES_DIR environment variable, or by default
 * ../shared/sources beside the repository (where the build machines keep them). A clone of the
 * repository alone has no such folder, and the tests that need it are skipped, saying why.
 */
export const SOURCES_DIR = process.env.SOURCES_DIR
  ? path.resolve(ROOT, process.env.SOURCES_DIR)
  : path.resolve(ROOT, '..', 'shared', 'sources');

/**
 * Whether the tests that read the source texts should be skipped: only when SOURCES_DIR is not
 * set and the default folder is absent. A SOURCES_DIR that is set but missing is a failure, not a skip.
 */
export const SKIP_SOURCE_TESTS = !process.env.SOURCES_DIR && !existsSync(SOURCES_DIR);

/** The name of a test that reads the source texts, with the reason when it is skipped. */
export function needsSources(name: string): string {
  return SKIP_SOURCE_TESTS
    ? `${name} (skipped: the source texts are not at ${SOURCES_DIR}; set SOURCES_DIR to their folder to run it)`
    : name;
}

export function loadRealDataset(): LoadResult {
  const texts: Partial<Record<DatasetFileKey, string>> = {};
  for (const key of DATASET_FILE_KEYS) {
    const filePath = path.join(ROOT, dataFilePath(key));
    if (existsSync(filePath)) texts[key] = readFileSync(filePath, 'utf8');
  }
  return parseDatasetTexts(texts);
}

/** The five source documents by file name, or an empty map where SOURCES_DIR is absent. */
export function readSourceDocuments(): Map<string, string> {
  if (!existsSync(SOURCES_DIR)) return new Map();
  return new Map(
    readdirSync(SOURCES_DIR)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => [name, readFileSync(path.join(SOURCES_DIR, name), 'utf8')] as const),
  );
}
