/**
 * The words of the funding view: what a figure is, read aloud or shown on hover, built only from
 * the data (names, amounts, bases, shares, source titles). Pure, so the words are tested.
 */
import type { Dataset, FundingFlow } from '../../data/schema';
import { BASIS_LABELS, type FundingPair, type MissingFlow } from '../../domain/funding';
import { formatBillions } from '../../lib/words';

export type NameOf = (organisation: string) => string;

/** A figure in a few words: "£104.4bn allocation" or "a share: over 80 per cent of …". */
export function figureWords(flow: FundingFlow): string {
  if (flow.amountBn === undefined) return `a share, not an amount: ${flow.share ?? ''}`;
  const share = flow.share ? ` (${flow.share})` : '';
  return `${formatBillions(flow.amountBn)} ${flow.basis}${share}`;
}

/** "HM Treasury to Department of Health", or for a body's own money "NHS England's own money". */
export function pairWords(pair: { payer: string; recipient: string }, nameOf: NameOf): string {
  if (pair.payer === pair.recipient) return `${nameOf(pair.payer)}, money it keeps or spends itself`;
  return `${nameOf(pair.payer)} to ${nameOf(pair.recipient)}`;
}

/** The titles of the sources a set of figures cites, each once, in citation order. */
export function sourceTitles(flows: readonly FundingFlow[], dataset: Pick<Dataset, 'sources'>): string[] {
  const byId = new Map(dataset.sources.map((source) => [source.id, source]));
  const titles: string[] = [];
  for (const flow of flows)
    for (const citation of flow.sources) {
      const title = byId.get(citation.id)?.title ?? citation.id;
      if (!titles.includes(title)) titles.push(title);
    }
  return titles;
}

/** The accessible name of a drawn link: every figure, its year and basis, what is drawn, and the sources. */
export function pairDescription(
  pair: FundingPair,
  financialYear: string,
  nameOf: NameOf,
  dataset: Pick<Dataset, 'sources'>,
): string {
  const parts = [`${pairWords(pair, nameOf)}, ${financialYear}:`];
  const [first, ...others] = pair.flows;
  if (first) {
    if (pair.drawn)
      parts.push(`${formatBillions(first.amountBn ?? 0)}, ${BASIS_LABELS[first.basis]}${first.share ? `, ${first.share}` : ''}.`);
    else parts.push(`a share, not an amount: ${first.share ?? ''}; drawn not to scale.`);
  }
  for (const other of others)
    parts.push(
      `Also given, not added: ${other.amountBn === undefined ? `as a share, ${other.share ?? ''}` : `${formatBillions(other.amountBn)}, ${BASIS_LABELS[other.basis]}`}.`,
    );
  if (pair.flows.some((flow) => flow.contested)) parts.push('Sources differ.');
  parts.push(`Source: ${sourceTitles(pair.flows, dataset).join('; ')}.`);
  return parts.join(' ');
}

/** The accessible name of a gap: no figure this year, and the years that have one. */
export function missingDescription(gap: MissingFlow, financialYear: string, nameOf: NameOf): string {
  return `${pairWords(gap, nameOf)}: no figure in the dataset for ${financialYear}. Figures are given for ${gap.yearsWithFigures.join(', ')}.`;
}
