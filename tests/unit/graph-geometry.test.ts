/** The map's measurements and words: label wrapping, link paths, label culling, keyboard moves, sentences. */
import { describe, expect, it } from 'vitest';
import type { MapFunding, MapLink, MapNode } from '../../src/domain/graph';
import { fundingLabel, linkSentence, nodeDescription } from '../../src/features/graph/encodings';
import { nearestInDirection } from '../../src/features/graph/geometry';

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
