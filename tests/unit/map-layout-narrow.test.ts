/**
 * The map's narrow layout (for phones: the commissioners' cards stacked down the page), on the
 * real data: the same guarantees as the wide one (each service beside its commissioner, nothing
 * overlapping, organisations holding still, the same on a second run, the committed file), and
 * labels that a phone draws at 12 px or more.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems';
import type { Dataset } from '../../src/data/schema';
import { DEFAULT_MAP_OPTIONS, mapModelAt } from '../../src/domain/graph';
import { serviceHoldings } from '../../src/domain/map-layout/arrangement';
import { computeStackedLayout } from '../../src/domain/map-layout/compute';
import { layoutInputFingerprint, NARROW_LAYOUT_OPTIONS } from '../../src/domain/map-layout/fingerprint';
import { type MapLayoutFile, type Rect } from '../../src/domain/map-layout/layout-file';
import { textWidth } from '../../src/lib/text-width';
import { monthRange } from '../../src/domain/months';
import { sceneAt, type Scene } from '../../src/features/graph/scene';
import { loadRealDataset, ROOT } from '../support/real-dataset';

const loaded = loadRealDataset();
if (!loaded.dataset)
  throw new Error(`the real dataset does not parse:\n${loaded.ok ? '' : loaded.problems.map(formatProblem).join('\n')}`);
const dataset: Dataset = loaded.dataset;
const layout = computeStackedLayout(dataset);
const months = monthRange(dataset.meta.coverage.from, dataset.meta.coverage.to);
const scenes = new Map(months.map((month) => [month, sceneAt(layout, mapModelAt(dataset, month, DEFAULT_MAP_OPTIONS))]));
const sceneOf = (month: string): Scene => {
  const scene = scenes.get(month);
  if (!scene) throw new Error(`no scene for ${month}`);
  return scene;
};

/** The map's width on a 390 px phone: the page's margins and the stage's border take 34 px. */
const PHONE_MAP_PX = 356;

const distanceToBox = (point: { x: number; y: number }, box: Rect) =>
  Math.hypot(Math.max(0, Math.abs(point.x - box.x) - box.width / 2), Math.max(0, Math.abs(point.y - box.y) - box.height / 2));

const overlap = (a: Rect, b: Rect) =>
  Math.abs(a.x - b.x) < (a.width + b.width) / 2 - 0.5 && Math.abs(a.y - b.y) < (a.height + b.height) / 2 - 0.5;

const inside = (inner: Rect, outer: Rect) =>
  inner.x - inner.width / 2 >= outer.x - outer.width / 2 - 0.01 &&
  inner.x + inner.width / 2 <= outer.x + outer.width / 2 + 0.01 &&
  inner.y - inner.height / 2 >= outer.y - outer.height / 2 - 0.01 &&
  inner.y + inner.height / 2 <= outer.y + outer.height / 2 + 0.01;

describe('the map’s narrow layout (phones)', { timeout: 30_000 }, () => {
  it('is about as wide as a phone and draws labels at 12 px or more there', () => {
    expect(layout.width).toBeLessThanOrEqual(PHONE_MAP_PX);
    expect((layout.fontSize * PHONE_MAP_PX) / layout.width).toBeGreaterThanOrEqual(12);
  });

  it('places every node on the map at every month, within its width', () => {
    for (const month of months) {
      const scene = sceneOf(month);
      expect(scene.unplaced, month).toEqual([]);
      for (const node of scene.nodes) {
        const half =
          node.type === 'context' ? Math.max(node.box.width, textWidth(node.text, layout.fontSize)) / 2 : node.box.width / 2;
        expect(node.box.x - half, `${node.id} in ${month}`).toBeGreaterThanOrEqual(0);
        expect(node.box.x + half, `${node.id} in ${month}`).toBeLessThanOrEqual(layout.width);
      }
    }
  });

  it('puts each service in its commissioner’s card, under its header, with no other body nearer', () => {
    for (const month of months) {
      const scene = sceneOf(month);
      const model = mapModelAt(dataset, month, DEFAULT_MAP_OPTIONS);
      const holdings = serviceHoldings(model);
      const cards = new Map(scene.cards.map((card) => [card.id, card.body]));
      // A commissioner is drawn as its header bar and, under it, its card.
      const shapeDistance = (point: Rect, node: Scene['nodes'][number]) =>
        Math.min(
          distanceToBox(point, node.box),
          cards.has(node.id) ? distanceToBox(point, cards.get(node.id) as Rect) : Infinity,
        );
      const organisations = scene.nodes.filter((node) => node.type !== 'service');
      let near = 0;
      let services = 0;
      for (const service of scene.nodes) {
        if (service.type !== 'service') continue;
        services += 1;
        expect(service.card, `${service.id} in ${month}`).toBe(holdings.get(service.id)?.lead);
        const card = cards.get(service.card);
        expect(card && inside(service.box, card), `${service.id} inside its card in ${month}`).toBe(true);
        const commissioners = new Set(
          model.links.filter((link) => link.kind === 'commissions' && link.target === service.id).map((link) => link.source),
        );
        const nearest = [...organisations].sort((a, b) => shapeDistance(service.box, a) - shapeDistance(service.box, b))[0];
        if (nearest && commissioners.has(nearest.id)) near += 1;
      }
      expect(near, `services nearest their commissioner in ${month}`).toBe(services);
    }
  });

  it('moves no organisation more than 40 layout units between adjacent months', () => {
    for (const [index, month] of months.entries()) {
      const next = months[index + 1];
      if (!next) break;
      const after = sceneOf(next);
      for (const node of sceneOf(month).nodes) {
        if (node.type === 'service') continue;
        const moved = after.nodeById.get(node.id);
        if (moved)
          expect(
            Math.hypot(moved.box.x - node.box.x, moved.box.y - node.box.y),
            `${node.id} ${month}→${next}`,
          ).toBeLessThanOrEqual(40);
      }
    }
  });

  it('lets successors take their forerunners’ places', () => {
    const before = sceneOf('2013-03').nodeById.get('primary-care-trusts')?.box;
    const after = sceneOf('2013-04').nodeById.get('clinical-commissioning-groups')?.box;
    expect(after?.y).toBeCloseTo(before?.y ?? NaN, 0);
    // NHS England waits (October 2012 to March 2013) where its header bar will be.
    const waiting = sceneOf('2013-03').nodeById.get('nhs-england');
    const header = sceneOf('2013-04').nodeById.get('nhs-england');
    expect(waiting?.type).toBe('context');
    expect(header?.type).toBe('commissioner');
    expect(
      Math.hypot((waiting?.box.x ?? 0) - (header?.box.x ?? 1e9), (waiting?.box.y ?? 0) - (header?.box.y ?? 1e9)),
    ).toBeLessThan(1);
  });

  it('overlaps no two nodes, cards or labels at any month', () => {
    const clashes: string[] = [];
    for (const month of months) {
      const scene = sceneOf(month);
      const boxes = scene.nodes.map((node) =>
        node.type === 'context'
          ? {
              id: node.id,
              box: {
                x: node.box.x,
                y: node.box.y + 9,
                width: Math.max(node.box.width, textWidth(node.text, layout.fontSize)),
                height: 32,
              },
            }
          : { id: node.id, box: node.box },
      );
      for (const [index, a] of boxes.entries())
        for (const b of boxes.slice(index + 1)) if (overlap(a.box, b.box)) clashes.push(`${a.id} and ${b.id} in ${month}`);
      for (const [index, a] of scene.cards.entries())
        for (const b of scene.cards.slice(index + 1))
          if (overlap(a.body, b.body)) clashes.push(`cards ${a.id} and ${b.id} in ${month}`);
      // Context bodies (and their labels) keep clear of the cards.
      for (const box of boxes)
        for (const card of scene.cards)
          if (scene.nodeById.get(box.id)?.type === 'context' && overlap(box.box, card.body))
            clashes.push(`${box.id} and card ${card.id} in ${month}`);
    }
    expect(clashes).toEqual([]);
  });

  it('gives the same positions on a second run', () => {
    expect(computeStackedLayout(dataset)).toEqual(layout);
  });

  it('is the committed data/map-layout.json’s narrow layout (npm run build:layout writes it)', () => {
    const committed = JSON.parse(readFileSync(path.join(ROOT, 'data', 'map-layout.json'), 'utf8')) as MapLayoutFile;
    expect(committed.narrow?.fingerprint).toBe(layoutInputFingerprint(dataset, NARROW_LAYOUT_OPTIONS));
    expect(committed.narrow).toEqual(layout);
  });
});
