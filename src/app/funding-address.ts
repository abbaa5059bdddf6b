/**
 * The funding page's address (#/funding?year=), read as address.ts reads the others: apart from
 * them because it needs the funding domain, which the first view (the map) does not.
 */
import { isEmbedSearch } from '../components/embed';
import { fundingLocation, locationFor } from '../components/routing';
import { type FundingYearCorrection, resolveFundingYear, yearsWithFigures, yearWithMostFigures } from '../domain/funding';
import { financialYearOf, type MonthString } from '../domain/months';
import { type Coverage, echo, type ResolvedBase, type RouteAddress } from './address';

export interface FundingAddress extends ResolvedBase {
  /** the financial year shown ("2015/16") */
  financialYear: string;
  /** the month to move to, or undefined when the month shown already lies in that year */
  month: MonthString | undefined;
}

/** The funding domain's correction of a year, in words. */
export function fundingYearNotice(correction: FundingYearCorrection | null, shown: string, years: readonly string[]) {
  if (!correction) return null;
  const listed = years.length > 0 ? ` (the dataset has figures for ${years.join(', ')})` : '';
  switch (correction.kind) {
    case 'month-year-without-figures':
      return `There are no funding figures in the dataset for ${correction.monthYear}, the financial year of the chosen month. Showing ${shown}, ${correction.shown === 'most-figures' ? 'the year with the most figures' : 'the nearest year with figures'}.`;
    case 'outside-coverage':
      return `The address asked for the financial year ${correction.asked}, which is outside the dataset${listed}. Showing ${shown}, the nearest year with figures.`;
    case 'not-a-financial-year':
      return `The address asked for the year “${echo(correction.asked)}”, which is not a financial year written like 2015-16${listed}. Showing ${shown}, the nearest year with figures.`;
  }
}

/**
 * Reads `?year=` (see resolveFundingYear): `month` is the month shown (the year follows it when the
 * address names none), `years` the years with figures, `opening` the year with the most.
 */
export function resolveFundingAddress(
  search: string,
  month: MonthString,
  coverage: Coverage,
  years: readonly string[],
  opening: string | undefined,
): FundingAddress {
  const params = new URLSearchParams(search);
  const resolved = resolveFundingYear(params.get('year'), month, coverage, years, opening);
  const embed = isEmbedSearch(search);
  return {
    financialYear: resolved.financialYear,
    month: resolved.month,
    notice: fundingYearNotice(resolved.correction, resolved.financialYear, years),
    canonical: fundingLocation(resolved.financialYear, embed),
    embed,
  };
}

/** #/funding?year=: the year is the address's; the month shown stays while it lies in that year. */
export const FUNDING_ADDRESS: RouteAddress<FundingAddress> = {
  read: ({ search }, dataset, month) => {
    const years = yearsWithFigures(dataset.funding);
    const { coverage } = dataset.meta;
    return resolveFundingAddress(search, month ?? coverage.to, coverage, years, yearWithMostFigures(dataset.funding));
  },
  view: ({ month }) => ({ month, selection: null }),
  atMonth: ({ embed }, month) => fundingLocation(financialYearOf(month), embed),
  open: ({ embed }, selection, month) => locationFor(selection, month, embed),
};
