/**
 * The ahead-of-time layout of the map, on the real data: its guarantees at every month (each
 * service beside its commissioner, organisations holding still, nothing overlapping), that it is
 * the same on a second run, and that the committed file is the one the data gives.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems';
import type { Dataset } from '../../src/data/schema';
import { DEFAULT_MAP_OPTIONS, mapModelAt } from '../../src/domain/graph';
import { serviceHoldings } from '../../src/domain/map-layout/arrangement';
import { computeMapLayout } from '../../src/domain/map-layout/compute';
import { layoutInputFingerprint } from '../../src/domain/map-layout/fingerprint';
import { type MapLayoutFile, type Rect } from '../../src/domain/map-layout/layout-file';
import { textWidth } from '../../src/lib/text-width';
import { monthRange } from '../../src/domain/months';
import { sceneAt, type Scene } from '../../src/features/graph/scene';
import { loadRealDataset, ROOT } from '../support/real-dataset';

const loaded = loadRealDataset();
if (!loaded.dataset)
  throw new Error(`the real dataset does not parse:\n${loaded.ok ? '' : loaded.problems.map(formatProblem).join('\n')}`);
const dataset: Dataset = loaded.dataset;
const layout = computeMapLayout(dataset);
const months = monthRange(dataset.meta.coverage.from, dataset.meta.coverage.to);
const scenes = new Map(months.map((month) => [month, sceneAt(layout, mapModelAt(dataset, month, DEFAULT_MAP_OPTIONS))]));
const sceneOf = (month: string): Scene => {
  const scene = scenes.get(month);
  if (!scene) throw new Error(`no scene for ${month}`);
  return scene;
};

/** From a point to the nearest point of a box (0 inside it). */
const distanceToBox = (point: { x: number; y: number }, box: Rect) =>
  Math.hypot(Math.max(0, Math.abs(point.x - box.x) - box.width / 2), Math.max(0, Math.abs(point.y - box.y) - box.height / 2));

const overlap = (a: Rect, b: Rect) =>
  Math.abs(a.x - b.x) < (a.width + b.width) / 2 - 0.5 && Math.abs(a.y - b.y) < (a.height + b.height) / 2 - 0.5;

describe('the map’s layout', () => {
  it('places every node on the map at every month', () => {
    for (const month of months) expect(sceneOf(month).unplaced, month).toEqual([]);
  });

  it('puts each service nearest to one of its commissioners, at every month', () => {
    for (const month of months) {
      const scene = sceneOf(month);
      const model = mapModelAt(dataset, month, DEFAULT_MAP_OPTIONS);
      const organisations = scene.nodes.filter((node) => node.type !== 'service');
      const services = scene.nodes.filter((node) => node.type === 'service');
      const near = services.filter((service) => {
        const commissioners = new Set(
          model.links.filter((link) => link.kind === 'commissions' && link.target === service.id).map((link) => link.source),
        );
        const nearest = [...organisations].sort(
          (a, b) => distanceToBox(service.box, a.box) - distanceToBox(service.box, b.box),
        )[0];
        return nearest !== undefined && commissioners.has(nearest.id);
      });
      expect(near.length / services.length, month).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('keeps each service in the card of the body that holds it', () => {
    for (const month of months) {
      const holdings = serviceHoldings(mapModelAt(dataset, month, DEFAULT_MAP_OPTIONS));
      for (const node of sceneOf(month).nodes)
        if (node.type === 'service') expect(node.card, `${node.id} in ${month}`).toBe(holdings.get(node.id)?.lead);
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
    expect(after?.x).toBeCloseTo(before?.x ?? NaN, 0);
    const board = sceneOf('2012-06').nodeById.get('nhs-commissioning-board-authority')?.box;
    const england = sceneOf('2013-04').nodeById.get('nhs-england')?.box;
    expect(Math.abs((board?.x ?? 0) - (england?.x ?? 1e9))).toBeLessThan(120);
  });

  it('overlaps no two nodes, cards or labels at any month', () => {
    const clashes: string[] = [];
    for (const month of months) {
      const scene = sceneOf(month);
      // A context body's box includes its label, under its glyph.
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
          expect(overlap(a.body, b.body), `cards ${a.id} and ${b.id} in ${month}`).toBe(false);
    }
  });

  it('gives the same positions on a second run', () => {
    expect(computeMapLayout(dataset)).toEqual(layout);
  });

  it('is the committed data/map-layout.json (npm run build:layout writes it)', () => {
    const committed = JSON.parse(readFileSync(path.join(ROOT, 'data', 'map-layout.json'), 'utf8')) as MapLayoutFile;
    expect(committed.fingerprint).toBe(layoutInputFingerprint(dataset));
    // The narrow layout (for phones) rides along in the same file: map-layout-narrow.test.ts checks it.
    const { narrow, ...wide } = committed;
    expect(narrow).toBeDefined();
    expect(wide).toEqual(layout);
  });
});
