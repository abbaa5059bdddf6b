/**
 * The real dataset: it passes every rule, and the domain functions answer as the sources say.
 */
import { describe, expect, it } from 'vitest';
import { checkQuotes } from '../../src/data/integrity';
import { formatProblem } from '../../src/data/problems';
import type { Dataset } from '../../src/data/schema';
import { changesBetween, commissionersOf, monthRange, nameAt, serviceHistory, snapshotAt } from '../../src/domain';
import { loadRealDataset, needsSources, readSourceDocuments, SKIP_SOURCE_TESTS, SOURCES_DIR } from '../support/real-dataset';

const result = loadRealDataset();

function dataset(): Dataset {
  if (!result.ok) throw new Error(`the real dataset is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.dataset;
}

const commissionerIds = (serviceId: string, month: string, status = 'in-force') =>
  commissionersOf(dataset(), serviceId, month)
    .filter((c) => c.status === status)
    .map((c) => c.organisation.id);

describe('the real dataset', () => {
  it('passes the schema and every integrity rule', () => {
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it.skipIf(SKIP_SOURCE_TESTS)(needsSources('quotes the five documents word for word'), () => {
    const documents = readSourceDocuments();
    expect(documents.size, `expects the five source documents in ${SOURCES_DIR}`).toBe(5);
    expect(checkQuotes(dataset(), documents).map(formatProblem)).toEqual([]);
  });

  it('covers July 2010 to April 2018 with at least 35 services, each cited', () => {
    const data = dataset();
    expect(data.meta.coverage).toEqual({ from: '2010-07', to: '2018-04' });
    expect(data.services.length).toBeGreaterThanOrEqual(35);
    for (const id of [
      'general-practice',
      'dental',
      'community-pharmacy',
      'eye-care',
      'health-visiting',
      'school-nursing',
      'sexual-health',
      'adult-social-care',
      'nhs-111',
      'maternity',
      'renal-dialysis',
    ]) {
      expect(data.services.map((s) => s.id)).toContain(id);
    }
  });

  it('gives every service a commissioner in force in every month of the coverage', () => {
    const data = dataset();
    for (const month of monthRange(data.meta.coverage.from, data.meta.coverage.to)) {
      const served = new Set(snapshotAt(data, month).commissioning.map((c) => c.service));
      const alive = data.services.filter((s) => (s.from === null || s.from <= month) && (s.to === null || s.to >= month));
      expect(alive.filter((s) => !served.has(s.id)).map((s) => `${s.id} @ ${month}`)).toEqual([]);
    }
  });
});

describe('what the sources say, answered by the domain functions', () => {
  it('health visiting: primary care trusts in 2012, NHS England from April 2013, local authorities from October 2015', () => {
    expect(commissionerIds('health-visiting', '2012-06')).toEqual(['primary-care-trusts']);
    expect(commissionerIds('health-visiting', '2013-04')).toEqual(['nhs-england']);
    expect(commissionerIds('health-visiting', '2015-09')).toEqual(['nhs-england']);
    expect(commissionerIds('health-visiting', '2015-10')).toEqual(['local-authorities']);
    const moves = serviceHistory(dataset(), 'health-visiting').filter((change) => change.kind === 'change');
    expect(moves.map((change) => change.month)).toEqual(['2013-04', '2015-10']);
    expect(moves.every((change) => change.sources.length > 0)).toBe(true);
  });

  it('general practice: NHS England alone from April 2013, co-commissioning with CCGs from April 2015', () => {
    expect(commissionerIds('general-practice', '2014-06')).toEqual(['nhs-england']);
    expect(commissionerIds('general-practice', '2015-04')).toEqual(
      expect.arrayContaining(['nhs-england', 'clinical-commissioning-groups']),
    );
    const ccgs = commissionersOf(dataset(), 'general-practice', '2015-04').find(
      (c) => c.organisation.id === 'clinical-commissioning-groups',
    );
    expect(ccgs?.role).toBe('co-commissioning');
    expect(ccgs?.record.uptake).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'delegated', count: 64, asOf: '2015-04' }),
        expect.objectContaining({ level: 'joint', count: 87, asOf: '2015-04' }),
      ]),
    );
  });

  it('dental, community pharmacy and eye care stay with NHS England after co-commissioning arrives', () => {
    for (const service of ['dental', 'community-pharmacy', 'eye-care'])
      expect(commissionerIds(service, '2016-04')).toEqual(['nhs-england']);
  });

  it('NHS England is the NHS Commissioning Board before it took that name', () => {
    const nhse = dataset().organisations.find((o) => o.id === 'nhs-england')!;
    expect(nhse.from).toBe('2012-10');
    expect(nameAt(nhse, '2012-10').name).toBe('NHS Commissioning Board');
    expect(nameAt(nhse, '2016-01').name).toBe('NHS England');
    expect(snapshotAt(dataset(), '2012-09').organisations.map((o) => o.organisation.id)).not.toContain('nhs-england');
  });

  it('April 2013: primary care trusts and strategic health authorities end; CCGs and Public Health England begin', () => {
    const changes = changesBetween(dataset(), '2013-03', '2013-04');
    const ended = changes.organisations.ended.map((o) => o.id);
    const started = changes.organisations.started.map((o) => o.id);
    expect(ended).toEqual(expect.arrayContaining(['primary-care-trusts', 'strategic-health-authorities']));
    expect(started).toEqual(expect.arrayContaining(['clinical-commissioning-groups', 'public-health-england']));
    expect(changes.moved.map((m) => m.serviceId)).toEqual(
      expect.arrayContaining(['health-visiting', 'sexual-health', 'general-practice']),
    );
  });

  it('counts CCGs as the sources give them: 211 when they began', () => {
    const ccgs = snapshotAt(dataset(), '2013-04').organisations.find(
      (o) => o.organisation.id === 'clinical-commissioning-groups',
    );
    expect(ccgs?.count?.count).toBe(211);
  });

  it('public health services such as sexual health move from the NHS to local authorities in April 2013', () => {
    expect(commissionerIds('sexual-health', '2013-03')).toEqual(['primary-care-trusts']);
    expect(commissionerIds('sexual-health', '2013-04')).toEqual(['local-authorities']);
  });
});
