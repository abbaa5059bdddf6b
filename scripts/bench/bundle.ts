/**
 * The production bundle: builds it, takes a private copy to serve (so another build of dist/
 * during the benchmark cannot pull files from under it), and counts the bytes it ships.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileBytes {
  /** path relative to the site's root, e.g. "assets/index-abc.js" */
  file: string;
  raw: number;
  gzip: number;
}

export interface ChunkBytes extends FileBytes {
  kind: 'js' | 'css';
}

export interface ByteTotals {
  raw: number;
  gzip: number;
}

export interface BundleBytes {
  chunks: ChunkBytes[];
  js: ByteTotals;
  css: ByteTotals;
}

export const gzipSize = (content: string | Buffer): number => gzipSync(content, { level: 9 }).length;

export function bytesOf(file: string, content: string | Buffer): FileBytes {
  return { file, raw: Buffer.byteLength(content), gzip: gzipSize(content) };
}

export function totalOf(files: readonly FileBytes[]): ByteTotals {
  return files.reduce((sum, file) => ({ raw: sum.raw + file.raw, gzip: sum.gzip + file.gzip }), { raw: 0, gzip: 0 });
}

/** Runs the project's production build (vite build into dist/); throws with its output if it fails. */
export function buildBundle(root: string): { elapsedMs: number } {
  const started = Date.now();
  const result = spawnSync('npx', ['vite', 'build'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`could not run "npx vite build": ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`"npx vite build" failed (exit ${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
  return { elapsedMs: Date.now() - started };
}

export interface Snapshot {
  dir: string;
  remove: () => void;
}

/** A private copy of dist/ to serve for the whole run. */
export function snapshotDist(distDir: string): Snapshot {
  if (!existsSync(path.join(distDir, 'index.html')))
    throw new Error(`${distDir}/index.html not found: the build did not produce a site`);
  const dir = mkdtempSync(path.join(tmpdir(), 'explorer-bench-site-'));
  cpSync(distDir, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    return statSync(full).isDirectory() ? filesUnder(full, relative) : [relative];
  });
}

/** Every JavaScript and CSS file of the built site (source maps aside), largest first. */
export function measureBundle(siteDir: string): BundleBytes {
  const chunks: ChunkBytes[] = filesUnder(siteDir)
    .filter((file) => /\.(js|mjs|css)$/.test(file))
    .map((file) => ({
      ...bytesOf(file, readFileSync(path.join(siteDir, file))),
      kind: file.endsWith('.css') ? ('css' as const) : ('js' as const),
    }))
    .sort((a, b) => b.raw - a.raw);
  if (!chunks.some((chunk) => chunk.kind === 'js')) throw new Error(`no JavaScript found in ${siteDir}`);
  return {
    chunks,
    js: totalOf(chunks.filter((chunk) => chunk.kind === 'js')),
    css: totalOf(chunks.filter((chunk) => chunk.kind === 'css')),
  };
}

/** The data files the site ships (data/*.json), as served. */
export function measureDataFiles(siteDir: string): FileBytes[] {
  const dataDir = path.join(siteDir, 'data');
  if (!existsSync(dataDir)) throw new Error(`${dataDir} not found: the build shipped no data files`);
  return readdirSync(dataDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => bytesOf(`data/${name}`, readFileSync(path.join(dataDir, name))));
}
