/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { AFTER_FIRST_PAINT_SCRIPT_SHIPPED, withScriptsAfterFirstPaint } from './scripts/build/after-first-paint';
import { dataPreloadNames, shippedDataset } from './scripts/build/checked-manifest';
import { dropFrontendHasRules } from './scripts/build/drop-frontend-has';
import { REACT_DOM_SENTINELS, withStacklessSentinels } from './scripts/build/sentinel-errors';
import { SERVICE_DIGEST_DIR, serviceDigestHtml, serviceDigestOf } from './src/app/service-digest';
import { CHECKED_FILE_PATH } from './src/data/checked-files';
import { datasetSchema } from './src/data/schema';
import { DATASET_FILES, type DatasetFileKey } from './src/data/vocabulary';

const dataDir = path.resolve(import.meta.dirname, 'data');

/**
 * Ships data/*.json beside index.html as data/<file>.json: served by the dev server, copied into
 * the build. The app fetches them at start-up (same origin), so the dataset stays human-editable
 * JSON and is not baked into the JavaScript bundle. The place data (data/places/*.json, loaded on
 * demand) is shipped the same way, as data/places/<file>.json.
 */
function datasetFiles(): Plugin {
  const json = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.json') && !name.startsWith('_'));
  const placesDir = path.join(dataDir, 'places');
  const files = () => [...json(dataDir), ...(existsSync(placesDir) ? json(placesDir).map((name) => `places/${name}`) : [])];
  return {
    name: 'dataset-files',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const match = /^\/data\/((?:places\/)?[a-z-]+\.json)(?:\?.*)?$/.exec(request.url ?? '');
        if (!match?.[1] || !files().includes(match[1])) return next();
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.end(readFileSync(path.join(dataDir, match[1])));
      });
    },
    // Listed in the HTML as preloads, so the downloads start alongside the script's instead of after
    // it (on a slow phone link, the data is as large as the script): the start script turns each
    // into a request read as a Blob, which the app takes over (src/app/early-start.ts), in the order
    // dataPreloadNames gives (scripts/build/checked-manifest.ts). `crossorigin`
    // keeps a plain preload (the dev server's page) matching fetch()'s same-origin CORS mode.
    transformIndexHtml: () =>
      dataPreloadNames().map((name) => ({
        tag: 'link',
        attrs: { rel: 'preload', href: `./data/${name}`, as: 'fetch', crossorigin: '' },
        injectTo: 'head' as const,
      })),
    generateBundle() {
      // The dataset as the build checked it: each file as the schema's own output where it has no
      // problems, with the build's word on it (scripts/build/checked-manifest.ts, src/data/checked-files.ts).
      const dataset = shippedDataset(
        Object.fromEntries(Object.entries(DATASET_FILES).map(([key, name]) => [key, readFileSync(path.join(dataDir, name))])),
      );
      const shippedNames = new Map<string, string | undefined>(
        Object.entries(DATASET_FILES).map(([key, name]) => [name, dataset.texts[key as DatasetFileKey]]),
      );
      for (const name of files()) {
        this.emitFile({
          type: 'asset',
          fileName: `data/${name}`,
          source: shippedNames.get(name) ?? readFileSync(path.join(dataDir, name)),
        });
      }
      if (dataset.manifest)
        this.emitFile({ type: 'asset', fileName: CHECKED_FILE_PATH, source: JSON.stringify(dataset.manifest) });
      // Each service's digest, for the panel's top at its address before the dataset is in (src/app/service-digest.ts).
      const services = datasetSchema.shape.services.parse(
        JSON.parse(readFileSync(path.join(dataDir, DATASET_FILES.services), 'utf8')),
      );
      for (const service of services) {
        this.emitFile({
          type: 'asset',
          fileName: `${SERVICE_DIGEST_DIR}/${service.id}.html`,
          source: serviceDigestHtml(serviceDigestOf(service)),
        });
      }
    },
  };
}

/**
 * A strict Content-Security-Policy for the built site: no inline script, no eval, nothing from
 * another origin. Added at build only, because the dev server injects an inline script of its own.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Preloads, from the HTML, the chunks of the modules main.tsx imports dynamically (React DOM), so
 * they download alongside the entry rather than after it has run.
 */
function preloadDynamicStartChunks(): Plugin {
  return {
    name: 'preload-dynamic-start-chunks',
    apply: 'build',
    transformIndexHtml(_html, context) {
      const chunks = Object.values(context.bundle ?? {}).filter((output) => output.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry) return [];
      const wanted = new Set<string>();
      const add = (fileName: string) => {
        if (wanted.has(fileName) || fileName === entry.fileName) return;
        wanted.add(fileName);
        const chunk = chunks.find((candidate) => candidate.fileName === fileName);
        chunk?.imports.forEach(add);
      };
      for (const chunk of chunks)
        if (chunk.isDynamicEntry && /react-dom[\\/]client/.test(chunk.facadeModuleId ?? '')) add(chunk.fileName);
      const alreadyPreloaded = new Set(entry.imports);
      return [...wanted]
        .filter((fileName) => !alreadyPreloaded.has(fileName))
        .map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: '', href: `./${fileName}` },
          injectTo: 'head' as const,
        }));
    },
  };
}

/** The scripts and the data, asked for once the skeleton has been painted (scripts/build/after-first-paint.ts). */
function scriptsAndDataAfterFirstPaint(): Plugin {
  const fileName = `assets/after-first-paint-${createHash('sha256').update(AFTER_FIRST_PAINT_SCRIPT_SHIPPED).digest('hex').slice(0, 8)}.js`;
  return {
    name: 'scripts-and-data-after-first-paint',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: AFTER_FIRST_PAINT_SCRIPT_SHIPPED });
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => {
        // The dataset worker's built script (src/app/dataset.worker.ts), which the start script starts first.
        const worker = Object.keys(context.bundle ?? {}).find((name) => /^assets\/dataset\.worker-[\w-]+\.js$/.test(name));
        return withScriptsAfterFirstPaint(html, `./${fileName}`, worker ? `./${worker}` : undefined);
      },
    },
  };
}

/**
 * React DOM runs almost all of its code at start-up. Chromium's explicit compile hint asks V8 to
 * compile the whole file while it downloads, off the main thread, rather than function by function
 * on the main thread as it first runs (the largest part of the first view's longest task).
 */
function compileReactDomEagerly(): Plugin {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  return {
    name: 'compile-react-dom-eagerly',
    apply: 'build',
    // After minification (which would strip the comment), as the file's first line; its source map
    // moves down a line with it.
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk' || !output.isDynamicEntry) continue;
        if (!/react-dom[\\/]client/.test(output.facadeModuleId ?? '')) continue;
        output.code = HINT + output.code;
        const map = bundle[`${output.fileName}.map`];
        if (map?.type === 'asset' && typeof map.source === 'string') {
          const parsed = JSON.parse(map.source) as { mappings: string };
          map.source = JSON.stringify({ ...parsed, mappings: `;${parsed.mappings}` });
        }
      }
    },
  };
}

/**
 * React DOM's module-level sentinel errors, made without a stack trace (scripts/build/sentinel-errors.ts
 * says why: under a DevTools session they made its evaluation one long task). If React changes and
 * they are not all found, the build says so and ships React DOM unchanged.
 */
function stacklessReactDomSentinels(): Plugin {
  return {
    name: 'stackless-react-dom-sentinels',
    apply: 'build',
    transform(code, id) {
      if (!/react-dom[\\/]cjs[\\/]react-dom-client\.production\.js$/.test(id)) return null;
      const { code: changed, replaced } = withStacklessSentinels(code);
      if (replaced !== REACT_DOM_SENTINELS.length) {
        this.warn(
          `react-dom-client: found ${replaced} of its ${REACT_DOM_SENTINELS.length} module-level sentinel errors; left unchanged`,
        );
        return null;
      }
      return { code: changed, map: null };
    },
  };
}

/** Unit tests that need a DOM (they build SVG in a document, or render a hook): run in jsdom. */
const DOM_UNIT_TESTS = [
  'tests/unit/export-svg.test.ts',
  'tests/unit/map-layout-choice.test.ts',
  'tests/unit/after-first-paint.test.ts',
  'tests/unit/bench-frames.test.ts',
];
/**
 * DOM tests that need a document and module graph of their own: they mock modules (vi.mock), stub
 * globals or fake timers, or leave styles in the document. The others share one jsdom and one module
 * graph (starting jsdom for each file was half the suite's time).
 */
const ISOLATED_DOM_TESTS = [
  'tests/unit/export-svg.test.ts',
  'tests/component/DownloadsPage.test.tsx',
  'tests/component/PlaceFinderField.test.tsx',
  'tests/component/PlaceRouteMonth.test.tsx',
  'tests/component/PlaceSources.test.tsx',
  'tests/component/ServiceFinderEnterEarly.test.tsx',
  'tests/component/Timeline.test.tsx',
  'tests/component/Tour.test.tsx',
  'tests/component/TourMap.test.tsx',
];

export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    datasetFiles(),
    contentSecurityPolicy(),
    preloadDynamicStartChunks(),
    scriptsAndDataAfterFirstPaint(),
    compileReactDomEagerly(),
    stacklessReactDomSentinels(),
  ],
  resolve: {
    // react-router's package exports name only its development build (warnings, invariants
    // and all); the site ships its production build instead.
    alias:
      mode === 'production'
        ? [
            {
              find: /^react-router$/,
              replacement: path.resolve(import.meta.dirname, 'node_modules/react-router/dist/production/index.mjs'),
            },
          ]
        : [],
  },
  // Relative asset paths, so the built files work from any folder of any static host.
  base: './',
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Every browser the site supports preloads modules itself; the polyfill only ran at start-up.
    modulePreload: { polyfill: false },
  },
  css: {
    postcss: { plugins: [dropFrontendHasRules()] },
    preprocessorOptions: {
      // nhsuk-frontend's Sass still uses a few deprecated built-ins; its warnings are not ours to fix.
      scss: { quietDeps: true, silenceDeprecations: ['import', 'global-builtin'] },
    },
  },
  // Two vitest projects: pure tests in Node (no DOM to start for each file, and one module graph
  // shared across files), and the tests that render or touch the DOM in jsdom with Testing
  // Library's setup. A unit test that needs a DOM is listed in DOM_UNIT_TESTS.
  test: {
    css: false,
    // Generous, because a test's first on-demand import can be slow on a busy machine (see tests/setup.ts).
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          exclude: DOM_UNIT_TESTS,
          // The pure tests share one module graph: none of them patches globals or module state.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.tsx', ...DOM_UNIT_TESTS],
          exclude: ISOLATED_DOM_TESTS,
          setupFiles: ['tests/setup.ts'],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom-isolated',
          environment: 'jsdom',
          include: ISOLATED_DOM_TESTS,
          setupFiles: ['tests/setup.ts'],
        },
      },
    ],
  },
}));
