/**
 * The map at two months, compared: what was added, removed and changed on the real dataset, and
 * that the comparison reads the same model as the map at each month.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems';
import type { Dataset } from '../../src/data/schema';
import { comparisonCounts, DEFAULT_MAP_OPTIONS, mapComparisonModel, mapModelAt, type MapChange } from '../../src/domain/graph';
import { linkChangeSentence, nodeChangeDetails, nodeChangeNote } from '../../src/features/graph/comparison-words';
import { loadRealDataset } from '../support/real-dataset';

const result = loadRealDataset();

function dataset(): Dataset {
  if (!result.ok) throw new Error(`the real dataset is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.dataset;
}

const changeOf = (comparison: ReturnType<typeof mapComparisonModel>, id: string): MapChange | undefined =>
  comparison.nodes.get(id)?.change;

describe('mapComparisonModel', () => {
  it('marks bodies that came and went between June 2012 and June 2016', () => {
    const comparison = mapComparisonModel(dataset(), '2012-06', '2016-06');
    expect(changeOf(comparison, 'primary-care-trusts')).toBe('removed');
    expect(changeOf(comparison, 'strategic-health-authorities')).toBe('removed');
    expect(changeOf(comparison, 'clinical-commissioning-groups')).toBe('added');
    expect(changeOf(comparison, 'nhs-england')).toBe('added');
    expect(changeOf(comparison, 'department-of-health')).toBe('unchanged');
  });

  it('draws everything on the map at either month, once, each as it is at the later month where it is then', () => {
    const comparison = mapComparisonModel(dataset(), '2012-06', '2016-06');
    const before = mapModelAt(dataset(), '2012-06');
    const after = mapModelAt(dataset(), '2016-06');
    const drawn = comparison.model.nodes.map((node) => node.id);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(new Set(drawn)).toEqual(new Set([...before.nodes, ...after.nodes].map((node) => node.id)));
    expect(comparison.model.nodes.find((node) => node.id === 'clinical-commissioning-groups')?.label).toBe(
      after.nodes.find((node) => node.id === 'clinical-commissioning-groups')?.label,
    );
    // Every link drawn has an entry, and every entry is drawn.
    expect(new Set(comparison.model.links.map((link) => link.id))).toEqual(new Set(comparison.links.keys()));
    // No funding figures: they belong to financial years, not to the two months.
    expect(comparison.model.links.every((link) => link.funding.length === 0)).toBe(true);
    const counts = comparisonCounts(comparison);
    expect(counts.added + counts.removed + counts.changed + counts.unchanged).toBe(comparison.nodes.size + comparison.links.size);
  });

  it('marks a service whose commissioner moved as changed, and says from whom to whom', () => {
    const comparison = mapComparisonModel(dataset(), '2012-06', '2016-06');
    const healthVisiting = comparison.nodes.get('service:health-visiting');
    expect(healthVisiting?.change).toBe('changed');
    expect(healthVisiting?.commissioningBefore.map((link) => link.source)).toEqual(['primary-care-trusts']);
    expect(healthVisiting?.commissioningAfter.map((link) => link.source)).toEqual(['local-authorities']);
    expect(nodeChangeDetails(healthVisiting!, comparison)).toEqual([
      expect.stringMatching(/^commissioned by Primary care trusts .* in June 2012; by Local authorities .* in June 2016$/),
    ]);
    // The old commissioning link is removed, the new one added.
    const healthVisitingLinks = [...comparison.links.values()].filter(
      (entry) => (entry.after ?? entry.before)?.target === 'service:health-visiting',
    );
    expect(healthVisitingLinks.map((entry) => [(entry.after ?? entry.before)?.source, entry.change]).sort()).toEqual([
      ['local-authorities', 'added'],
      ['primary-care-trusts', 'removed'],
    ]);
  });

  it('marks a body whose count changed as changed (CCGs 211 → 209), with both counts', () => {
    const comparison = mapComparisonModel(dataset(), '2013-06', '2016-06');
    const ccgs = comparison.nodes.get('clinical-commissioning-groups');
    expect(ccgs?.change).toBe('changed');
    expect(nodeChangeDetails(ccgs!, comparison)).toEqual(['211 in June 2013 → 209 in June 2016']);
    expect(nodeChangeNote(ccgs!, comparison)).toBe('changed; 211 in June 2013 → 209 in June 2016');
  });

  it('finds nothing changed between a month and itself', () => {
    const comparison = mapComparisonModel(dataset(), '2015-10', '2015-10');
    const counts = comparisonCounts(comparison);
    expect(counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: counts.unchanged });
    expect(counts.unchanged).toBeGreaterThan(0);
  });

  it('reads backwards when the first month is the later one', () => {
    const forwards = mapComparisonModel(dataset(), '2012-06', '2016-06');
    const backwards = mapComparisonModel(dataset(), '2016-06', '2012-06');
    expect(changeOf(backwards, 'primary-care-trusts')).toBe('added');
    expect(changeOf(backwards, 'clinical-commissioning-groups')).toBe('removed');
    expect(comparisonCounts(backwards).changed).toBe(comparisonCounts(forwards).changed);
  });

  it('applies the filters to both months', () => {
    const comparison = mapComparisonModel(dataset(), '2012-06', '2016-06', {
      ...DEFAULT_MAP_OPTIONS,
      showServices: false,
      hiddenCategories: ['regulator'],
    });
    expect([...comparison.nodes.values()].some((entry) => (entry.after ?? entry.before)?.type === 'service')).toBe(false);
    expect(comparison.nodes.has('monitor')).toBe(false);
    expect(comparison.nodes.has('care-quality-commission')).toBe(false);
  });

  it('treats a commissioning arrangement recorded afresh for the same commissioner as one link', () => {
    const data = structuredClone(dataset());
    const record = data.commissioning.find(
      (entry) => entry.service === 'health-visiting' && entry.commissioner === 'local-authorities',
    );
    if (!record) throw new Error('no local authority health visiting record');
    // Split the record in two at April 2016, the second as a new record under another id.
    const renewed = { ...record, id: `${record.id}-renewed`, from: '2016-04' };
    record.to = '2016-03';
    data.commissioning.push(renewed);
    const comparison = mapComparisonModel(data, '2015-10', '2016-06');
    const links = [...comparison.links.values()].filter(
      (entry) => (entry.after ?? entry.before)?.target === 'service:health-visiting',
    );
    expect(links).toHaveLength(1);
    expect(links[0]?.change).toBe('unchanged');
    expect(comparison.nodes.get('service:health-visiting')?.change).toBe('unchanged');
  });

  it('says what changed about a link whose status changed', () => {
    const data = structuredClone(dataset());
    const record = data.commissioning.find(
      (entry) => entry.service === 'health-visiting' && entry.commissioner === 'local-authorities',
    );
    if (!record) throw new Error('no local authority health visiting record');
    const proposed = { ...record, id: `${record.id}-proposed`, status: 'proposed' as const, from: '2016-04' };
    record.to = '2016-03';
    data.commissioning.push(proposed);
    const comparison = mapComparisonModel(data, '2015-10', '2016-06');
    const entry = comparison.links.get(`commissioning:${proposed.id}`);
    expect(entry?.change).toBe('changed');
    expect(linkChangeSentence(entry!, comparison)).toMatch(
      /; in force, sole commissioner in October 2015, proposed, sole commissioner in June 2016$/,
    );
    expect(comparison.nodes.get('service:health-visiting')?.change).toBe('changed');
  });
});
