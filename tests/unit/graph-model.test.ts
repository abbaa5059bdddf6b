/**
 * The map's model on the real dataset: who is on the map at a month, how they are linked, and what
 * the filters take away.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems';
import type { Dataset } from '../../src/data/schema';
import {
  DEFAULT_MAP_OPTIONS,
  type MapModel,
  type MapOptions,
  mapModelAt,
  mapModelUnion,
  neighboursOf,
  serviceLabel,
} from '../../src/domain/graph';
import { monthIndex, monthRange } from '../../src/domain/months';
import { loadRealDataset } from '../support/real-dataset';

const result = loadRealDataset();

function dataset(): Dataset {
  if (!result.ok) throw new Error(`the real dataset is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.dataset;
}

const at = (month: string, options: Partial<MapOptions> = {}) =>
  mapModelAt(dataset(), month, { ...DEFAULT_MAP_OPTIONS, ...options });
const nodeIds = (model: MapModel) => model.nodes.map((node) => node.id);
const commissionersOf = (model: MapModel, serviceId: string, status = 'in-force') =>
  model.links
    .filter((link) => link.kind === 'commissions' && link.target === `service:${serviceId}` && link.status === status)
    .map((link) => link.source);

describe('the map at a month', () => {
  it('shows primary care trusts, not clinical commissioning groups, in June 2012', () => {
    const ids = nodeIds(at('2012-06'));
    expect(ids).toContain('primary-care-trusts');
    expect(ids).not.toContain('clinical-commissioning-groups');
  });

  it('shows clinical commissioning groups, not primary care trusts, in April 2013', () => {
    const ids = nodeIds(at('2013-04'));
    expect(ids).toContain('clinical-commissioning-groups');
    expect(ids).not.toContain('primary-care-trusts');
  });

  it('moves health visiting from NHS England (September 2015) to local authorities (October 2015)', () => {
    expect(commissionersOf(at('2015-09'), 'health-visiting')).toEqual(['nhs-england']);
    expect(commissionersOf(at('2015-10'), 'health-visiting')).toEqual(['local-authorities']);
  });

  it('gives a kind of body its count at the month, in its label and its data', () => {
    const ccgs = at('2013-04').nodes.find((node) => node.id === 'clinical-commissioning-groups');
    expect(ccgs).toMatchObject({ type: 'organisation', kind: 'body-type', count: 211, label: 'CCGs · 211' });
    const later = at('2017-06').nodes.find((node) => node.id === 'clinical-commissioning-groups');
    expect(later).toMatchObject({ count: 207, label: 'CCGs · 207' });
  });

  it('names a body as it was called at the month', () => {
    const before = at('2013-01').nodes.find((node) => node.id === 'nhs-england');
    const after = at('2013-04').nodes.find((node) => node.id === 'nhs-england');
    expect(before?.name).toBe('NHS Commissioning Board');
    expect(after?.name).toBe('NHS England');
  });

  it("merges 2015/16's funding of NHS England onto the Department of Health's one funding link to it", () => {
    const model = at('2015-10');
    const links = model.links.filter(
      (link) => link.kind === 'funds' && link.source === 'department-of-health' && link.target === 'nhs-england',
    );
    expect(links).toHaveLength(1);
    const funding = links[0]?.funding ?? [];
    expect(funding.every((figure) => figure.financialYear === '2015/16')).toBe(true);
    expect(funding.map((figure) => figure.amountBn)).toContain(104.4);
    expect(funding.some((figure) => figure.share?.startsWith('over 80 per cent'))).toBe(true);
    expect(links[0]?.id).not.toMatch(/^funding:/);
  });

  it('draws funding with no funds relationship as a funding link of its own', () => {
    const link = at('2013-06').links.find((candidate) => candidate.id === 'funding:nhs-england:local-authorities');
    expect(link).toMatchObject({ kind: 'funds', source: 'nhs-england', target: 'local-authorities' });
    expect(link?.funding.map((figure) => figure.amountBn)).toEqual([0.859]);
    expect(at('2015-10').links.some((candidate) => candidate.id === 'funding:nhs-england:local-authorities')).toBe(false);
  });

  it('keeps money a body spends itself on the body, not as a link to itself', () => {
    const model = at('2015-10');
    expect(model.links.some((link) => link.source === link.target)).toBe(false);
    const nhsEngland = model.nodes.find((node) => node.id === 'nhs-england');
    expect(nhsEngland?.type === 'organisation' && nhsEngland.ownFunding.map((figure) => figure.amountBn)).toEqual([14.6]);
  });

  it('shows proposals and reversals as commissioning links not in force', () => {
    // The GP consortia were a proposal (July 2010 to the listening exercise), never commissioners.
    expect(commissionersOf(at('2011-01'), 'maternity', 'proposed')).toEqual(['gp-consortia']);
    expect(commissionersOf(at('2015-01'), 'renal-dialysis', 'reversed')).toEqual([]);
    expect(commissionersOf(at('2014-11'), 'renal-dialysis', 'reversed')).toEqual(['clinical-commissioning-groups']);
    expect(commissionersOf(at('2011-01'), 'maternity')).toEqual(['primary-care-trusts']);
  });

  it('links only nodes on the map, in every month', () => {
    for (const month of monthRange(dataset().meta.coverage.from, dataset().meta.coverage.to)) {
      const model = at(month);
      const ids = new Set(nodeIds(model));
      expect(ids.size, month).toBe(model.nodes.length);
      for (const link of model.links) {
        expect(ids.has(link.source) && ids.has(link.target), `${month} ${link.id}`).toBe(true);
      }
      expect(new Set(model.links.map((link) => link.id)).size, month).toBe(model.links.length);
    }
  });

  it('labels a service by its name without the bracketed gloss', () => {
    expect(serviceLabel('Health visiting (children aged 0 to 5)')).toBe('Health visiting');
    expect(serviceLabel('NHS 111')).toBe('NHS 111');
    const node = at('2015-10').nodes.find((candidate) => candidate.id === 'service:health-visiting');
    expect(node).toMatchObject({ type: 'service', label: 'Health visiting', level: 'service', category: 'service' });
  });

  it('finds the neighbours of a node', () => {
    const neighbours = neighboursOf(at('2015-10'), 'service:health-visiting');
    expect([...neighbours]).toEqual(['local-authorities']);
  });
});

describe('the filters', () => {
  it('hide the bodies of a category and every link to them', () => {
    const model = at('2015-10', { hiddenCategories: ['regulator'] });
    expect(nodeIds(model)).not.toContain('care-quality-commission');
    expect(model.nodes.some((node) => node.type === 'organisation' && node.category === 'regulator')).toBe(false);
    expect(
      model.links.some((link) => link.source === 'care-quality-commission' || link.target === 'care-quality-commission'),
    ).toBe(false);
  });

  it('hide the links of a kind, funding figures with the funds kind', () => {
    const withoutRegulation = at('2015-10', { hiddenRelationshipKinds: ['regulates'] });
    expect(withoutRegulation.links.some((link) => link.kind === 'regulates')).toBe(false);
    expect(nodeIds(withoutRegulation)).toContain('care-quality-commission');
    const withoutFunding = at('2015-10', { hiddenRelationshipKinds: ['funds'] });
    expect(withoutFunding.links.some((link) => link.kind === 'funds' || link.funding.length > 0)).toBe(false);
    expect(withoutFunding.nodes.every((node) => node.type === 'service' || node.ownFunding.length === 0)).toBe(true);
  });

  it('take the services off the map when services are not shown', () => {
    const model = at('2015-10', { showServices: false });
    expect(model.nodes.some((node) => node.type === 'service')).toBe(false);
    expect(model.links.some((link) => link.kind === 'commissions')).toBe(false);
    // Every service described in October 2015 (Greater Manchester's devolved budget starts in April 2016).
    const described = dataset().services.filter((service) => service.from === null || service.from <= '2015-10');
    expect(at('2015-10').nodes.filter((node) => node.type === 'service')).toHaveLength(described.length);
  });

  it('leave out a service none of whose commissioners is shown', () => {
    // The Ministry of Defence, a government department, provides the armed forces' primary care.
    const model = at('2015-10', { hiddenCategories: ['commissioner', 'government'] });
    expect(model.nodes.some((node) => node.type === 'service')).toBe(false);
  });
});

describe('the union of every month', () => {
  const union = mapModelUnion(dataset());
  const span = (id: string) => union.nodes.find((entry) => entry.node.id === id)?.span;

  it('holds every node and link of every month', () => {
    const nodes = new Set(union.nodes.map((entry) => entry.node.id));
    const links = new Set(union.links.map((entry) => entry.link.id));
    for (const month of ['2010-07', '2012-06', '2013-04', '2015-10', '2018-04']) {
      const model = at(month);
      expect(model.nodes.every((node) => nodes.has(node.id))).toBe(true);
      expect(model.links.every((link) => links.has(link.id))).toBe(true);
    }
    expect(union.nodes).toHaveLength(dataset().organisations.length + dataset().services.length);
  });

  it('knows when each node is on the map: PCTs and CCGs never together', () => {
    expect(span('primary-care-trusts')).toEqual([monthIndex('2010-07'), monthIndex('2013-03')]);
    expect(span('clinical-commissioning-groups')).toEqual([monthIndex('2013-04'), monthIndex('2018-04')]);
  });

  it('sizes a node by its longest label of any month', () => {
    const ccgs = union.nodes.find((entry) => entry.node.id === 'clinical-commissioning-groups');
    expect(ccgs?.longestLabel).toMatch(/^CCGs · \d{3}$/);
  });
});
