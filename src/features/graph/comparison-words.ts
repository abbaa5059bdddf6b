/**
 * The comparison map in words: what each mark means, and what changed for each node and link, for
 * the legend, the nodes' accessible names, the caption and the text alternative. All of it is read
 * from the comparison model (and so from the data); nothing here adds a fact.
 */
import { ROLE_WORDS, STATUS_WORDS } from '../../components/commissioning-words';
import type { MapChange, MapComparisonModel, MapLink, MapLinkComparison, MapNode, MapNodeComparison } from '../../domain/graph';
import { formatMonth } from '../../domain/months';
import { linkSentence } from './encodings';
import { joinWords } from '../../components/words';

export { CHANGE_BADGES } from './encodings';

export const CHANGE_HEADINGS: Record<MapChange, string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  unchanged: 'Unchanged',
};

/** "Local authorities (sole commissioner)", "proposed, not in force: Clinical commissioning groups (co-commissioning)". */
function arrangementWords(link: MapLink, nameOf: (id: string) => string): string {
  const role = link.role ? ` (${ROLE_WORDS[link.role]})` : '';
  const status = link.status === 'in-force' ? '' : `${STATUS_WORDS[link.status]}, not in force: `;
  return `${status}${nameOf(link.source)}${role}`;
}

function countWords(node: MapNode | undefined): string | undefined {
  if (!node || node.type !== 'organisation' || node.count === undefined) return undefined;
  return `${node.countApproximate ? 'about ' : ''}${node.count}`;
}

/** A name for an id at either month: as it is at the second month, or as it was at the first. */
export function namesOf(comparison: MapComparisonModel): (id: string) => string {
  return (id) => {
    const entry = comparison.nodes.get(id);
    return (entry?.after ?? entry?.before)?.name ?? id;
  };
}

/**
 * What changed for a node, in words, without its name: "211 → 209"; "renamed Public Health
 * England"; "commissioned by Primary care trusts (sole commissioner) in June 2012; by Local
 * authorities (sole commissioner) in June 2016". Empty for a node that did not change.
 */
export function nodeChangeDetails(entry: MapNodeComparison, comparison: MapComparisonModel): string[] {
  const { before, after } = entry;
  const nameOf = namesOf(comparison);
  const [fromName, toName] = [formatMonth(comparison.from), formatMonth(comparison.to)];
  const commissioners = (links: readonly MapLink[]) =>
    links.length > 0 ? joinWords(links.map((link) => arrangementWords(link, nameOf))) : 'no one shown';
  if (entry.change === 'changed' && before && after) {
    if (before.type === 'service')
      return [
        `commissioned by ${commissioners(entry.commissioningBefore)} in ${fromName}; by ${commissioners(entry.commissioningAfter)} in ${toName}`,
      ];
    const details: string[] = [];
    if (before.name !== after.name) details.push(`renamed from ${before.name} to ${after.name}`);
    else if (before.label !== after.label && countWords(before) === countWords(after))
      details.push(`shown as ${before.label}, then ${after.label}`);
    const [countBefore, countAfter] = [countWords(before), countWords(after)];
    if (countBefore !== countAfter)
      details.push(`${countBefore ?? 'no count'} in ${fromName} → ${countAfter ?? 'no count'} in ${toName}`);
    return details;
  }
  if (entry.change === 'added' && after?.type === 'service')
    return [`commissioned by ${commissioners(entry.commissioningAfter)} in ${toName}`];
  if (entry.change === 'removed' && before?.type === 'service')
    return [`commissioned by ${commissioners(entry.commissioningBefore)} in ${fromName}`];
  return [];
}

/** The phrase added to a node's accessible name and the caption: "added since June 2012", "changed: 211 in … → 209 in …". */
export function nodeChangeNote(entry: MapNodeComparison, comparison: MapComparisonModel): string {
  const [fromName, toName] = [formatMonth(comparison.from), formatMonth(comparison.to)];
  const details = nodeChangeDetails(entry, comparison);
  const head =
    entry.change === 'added'
      ? `added: on the map in ${toName}, not in ${fromName}`
      : entry.change === 'removed'
        ? `removed: on the map in ${fromName}, not in ${toName}`
        : entry.change;
  return details.length > 0 ? `${head}; ${details.join('; ')}` : head;
}

/** A link as a sentence, with what changed: "…commissions Health visiting; proposed in June 2012, in force in June 2016". */
export function linkChangeSentence(entry: MapLinkComparison, comparison: MapComparisonModel): string {
  const link = entry.after ?? entry.before;
  if (!link) return '';
  const nodeOf = (id: string): MapNode | undefined => {
    const node = comparison.nodes.get(id);
    return node?.after ?? node?.before;
  };
  const source = nodeOf(link.source);
  const target = nodeOf(link.target);
  const sentence = source && target ? linkSentence(link, source, target) : `${link.source} ${link.kind} ${link.target}`;
  if (entry.change !== 'changed' || !entry.before || !entry.after) return sentence;
  const words = (value: MapLink) =>
    [STATUS_WORDS[value.status], value.role ? ROLE_WORDS[value.role] : ''].filter(Boolean).join(', ');
  return `${sentence}; ${words(entry.before)} in ${formatMonth(comparison.from)}, ${words(entry.after)} in ${formatMonth(comparison.to)}`;
}

/** "12 added, 3 removed, 30 changed and 20 unchanged". */
export function changeCountsWords(counts: Record<MapChange, number>): string {
  return `${counts.added} added, ${counts.removed} removed, ${counts.changed} changed and ${counts.unchanged} unchanged`;
}
