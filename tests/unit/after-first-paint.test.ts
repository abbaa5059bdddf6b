// @vitest-environment jsdom
/**
 * The built page asks for its scripts and data only once its skeleton has been painted: index.html
 * holds the tags inert in a template, and a small script file copies them into the head after the
 * first frame (at once in a page opened in the background).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AFTER_FIRST_PAINT_BATCH,
  AFTER_FIRST_PAINT_FALLBACK_MS,
  AFTER_FIRST_PAINT_SCRIPT_SHIPPED as AFTER_FIRST_PAINT_SCRIPT,
  AFTER_FIRST_PAINT_TEMPLATE_ID,
  withScriptsAfterFirstPaint,
} from '../../scripts/build/after-first-paint';
import {
  EARLY_DATASET_WORKER_GLOBAL,
  EARLY_FETCHES_GLOBAL,
  fetchStartedEarly,
  takeEarlyDatasetWorker,
} from '../../src/app/early-start';
import { serviceDigestHtml } from '../../src/app/service-digest';

const BUILT = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta http-equiv="Content-Security-Policy" content="script-src 'self'">
    <title>Explorer</title>
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/react-def.js">
    <link rel="stylesheet" crossorigin href="./assets/index-ghi.css">
    <link rel="preload" href="./data/meta.json" as="fetch" crossorigin="">
    <link rel="modulepreload" crossorigin href="./assets/client-jkl.js">
  </head>
  <body><div id="root"><h1>Who commissions what</h1></div></body>
</html>`;

/**
 * What the script has begun, in order within each kind: the tags it put into the head (their
 * address), then the data files it asked for itself (each preload of a data file becomes a
 * request read as a Blob: src/app/early-start.ts), as the template wrote their address.
 */
function begun(): string[] {
  const inserted = [...document.head.querySelectorAll(':scope > script, :scope > link')].map(
    (element) => element.getAttribute('src') ?? element.getAttribute('href') ?? '',
  );
  const fetches = (window as unknown as Record<string, Record<string, unknown> | undefined>)[EARLY_FETCHES_GLOBAL] ?? {};
  return [...inserted, ...Object.keys(fetches).map((url) => `.${new URL(url).pathname}`)];
}

/** The frame (16 ms on fake timers), the task queued from it, and the few that start the rest, two tags each. */
/** Puts the page's template (from `html`) into the head and runs the start script, as the built page does; returns the template. */
function runStartScript(html: string): HTMLTemplateElement {
  const template = new DOMParser()
    .parseFromString(html, 'text/html')
    .getElementById(AFTER_FIRST_PAINT_TEMPLATE_ID) as HTMLTemplateElement;
  document.head.append(document.importNode(template, true));
  new Function(AFTER_FIRST_PAINT_SCRIPT)();
  return template;
}

async function aFrameAndTheStartingTasks(): Promise<void> {
  await vi.advanceTimersByTimeAsync(17);
  await vi.advanceTimersByTimeAsync(20);
}

describe('scripts and data after the first paint', () => {
  // The page's address decides what the script does first; the files that ran before in this
  // environment may have left one (a service's address would make it fetch a digest first).
  beforeEach(() => {
    window.location.hash = '';
    // The data files the script asks for itself: answered at once (no network here).
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('{}'))),
    );
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.head.innerHTML = '';
    const globals = window as unknown as Record<string, unknown>;
    delete globals[EARLY_FETCHES_GLOBAL];
    delete globals[EARLY_DATASET_WORKER_GLOBAL];
  });

  it('moves the module script and the preloads into an inert template, and keeps the stylesheet', () => {
    const html = withScriptsAfterFirstPaint(BUILT, './assets/after-first-paint-1234.js');
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    const live = [...parsed.head.children]
      .filter((element) => element.tagName !== 'TEMPLATE')
      .map((element) => element.outerHTML);
    expect(live.some((tag) => tag.includes('index-abc.js') || tag.includes('react-def.js') || tag.includes('meta.json'))).toBe(
      false,
    );
    expect(parsed.head.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toBe('./assets/index-ghi.css');
    expect(parsed.head.querySelector('script[defer]')?.getAttribute('src')).toBe('./assets/after-first-paint-1234.js');
    const template = parsed.getElementById(AFTER_FIRST_PAINT_TEMPLATE_ID) as HTMLTemplateElement;
    expect([...template.content.children].map((element) => element.getAttribute('src') ?? element.getAttribute('href'))).toEqual([
      './assets/index-abc.js',
      './assets/react-def.js',
      // The scripts before the data, whatever order the build wrote them in.
      './assets/client-jkl.js',
      './data/meta.json',
    ]);
  });

  it('starts them after the first frame, with the attributes Vite gave them', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    const html = withScriptsAfterFirstPaint(BUILT, './assets/after-first-paint-1234.js');
    runStartScript(html);
    expect(begun()).toHaveLength(0);
    // The first frame (16 ms on fake timers), then the tasks queued from it: long before the fallback.
    await aFrameAndTheStartingTasks();
    expect([...document.head.querySelectorAll(':scope > script, :scope > link')].map((element) => element.outerHTML)).toEqual([
      '<script type="module" crossorigin="" src="./assets/index-abc.js"></script>',
      '<link rel="modulepreload" crossorigin="" href="./assets/react-def.js">',
      '<link rel="modulepreload" crossorigin="" href="./assets/client-jkl.js">',
    ]);
    // The data file's preload: asked for, its body read as a Blob, and left for the app as a response.
    expect(fetch).toHaveBeenCalledWith(new URL('./data/meta.json', window.location.href).href);
    const early = (window as unknown as Record<string, Record<string, Promise<Response>>>)[EARLY_FETCHES_GLOBAL];
    const response = await early?.[new URL('./data/meta.json', window.location.href).href];
    expect(response?.status).toBe(200);
    expect(await response?.text()).toBe('{}');
    // Once only, though the fallback timer fires later.
    await vi.advanceTimersByTimeAsync(AFTER_FIRST_PAINT_FALLBACK_MS + 1000);
    expect(begun()).toHaveLength(4);
  });

  it('where the browser reports paints, waits for the first contentful paint to be on the screen, not just drawn', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    let report: (names: string[]) => void = () => undefined;
    let observed: unknown = null;
    class FakePaintObserver {
      static supportedEntryTypes = ['paint', 'largest-contentful-paint'];
      constructor(callback: (list: { getEntries: () => Array<{ name: string }> }) => void) {
        report = (names) => callback({ getEntries: () => names.map((name) => ({ name })) });
      }
      observe(options: unknown) {
        observed = options;
      }
      disconnect() {
        report = () => undefined;
      }
    }
    vi.stubGlobal('PerformanceObserver', FakePaintObserver);
    const html = withScriptsAfterFirstPaint(BUILT, './assets/after-first-paint-1234.js');
    runStartScript(html);
    expect(observed).toEqual({ type: 'paint', buffered: true });
    // Frames are drawn, but the first paint is not yet on the screen (a compositor still starting).
    await aFrameAndTheStartingTasks();
    await aFrameAndTheStartingTasks();
    expect(begun()).toHaveLength(0);
    report(['first-paint']);
    expect(begun()).toHaveLength(0);
    report(['first-contentful-paint']);
    expect(begun()[0]).toBe('./assets/index-abc.js');
    await vi.advanceTimersByTimeAsync(10);
    expect(begun()).toHaveLength(4);
  });

  it('starts a few per task, the entry script first, so that starting thirty-odd requests is no long task', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    const many = BUILT.replace(
      '<link rel="stylesheet"',
      Array.from(
        { length: 12 },
        (_, index) => `<link rel="preload" href="./data/file-${index}.json" as="fetch" crossorigin="">`,
      ).join('\n') + '\n    <link rel="stylesheet"',
    );
    const html = withScriptsAfterFirstPaint(many, './assets/after-first-paint-1234.js');
    runStartScript(html);
    // The frame, then the task queued from it: one batch.
    await vi.advanceTimersByTimeAsync(16);
    await vi.advanceTimersToNextTimerAsync();
    expect(begun()).toHaveLength(AFTER_FIRST_PAINT_BATCH);
    expect(begun()[0]).toBe('./assets/index-abc.js');
    // The rest in the tasks that follow.
    await vi.runAllTimersAsync();
    expect(begun()).toHaveLength(16);
  });

  describe("at a service's address", () => {
    const DIGEST = {
      id: 'health-visiting',
      caption: 'Service: Public health',
      name: 'Health visiting (children aged 0 to 5)',
      synonyms: ['health visitors'],
      description: 'Health visitors work with families of children from birth to 5 years.',
    };
    const SKELETON =
      '<div class="app-explorer app-explorer--skeleton"><div class="app-explorer__side"><h1>Who commissions what</h1>' +
      '<div class="app-skeleton__block app-skeleton__finder"></div><div class="app-skeleton__block app-skeleton__list"></div></div></div>';

    /** The page at `hash`, its script run with `fetch` answering `answer`; returns what was fetched and a view of the page. */
    function openAt(hash: string, answer: () => Promise<Response>) {
      vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
      window.location.hash = hash;
      document.body.innerHTML = SKELETON;
      const fetched: string[] = [];
      let answered: (value: Response) => void = () => undefined;
      vi.stubGlobal(
        'fetch',
        vi.fn((url: string) => {
          fetched.push(url);
          return new Promise<Response>((resolve, reject) => {
            answered = resolve;
            answer().then(resolve, reject);
          });
        }),
      );
      const html = withScriptsAfterFirstPaint(BUILT, './assets/after-first-paint-1234.js');
      runStartScript(html);
      return {
        fetched,
        answered: () => answered,
        started: () => begun().length,
        /** the service digests it fetched (the data files it asks for once started are not counted) */
        digests: () => fetched.filter((url) => url.includes('/service-digests/')),
        heading: () => document.querySelector('.app-explorer__panel h2')?.textContent ?? null,
        panelOpen: () => document.querySelector('.app-explorer')?.classList.contains('app-explorer--panel-open') ?? false,
      };
    }

    afterEach(() => {
      document.body.innerHTML = '';
      window.location.hash = '';
    });

    it("draws the service's name and description where its panel will be, then starts the page once that is painted", async () => {
      let send: (response: Response) => void = () => undefined;
      const page = openAt('#/service/health-visiting?date=2016-04', () => new Promise((resolve) => (send = resolve)));
      expect(page.digests()).toEqual(['./data/service-digests/health-visiting.html']);
      // The skeleton is not rearranged for the panel (that would move it): the sheet opens over it.
      expect(page.panelOpen()).toBe(false);
      // A frame passes while the digest is on its way: the scripts wait for it.
      await vi.advanceTimersByTimeAsync(50);
      expect(page.started()).toBe(0);
      expect(page.heading()).toBeNull();
      send(new Response(serviceDigestHtml(DIGEST), { status: 200 }));
      await vi.advanceTimersByTimeAsync(0);
      expect(page.heading()).toBe('Health visiting (children aged 0 to 5)');
      expect(page.panelOpen()).toBe(false);
      expect(document.querySelector('.app-explorer__panel p:last-child')?.textContent).toBe(DIGEST.description);
      // The panel is painted in the next frame; the scripts are asked for in the task after it.
      expect(page.started()).toBe(0);
      await aFrameAndTheStartingTasks();
      expect(page.started()).toBe(4);
    });

    it('starts the page as it would have when the digest cannot be had, or the answer is not a digest', async () => {
      const missing = openAt('#/service/no-such-service', () => Promise.resolve(new Response('Not found', { status: 404 })));
      await aFrameAndTheStartingTasks();
      expect(missing.heading()).toBeNull();
      expect(missing.started()).toBe(4);
      document.head.innerHTML = '';
      delete (window as unknown as Record<string, unknown>)[EARLY_FETCHES_GLOBAL];

      const offline = openAt('#/service/health-visiting', () => Promise.reject(new TypeError('Failed to fetch')));
      await aFrameAndTheStartingTasks();
      expect(offline.heading()).toBeNull();
      expect(offline.started()).toBe(4);
      document.head.innerHTML = '';
      delete (window as unknown as Record<string, unknown>)[EARLY_FETCHES_GLOBAL];

      // A host that answers a missing file with a page of its own, as if it were there.
      const other = openAt('#/service/dental-services', () =>
        Promise.resolve(
          new Response('<!doctype html><html><body><div class="app-explorer__panel">Page not found</div></body></html>'),
        ),
      );
      await aFrameAndTheStartingTasks();
      expect(other.heading()).toBeNull();
      expect(other.started()).toBe(4);
    });

    it('starts within three seconds even if the digest never comes', async () => {
      const page = openAt('#/service/health-visiting', () => new Promise(() => undefined));
      await vi.advanceTimersByTimeAsync(AFTER_FIRST_PAINT_FALLBACK_MS - 1);
      expect(page.started()).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(page.started()).toBeGreaterThan(0);
      await vi.advanceTimersByTimeAsync(10);
      expect(page.started()).toBe(4);
    });

    it('fetches nothing beside the map (a wide window), where the panel is not a sheet', async () => {
      vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(min-width: 64em)' }));
      const page = openAt('#/service/health-visiting', () => Promise.resolve(new Response(serviceDigestHtml(DIGEST))));
      await aFrameAndTheStartingTasks();
      expect(page.digests()).toEqual([]);
      expect(page.panelOpen()).toBe(false);
      expect(page.started()).toBe(4);
    });

    it('fetches nothing at the map or at an organisation', async () => {
      for (const hash of ['#/?date=2013-04', '#/org/nhs-england']) {
        const page = openAt(hash, () => Promise.resolve(new Response(serviceDigestHtml(DIGEST))));
        await aFrameAndTheStartingTasks();
        expect(page.digests()).toEqual([]);
        expect(page.panelOpen()).toBe(false);
        expect(page.started()).toBe(4);
        document.head.innerHTML = '';
        delete (window as unknown as Record<string, unknown>)[EARLY_FETCHES_GLOBAL];
      }
    });
  });

  it('starts them at once in a page opened in the background, which paints no frame', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const html = withScriptsAfterFirstPaint(BUILT, './assets/after-first-paint-1234.js');
    runStartScript(html);
    expect(begun()[0]).toBe('./assets/index-abc.js');
    // The rest in the tasks that follow, with no frame.
    await vi.advanceTimersByTimeAsync(10);
    expect(begun()).toHaveLength(4);
  });

  it('starts the dataset worker first, for the app to take over once; a worker that failed is not taken', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    const made: Array<{ address: string; options: unknown; listeners: Record<string, () => void>; terminated: boolean }> = [];
    class FakeWorker {
      record: (typeof made)[number];
      constructor(address: string, options: unknown) {
        this.record = { address, options, listeners: {}, terminated: false };
        made.push(this.record);
      }
      addEventListener(type: string, listener: () => void) {
        this.record.listeners[type] = listener;
      }
      terminate() {
        this.record.terminated = true;
      }
    }
    vi.stubGlobal('Worker', FakeWorker);
    const html = withScriptsAfterFirstPaint(BUILT, './assets/after-first-paint-1234.js', './assets/dataset.worker-5678.js');
    const template = runStartScript(html);
    await aFrameAndTheStartingTasks();
    expect(made.map(({ address, options }) => [address, options])).toEqual([
      ['./assets/dataset.worker-5678.js', { type: 'module', name: 'dataset' }],
    ]);
    const taken = takeEarlyDatasetWorker();
    expect((taken as unknown as FakeWorker).record).toBe(made[0]);
    expect(takeEarlyDatasetWorker()).toBeNull();

    // One whose script failed before the app came: ended, and the app starts its own.
    document.head.innerHTML = '';
    document.head.append(document.importNode(template, true));
    new Function(AFTER_FIRST_PAINT_SCRIPT)();
    await aFrameAndTheStartingTasks();
    made.at(-1)?.listeners.error?.();
    expect(takeEarlyDatasetWorker()).toBeNull();
    expect(made.at(-1)?.terminated).toBe(true);
  });

  it("gives the app the data file's response it began, once; any other request goes to the network", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    const html = withScriptsAfterFirstPaint(BUILT, './assets/after-first-paint-1234.js');
    runStartScript(html);
    await aFrameAndTheStartingTasks();
    expect(fetch).toHaveBeenCalledTimes(1);
    const response = await fetchStartedEarly('./data/meta.json');
    expect(await response.text()).toBe('{}');
    expect(fetch).toHaveBeenCalledTimes(1);
    // Taken: asked again, the file is requested anew, as is any other.
    await fetchStartedEarly('./data/meta.json');
    await fetchStartedEarly('./data/sources.json');
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
