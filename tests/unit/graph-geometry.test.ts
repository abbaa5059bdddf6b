/** The map's measurements and words: label wrapping, link paths, label culling, keyboard moves, sentences. */
import { describe, expect, it } from 'vitest';
import type { MapFunding, MapLink, MapNode } from '../../src/domain/graph';
import { fundingLabel, linkSentence, nodeDescription } from '../../src/features/graph/encodings';
import {
  glyphBoxAt,
  labelsThatFit,
  linkBends,
  linkGeometry,
  nearestInDirection,
  nodeBox,
  nodeLabelBoxAt,
  placeLinkLabel,
  wrapLabel,
} from '../../src/features/graph/geometry';

describe('wrapLabel', () => {
  it('keeps a short label on one line', () => {
    expect(wrapLabel('CCGs · 211', 18)).toEqual(['CCGs · 211']);
  });

  it('balances a longer label over the fewest lines that fit', () => {
    expect(wrapLabel('Independent and voluntary providers', 20)).toEqual(['Independent and', 'voluntary providers']);
    expect(wrapLabel('Health care in prisons and other secure settings', 16)).toEqual([
      'Health care in',
      'prisons and other',
      'secure settings',
    ]);
  });

  it('never makes more than three lines', () => {
    expect(wrapLabel('Specialist child and adolescent mental health services', 10)).toHaveLength(3);
  });
});

describe('nodeBox', () => {
  it('is as wide as the longest label line and as tall as the glyph and its lines', () => {
    const oneLine = nodeBox('body', 'DH');
    const twoLines = nodeBox('body', 'Independent and voluntary providers');
    expect(twoLines.width).toBeGreaterThan(oneLine.width);
    expect(twoLines.height).toBeGreaterThan(oneLine.height);
    // The anchor (the glyph's centre) is above the box's centre.
    expect(twoLines.offsetY).toBeGreaterThan(0);
  });
});

describe('linkGeometry', () => {
  it('runs from the edge of one glyph to just short of the other', () => {
    const geometry = linkGeometry({ x: 0, y: 0, shape: 'body' }, { x: 100, y: 0, shape: 'body' }, 0, 2);
    expect(geometry.d).toBe('M14,0L85,0');
  });

  it('bows a link with a bend to one side', () => {
    const geometry = linkGeometry({ x: 0, y: 0, shape: 'service' }, { x: 100, y: 0, shape: 'service' }, 10);
    expect(geometry.d).toMatch(/^M.*Q50,20 /);
  });
});

describe('linkBends', () => {
  it('leaves a lone link straight and fans out links between the same two nodes, either way round', () => {
    const bends = linkBends([
      { id: 'alone', source: 'a', target: 'b' },
      { id: 'funds', source: 'dh', target: 'nhse' },
      { id: 'accountable', source: 'nhse', target: 'dh' },
    ]);
    expect(bends.get('alone')).toBe(0);
    // Opposite directions flip the normal, so equal bends of opposite sign mean the same side: they must differ.
    expect(bends.get('funds')).toBe(-7);
    expect(bends.get('accountable')).toBe(-7);
  });
});

describe('placeLinkLabel', () => {
  const geometry = linkGeometry({ x: 0, y: 0, shape: 'body' }, { x: 200, y: 0, shape: 'body' }, 0);

  it('puts a label in the middle of its link when that is clear', () => {
    const at = placeLinkLabel(geometry, { width: 40, height: 20 }, []);
    expect(at.x).toBeCloseTo(100, 0);
    expect(at.y).toBe(0);
  });

  it('slides it along the link away from a node in the middle', () => {
    const at = placeLinkLabel(geometry, { width: 40, height: 20 }, [{ x: 80, y: -15, width: 40, height: 30 }]);
    expect(Math.abs(at.x - 100)).toBeGreaterThan(20);
    expect(at.y).toBe(0);
  });
});

describe('labelsThatFit', () => {
  const at = { x: 100, y: 100 };
  const near = { x: 110, y: 102 };

  it('keeps the first of two labels that would overlap, and both when they are apart', () => {
    const first = { id: 'first', box: nodeLabelBoxAt('body', 'Clinical commissioning groups', at, 1) };
    const second = { id: 'second', box: nodeLabelBoxAt('body', 'Local authorities', near, 1) };
    expect([...labelsThatFit([first, second], [])]).toEqual(['first']);
    const far = { id: 'far', box: nodeLabelBoxAt('body', 'Local authorities', { x: 400, y: 100 }, 1) };
    expect([...labelsThatFit([first, far], [])]).toEqual(['first', 'far']);
  });

  it('drops a label that would cover another node', () => {
    const label = { id: 'label', box: nodeLabelBoxAt('body', 'Clinical commissioning groups', at, 1) };
    expect(labelsThatFit([label], [glyphBoxAt('body', { x: 100, y: 125 })]).size).toBe(0);
  });

  it('drops more labels as they grow (zoomed out)', () => {
    const candidates = [0, 1, 2, 3].map((index) => ({ id: `n${index}`, position: { x: 100 + index * 140, y: 100 } }));
    const fitting = (scale: number) =>
      labelsThatFit(
        candidates.map(({ id, position }) => ({ id, box: nodeLabelBoxAt('body', 'Strategic health', position, scale) })),
        [],
      ).size;
    expect(fitting(1)).toBe(4);
    expect(fitting(2)).toBeLessThan(4);
  });
});

describe('nearestInDirection', () => {
  const positions = new Map([
    ['centre', { x: 100, y: 100 }],
    ['right', { x: 200, y: 110 }],
    ['far-right', { x: 400, y: 100 }],
    ['below', { x: 90, y: 200 }],
    ['above-left', { x: 20, y: 20 }],
  ]);
  const ids = [...positions.keys()];
  const nearest = (direction: { x: number; y: number }, from = 'centre') =>
    nearestInDirection(from, direction, ids, (id) => positions.get(id));

  it('moves to the nearest node ahead, not one off to the side', () => {
    expect(nearest({ x: 1, y: 0 })).toBe('right');
    expect(nearest({ x: 0, y: 1 })).toBe('below');
    expect(nearest({ x: -1, y: 0 })).toBe('above-left');
    expect(nearest({ x: 1, y: 0 }, 'far-right')).toBeUndefined();
  });
});

const figure = (amountBn: number | undefined, extra: Partial<MapFunding> = {}): MapFunding => ({
  id: `f${amountBn}`,
  financialYear: '2015/16',
  amountBn,
  share: undefined,
  basis: 'allocation',
  description: 'A figure.',
  contested: undefined,
  ...extra,
});

describe('words', () => {
  const dh: MapNode = {
    type: 'organisation',
    id: 'department-of-health',
    organisationId: 'department-of-health',
    label: 'DH',
    shortName: 'DH',
    name: 'Department of Health',
    kind: 'body',
    level: 'national',
    category: 'government',
    count: undefined,
    countApproximate: false,
    role: 'Runs the NHS.',
    ownFunding: [],
  };
  const ccgs: MapNode = {
    ...dh,
    id: 'clinical-commissioning-groups',
    organisationId: 'clinical-commissioning-groups',
    label: 'CCGs · 209',
    name: 'Clinical commissioning groups',
    kind: 'body-type',
    level: 'local',
    category: 'commissioner',
    count: 209,
  };
  const link = (extra: Partial<MapLink>): MapLink => ({
    id: 'l',
    source: dh.id,
    target: ccgs.id,
    kind: 'funds',
    status: 'in-force',
    role: undefined,
    note: undefined,
    contested: undefined,
    funding: [],
    ...extra,
  });

  it('labels funding with its amount and year, two figures each with its basis', () => {
    expect(fundingLabel([figure(116.4)])).toEqual(['£116.4bn', '2015/16']);
    expect(fundingLabel([figure(3.8, { basis: 'pledge' }), figure(5.3, { basis: 'pooled' })])).toEqual([
      '£3.8bn pledged',
      '£5.3bn pooled',
      '2015/16',
    ]);
    expect(fundingLabel([figure(undefined, { share: 'over 80 per cent' })])).toBeUndefined();
  });

  it('reads a link as a sentence, plural for a kind of body', () => {
    expect(linkSentence(link({ funding: [figure(116.4)] }), dh, ccgs)).toBe(
      'Department of Health funds Clinical commissioning groups: £116.4bn allocation, 2015/16',
    );
    expect(linkSentence(link({ kind: 'accountable-to', source: ccgs.id, target: dh.id }), ccgs, dh)).toBe(
      'Clinical commissioning groups are accountable to Department of Health',
    );
  });

  it('says when a commissioning arrangement is not in force, and when sources disagree', () => {
    const service: MapNode = {
      type: 'service',
      id: 'service:maternity',
      serviceId: 'maternity',
      label: 'Maternity services',
      name: 'Maternity services',
      level: 'service',
      category: 'service',
      serviceCategory: 'hospital',
    };
    expect(linkSentence(link({ kind: 'commissions', status: 'reversed', role: 'sole', target: service.id }), ccgs, service)).toBe(
      'Reversed, not in force: Clinical commissioning groups commission Maternity services (sole commissioner)',
    );
    expect(linkSentence(link({ funding: [figure(77.9, { contested: 'They differ.' })] }), dh, ccgs)).toMatch(
      /Sources disagree: They differ\.$/,
    );
  });

  it('describes a node for its accessible name', () => {
    expect(nodeDescription(ccgs)).toBe('Clinical commissioning groups (209), kind of body, local commissioner');
    expect(nodeDescription(dh)).toBe('Department of Health, national government');
  });
});
