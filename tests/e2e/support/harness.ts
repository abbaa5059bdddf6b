/**
 * End-to-end harness: serves the built site (dist/) from a tiny static server on loopback and
 * drives it in the system's headless Chromium through Playwright. No browser is downloaded:
 * CHROMIUM_PATH (default /usr/bin/chromium) names the browser to use.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// E2E_DIST lets several builds be tested side by side (e.g. `vite build --outDir /tmp/dist-x`).
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map', '.txt']);

/**
 * Serves dir; any path that is not a file gets index.html, as a static host's SPA fallback does.
 * Text is sent gzipped when the browser accepts it, as every static host and CDN does: the bench's
 * Lighthouse runs simulate a slow phone link from the bytes transferred, so an uncompressed server
 * would measure a download three to six times larger than any real visitor's.
 */
export async function startStaticServer(dir: string = DIST): Promise<StaticServer> {
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}/index.html not found: run "npm run build" first`);
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const requested = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    const inside = requested.startsWith(dir + path.sep);
    const filePath = inside && existsSync(requested) && statSync(requested).isFile() ? requested : path.join(dir, 'index.html');
    response.setHeader('Content-Type', CONTENT_TYPES[path.extname(filePath)] ?? 'application/octet-stream');
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (!acceptsGzip || !COMPRESSIBLE.has(path.extname(filePath))) return void response.end(readFileSync(filePath));
    let body = gzipped.get(filePath);
    if (!body) gzipped.set(filePath, (body = gzipSync(readFileSync(filePath))));
    response.setHeader('Content-Encoding', 'gzip');
    response.setHeader('Vary', 'Accept-Encoding');
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Headless Chromium with a fresh, throw-away profile and no background network traffic. */
/** The flags every headless Chromium of the project runs with (the e2e tests, measure:map, the bench's Lighthouse). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'explorer-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: [...CHROMIUM_FLAGS],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface WatchedPage {
  page: Page;
  /** uncaught errors and console errors seen so far */
  errors: string[];
  /** every request made to an origin other than the site's own */
  foreignRequests: string[];
}

/** Opens a page that records errors and any request leaving the site's origin. */
export async function openWatchedPage(browser: Browser, origin: string): Promise<WatchedPage> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => {
    const url = request.url();
    // data: and the page's own blob: addresses (an export being drawn) never leave the machine.
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith(`blob:${origin}/`)) foreignRequests.push(url);
  });
  return { page, errors, foreignRequests };
}

/**
 * For a test file: serves the built site and starts a browser before its tests, and closes both
 * after. The handles are filled in by the time the tests run.
 */
export function siteInBrowser(): { server: StaticServer; browser: Browser } {
  const site = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    site.server = await startStaticServer();
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
