/**
 * What the service and organisation panels show, gathered by the pure functions they call, at
 * every month of the real dataset's coverage for every service and every body: nothing throws, and
 * everything a panel links to is a record the dataset has. (Rendering each panel this many times
 * would take minutes; the component tests render the panels on a small fixture.)
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems';
import type { Dataset } from '../../src/data/schema';
import { commissionersOf, monthRange, nameAt, serviceHistory } from '../../src/domain';
import {
  existenceAt,
  fundingAt,
  lineage,
  relationshipsAt,
  servicesCommissionedAt,
} from '../../src/features/orgs/organisation-view';
import { groupByOrganisation, nearestDescribedMonth, uptakeAt } from '../../src/features/services/service-view';
import { loadRealDataset } from '../support/real-dataset';

const result = loadRealDataset();

function dataset(): Dataset {
  if (!result.ok) throw new Error(`the real dataset is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.dataset;
}

const monthsOf = (data: Dataset) => monthRange(data.meta.coverage.from, data.meta.coverage.to);

describe('the panels’ content at every month of the real dataset', () => {
  it('gives every service, at every month, commissioners that are known bodies with a name at that month', () => {
    const data = dataset();
    const organisationIds = new Set(data.organisations.map((organisation) => organisation.id));
    const problems: string[] = [];
    for (const service of data.services) {
      const history = serviceHistory(data, service.id);
      for (const change of history)
        for (const ref of [...change.before, ...change.after])
          if (!organisationIds.has(ref.organisationId)) problems.push(`${service.id}: history names ${ref.organisationId}`);
      for (const month of monthsOf(data)) {
        const commissioners = commissionersOf(data, service.id, month);
        for (const group of groupByOrganisation(commissioners)) {
          if (!group.name) problems.push(`${service.id} @ ${month}: ${group.organisation.id} has no name`);
          for (const entry of group.entries) uptakeAt(entry.record, month);
        }
        const outside = nearestDescribedMonth(service, month);
        if (outside !== undefined && commissioners.some((entry) => entry.status === 'in-force'))
          problems.push(`${service.id} @ ${month}: commissioned outside its own dates`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every body, at every month, a name, and services, relationships, funding and lineage among known records', () => {
    const data = dataset();
    const organisationIds = new Set(data.organisations.map((organisation) => organisation.id));
    const problems: string[] = [];
    for (const organisation of data.organisations) {
      const { predecessors, successors } = lineage(data, organisation);
      for (const other of [...predecessors, ...successors])
        if (other.id === organisation.id) problems.push(`${organisation.id} is its own predecessor or successor`);
      for (const month of monthsOf(data)) {
        const where = `${organisation.id} @ ${month}`;
        if (!nameAt(organisation, month).name) problems.push(`${where}: no name`);
        const alive = existenceAt(organisation, month) === 'in-force';
        for (const { service, records } of servicesCommissionedAt(data, organisation.id, month)) {
          if (records.length === 0) problems.push(`${where}: ${service.id} listed without an arrangement`);
          if (!alive && records.some((record) => record.status === 'in-force'))
            problems.push(`${where}: commissions ${service.id} while it does not exist`);
        }
        for (const group of relationshipsAt(data, organisation.id, month))
          for (const line of group.lines)
            if (!organisationIds.has(line.otherId)) problems.push(`${where}: ${group.label} ${line.otherId}`);
        for (const flow of fundingAt(data, organisation.id, month).flows)
          for (const end of [flow.payer, flow.recipient])
            if (!organisationIds.has(end)) problems.push(`${where}: funding ${flow.id} names ${end}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
