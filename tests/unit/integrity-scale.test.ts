/**
 * The integrity rules read a large dataset in one pass each (a hundred times the data is tens of
 * thousands of records): what they report must not depend on how they get there. Records that share
 * their words are each reported, and a service's months without a commissioner are found however
 * its records fall around its life and the coverage.
 */
import { describe, expect, it } from 'vitest';
import { INTEGRITY_RULES } from '../../src/data/integrity';
import { datasetSchema } from '../../src/data/schema';
import { miniDataset } from '../fixtures/mini-dataset';

function dataset(mutate: (data: ReturnType<typeof miniDataset>) => void) {
  const data = miniDataset();
  mutate(data);
  return datasetSchema.parse(data);
}

describe('the integrity rules at scale', () => {
  it('report every record with an unexplained acronym, also when records share the same words', () => {
    const shared = 'Commissioned with the JSNA in mind.';
    const problems = INTEGRITY_RULES.acronymsExplained(
      dataset((data) => {
        data.services[0]!.description = shared;
        data.services.push({ ...structuredClone(data.services[0]!), id: 'health-visiting-2', name: 'Health visiting 2' });
        data.funding[0]!.description = shared;
      }),
    );
    expect(problems.map((problem) => `${problem.file} ${problem.path}`)).toEqual([
      'data/services.json [0].description',
      'data/services.json [1].description',
      'data/funding.json [0].description',
    ]);
  });

  it('find each run of months without a commissioner, within the service’s life and the coverage', () => {
    const gaps = (mutate: (data: ReturnType<typeof miniDataset>) => void) =>
      INTEGRITY_RULES.servicesAlwaysCommissioned(dataset(mutate)).map((problem) => problem.reason);
    // Two gaps: the first records end early, the last starts late.
    expect(
      gaps((data) => {
        data.commissioning[0]!.to = '2012-06';
        data.commissioning[2]!.from = '2016-01';
      }),
    ).toEqual([
      'the service "health-visiting" has no commissioner in force in July 2012 to March 2013, October 2015 to December 2015',
    ]);
    // A service that ends early needs no commissioner after; one outside the coverage, none at all.
    expect(gaps((data) => void (data.services[0]!.to = '2015-09'))).toEqual([]);
    expect(
      gaps((data) => {
        data.services[0]!.from = '2017-01';
        data.services[0]!.to = '2017-06';
      }),
    ).toEqual([]);
    // A record wholly outside the service's months covers none of them.
    expect(
      gaps((data) => {
        data.commissioning[1]!.from = '2011-01';
        data.commissioning[1]!.to = '2011-06';
      }),
    ).toEqual(['the service "health-visiting" has no commissioner in force in April 2013 to September 2015']);
  });

  it('put a repeated id’s first place into words', () => {
    const problems = INTEGRITY_RULES.uniqueIds(dataset((data) => void (data.services[0]!.id = data.organisations[1]!.id)));
    expect(problems.map((problem) => problem.reason)).toContainEqual(
      expect.stringMatching(/already used \(data\/organisations\.json \[1\]\)/),
    );
  });
});
