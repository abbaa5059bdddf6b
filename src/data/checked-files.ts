/**
 * The build's word that it checked the dataset: data/checked.json gives the SHA-256 of each data
 * file the build ran the schema and the integrity rules over (and found no problem), and which of
 * those files it shipped as the schema's own output (scripts/build/checked-manifest.ts). A file
 * that is byte for byte such an output is only parsed as JSON: the schema would give it back
 * unchanged (at a hundred times the data, the schema takes about 0.4 s of the worker's time before
 * the first map). Where every file received is byte for byte one the build checked, the integrity
 * rules are left out too (another 0.3 s there). A file changed since the build (or a page that
 * cannot hash: no Web Crypto outside a secure context) gets the schema and every rule, and its
 * problems are shown as before.
 */
import { DATASET_FILE_KEYS } from './fetch-texts';
import type { DatasetFileKey } from './vocabulary';

export const CHECKED_FILE_PATH = 'data/checked.json';

export interface CheckedManifest {
  /** each data file's SHA-256, as lower-case hex */
  sha256: Partial<Record<DatasetFileKey, string>>;
  /** the files shipped as the schema's own output, which it would give back unchanged */
  schemaOutput?: DatasetFileKey[];
}

/** A manifest read from JSON, or null if it is not one. */
export function readCheckedManifest(value: unknown): CheckedManifest | null {
  if (typeof value !== 'object' || value === null) return null;
  const sha256 = (value as { sha256?: unknown }).sha256;
  if (typeof sha256 !== 'object' || sha256 === null) return null;
  const entries = Object.entries(sha256);
  const isFileKey = (key: unknown) => (DATASET_FILE_KEYS as unknown[]).includes(key);
  if (!entries.every(([key, hash]) => isFileKey(key) && typeof hash === 'string')) return null;
  const schemaOutput = (value as { schemaOutput?: unknown }).schemaOutput;
  if (schemaOutput === undefined) return { sha256: sha256 as CheckedManifest['sha256'] };
  if (!Array.isArray(schemaOutput) || !schemaOutput.every(isFileKey)) return null;
  return { sha256: sha256 as CheckedManifest['sha256'], schemaOutput: schemaOutput as DatasetFileKey[] };
}

/** Whether a file with this hash is byte for byte one the build shipped as the schema's own output. */
export function isSchemaOutput(manifest: CheckedManifest | null, key: DatasetFileKey, hash: string | null): boolean {
  return hash !== null && manifest?.sha256[key] === hash && (manifest.schemaOutput?.includes(key) ?? false);
}

/** SHA-256 of the bytes as lower-case hex, or null where Web Crypto is not available. */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whether the files received (their hashes, null where none could be made) are exactly those the build checked. */
export function allChecked(manifest: CheckedManifest | null, received: ReadonlyMap<DatasetFileKey, string | null>): boolean {
  if (!manifest) return false;
  const checkedKeys = Object.keys(manifest.sha256);
  if (checkedKeys.length !== received.size) return false;
  for (const [key, hash] of received) if (hash === null || manifest.sha256[key] !== hash) return false;
  return true;
}
