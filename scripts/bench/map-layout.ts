/**
 * The map's ahead-of-time layout for a synthetic dataset, computed in Node as the build does for
 * the real data (scripts/build-map-layout.ts, npm run build:layout), so the browser is sent a
 * data/map-layout.json whose fingerprint matches the dataset it loads, as it is for the real data.
 *
 * As a command: tsx scripts/bench/map-layout.ts FACTOR [--cache] times the layout of the FACTOR×
 * dataset (with --cache, into the bench's cache, bench-results/layout-cache/, for npm run bench).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeMapLayout } from '../../src/domain/map-layout/compute';
import { layoutInputFingerprint } from '../../src/domain/map-layout/fingerprint';
import type { Dataset } from '../../src/data/schema';

export interface AheadOfTimeLayout {
  /** data/map-layout.json as the build would write it */
  text: string;
  fingerprint: string;
  /** wall-clock time, which other work on the machine lengthens */
  elapsedMs: number;
  /** this process's CPU time for it (user and system); null if unknown (a cache written before it was recorded) */
  cpuMs: number | null;
}

export function computeAheadOfTimeLayout(dataset: Dataset): AheadOfTimeLayout {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const layout = computeMapLayout(dataset);
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { text: `${JSON.stringify(layout)}\n`, fingerprint: layout.fingerprint, elapsedMs, cpuMs };
}

export interface CachedLayout extends AheadOfTimeLayout {
  /** null: computed now; else when the cached copy was computed */
  cachedFrom: string | null;
}

const SOURCE_DIRS = ['src/domain', 'src/data'];

/** A hash of the code the layout is computed by (src/domain and src/data), so a cached layout is never the old code's. */
function layoutCodeHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (/\.tsx?$/.test(entry.name))
        hash
          .update(relative)
          .update('\0')
          .update(readFileSync(path.join(root, relative)))
          .update('\0');
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  return hash.digest('hex').slice(0, 12);
}

/**
 * The layout for a dataset, from the cache (dir) when one was computed from the same layout inputs
 * (the same fingerprint) by the same code (src/domain and src/data unchanged), else computed and
 * cached: at 100× it takes minutes. The cost printed is the one measured when it was computed.
 */
export function aheadOfTimeLayout(dataset: Dataset, dir: string, root: string): CachedLayout {
  const fingerprint = layoutInputFingerprint(dataset);
  const key = `${fingerprint}-${layoutCodeHash(root)}`;
  const file = path.join(dir, `map-layout-${key}.json`);
  const metaFile = path.join(dir, `map-layout-${key}.meta.json`);
  if (existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { elapsedMs: number; cpuMs?: number; computedAt: string };
    return {
      text: readFileSync(file, 'utf8'),
      fingerprint,
      elapsedMs: meta.elapsedMs,
      cpuMs: meta.cpuMs ?? null,
      cachedFrom: meta.computedAt,
    };
  }
  const layout = computeAheadOfTimeLayout(dataset);
  if (layout.fingerprint !== fingerprint)
    throw new Error(`the layout's fingerprint (${layout.fingerprint}) is not the dataset's (${fingerprint})`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, layout.text);
  const computedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  writeFileSync(metaFile, `${JSON.stringify({ elapsedMs: layout.elapsedMs, cpuMs: layout.cpuMs, computedAt })}\n`);
  return { ...layout, cachedFrom: null };
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const { multiplyDataset, readRealDataset, ROOT } = await import('./synthetic-dataset');
  const factor = Number(process.argv[2] ?? '10');
  const synthetic = multiplyDataset(readRealDataset(), factor);
  // --cache: compute into (or read from) the bench's cache, so the next npm run bench reuses it.
  const layout = process.argv.includes('--cache')
    ? aheadOfTimeLayout(synthetic.dataset, path.join(ROOT, 'bench-results', 'layout-cache'), ROOT)
    : { ...computeAheadOfTimeLayout(synthetic.dataset), cachedFrom: null };
  console.log(
    `ahead-of-time layout: ${(layout.elapsedMs / 1000).toFixed(1)} s at ${factor}× ` +
      `${layout.cpuMs === null ? '' : `(CPU ${(layout.cpuMs / 1000).toFixed(1)} s) `}` +
      `(${(layout.text.length / 1024 / 1024).toFixed(1)} MB, fingerprint ${layout.fingerprint}` +
      `${layout.cachedFrom ? `, computed ${layout.cachedFrom}` : ''})`,
  );
}
