/**
 * The map's ahead-of-time layout for a synthetic dataset, computed in Node as the build does for
 * the real data (scripts/build-map-layout.ts, npm run build:layout), so the browser is sent a
 * data/map-layout.json whose fingerprint matches the dataset it loads, as it is for the real data.
 *
 * As a command: tsx scripts/bench/map-layout.ts FACTOR times the layout of the FACTOR× dataset.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeMapLayout } from '../../src/domain/map-layout/compute';
import { layoutInputFingerprint } from '../../src/domain/map-layout/fingerprint';
import type { Dataset } from '../../src/data/schema';

export interface AheadOfTimeLayout {
  /** data/map-layout.json as the build would write it */
  text: string;
  fingerprint: string;
  elapsedMs: number;
}

export function computeAheadOfTimeLayout(dataset: Dataset): AheadOfTimeLayout {
  const started = performance.now();
  const layout = computeMapLayout(dataset);
  const elapsedMs = performance.now() - started;
  return { text: `${JSON.stringify(layout)}\n`, fingerprint: layout.fingerprint, elapsedMs };
}

export interface CachedLayout extends AheadOfTimeLayout {
  /** null: computed now; else when the cached copy was computed */
  cachedFrom: string | null;
}

/**
 * The layout for a dataset, from the cache (dir) when one was computed from the same layout inputs
 * (the same fingerprint, which the layout algorithm's version is part of), else computed and cached:
 * at 100× it takes minutes. The cost printed is the one measured when it was computed.
 */
export function aheadOfTimeLayout(dataset: Dataset, dir: string): CachedLayout {
  const fingerprint = layoutInputFingerprint(dataset);
  const file = path.join(dir, `map-layout-${fingerprint}.json`);
  const metaFile = path.join(dir, `map-layout-${fingerprint}.meta.json`);
  if (existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { elapsedMs: number; computedAt: string };
    return { text: readFileSync(file, 'utf8'), fingerprint, elapsedMs: meta.elapsedMs, cachedFrom: meta.computedAt };
  }
  const layout = computeAheadOfTimeLayout(dataset);
  if (layout.fingerprint !== fingerprint)
    throw new Error(`the layout's fingerprint (${layout.fingerprint}) is not the dataset's (${fingerprint})`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, layout.text);
  const computedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  writeFileSync(metaFile, `${JSON.stringify({ elapsedMs: layout.elapsedMs, computedAt })}\n`);
  return { ...layout, cachedFrom: null };
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const { multiplyDataset, readRealDataset } = await import('./synthetic-dataset');
  const factor = Number(process.argv[2] ?? '10');
  const synthetic = multiplyDataset(readRealDataset(), factor);
  const layout = computeAheadOfTimeLayout(synthetic.dataset);
  console.log(
    `ahead-of-time layout: ${(layout.elapsedMs / 1000).toFixed(1)} s at ${factor}× ` +
      `(${(layout.text.length / 1024 / 1024).toFixed(1)} MB, fingerprint ${layout.fingerprint})`,
  );
}
