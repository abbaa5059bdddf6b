/** The place diagram's positions (pure and deterministic) and its transitions between months: a merged CCG moves into its successor. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlaces } from '../../src/data/places-load';
import { indexPlaces } from '../../src/domain/places';
import { DIAGRAM_WIDTH, diagramTransition, placeDiagram, wrapLabel } from '../../src/features/places/place-diagram';
import { ROOT } from '../support/real-dataset';

const parsed = parsePlaces(JSON.parse(readFileSync(path.join(ROOT, 'data', 'places', 'places.json'), 'utf8')));
if (!parsed.ok) throw new Error('data/places/places.json must be valid');
const index = indexPlaces(parsed.places);
const LEEDS = 'E08000035';

describe('the place diagram', () => {
  it('draws the council above its CCGs, in name order, inside the width, the same each time', () => {
    const diagram = placeDiagram(index, LEEDS, '2016-06');
    expect(diagram).toEqual(placeDiagram(index, LEEDS, '2016-06'));
    const labels = diagram?.nodes.map((node) => node.label);
    expect(labels).toEqual(['Leeds (council)', 'NHS Leeds North CCG', 'NHS Leeds South and East CCG', 'NHS Leeds West CCG']);
    const [council, ...ccgs] = diagram?.nodes ?? [];
    for (const node of ccgs) {
      expect(node.y).toBeGreaterThan((council?.y ?? 0) + (council?.height ?? 0));
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.x + node.width).toBeLessThanOrEqual(DIAGRAM_WIDTH + 0.001);
    }
    const xs = ccgs.map((node) => node.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('before April 2013 draws the primary care trust, marked unofficial', () => {
    const nodes = placeDiagram(index, LEEDS, '2012-06')?.nodes ?? [];
    expect(nodes.map((node) => [node.label, node.unofficial])).toEqual([
      ['Leeds (council)', false],
      ['Leeds PCT', true],
    ]);
  });

  it('March to April 2018: the three Leeds CCGs end by moving into NHS Leeds CCG, which begins', () => {
    const transition = diagramTransition(index, LEEDS, '2018-03', '2018-04');
    const nodes = transition?.nodes ?? [];
    const successor = nodes.find((node) => node.label === 'NHS Leeds CCG');
    expect(successor?.state).toBe('begins');
    const ending = nodes.filter((node) => node.state === 'ends');
    expect(ending.map((node) => node.label).sort()).toEqual([
      'NHS Leeds North CCG',
      'NHS Leeds South and East CCG',
      'NHS Leeds West CCG',
    ]);
    for (const node of ending) {
      expect(node.into).toBe(successor?.id);
      expect([node.toX, node.toY]).toEqual([successor?.x, successor?.y]);
    }
    expect(nodes.find((node) => node.kind === 'council')?.state).toBe('stays');
  });

  it('a month with no change has nothing ending or beginning', () => {
    const nodes = diagramTransition(index, LEEDS, '2016-05', '2016-06')?.nodes ?? [];
    expect(nodes.every((node) => node.state === 'stays')).toBe(true);
  });

  it('unknown code: no diagram', () => {
    expect(placeDiagram(index, 'E99999999', '2016-06')).toBeUndefined();
  });

  it('wraps labels at spaces into at most three lines', () => {
    expect(wrapLabel('NHS Leeds South and East CCG', 16)).toEqual(['NHS Leeds South', 'and East CCG']);
    expect(wrapLabel('one two three four five', 5)).toEqual(['one', 'two', 'thre…']);
  });
});
