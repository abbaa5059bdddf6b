/**
 * data/checked.json for a dataset the build has checked (src/data/checked-files.ts): each file's
 * SHA-256, given only if the files parse against the schema and break no integrity rule.
 */
import { createHash } from 'node:crypto';
import type { CheckedManifest } from '../../src/data/checked-files';
import { parseDatasetTexts } from '../../src/data/load';
import type { DatasetFileKey } from '../../src/data/vocabulary';

export function checkedManifest(files: Partial<Record<DatasetFileKey, Buffer | string>>): CheckedManifest | null {
  const texts = Object.fromEntries(Object.entries(files).map(([key, body]) => [key, body.toString()]));
  if (!parseDatasetTexts(texts).ok) return null;
  const sha256 = Object.fromEntries(
    Object.entries(files).map(([key, body]) => [key, createHash('sha256').update(body).digest('hex')]),
  );
  return { sha256 };
}
