// @vitest-environment node
/**
 * The compare page lists what changed between two months (comparisonBetween) and draws the same on
 * the map (mapComparisonModel): the two must agree on which services changed commissioner and which
 * bodies came into being or ended, for any two months.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems';
import type { Dataset } from '../../src/data/schema';
import { comparisonBetween } from '../../src/domain/comparison';
import { type MapLink, mapComparisonModel } from '../../src/domain/graph';
import { compareMonths, monthRange, type MonthString } from '../../src/domain/months';
import { loadRealDataset } from '../support/real-dataset';

const result = loadRealDataset();

function dataset(): Dataset {
  if (!result.ok) throw new Error(`the real dataset is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.dataset;
}

/** Who commissions a service, in force, in what role: what the list calls its commissioners. */
const inForce = (links: readonly MapLink[]) =>
  links
    .filter((link) => link.status === 'in-force')
    .map((link) => `${link.source}/${link.role ?? ''}`)
    .sort()
    .join(', ');

interface Differences {
  servicesOnlyInList: string[];
  servicesOnlyOnMap: string[];
  begunNotAdded: string[];
  endedNotRemoved: string[];
}

function differences(data: Dataset, from: MonthString, to: MonthString): Differences {
  const list = comparisonBetween(data, from, to);
  const map = mapComparisonModel(data, from, to);
  const listed = new Set(list.commissioningChanges.map((change) => `service:${change.service.id}`));
  const marked = new Set(
    [...map.nodes]
      .filter(
        ([id, entry]) =>
          id.startsWith('service:') &&
          entry.change !== 'unchanged' &&
          inForce(entry.commissioningBefore) !== inForce(entry.commissioningAfter),
      )
      .map(([id]) => id),
  );
  // A body that came and went in between is in neither month's map: the list alone can tell it.
  const inBeingAt = (month: MonthString, organisation: { from: string | null; to: string | null }) =>
    (organisation.from === null || compareMonths(organisation.from, month) <= 0) &&
    (organisation.to === null || compareMonths(month, organisation.to) <= 0);
  return {
    servicesOnlyInList: [...listed].filter((id) => !marked.has(id)),
    servicesOnlyOnMap: [...marked].filter((id) => !listed.has(id)),
    begunNotAdded: list.organisationsStarted
      .filter(({ organisation }) => inBeingAt(to, organisation) && map.nodes.get(organisation.id)?.change !== 'added')
      .map(({ organisation }) => organisation.id),
    endedNotRemoved: list.organisationsEnded
      .filter(({ organisation }) => inBeingAt(from, organisation) && map.nodes.get(organisation.id)?.change !== 'removed')
      .map(({ organisation }) => organisation.id),
  };
}

const NONE: Differences = { servicesOnlyInList: [], servicesOnlyOnMap: [], begunNotAdded: [], endedNotRemoved: [] };

describe("the compare page's list and map", () => {
  it('agree across the 2013 reforms and the 2015 move of health visiting', () => {
    const data = dataset();
    expect(differences(data, '2013-03', '2013-04')).toEqual(NONE);
    expect(differences(data, '2015-09', '2015-10')).toEqual(NONE);
    expect(differences(data, '2012-06', '2016-06')).toEqual(NONE);
    // The example is not empty: the list and the map both show the services that moved.
    expect(comparisonBetween(data, '2013-03', '2013-04').commissioningChanges.length).toBeGreaterThan(10);
  });

  it('agree for any two months a year apart or more, every quarter', () => {
    const data = dataset();
    const quarters = monthRange(data.meta.coverage.from, data.meta.coverage.to).filter((_, index) => index % 3 === 0);
    for (const from of quarters)
      for (const to of quarters)
        if (compareMonths(to, from) >= 12) expect({ from, to, ...differences(data, from, to) }).toEqual({ from, to, ...NONE });
  });
});
