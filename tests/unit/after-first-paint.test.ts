// @vitest-environment jsdom
/**
 * The built page asks for its scripts and data only once its skeleton has been painted: index.html
 * holds the tags inert in a template, and a small script file copies them into the head after the
 * first frame (at once in a page opened in the background).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AFTER_FIRST_PAINT_BATCH,
  AFTER_FIRST_PAINT_SCRIPT_SHIPPED as AFTER_FIRST_PAINT_SCRIPT,
  AFTER_FIRST_PAINT_TEMPLATE_ID,
  withScriptsAfterFirstPaint,
} from '../../scripts/build/after-first-paint';

const BUILT = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta http-equiv="Content-Security-Policy" content="script-src 'self'">
    <title>Explorer</title>
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/react-def.js">
    <link rel="stylesheet" crossorigin href="./assets/index-ghi.css">
    <link rel="preload" href="./data/meta.json" as="fetch" crossorigin="">
  </head>
  <body><div id="root"><h1>Who commissions what</h1></div></body>
</html>`;

describe('scripts and data after the first paint', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.head.innerHTML = '';
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
      './data/meta.json',
    ]);
  });

  it('starts them after the first frame, with the attributes Vite gave them', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    const html = withScriptsAfterFirstPaint(BUILT, './assets/after-first-paint-1234.js');
    const template = new DOMParser().parseFromString(html, 'text/html').getElementById(AFTER_FIRST_PAINT_TEMPLATE_ID)!;
    document.head.append(document.importNode(template, true));
    new Function(AFTER_FIRST_PAINT_SCRIPT)();
    const started = () => document.head.querySelectorAll(':scope > script, :scope > link');
    expect(started()).toHaveLength(0);
    // The first frame (16 ms on fake timers), then the task queued from it: long before the fallback's second.
    await vi.advanceTimersByTimeAsync(17);
    expect([...started()].map((element) => element.outerHTML)).toEqual([
      '<script type="module" crossorigin="" src="./assets/index-abc.js"></script>',
      '<link rel="modulepreload" crossorigin="" href="./assets/react-def.js">',
      '<link rel="preload" href="./data/meta.json" as="fetch" crossorigin="">',
    ]);
    // Once only, though the fallback timer fires later.
    await vi.advanceTimersByTimeAsync(2000);
    expect(started()).toHaveLength(3);
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
    const template = new DOMParser().parseFromString(html, 'text/html').getElementById(AFTER_FIRST_PAINT_TEMPLATE_ID)!;
    document.head.append(document.importNode(template, true));
    new Function(AFTER_FIRST_PAINT_SCRIPT)();
    const started = () => document.head.querySelectorAll(':scope > script, :scope > link');
    // The frame, then the task queued from it: one batch.
    await vi.advanceTimersByTimeAsync(16);
    await vi.advanceTimersToNextTimerAsync();
    expect(started()).toHaveLength(AFTER_FIRST_PAINT_BATCH);
    expect(started()[0]?.getAttribute('src')).toBe('./assets/index-abc.js');
    // The rest in the tasks that follow.
    await vi.runAllTimersAsync();
    expect(started()).toHaveLength(15);
  });

  it('starts them at once in a page opened in the background, which paints no frame', () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const html = withScriptsAfterFirstPaint(BUILT, './assets/after-first-paint-1234.js');
    const template = new DOMParser().parseFromString(html, 'text/html').getElementById(AFTER_FIRST_PAINT_TEMPLATE_ID)!;
    document.head.append(document.importNode(template, true));
    new Function(AFTER_FIRST_PAINT_SCRIPT)();
    expect(document.head.querySelectorAll(':scope > script, :scope > link')).toHaveLength(3);
  });
});
