import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/data/schema';
import { layoutHistoryStrip } from '../../src/features/services/history-strip-layout';
import { groupByOrganisation, uptakeAt } from '../../src/features/services/service-view';
import { commissionersOf } from '../../src/domain/services';
import { loadRealDataset } from '../support/real-dataset';

let dataset: Dataset;

beforeAll(() => {
  const result = loadRealDataset();
  if (!result.ok) throw new Error('the real dataset does not load');
  dataset = result.dataset;
});

describe('layoutHistoryStrip', () => {
  it('gives health visiting one lane per commissioner, in the order they began', () => {
    const layout = layoutHistoryStrip(dataset, 'health-visiting', '2015-10');
    expect(layout.lanes.map((lane) => lane.organisationId)).toEqual(['primary-care-trusts', 'nhs-england', 'local-authorities']);
    expect(layout.lanes.map((lane) => lane.colourIndex)).toEqual([0, 1, 2]);
  });

  it('places segments across the whole coverage, in per cent, without gaps or overlaps', () => {
    const layout = layoutHistoryStrip(dataset, 'health-visiting', '2015-10');
    const [pct, nhse, councils] = layout.lanes.map((lane) => lane.segments[0]!);
    expect(pct!.left).toBe(0);
    expect(pct!.startsBefore).toBe(true);
    expect(pct!.target).toBe('2010-07');
    expect(nhse!.left).toBeCloseTo(pct!.left + pct!.width, 6);
    expect(nhse!.first).toBe('2013-04');
    expect(nhse!.last).toBe('2015-09');
    expect(councils!.left).toBeCloseTo(nhse!.left + nhse!.width, 6);
    expect(councils!.left + councils!.width).toBeCloseTo(100, 6);
    expect(councils!.endsAfter).toBe(true);
    expect(nhse!.description).toBe('NHS England, sole commissioner, in force: April 2013 to September 2015');
  });

  it('marks the changes, the years and the chosen month', () => {
    const layout = layoutHistoryStrip(dataset, 'health-visiting', '2015-10');
    expect(layout.changes.map((change) => change.month)).toEqual(['2013-04', '2015-10']);
    expect(layout.ticks.map((tick) => tick.year)).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018]);
    const october = layout.changes[1]!.left;
    expect(layout.current.left).toBeGreaterThan(october);
    expect(layout.current.left).toBeLessThan(october + 1);
  });

  it('draws proposals and reversals in their own lanes', () => {
    const layout = layoutHistoryStrip(dataset, 'renal-dialysis', '2015-01');
    const ccgs = layout.lanes.find((lane) => lane.organisationId === 'clinical-commissioning-groups');
    expect(ccgs?.segments.map((segment) => segment.record.status)).toEqual(['reversed']);
    expect(ccgs?.segments[0]?.width).toBeGreaterThan(0);
  });
});

describe('the service panel helpers', () => {
  it('groups the records of one organisation into one item', () => {
    const groups = groupByOrganisation(commissionersOf(dataset, 'general-practice', '2016-04'));
    expect(groups.map((group) => group.organisation.id)).toEqual(['nhs-england', 'clinical-commissioning-groups']);
  });

  it('gives the latest co-commissioning uptake by each level, each with its own date', () => {
    const record = dataset.commissioning.find((candidate) => candidate.id === 'com-general-practice-ccg-co-commissioning')!;
    expect(uptakeAt(record, '2016-04').map((figure) => [figure.level, figure.count, figure.asOf])).toEqual([
      ['joint', 87, '2015-04'],
      ['delegated', 114, '2016-04'],
    ]);
    expect(uptakeAt(record, '2015-03')).toEqual([]);
  });
});
