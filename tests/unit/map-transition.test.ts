/**
 * The staged change between two months (GraphDiaries' order: exits, then moves, then entries),
 * planned without a DOM from two scenes of the real map.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/data/schema';
import { DEFAULT_MAP_OPTIONS, mapModelAt } from '../../src/domain/graph';
import { computeMapLayout } from '../../src/domain/map-layout/compute';
import { sceneAt, tileText } from '../../src/features/graph/scene';
import { cardKey, planTransition, STAGES, TRANSITION_MS } from '../../src/features/graph/transition';
import { loadRealDataset } from '../support/real-dataset';

const dataset = loadRealDataset().dataset as Dataset;
const layout = computeMapLayout(dataset);
const scene = (month: string) => sceneAt(layout, mapModelAt(dataset, month, DEFAULT_MAP_OPTIONS));

describe('the staged transition between months', () => {
  it('runs exits, then moves, then entries, in about 800 ms', () => {
    expect(STAGES.exit.delay + STAGES.exit.duration).toBeLessThanOrEqual(STAGES.move.delay);
    expect(STAGES.move.delay + STAGES.move.duration).toBeLessThanOrEqual(STAGES.entry.delay);
    expect(TRANSITION_MS).toBeLessThanOrEqual(850);
  });

  it('from March to April 2013: the primary care trusts end, services move to CCGs, NHS England and councils, CCGs begin', () => {
    const plan = planTransition(scene('2013-03'), scene('2013-04'));
    expect(plan.exits).toEqual(expect.arrayContaining(['primary-care-trusts', cardKey('primary-care-trusts')]));
    expect(plan.entries).toEqual(
      expect.arrayContaining(['clinical-commissioning-groups', cardKey('clinical-commissioning-groups')]),
    );
    expect(plan.transfers).toEqual(
      expect.arrayContaining([
        'service:general-practice',
        'service:maternity',
        'service:sexual-health',
        'service:health-improvement-services',
      ]),
    );
    const generalPractice = plan.moves.find((move) => move.id === 'service:general-practice');
    expect(generalPractice).toBeDefined();
    expect(
      Math.hypot(
        (generalPractice?.to.x ?? 0) - (generalPractice?.from.x ?? 0),
        (generalPractice?.to.y ?? 0) - (generalPractice?.from.y ?? 0),
      ),
    ).toBeGreaterThan(40);
    // Bodies that stay, stay put.
    expect(plan.moves.map((move) => move.id)).not.toContain('department-of-health');
  });

  it('in October 2015, health visiting and the Family Nurse Partnership move to local authorities', () => {
    const plan = planTransition(scene('2015-09'), scene('2015-10'));
    expect(plan.transfers).toEqual(expect.arrayContaining(['service:health-visiting', 'service:family-nurse-partnership']));
    expect(scene('2015-10').nodeById.get('service:health-visiting')).toMatchObject({ card: 'local-authorities' });
  });

  it('plans nothing between a month and itself', () => {
    const plan = planTransition(scene('2016-01'), scene('2016-01'));
    expect(plan).toEqual({ exits: [], moves: [], entries: [], transfers: [] });
  });
});

describe('a tile’s text', () => {
  it('is the name where it fits, drops a dispensable last word before cutting, and cuts with an ellipsis', () => {
    expect(tileText('Eye care', 14.8, 146)).toBe('Eye care');
    expect(tileText('Sexual health services', 14.8, 146)).toBe('Sexual health');
    expect(tileText('Specialised neonatal services', 14.8, 146)).toBe('Specialised neonatal');
    expect(tileText('Specialist child and adolescent mental health services', 14.8, 146)).toMatch(/^Specialist child.*…$/);
  });
});
