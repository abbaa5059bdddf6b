/**
 * The map's geometry as seen in the browser, for the end-to-end tests and `npm run measure:map`.
 *
 * `snapshotMap` reads what is drawn (node centres, label boxes and sizes, link chords, the
 * drawing's box) in one pass in the page; everything else here is a pure function of that
 * snapshot, so the measures are computed in Node and can be checked without a browser.
 * It relies only on the map's contract: `[data-node-id]` nodes with `.app-graph__glyph` and
 * `text.app-graph__label`, commissioners' cards as `.app-graph__cluster[data-commissioner]`,
 * `[data-link-kind]` links with `path.app-graph__link-line`, inside
 * `svg.app-graph__svg`; a node or link fading out carries `aria-hidden="true"`.
 */
import type { Page } from 'playwright-core';

export interface Point {
  x: number;
  y: number;
}

/** A box in screen (CSS) pixels, relative to the viewport. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface MapNodeShot {
  id: string;
  type: 'organisation' | 'service';
  /** the centre of its glyph's box */
  centre: Point;
  /** its glyph's box (a commissioner's glyph is the header bar over its card) */
  glyph: Box;
  /** a commissioner's card that month (the box its services' tiles sit in), if it holds any */
  card?: Box;
  /** its label, if one is shown (rendered, not hidden, with some text) */
  label: { text: string; box: Box; fontPx: number } | undefined;
}

export interface MapLinkShot {
  kind: string;
  /** node ids, where the map gives them (data-link-source / data-link-target) */
  source: string | undefined;
  target: string | undefined;
  /** the straight chord between the two ends of its line */
  from: Point;
  to: Point;
}

export interface MapShot {
  /** the month in the address (`date=`), if any */
  month: string | undefined;
  viewport: { width: number; height: number };
  /** the page's scroll position: add it to a box or point for page coordinates */
  scrollX: number;
  scrollY: number;
  /** the drawing's box (`svg.app-graph__svg`), if there is one */
  svg: Box | undefined;
  /** the nodes drawn this month (not aria-hidden, not invisible) */
  nodes: MapNodeShot[];
  /** the links drawn this month (not aria-hidden, not invisible, not absent) */
  links: MapLinkShot[];
}

/**
 * The functions below are sent to the page as source text. tsx (esbuild with keepNames) wraps
 * named functions in a `__name(...)` helper that exists only in Node, so the page gets a
 * do-nothing one first.
 */
async function withNameHelper(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn');
}

/** Reads the map as drawn. */
export async function snapshotMap(page: Page): Promise<MapShot> {
  await withNameHelper(page);
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('svg.app-graph__svg');
    const shown = (element: Element) =>
      element.getAttribute('aria-hidden') !== 'true' &&
      element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const boxOf = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    };
    const nodes = svg
      ? [...svg.querySelectorAll<SVGGElement>('[data-node-id]')].filter(shown).map((node) => {
          const id = node.getAttribute('data-node-id') ?? '';
          const declared = node.getAttribute('data-node-type');
          const type: 'organisation' | 'service' =
            declared === 'service' || declared === 'organisation'
              ? declared
              : id.startsWith('service:')
                ? 'service'
                : 'organisation';
          const glyph = node.querySelector('.app-graph__glyph') ?? node;
          const glyphBox = glyph.getBoundingClientRect();
          const labelElement = node.querySelector<SVGTextElement>('text.app-graph__label');
          const text = (labelElement?.textContent ?? '').trim();
          let label: { text: string; box: ReturnType<typeof boxOf>; fontPx: number } | undefined;
          if (labelElement && text.length > 0 && shown(labelElement)) {
            const box = boxOf(labelElement);
            const ctm = labelElement.getScreenCTM();
            const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
            const fontPx = Number.parseFloat(getComputedStyle(labelElement).fontSize) * scale;
            if (box.right - box.left > 0 && box.bottom - box.top > 0) label = { text, box, fontPx };
          }
          const card =
            type === 'organisation'
              ? [...svg.querySelectorAll('.app-graph__cluster[data-commissioner]')].find(
                  (element) =>
                    element.getAttribute('data-commissioner') === id &&
                    // A card is aria-hidden (its commissioner's node speaks for it); a ghost is one fading out.
                    !element.classList.contains('app-graph__ghost') &&
                    element.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
                )
              : undefined;
          return {
            id,
            type,
            centre: { x: glyphBox.x + glyphBox.width / 2, y: glyphBox.y + glyphBox.height / 2 },
            glyph: boxOf(glyph),
            ...(card ? { card: boxOf(card) } : {}),
            label,
          };
        })
      : [];
    const links = svg
      ? [...svg.querySelectorAll<SVGGElement>('[data-link-kind]')]
          .filter((link) => link.getAttribute('data-present') !== 'false' && shown(link))
          .flatMap((link) => {
            const line = link.querySelector<SVGPathElement>('path.app-graph__link-line');
            const ctm = line?.getScreenCTM();
            if (!line || !ctm || !shown(line)) return [];
            const length = line.getTotalLength();
            const start = line.getPointAtLength(0);
            const end = line.getPointAtLength(length);
            const from = new DOMPoint(start.x, start.y).matrixTransform(ctm);
            const to = new DOMPoint(end.x, end.y).matrixTransform(ctm);
            return [
              {
                kind: link.getAttribute('data-link-kind') ?? '',
                source: link.getAttribute('data-link-source') ?? undefined,
                target: link.getAttribute('data-link-target') ?? undefined,
                from: { x: from.x, y: from.y },
                to: { x: to.x, y: to.y },
              },
            ];
          })
      : [];
    const month = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('date') ?? undefined;
    return {
      month,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      scrollX: window.scrollX,
      scrollY: window.scrollY,
      svg: svg ? boxOf(svg) : undefined,
      nodes,
      links,
    };
  });
}

export interface SettleResult {
  /** ms from `since` (a performance.now() time in the page) until the last animation finished */
  settledMs: number;
  /** the most animations running at once while waiting */
  mostRunning: number;
  /** true if some animation was still running when the time ran out */
  timedOut: boolean;
}

/**
 * Waits in the page until no animation is running (finite animations only; paused ones do not
 * count), checking again a few frames later so that staged transitions started one after
 * another are all waited for.
 */
export async function settleMap(
  page: Page,
  { since, timeoutMs = 5000 }: { since?: number; timeoutMs?: number } = {},
): Promise<SettleResult> {
  await withNameHelper(page);
  return page.evaluate(
    async ({ since, timeoutMs }) => {
      const start = since ?? performance.now();
      const deadline = performance.now() + timeoutMs;
      let lastFinished = start;
      let mostRunning = 0;
      const nextFrames = () =>
        new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(), 50))));
      for (;;) {
        const running = document
          .getAnimations()
          .filter(
            (animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().iterations !== Infinity,
          );
        mostRunning = Math.max(mostRunning, running.length);
        if (running.length === 0) {
          await nextFrames();
          const again = document
            .getAnimations()
            .some(
              (animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().iterations !== Infinity,
            );
          if (!again) return { settledMs: lastFinished - start, mostRunning, timedOut: false };
          continue;
        }
        const remaining = deadline - performance.now();
        if (remaining <= 0) return { settledMs: performance.now() - start, mostRunning, timedOut: true };
        await Promise.race([
          Promise.all(running.map((animation) => animation.finished.catch(() => undefined))),
          new Promise((resolve) => setTimeout(resolve, remaining)),
        ]);
        lastFinished = performance.now();
      }
    },
    { since, timeoutMs },
  );
}

export interface StepResult extends SettleResult {
  /** ms from the key press to the second animation frame after it (the update painted) */
  paintMs: number;
  /** animations listed by document.getAnimations() at that paint */
  animationsAtPaint: number;
  /** the month in the address after the step */
  month: string | undefined;
}

/** Moves the month slider one month on (focus, ArrowRight) and waits until the map has settled. */
export async function stepMonth(page: Page, { timeoutMs = 5000 }: { timeoutMs?: number } = {}): Promise<StepResult> {
  const slider = page.locator('input[type=range]').first();
  await slider.focus();
  const monthBefore = await page.evaluate(
    () => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('date') ?? null,
  );
  await withNameHelper(page);
  await page.evaluate(() => {
    const state = window as unknown as { __mapStep?: Promise<{ start: number; paintMs: number; animationsAtPaint: number }> };
    state.__mapStep = new Promise((resolve) => {
      document.addEventListener(
        'keydown',
        () => {
          const start = performance.now();
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              resolve({ start, paintMs: performance.now() - start, animationsAtPaint: document.getAnimations().length }),
            ),
          );
        },
        { once: true, capture: true },
      );
    });
  });
  await page.keyboard.press('ArrowRight');
  const painted = await page.evaluate(() => {
    const state = window as unknown as { __mapStep: Promise<{ start: number; paintMs: number; animationsAtPaint: number }> };
    return Promise.race([
      state.__mapStep,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the key press never reached the page')), 10_000)),
    ]);
  });
  // The map follows the slider a moment behind (a later render): wait until it shows the slider's
  // month before waiting for its animations to finish.
  // The animation's length is timed from then (how soon the map is drawn is the bench's to measure).
  const drawnAt = await page
    .waitForFunction(
      () => {
        const shown = document.querySelector('input[type=range]')?.getAttribute('aria-valuetext');
        const map = document.querySelector('[role=group][aria-label^="Map of"]');
        return shown && map?.getAttribute('aria-label')?.endsWith(shown) ? performance.now() : false;
      },
      undefined,
      { timeout: timeoutMs },
    )
    .then((handle) => handle.jsonValue() as Promise<number>)
    .catch(() => painted.start); // settleMap then reports what it finds
  const settled = await settleMap(page, { since: drawnAt, timeoutMs });
  // The address follows a month step a moment later (it is written once the months stop changing):
  // wait for it to move off the month the step started from.
  const readMonth = () =>
    page.evaluate(() => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('date') ?? undefined);
  await page
    .waitForFunction(
      (before) => (new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('date') ?? null) !== before,
      monthBefore,
      { timeout: 2000 },
    )
    .catch(() => undefined); // the caller sees the unchanged month in the result
  const month = await readMonth();
  return { ...settled, paintMs: painted.paintMs, animationsAtPaint: painted.animationsAtPaint, month };
}

// Pure measures of a snapshot.

export const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

export function nodeById(shot: MapShot, id: string): MapNodeShot | undefined {
  return shot.nodes.find((node) => node.id === id);
}

export function centreOf(shot: MapShot, id: string): Point | undefined {
  return nodeById(shot, id)?.centre;
}

/** How far a point is from a box (0 inside it). */
export function distanceToBox(point: Point, box: Box): number {
  const dx = Math.max(box.left - point.x, 0, point.x - box.right);
  const dy = Math.max(box.top - point.y, 0, point.y - box.bottom);
  return Math.hypot(dx, dy);
}

/**
 * The organisation drawn nearest to a node, with its distance: from the node's centre to the
 * nearest point of what is drawn for each organisation. A commissioner is drawn as the header bar
 * with its name and, under it, the card of the services it holds (in its colour); a context body
 * as a small mark. With `headerOnly`, a commissioner's card is left out: only its header bar counts.
 */
export function nearestOrganisation(
  shot: MapShot,
  id: string,
  { headerOnly = false }: { headerOnly?: boolean } = {},
): { id: string; distance: number } | undefined {
  const from = centreOf(shot, id);
  if (!from) return undefined;
  let best: { id: string; distance: number } | undefined;
  for (const node of shot.nodes) {
    if (node.type !== 'organisation' || node.id === id) continue;
    const gap = Math.min(distanceToBox(from, node.glyph), node.card && !headerOnly ? distanceToBox(from, node.card) : Infinity);
    if (!best || gap < best.distance) best = { id: node.id, distance: gap };
  }
  return best;
}

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Two segments cross at a point inside both (touching, sharing an end or running along each other is not a crossing). */
export function segmentsCross(a1: Point, a2: Point, b1: Point, b2: Point, epsilon = 1e-6): boolean {
  const d1 = cross(b1, b2, a1);
  const d2 = cross(b1, b2, a2);
  const d3 = cross(a1, a2, b1);
  const d4 = cross(a1, a2, b2);
  const scaleB = distance(b1, b2);
  const scaleA = distance(a1, a2);
  // Signed distances to the other line, in px: a tiny one means an end lies on the other line.
  const opposite = (p: number, q: number, scale: number) =>
    scale > 0 && ((p / scale > epsilon && q / scale < -epsilon) || (p / scale < -epsilon && q / scale > epsilon));
  return opposite(d1, d2, scaleB) && opposite(d3, d4, scaleA);
}

/** Whether two links meet at a node: the same node id, or (where ids are not given) an end within `tolerance` px. */
export function linksShareEnd(a: MapLinkShot, b: MapLinkShot, tolerance = 1): boolean {
  if (a.source !== undefined && a.target !== undefined && b.source !== undefined && b.target !== undefined) {
    return a.source === b.source || a.source === b.target || a.target === b.source || a.target === b.target;
  }
  return [a.from, a.to].some((p) => [b.from, b.to].some((q) => distance(p, q) <= tolerance));
}

/** Pairs of links whose straight chords properly cross, leaving out pairs that meet at a node. */
export function countCrossings(links: readonly MapLinkShot[]): number {
  let count = 0;
  for (let i = 0; i < links.length; i += 1) {
    const a = links[i]!;
    for (let j = i + 1; j < links.length; j += 1) {
      const b = links[j]!;
      if (!linksShareEnd(a, b) && segmentsCross(a.from, a.to, b.from, b.to)) count += 1;
    }
  }
  return count;
}

/** Pairs of shown labels whose boxes overlap by more than `slack` px both across and down. */
export function labelOverlaps(nodes: readonly MapNodeShot[], slack = 1): Array<[string, string]> {
  const labelled = nodes.filter((node) => node.label !== undefined);
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < labelled.length; i += 1) {
    const a = labelled[i]!;
    for (let j = i + 1; j < labelled.length; j += 1) {
      const b = labelled[j]!;
      const across = Math.min(a.label!.box.right, b.label!.box.right) - Math.max(a.label!.box.left, b.label!.box.left);
      const down = Math.min(a.label!.box.bottom, b.label!.box.bottom) - Math.max(a.label!.box.top, b.label!.box.top);
      if (across > slack && down > slack) pairs.push([a.id, b.id]);
    }
  }
  return pairs;
}

/** The share of the viewport the drawing covers (its box clipped to the viewport, over the viewport's area). */
export function screenShare(shot: MapShot): number {
  if (!shot.svg) return 0;
  const width = Math.max(0, Math.min(shot.svg.right, shot.viewport.width) - Math.max(shot.svg.left, 0));
  const height = Math.max(0, Math.min(shot.svg.bottom, shot.viewport.height) - Math.max(shot.svg.top, 0));
  return (width * height) / (shot.viewport.width * shot.viewport.height);
}
