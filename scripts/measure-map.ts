/**
 * npm run measure:map — a quick measurement of the map in the built site, in headless Chromium:
 * how long a month step takes to paint, how long until every transition has finished (the map
 * has settled), and how far nodes present in two adjacent months move between them.
 * Run "npm run build" first. (The full benchmark with budgets is a separate piece of work.)
 */
import { launchBrowser, startStaticServer } from '../tests/e2e/support/harness';

const server = await startStaticServer();
const browser = await launchBrowser({ width: 1280, height: 900 });
try {
  const page = await browser.context.newPage();
  const loadStart = Date.now();
  await page.goto(`${server.origin}/#/?date=2010-07`);
  await page.locator('[data-node-id]').first().waitFor();
  const firstMapMs = Date.now() - loadStart;
  const slider = page.getByRole('slider', { name: /month/i });
  const steps = Number(await slider.getAttribute('max'));

  const paintMs: number[] = [];
  const settleMs: number[] = [];
  const movedPx: number[] = [];
  const positions = (): Promise<Record<string, [number, number]>> =>
    page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<SVGGraphicsElement>('[data-node-id]')]
          .filter((node) => node.getAttribute('aria-hidden') !== 'true')
          .map((node) => {
            // The glyph, not the whole node: a label shown or hidden would shift the node's box.
            const box = (node.querySelector('.app-graph__glyph') ?? node).getBoundingClientRect();
            return [node.getAttribute('data-node-id') ?? '', [box.x + box.width / 2, box.y + box.height / 2] as [number, number]];
          }),
      ),
    );

  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  let before = await positions();
  for (let step = 0; step < steps; step += 1) {
    const timing = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('input[type="range"]')!;
      const start = performance.now();
      input.focus();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const painted = performance.now() - start;
      await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
      return { painted, settled: performance.now() - start };
    });
    paintMs.push(timing.painted);
    settleMs.push(timing.settled);
    const after = await positions();
    for (const [id, [x, y]] of Object.entries(after)) {
      const was = before[id];
      if (was) movedPx.push(Math.hypot(x - was[0], y - was[1]));
    }
    before = after;
  }
  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  };
  const summary = (values: number[]) =>
    `p50 ${percentile(values, 50).toFixed(1)}, p95 ${percentile(values, 95).toFixed(1)}, max ${Math.max(...values).toFixed(1)}`;
  console.log(`first map drawn after ${firstMapMs} ms (page load to nodes in the DOM)`);
  console.log(`month steps: ${steps}`);
  console.log(`step to paint (ms): ${summary(paintMs)}`);
  console.log(`step to settled, all transitions finished (ms): ${summary(settleMs)}`);
  console.log(`node movement between adjacent months (px, ${movedPx.length} node-steps): ${summary(movedPx)}`);
} finally {
  await browser.close();
  await server.close();
}
