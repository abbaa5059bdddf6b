/**
 * The map's level of detail (src/domain/map-detail.ts): at the real data's size the map draws every
 * body and service, unchanged; at ten times the data (the bench's synthetic dataset) it draws each
 * kind of body and of service once, with counts that add up to what it stands for.
 */
import { describe, expect, it } from 'vitest';
import { multiplyDataset, readRealDataset } from '../../scripts/bench/synthetic-dataset';
import { formatProblem } from '../../src/data/problems';
import type { Dataset } from '../../src/data/schema';
import { type MapModel, mapModelAt, type MapOrganisationNode } from '../../src/domain/graph';
import { busiestMonth, drawnDataset, MAP_DETAIL_LIMIT } from '../../src/domain/map-detail';
import { computeMapLayout } from '../../src/domain/map-layout/compute';
import { cardMovesInto } from '../../src/domain/map-layout/layout-file';
import { monthRange } from '../../src/domain/months';
import { mapSummary } from '../../src/features/graph/MapSection';
import { tileText } from '../../src/features/graph/scene';
import { loadRealDataset } from '../support/real-dataset';

const result = loadRealDataset();
function real(): Dataset {
  if (!result.ok) throw new Error(`the real dataset is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.dataset;
}
const FACTOR = 10;
const large = multiplyDataset(readRealDataset(), FACTOR).dataset;
const months = monthRange(large.meta.coverage.from, large.meta.coverage.to);

const organisations = (model: MapModel) =>
  model.nodes.filter((node): node is MapOrganisationNode => node.type === 'organisation');
const services = (model: MapModel) => model.nodes.filter((node) => node.type === 'service');
const membersOf = (node: { members?: unknown[] }) => node.members?.length ?? 1;

describe('the map at the real data’s size', () => {
  it('draws every body and service: the drawn dataset is the dataset itself, and no node stands for others', () => {
    const detail = drawnDataset(real());
    expect(detail.aggregated).toBe(false);
    expect(detail.dataset).toBe(real());
    expect(busiestMonth(real())).toBeLessThanOrEqual(MAP_DETAIL_LIMIT);
    for (const month of months) expect(mapModelAt(real(), month).nodes.filter((node) => node.members)).toEqual([]);
  });

  it('keeps its labels (counts under a thousand print as before)', () => {
    const model = mapModelAt(real(), '2015-06');
    expect(model.nodes.find((node) => node.id === 'clinical-commissioning-groups')?.label).toBe('CCGs · 211');
    expect(model.nodes.find((node) => node.id === 'service:health-visiting')?.label).toBe('Health visiting');
  });
});

describe(`the map at ${FACTOR} times the data`, () => {
  it('draws about as many nodes and links as the real map, at every month', () => {
    expect(drawnDataset(large).aggregated).toBe(true);
    for (const month of months) {
      const [drawn, actual] = [mapModelAt(large, month), mapModelAt(real(), month)];
      expect(drawn.nodes.map((node) => node.id)).toEqual(actual.nodes.map((node) => node.id));
      expect(drawn.links.length).toBe(actual.links.length);
    }
  });

  it('gives each kind of body the sum of its members’ counts, or how many members it has', () => {
    const model = mapModelAt(large, '2015-06');
    const ccgs = model.nodes.find((node) => node.id === 'clinical-commissioning-groups');
    expect(ccgs).toMatchObject({ count: 2110, label: 'CCGs · 2,110' });
    expect(ccgs?.members).toHaveLength(FACTOR);
    expect(ccgs?.members?.[1]).toEqual({
      id: 'clinical-commissioning-groups-copy-2',
      name: 'Clinical commissioning groups (copy 2)',
    });
    expect(model.nodes.find((node) => node.id === 'nhs-england')).toMatchObject({ count: FACTOR, label: 'NHS England · 10' });
  });

  it('stands for every body and service of the whole dataset: the counts add up, at every month', () => {
    for (const month of months) {
      const [drawn, actual] = [mapModelAt(large, month), mapModelAt(real(), month)];
      const drawnBodies = organisations(drawn).reduce((sum, node) => sum + membersOf(node), 0);
      const drawnServices = services(drawn).reduce((sum, node) => sum + membersOf(node), 0);
      expect(drawnBodies).toBe(FACTOR * organisations(actual).length);
      expect(drawnServices).toBe(FACTOR * services(actual).length);
      for (const node of organisations(drawn)) {
        const one = organisations(actual).find((other) => other.id === node.id);
        expect(node.count).toBe(one?.count === undefined ? FACTOR : FACTOR * one.count);
      }
    }
  });

  it('labels a kind of service with its count and lists its members', () => {
    const node = mapModelAt(large, '2016-01').nodes.find((candidate) => candidate.id === 'service:health-visiting');
    expect(node).toMatchObject({ label: `Health visiting · ${FACTOR}` });
    expect(node?.members?.map((member) => member.id)).toEqual([
      'health-visiting',
      ...Array.from({ length: FACTOR - 1 }, (_, index) => `health-visiting-copy-${index + 2}`),
    ]);
  });

  it('says in its summary how many bodies and services it stands for, and that kinds are drawn as one', () => {
    const actual = mapModelAt(real(), '2016-01');
    const summary = mapSummary(mapModelAt(large, '2016-01'));
    expect(summary).toContain(
      `${FACTOR * organisations(actual).length} organisations and ${FACTOR * services(actual).length} services`,
    );
    expect(summary).toContain('drawn as one node');
    expect(mapSummary(actual)).not.toContain('drawn as one node');
  });

  it('keeps a tile’s count when its name is cut to fit', () => {
    const text = tileText('Specialist child and adolescent mental health services · 100', 14.8, 146);
    expect(text).toMatch(/…\s?· 100$/);
    expect(tileText('Eye care · 100', 14.8, 146)).toBe('Eye care · 100');
  });

  it('adds up the members’ funding between two kinds of body', () => {
    const [drawn, actual] = [mapModelAt(large, '2015-06'), mapModelAt(real(), '2015-06')];
    const amount = (model: MapModel) =>
      model.links
        .flatMap((link) => link.funding)
        .find((figure) => figure.amountBn !== undefined && figure.id === 'fund-dh-nhse-2015-16')?.amountBn;
    const one = amount(actual);
    if (one === undefined) throw new Error('the real map has no funding figure fund-dh-nhse-2015-16');
    expect(amount(drawn)).toBeCloseTo(FACTOR * one, 6);
  });

  it('is laid out ahead of time for what it draws: as many places as the real map', () => {
    const layout = computeMapLayout(large);
    expect(Object.keys(layout.services).sort()).toEqual(Object.keys(computeMapLayout(real()).services).sort());
    // The strip over the map counts every service that moved, not only the tiles.
    const moves = cardMovesInto(layout, large, '2013-04');
    const realMoves = cardMovesInto(computeMapLayout(real()), real(), '2013-04');
    expect(moves.reduce((sum, move) => sum + move.count, 0)).toBe(FACTOR * realMoves.length);
    expect(moves[0]?.serviceName).toMatch(/\(10 of this kind\)$/);
  });
});
