/**
 * The build's word that it checked the dataset: data/checked.json gives the SHA-256 of each data
 * file the build ran the integrity rules over (and found none broken). The browser still parses and
 * validates each file against the schema (which also fills in its defaults), but where every file it
 * received is byte for byte one the build checked, it leaves the integrity rules out: at a hundred
 * times the data they take about 0.4 s, after the last file and before the first map. A file
 * changed since the build (or a page that cannot hash: no Web Crypto outside a secure context) gets
 * every rule, and its problems are shown as before.
 */
import { DATASET_FILE_KEYS } from './fetch-texts';
import type { DatasetFileKey } from './vocabulary';

export const CHECKED_FILE_PATH = 'data/checked.json';

export interface CheckedManifest {
  /** each data file's SHA-256, as lower-case hex */
  sha256: Partial<Record<DatasetFileKey, string>>;
}

/** A manifest read from JSON, or null if it is not one. */
export function readCheckedManifest(value: unknown): CheckedManifest | null {
  if (typeof value !== 'object' || value === null) return null;
  const sha256 = (value as { sha256?: unknown }).sha256;
  if (typeof sha256 !== 'object' || sha256 === null) return null;
  const entries = Object.entries(sha256);
  if (!entries.every(([key, hash]) => (DATASET_FILE_KEYS as string[]).includes(key) && typeof hash === 'string')) return null;
  return { sha256: sha256 as CheckedManifest['sha256'] };
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
