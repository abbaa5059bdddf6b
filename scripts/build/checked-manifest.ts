/**
 * What the build ships of the dataset (src/data/checked-files.ts): for a dataset that parses
 * against the schema and breaks no integrity rule, each file as the schema's own output (defaults
 * filled in, no layout, every character beyond ASCII escaped) and data/checked.json, giving each
 * shipped file's SHA-256 and which of them are that output; for a dataset with problems, the files
 * as they are and no manifest, so that the browser reports the problems as before.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { CHECKED_FILE_PATH, type CheckedManifest } from '../../src/data/checked-files';
import { parseDatasetTexts } from '../../src/data/load';
import { datasetSchema } from '../../src/data/schema';
import { DATASET_FILES, type DatasetFileKey } from '../../src/data/vocabulary';

type DatasetFiles = Partial<Record<DatasetFileKey, Buffer | string>>;

/** JSON with every character beyond ASCII written as a \u escape (the same value, read faster: src/data/ascii-json.ts). */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const sha256 = (text: Buffer | string) => createHash('sha256').update(text).digest('hex');

/** The files to ship and the manifest to ship with them (null for a dataset with problems). */
export function shippedDataset(files: DatasetFiles): {
  texts: Partial<Record<DatasetFileKey, string>>;
  manifest: CheckedManifest | null;
} {
  const originals = Object.fromEntries(Object.entries(files).map(([key, body]) => [key, body.toString()])) as Partial<
    Record<DatasetFileKey, string>
  >;
  const result = parseDatasetTexts(originals);
  if (!result.ok) return { texts: originals, manifest: null };
  const texts: Partial<Record<DatasetFileKey, string>> = {};
  const schemaOutput: DatasetFileKey[] = [];
  for (const key of Object.keys(originals) as DatasetFileKey[]) {
    const shipped = asciiJson(result.dataset[key]);
    const value = JSON.parse(shipped) as unknown;
    // Only a file the schema gives back unchanged may skip it in the browser (a schema that changed
    // its own output, say a transform that is not idempotent, keeps its file as it was).
    if (isDeepStrictEqual(datasetSchema.shape[key].parse(value), value)) {
      texts[key] = shipped;
      schemaOutput.push(key);
    } else texts[key] = originals[key];
  }
  const hashes = Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, sha256(text)]));
  return { texts, manifest: { sha256: hashes, schemaOutput } };
}

/**
 * The data files index.html preloads, in the order it asks for them. The build's word on the files
 * (which the worker waits for before reading any) and the map's layout come first: small, they
 * would otherwise wait for a connection behind the largest files on a host that serves six requests
 * at a time (at 100×, the worker sat idle until 1.7 s).
 */
export function dataPreloadNames(): string[] {
  return [CHECKED_FILE_PATH.replace(/^data\//, ''), 'map-layout.json', ...Object.values(DATASET_FILES)];
}
