/** The comparison of two months, on the real dataset and on the fixture. */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems';
import { datasetSchema, type Dataset } from '../../src/data/schema';
import { comparisonBetween, countStateAt } from '../../src/domain/comparison';
import { commissionersWords, countWords, summaryLine } from '../../src/features/compare/compare-words';
import { miniDataset } from '../fixtures/mini-dataset';
import { loadRealDataset } from '../support/real-dataset';

const result = loadRealDataset();
function real(): Dataset {
  if (!result.ok) throw new Error(`the real dataset is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.dataset;
}
const mini = datasetSchema.parse(miniDataset());

const ids = (items: readonly { organisation: { id: string } }[]) => items.map((item) => item.organisation.id);

describe('comparisonBetween on the real dataset, June 2012 to June 2016', () => {
  const comparison = () => comparisonBetween(real(), '2012-06', '2016-06');

  it('follows health visiting from primary care trusts through NHS England to local authorities, with the events', () => {
    const change = comparison().commissioningChanges.find((c) => c.service.id === 'health-visiting');
    expect(change).toBeDefined();
    expect(change!.before.map((c) => c.organisationId)).toEqual(['primary-care-trusts']);
    expect(change!.after.map((c) => c.organisationId)).toEqual(['local-authorities']);
    expect(change!.steps.map((step) => step.month)).toEqual(['2013-04', '2015-10']);
    const [april2013, october2015] = change!.steps;
    expect(april2013!.before.map((c) => c.organisationId)).toEqual(['primary-care-trusts']);
    expect(april2013!.after.map((c) => c.name)).toEqual(['NHS England']);
    expect(april2013!.events.map((e) => e.id)).toContain('evt-public-health-to-councils-2013');
    expect(october2015!.before.map((c) => c.name)).toEqual(['NHS England']);
    expect(october2015!.after.map((c) => c.organisationId)).toEqual(['local-authorities']);
    expect(october2015!.events.map((e) => e.id)).toEqual(['evt-health-visiting-transfer-2015']);
    expect(change!.sources.length).toBeGreaterThan(0);
  });

  it('has CCGs coming into being in April 2013 and PCTs ending in March 2013, each with its event', () => {
    const started = comparison().organisationsStarted.find((c) => c.organisation.id === 'clinical-commissioning-groups');
    expect(started?.month).toBe('2013-04');
    expect(started?.events.map((e) => e.id)).toContain('evt-new-commissioning-system-2013');
    const ended = comparison().organisationsEnded.find((c) => c.organisation.id === 'primary-care-trusts');
    expect(ended?.month).toBe('2013-03');
    expect(ended?.events.map((e) => e.id)).toContain('evt-new-commissioning-system-2013');
    expect(ids(comparison().organisationsStarted)).not.toContain('primary-care-trusts');
    expect(ids(comparison().organisationsEnded)).not.toContain('local-authorities');
  });

  it('reports the CCG count as not yet in being in June 2012 and 209 in June 2016, with its source', () => {
    const ccgs = comparison().countChanges.find((c) => c.organisation.id === 'clinical-commissioning-groups');
    expect(ccgs?.before).toEqual({ state: 'not-in-being' });
    expect(ccgs?.after.state).toBe('known');
    if (ccgs?.after.state !== 'known') return;
    expect(ccgs.after.figure.count).toBe(209);
    expect(ccgs.after.figure.asOf).toBe('2016-04');
    expect(ccgs.after.figure.sources.length).toBeGreaterThan(0);
  });

  it('never gives a count for a body that is no longer in being (local area teams ended in March 2015)', () => {
    expect(comparison().countChanges.map((c) => c.organisation.id)).not.toContain('nhse-local-area-teams');
    expect(
      countStateAt(
        real().organisations.find((o) => o.id === 'nhse-local-area-teams')!,
        '2016-06',
      ),
    ).toEqual({
      state: 'not-in-being',
    });
  });

  it('lists only events after the first month and up to the second, in date order', () => {
    const dates = comparison().events.map((e) => e.date);
    expect(dates.every((date) => date.slice(0, 7) > '2012-06' && date.slice(0, 7) <= '2016-06')).toBe(true);
    expect([...dates].sort()).toEqual(dates);
  });

  it('says it in one summary line', () => {
    const line = summaryLine(comparison());
    expect(line).toMatch(/^Between June 2012 and June 2016: /);
    expect(line).toContain(`${comparison().commissioningChanges.length} services changed commissioner`);
  });
});

describe('comparisonBetween, counts', () => {
  it('gives CCGs 211 → 209 from June 2013 to June 2016', () => {
    const ccgs = comparisonBetween(real(), '2013-06', '2016-06').countChanges.find(
      (c) => c.organisation.id === 'clinical-commissioning-groups',
    );
    expect(ccgs).toBeDefined();
    expect(countWords(ccgs!.before, 'before')).toBe('211 (as of April 2013)');
    expect(countWords(ccgs!.after, 'after')).toBe('209 (as of April 2016)');
  });

  it('reports a count no source gives as unknown, never 0 (commissioning support units in June 2013)', () => {
    const csus = comparisonBetween(real(), '2013-06', '2016-06').countChanges.find(
      (c) => c.organisation.id === 'commissioning-support-units',
    );
    expect(csus?.before).toEqual({ state: 'unknown' });
    expect(countWords(csus!.before, 'before')).toBe('unknown (no source gives a figure)');
    expect(csus?.after.state === 'known' && csus.after.figure.count).toBe(19);
  });

  it('leaves out counts that did not change, and proposed figures', () => {
    const counts = comparisonBetween(real(), '2013-06', '2014-02').countChanges;
    expect(counts.map((c) => c.organisation.id)).not.toContain('clinical-commissioning-groups');
    // 212 CCGs were proposed in May 2012: not a count of what existed.
    const ccgsBefore = countStateAt(
      real().organisations.find((o) => o.id === 'clinical-commissioning-groups')!,
      '2012-06',
    );
    expect(ccgsBefore).toEqual({ state: 'not-in-being' });
  });
});

describe('comparisonBetween, the order and sameness of the months', () => {
  it('swaps months given later first, and says so', () => {
    const forwards = comparisonBetween(mini, '2012-06', '2016-06');
    const backwards = comparisonBetween(mini, '2016-06', '2012-06');
    expect(backwards.swapped).toBe(true);
    expect(forwards.swapped).toBe(false);
    expect([backwards.from, backwards.to]).toEqual(['2012-06', '2016-06']);
    expect({ ...backwards, swapped: false }).toEqual(forwards);
  });

  it('finds nothing between a month and itself, and says so plainly', () => {
    const same = comparisonBetween(real(), '2015-10', '2015-10');
    expect(same.same).toBe(true);
    expect(same.organisationsStarted).toEqual([]);
    expect(same.organisationsEnded).toEqual([]);
    expect(same.commissioningChanges).toEqual([]);
    expect(same.countChanges).toEqual([]);
    expect(same.relationshipsStarted).toEqual([]);
    expect(same.events).toEqual([]);
    expect(summaryLine(same)).toMatch(/October 2015 is compared with itself: nothing changes/);
  });

  it('counts a change made in the later month, but not one made in the earlier month', () => {
    expect(comparisonBetween(mini, '2015-09', '2015-10').commissioningChanges.map((c) => c.service.id)).toEqual([
      'health-visiting',
    ]);
    expect(comparisonBetween(mini, '2015-10', '2016-06').commissioningChanges).toEqual([]);
  });
});

describe('comparisonBetween on the fixture', () => {
  const comparison = comparisonBetween(mini, '2012-06', '2016-06');

  it('names commissioners as they were named at each step (the NHS Commissioning Board became NHS England)', () => {
    const change = comparison.commissioningChanges[0]!;
    expect(commissionersWords(change.before)).toBe('Primary care trusts');
    expect(commissionersWords(change.after)).toBe('Local authorities');
    expect(
      change.steps.map((step) => `${commissionersWords(step.before)} → ${commissionersWords(step.after)} ${step.month}`),
    ).toEqual(['Primary care trusts → NHS England 2013-04', 'NHS England → Local authorities 2015-10']);
    expect(change.steps.map((step) => step.events.map((e) => e.id))).toEqual([['evt-2013'], ['evt-hv']]);
    expect(comparisonBetween(mini, '2012-06', '2013-01').organisationsStarted.map((c) => [c.name, c.nameAtTo])).toEqual([
      ['NHS Commissioning Board', null],
    ]);
    expect(comparison.organisationsStarted.map((c) => [c.name, c.nameAtTo])).toEqual([
      ['NHS Commissioning Board', 'NHS England'],
      ['Clinical commissioning groups', null],
    ]);
  });

  it('has what began and ended, with the months and events, and the count from not in being to 209', () => {
    expect(comparison.organisationsStarted.map((c) => [c.organisation.id, c.month])).toEqual([
      ['nhse', '2012-10'],
      ['ccgs', '2013-04'],
    ]);
    expect(comparison.organisationsEnded.map((c) => [c.organisation.id, c.month, c.events.map((e) => e.id)])).toEqual([
      ['pcts', '2013-03', ['evt-2013']],
    ]);
    expect(comparison.renamed).toEqual([]);
    expect(comparison.relationshipsStarted.map((c) => [c.relationship.id, c.month])).toEqual([
      ['rel-nhse-oversees-ccgs', '2013-04'],
    ]);
    expect(comparison.countChanges.map((c) => [c.organisation.id, c.before.state, c.after.state])).toEqual([
      ['ccgs', 'not-in-being', 'known'],
    ]);
  });

  it('reports a rename across the months', () => {
    const renamed = comparisonBetween(mini, '2012-12', '2013-06').renamed;
    expect(renamed.map((r) => [r.before, r.after])).toEqual([['NHS Commissioning Board', 'NHS England']]);
  });

  it('counts a body that came and went in between as both begun and ended', () => {
    const data = miniDataset();
    data.organisations.push({
      ...data.organisations[3]!,
      id: 'forum',
      name: 'A forum',
      shortName: 'Forum',
      from: '2014-01',
      to: '2014-06',
    });
    const withForum = datasetSchema.parse(data);
    const between = comparisonBetween(withForum, '2013-06', '2015-06');
    expect(between.organisationsStarted.map((c) => c.organisation.id)).toContain('forum');
    expect(between.organisationsEnded.map((c) => c.organisation.id)).toContain('forum');
  });
});
