/**
 * Integrity rules that a schema cannot express: they look across records and files.
 * Each rule is its own function returning problems, so tests can prove each one separately; they
 * live in integrity-records, integrity-commissioning and integrity-text, and this module is their entry.
 */
import { citationsOf, type Rule } from './integrity-helpers';
import {
  eventsMatchRecords,
  fundingBetweenLiveBodies,
  noContradictoryCommissioning,
  scopesDescribeSplits,
  servicesAlwaysCommissioned,
  tourMatchesDataset,
} from './integrity-commissioning';
import { citedSourcesExist, periodsInOrder, referencesExist, uniqueIds, withinLifetimes } from './integrity-records';
import { acronymsExplained, acronymsIn, checkQuotes } from './integrity-text';
import type { DataProblem } from './problems';
import type { Dataset } from './schema';

export { acronymsIn, checkQuotes, citationsOf };
export {
  acronymsExplained,
  citedSourcesExist,
  eventsMatchRecords,
  fundingBetweenLiveBodies,
  noContradictoryCommissioning,
  periodsInOrder,
  referencesExist,
  scopesDescribeSplits,
  servicesAlwaysCommissioned,
  tourMatchesDataset,
  uniqueIds,
  withinLifetimes,
};

export const INTEGRITY_RULES = {
  uniqueIds,
  referencesExist,
  citedSourcesExist,
  periodsInOrder,
  withinLifetimes,
  servicesAlwaysCommissioned,
  noContradictoryCommissioning,
  scopesDescribeSplits,
  eventsMatchRecords,
  fundingBetweenLiveBodies,
  acronymsExplained,
  tourMatchesDataset,
} satisfies Record<string, Rule>;

export function checkIntegrity(dataset: Dataset): DataProblem[] {
  return Object.values(INTEGRITY_RULES).flatMap((rule) => rule(dataset));
}
