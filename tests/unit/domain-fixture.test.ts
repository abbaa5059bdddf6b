import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../../src/data/schema';
import { changesBetween, commissionersOf, nameAt, serviceHistory, snapshotAt } from '../../src/domain';
import { miniDataset } from '../fixtures/mini-dataset';

const dataset = datasetSchema.parse(miniDataset());

describe('snapshotAt', () => {
  it('holds only what is in force at the month', () => {
    const before = snapshotAt(dataset, '2012-06');
    expect(before.organisations.map((o) => o.organisation.id)).toEqual(['pcts', 'las']);
    expect(before.commissioning.map((c) => c.id)).toEqual(['com-hv-pcts']);
    const after = snapshotAt(dataset, '2013-04');
    expect(after.organisations.map((o) => o.organisation.id)).toEqual(['ccgs', 'nhse', 'las']);
    expect(after.relationships.map((r) => r.id)).toEqual(['rel-nhse-oversees-ccgs']);
  });

  it('gives the latest actual count, never a proposed one', () => {
    const ccgs = (month: string) =>
      snapshotAt(dataset, month).organisations.find((o) => o.organisation.id === 'ccgs')?.count?.count;
    expect(ccgs('2013-04')).toBe(211);
    expect(ccgs('2015-03')).toBe(211);
    expect(ccgs('2015-04')).toBe(209);
  });

  it('carries the funding of the month’s financial year', () => {
    expect(snapshotAt(dataset, '2016-03').funding.map((f) => f.id)).toEqual(['fund-ccgs']);
    expect(snapshotAt(dataset, '2016-04').funding).toEqual([]);
  });
});

describe('nameAt', () => {
  it('names NHS England the NHS Commissioning Board before it took that name', () => {
    const nhse = dataset.organisations.find((o) => o.id === 'nhse')!;
    expect(nameAt(nhse, '2012-10').name).toBe('NHS Commissioning Board');
    expect(nameAt(nhse, '2013-04').name).toBe('NHS England');
  });
});

describe('commissionersOf and serviceHistory', () => {
  it('answer who commissions health visiting at a month', () => {
    expect(commissionersOf(dataset, 'health-visiting', '2015-09').map((c) => c.name)).toEqual(['NHS England']);
    expect(commissionersOf(dataset, 'health-visiting', '2015-10')).toEqual([
      expect.objectContaining({ name: 'Local authorities', role: 'sole', status: 'in-force', since: '2015-10' }),
    ]);
  });

  it('lists the changes in order, each with its event', () => {
    const history = serviceHistory(dataset, 'health-visiting');
    expect(history.map((change) => [change.month, change.kind, change.after.map((a) => a.organisationId)])).toEqual([
      [null, 'start', ['pcts']],
      ['2013-04', 'change', ['nhse']],
      ['2015-10', 'change', ['las']],
    ]);
    expect(history[2]?.before).toEqual([{ organisationId: 'nhse', role: 'sole' }]);
    expect(history[2]?.events.map((e) => e.id)).toEqual(['evt-hv']);
  });
});

describe('changesBetween', () => {
  it('says what started, ended, moved and was renamed', () => {
    const changes = changesBetween(dataset, '2015-12', '2012-11');
    expect(changes.from).toBe('2012-11');
    expect(changes.organisations.started.map((o) => o.id)).toEqual(['ccgs']);
    expect(changes.organisations.ended.map((o) => o.id)).toEqual(['pcts']);
    expect(changes.organisations.renamed).toEqual([
      expect.objectContaining({ before: 'NHS Commissioning Board', after: 'NHS England' }),
    ]);
    expect(changes.moved).toEqual([
      expect.objectContaining({
        serviceId: 'health-visiting',
        before: [expect.objectContaining({ commissioner: 'pcts' })],
        after: [expect.objectContaining({ commissioner: 'las' })],
      }),
    ]);
    expect(changes.counts).toEqual([expect.objectContaining({ before: undefined, after: 209 })]);
    expect(changes.events.map((e) => e.id)).toEqual(['evt-2013', 'evt-hv']);
  });
});
