/** What the system looked like at one month: pure functions of the dataset. */
import type { Commissioning, Dataset, FundingFlow, Organisation, OrganisationCount, Relationship } from '../data/schema';
import { financialYearOf, isInPeriod, type MonthString } from './months';
import { countAt, nameAt } from './organisations';

export interface OrganisationAtMonth {
  organisation: Organisation;
  /** the name it went by at that month */
  name: string;
  shortName: string;
  /** how many there were, for a kind of body, where a source gives it */
  count: OrganisationCount | undefined;
}

export interface Snapshot {
  month: MonthString;
  financialYear: string;
  organisations: OrganisationAtMonth[];
  relationships: Relationship[];
  /** commissioning records in force at the month */
  commissioning: Commissioning[];
  /** proposals, pauses and reversals that stood at the month */
  plans: Commissioning[];
  /** funding flows of the month's financial year */
  funding: FundingFlow[];
}

export function snapshotAt(dataset: Dataset, month: MonthString): Snapshot {
  const organisations = dataset.organisations
    .filter((org) => isInPeriod(org, month))
    .map((organisation) => ({ organisation, ...nameAt(organisation, month), count: countAt(organisation, month) }));
  const present = new Set(organisations.map(({ organisation }) => organisation.id));
  const financialYear = financialYearOf(month);
  return {
    month,
    financialYear,
    organisations,
    relationships: dataset.relationships.filter(
      (record) =>
        record.status === 'in-force' && isInPeriod(record, month) && present.has(record.subject) && present.has(record.object),
    ),
    commissioning: dataset.commissioning.filter((record) => record.status === 'in-force' && isInPeriod(record, month)),
    plans: dataset.commissioning.filter((record) => record.status !== 'in-force' && isInPeriod(record, month)),
    funding: dataset.funding.filter((flow) => flow.financialYear === financialYear),
  };
}
