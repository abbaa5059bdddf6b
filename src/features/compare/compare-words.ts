/** The words the comparison uses: pure, so the summary line and the list are tested without a page. */
import { ROLE_WORDS } from '../../components/commissioning-words';
import { compactName, joinWords } from '../../components/words';
import type { RelationshipKind } from '../../data/schema';
import type { CommissionerAt, Comparison, CountAtMonth } from '../../domain/comparison';
import { formatMonth } from '../../domain/months';
import { plural } from '../../lib/words';

/** Headings for the services' categories, in the order the list shows them. */
export { SERVICE_CATEGORY_LABELS as SERVICE_CATEGORY_HEADINGS } from '../../components/words';
export { compactName, joinWords };

/** A relationship read as a sentence: subject <verb> object. */
export const RELATIONSHIP_VERBS: Record<RelationshipKind, string> = {
  funds: 'funds',
  'commissions-from': 'commissions from',
  'accountable-to': 'is accountable to',
  oversees: 'oversees',
  regulates: 'regulates',
  advises: 'advises',
  supports: 'supports',
  hosts: 'hosts',
  'part-of': 'is part of',
  'sits-on': 'sits on',
  scrutinises: 'scrutinises',
  'partners-with': 'partners with',
};

/** "NHS England", or "NHS England (lead commissioner)" when it is not the sole commissioner. */
export function commissionerWords(commissioner: CommissionerAt): string {
  const name = compactName(commissioner.name);
  return commissioner.role === 'sole' ? name : `${name} (${ROLE_WORDS[commissioner.role]})`;
}

/** The commissioners of one side of a change, or what to say when there are none. */
export function commissionersWords(commissioners: readonly CommissionerAt[]): string {
  return commissioners.length === 0 ? 'no commissioner recorded' : joinWords(commissioners.map(commissionerWords));
}

/** A count at one of the two months, in words, never inventing a figure. */
export function countWords(count: CountAtMonth, side: 'before' | 'after'): string {
  if (count.state === 'not-in-being') return side === 'before' ? 'not yet in being' : 'no longer in being';
  if (count.state === 'unknown') return 'unknown (no source gives a figure)';
  const { figure } = count;
  return `${figure.approximate ? 'about ' : ''}${figure.count} (as of ${formatMonth(figure.asOf)})`;
}

/** "Between June 2012 and June 2016: 18 bodies and arrangements came into being, 12 ended, …" */
export function summaryLine(comparison: Comparison): string {
  const from = formatMonth(comparison.from);
  const to = formatMonth(comparison.to);
  if (comparison.same)
    return `${from} is compared with itself: nothing changes between a month and the same month. Choose two different months.`;
  const parts = [
    `${plural(comparison.organisationsStarted.length, 'body or arrangement', 'bodies and arrangements')} came into being`,
    `${comparison.organisationsEnded.length} ended`,
    `${plural(comparison.commissioningChanges.length, 'service')} changed commissioner`,
    `${plural(comparison.countChanges.length, 'count')} changed`,
  ];
  if (comparison.renamed.length > 0) parts.push(`${plural(comparison.renamed.length, 'body was', 'bodies were')} renamed`);
  return `Between ${from} and ${to}: ${joinWords(parts)}. ${plural(comparison.events.length, 'event')} in between.`;
}

/** The titles of the sources behind everything the comparison lists, each once, for an exported picture's caption. */
export function comparisonSourceTitles(comparison: Comparison, sources: readonly { id: string; title: string }[]): string[] {
  const ids = new Set<string>();
  const add = (citations: readonly { id: string }[]) => citations.forEach((citation) => ids.add(citation.id));
  comparison.organisationsStarted.forEach((change) => add(change.organisation.sources));
  comparison.organisationsEnded.forEach((change) => add(change.organisation.sources));
  comparison.commissioningChanges.forEach((change) => add(change.sources));
  comparison.countChanges.forEach((change) =>
    [change.before, change.after].forEach((count) => (count.state === 'known' ? add(count.figure.sources) : undefined)),
  );
  comparison.events.forEach((event) => add(event.sources));
  const titles = new Map(sources.map((source) => [source.id, source.title]));
  return [...ids].map((id) => titles.get(id) ?? id);
}
