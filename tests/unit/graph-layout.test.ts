/**
 * The map's layout: a pure, deterministic function that keeps levels in their bands, boxes apart,
 * and (computed once over every month) each node in one place for all months.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems';
import type { Dataset } from '../../src/data/schema';
import { mapModelAt, type MapLevel } from '../../src/domain/graph';
import { addMonths, monthRange } from '../../src/domain/months';
import { layoutBoxFor, mapFrameFor } from '../../src/features/graph';
import {
  computeMapLayout,
  type LayoutLinkInput,
  type LayoutNodeInput,
  levelBands,
  levelNeeds,
} from '../../src/features/graph/layout';
import { layoutInputOf, mapLayoutFor, unionOf } from '../../src/features/graph/mapLayout';
import { loadRealDataset } from '../support/real-dataset';

const result = loadRealDataset();

function dataset(): Dataset {
  if (!result.ok) throw new Error(`the real dataset is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.dataset;
}

const LEVELS: MapLevel[] = ['national', 'regional', 'local', 'service'];

/** A small system: two national bodies, one regional, three local, four services; one local body replaced by another. */
function smallInput() {
  const nodes: LayoutNodeInput[] = [
    { id: 'dh', level: 'national', width: 60, height: 40, offsetY: 11 },
    { id: 'nhse', level: 'national', width: 80, height: 40, offsetY: 11 },
    { id: 'region', level: 'regional', width: 70, height: 40, offsetY: 11 },
    { id: 'pcts', level: 'local', width: 50, height: 40, offsetY: 11, span: [0, 10] },
    { id: 'ccgs', level: 'local', width: 60, height: 40, offsetY: 11, span: [11, 20] },
    { id: 'councils', level: 'local', width: 90, height: 40, offsetY: 11 },
    ...['a', 'b', 'c', 'd'].map((id) => ({ id: `service:${id}`, level: 'service' as const, width: 70, height: 34, offsetY: 11 })),
  ];
  const links = [
    { source: 'dh', target: 'nhse' },
    { source: 'nhse', target: 'region' },
    { source: 'region', target: 'ccgs' },
    { source: 'dh', target: 'councils' },
    ...['a', 'b', 'c', 'd'].flatMap((id) => [
      { source: 'pcts', target: `service:${id}` },
      { source: id < 'c' ? 'ccgs' : 'councils', target: `service:${id}` },
    ]),
  ];
  return { nodes, links };
}

function boxesOverlap(a: LayoutNodeInput, pa: { x: number; y: number }, b: LayoutNodeInput, pb: { x: number; y: number }) {
  const overlapX = ((a.width ?? 40) + (b.width ?? 40)) / 2 - Math.abs(pa.x - pb.x);
  const overlapY = ((a.height ?? 30) + (b.height ?? 30)) / 2 - Math.abs(pa.y + (a.offsetY ?? 0) - pb.y - (b.offsetY ?? 0));
  return overlapX > 0 && overlapY > 0;
}

describe('computeMapLayout', () => {
  it('is deterministic: the same input gives the same positions', () => {
    const options = { width: 600, height: 500, gridLevels: ['service'] as const };
    const first = computeMapLayout(smallInput(), options);
    const second = computeMapLayout(smallInput(), options);
    expect([...second.entries()]).toEqual([...first.entries()]);
  });

  it('does not change the data it is given', () => {
    const input = smallInput();
    const copy = structuredClone(input);
    computeMapLayout(input, { width: 600, height: 500 });
    expect(input).toEqual(copy);
  });

  it('puts every node at finite coordinates inside the box', () => {
    const input = smallInput();
    const positions = computeMapLayout(input, { width: 600, height: 500, gridLevels: ['service'] });
    expect(positions.size).toBe(input.nodes.length);
    for (const node of input.nodes) {
      const at = positions.get(node.id);
      expect(Number.isFinite(at?.x) && Number.isFinite(at?.y), node.id).toBe(true);
      expect(at!.x).toBeGreaterThanOrEqual(0);
      expect(at!.x).toBeLessThanOrEqual(600);
      expect(at!.y).toBeGreaterThanOrEqual(0);
      expect(at!.y).toBeLessThanOrEqual(500);
    }
  });

  it('keeps each level in its band, national at the top and services at the bottom', () => {
    const input = smallInput();
    const positions = computeMapLayout(input, { width: 600, height: 500 });
    const bands = levelBands(input.nodes, 600, 500);
    expect(bands.map((band) => band.level)).toEqual(LEVELS);
    for (const node of input.nodes) {
      const band = bands.find((candidate) => candidate.level === node.level)!;
      const centre = positions.get(node.id)!.y + (node.offsetY ?? 0);
      expect(centre, node.id).toBeGreaterThanOrEqual(band.top);
      expect(centre, node.id).toBeLessThanOrEqual(band.bottom);
    }
  });

  it('keeps apart the boxes of nodes on the map together, and lets a body and its successor share ground', () => {
    const input = smallInput();
    const positions = computeMapLayout(input, { width: 600, height: 500, gridLevels: ['service'] });
    const spansMeet = (a: LayoutNodeInput, b: LayoutNodeInput) =>
      (a.span ?? [-Infinity, Infinity])[0] <= (b.span ?? [-Infinity, Infinity])[1] &&
      (b.span ?? [-Infinity, Infinity])[0] <= (a.span ?? [-Infinity, Infinity])[1];
    for (const [i, a] of input.nodes.entries())
      for (const b of input.nodes.slice(i + 1)) {
        if (!spansMeet(a, b)) continue;
        expect(boxesOverlap(a, positions.get(a.id)!, b, positions.get(b.id)!), `${a.id} and ${b.id}`).toBe(false);
      }
  });
});

/** A deterministic pseudo-random sequence (a linear congruential generator), so the input is the same every run. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

/** A map three times the real one: boxes of many sizes, some on the map for part of the time only. */
function largeInput(): { nodes: LayoutNodeInput[]; links: LayoutLinkInput[] } {
  const random = seeded(7);
  const counts: Record<MapLevel, number> = { national: 12, regional: 18, local: 100, service: 130 };
  const nodes: LayoutNodeInput[] = LEVELS.flatMap((level) =>
    Array.from({ length: counts[level] }, (_, index) => {
      const start = Math.floor(random() * 94);
      const partTime = random() < 0.3;
      return {
        id: `${level}-${index}`,
        level,
        width: level === 'service' ? 60 + Math.round(random() * 50) : 40 + Math.round(random() * 100),
        height: level === 'service' ? 34 : 30 + Math.round(random() * 20),
        offsetY: 11,
        span: partTime ? ([start, Math.min(93, start + 12)] as const) : ([0, 93] as const),
      };
    }),
  );
  const byLevel = (level: MapLevel) => nodes.filter((node) => node.level === level);
  const pick = (members: LayoutNodeInput[]) => members[Math.floor(random() * members.length)]!.id;
  const links: LayoutLinkInput[] = [];
  for (const [upper, lower] of [
    ['national', 'regional'],
    ['regional', 'local'],
    ['local', 'service'],
    ['national', 'service'],
  ] as const)
    for (const node of byLevel(lower)) links.push({ source: pick(byLevel(upper)), target: node.id, weight: 0.6 });
  return { nodes, links };
}

function overlappingPairs(input: { nodes: readonly LayoutNodeInput[] }, positions: Map<string, { x: number; y: number }>) {
  let overlaps = 0;
  for (const [i, a] of input.nodes.entries())
    for (const b of input.nodes.slice(i + 1)) {
      const [sa, sb] = [a.span ?? [-Infinity, Infinity], b.span ?? [-Infinity, Infinity]];
      if (!(sa[0] <= sb[1] && sb[0] <= sa[1])) continue;
      if (boxesOverlap(a, positions.get(a.id)!, b, positions.get(b.id)!)) overlaps += 1;
    }
  return overlaps;
}

describe('the layout of a large map', () => {
  it('still keeps apart the boxes of 260 nodes, found by a spatial hash as well as by testing every pair', () => {
    const input = largeInput();
    const width = 960;
    const need = levelNeeds(input.nodes, width, ['service'], 16, 14).reduce((sum, level) => sum + level.need, 0);
    const options = { width, height: Math.ceil(need / 20) * 20, gridLevels: ['service'] as const, margin: 16, bandTitleRoom: 14 };
    let started = performance.now();
    // Above 200 nodes the layout finds overlapping boxes with a spatial hash.
    const hashed = computeMapLayout(input, options);
    const hashedMs = performance.now() - started;
    started = performance.now();
    const allPairs = computeMapLayout(input, { ...options, collision: 'all-pairs' });
    const allPairsMs = performance.now() - started;
    const [hashedOverlaps, allPairsOverlaps] = [overlappingPairs(input, hashed), overlappingPairs(input, allPairs)];
    console.info(
      `large layout: ${input.nodes.length} nodes, ${width}×${options.height}: spatial hash ${hashedMs.toFixed(0)} ms, ` +
        `${hashedOverlaps} pairs left overlapping; every pair ${allPairsMs.toFixed(0)} ms, ${allPairsOverlaps}`,
    );
    for (const node of input.nodes) {
      const at = hashed.get(node.id)!;
      expect(Number.isFinite(at.x) && Number.isFinite(at.y), node.id).toBe(true);
    }
    // A crowded random map leaves a few boxes touching whichever way pairs are found (which few is
    // chaotic), never services; the spatial hash leaves about as many as testing every pair.
    expect(hashedOverlaps).toBeLessThan(input.nodes.length / 10);
    expect(hashedOverlaps).toBeLessThanOrEqual(2 * allPairsOverlaps + 5);
    const services = input.nodes.filter((node) => node.level === 'service');
    expect(overlappingPairs({ nodes: services }, hashed)).toBe(0);
  }, 30_000);
});

describe('the collision step', () => {
  it('gives the real map the positions it always had, and separates its boxes as well with a spatial hash', () => {
    const input = layoutInputOf(unionOf(dataset()));
    const options = { width: 960, height: 840, gridLevels: ['service'] as const, margin: 16, bandTitleRoom: 14 };
    const allPairs = computeMapLayout(input, { ...options, collision: 'all-pairs' });
    // The real map is small enough to test every pair: exactly what it always did.
    expect([...computeMapLayout(input, options).entries()]).toEqual([...allPairs.entries()]);
    // The spatial hash, used for large maps, separates its boxes as well.
    const hashed = computeMapLayout(input, { ...options, collision: 'spatial-hash' });
    expect(overlappingPairs(input, hashed)).toBeLessThanOrEqual(3);
  });
});

describe('the layout of the real map', () => {
  const layout = mapLayoutFor(dataset(), 960, 680);
  const input = layoutInputOf(unionOf(dataset()));

  it(`is computed once for all months, in well under a second (${Math.round(layout.elapsedMs)} ms here)`, () => {
    console.info(
      `map layout: ${layout.union.nodes.length} nodes, ${layout.union.links.length} links, ${layout.width}×${layout.height}, ${layout.elapsedMs.toFixed(0)} ms`,
    );
    expect(layout.elapsedMs).toBeLessThan(1000);
    expect(mapLayoutFor(dataset(), 960, 680)).toBe(layout);
  });

  it('places every node of every month at finite coordinates inside the box', () => {
    for (const { node } of layout.union.nodes) {
      const at = layout.positions.get(node.id);
      expect(at, node.id).toBeDefined();
      expect(at!.x).toBeGreaterThanOrEqual(0);
      expect(at!.x).toBeLessThanOrEqual(layout.width);
      expect(at!.y).toBeGreaterThanOrEqual(0);
      expect(at!.y).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.height).toBeGreaterThanOrEqual(680);
  });

  it('puts national bodies above regional, regional above local, local above services, on average', () => {
    const meanY = (level: MapLevel) => {
      const ys = layout.union.nodes
        .filter(({ node }) => node.level === level)
        .map(({ node }) => layout.positions.get(node.id)!.y);
      return ys.reduce((sum, y) => sum + y, 0) / ys.length;
    };
    expect(meanY('national')).toBeLessThan(meanY('regional'));
    expect(meanY('regional')).toBeLessThan(meanY('local'));
    expect(meanY('local')).toBeLessThan(meanY('service'));
  });

  it('never moves a node between adjacent months (0 px)', () => {
    const months = monthRange(dataset().meta.coverage.from, dataset().meta.coverage.to);
    let compared = 0;
    for (const month of months.slice(1)) {
      const before = mapModelAt(dataset(), addMonths(month, -1));
      const after = new Set(mapModelAt(dataset(), month).nodes.map((node) => node.id));
      for (const node of before.nodes) {
        if (!after.has(node.id)) continue;
        // Both months read the one layout: the same position, to the unit.
        const then = layout.positions.get(node.id)!;
        const now = mapLayoutFor(dataset(), 960, 680).positions.get(node.id)!;
        expect(Math.hypot(now.x - then.x, now.y - then.y), `${node.id} in ${month}`).toBe(0);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('leaves no two services overlapping, and the labels of bodies on the map together almost never', () => {
    let overlaps = 0;
    for (const [i, a] of input.nodes.entries())
      for (const b of input.nodes.slice(i + 1)) {
        const [sa, sb] = [a.span!, b.span!];
        if (!(sa[0] <= sb[1] && sb[0] <= sa[1])) continue;
        if (!boxesOverlap(a, layout.positions.get(a.id)!, b, layout.positions.get(b.id)!)) continue;
        expect(a.level === 'service' && b.level === 'service', `${a.id} and ${b.id}`).toBe(false);
        overlaps += 1;
      }
    expect(overlaps).toBeLessThanOrEqual(3);
  });

  it('keeps services under the bodies that commission them more than across the map', () => {
    // Each service sits nearer (across) to some commissioner of it than the width of the map over three.
    const union = unionOf(dataset());
    for (const { node } of union.nodes.filter(({ node }) => node.type === 'service')) {
      const x = layout.positions.get(node.id)!.x;
      const commissioners = union.links.filter(({ link }) => link.target === node.id).map(({ link }) => link.source);
      const nearest = Math.min(...commissioners.map((id) => Math.abs(layout.positions.get(id)!.x - x)));
      expect(nearest, node.id).toBeLessThan(layout.width / 2);
    }
  });
});

describe('the map’s frame on the page', () => {
  const layout = { width: 960, height: 840 };

  it('uses the wide layout from a small tablet up, and the tall one on a phone', () => {
    expect(layoutBoxFor(930).width).toBe(960);
    expect(layoutBoxFor(620).width).toBe(960);
    expect(layoutBoxFor(360).width).toBe(640);
  });

  it('is as wide as its container, and between 560 and 800 px high on a desktop, 440 and 560 on a phone', () => {
    expect(mapFrameFor(930, layout)).toEqual({ width: 930, height: 800 });
    expect(mapFrameFor(700, layout)).toEqual({ width: 700, height: 613 });
    expect(mapFrameFor(360, { width: 640, height: 1100 })).toEqual({ width: 360, height: 560 });
    expect(mapFrameFor(300, { width: 640, height: 400 }).height).toBe(440);
  });
});
