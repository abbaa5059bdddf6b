/** The glossary as a page shows it: in alphabetical order, grouped by first letter, filtered by a search. */
import type { GlossaryEntry } from '../../data/schema';

export const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** The entries in alphabetical order, ignoring case ("A&E", "accountable care…", "ACO"). */
export function sortGlossary(glossary: readonly GlossaryEntry[]): GlossaryEntry[] {
  return [...glossary].sort((a, b) => collator.compare(a.term, b.term));
}

/** The letter an entry is filed under: its first letter, or "#" for a digit or sign. */
export function letterOf(entry: GlossaryEntry): string {
  const first = entry.term.normalize('NFKD').charAt(0).toUpperCase();
  return ALPHABET.includes(first) ? first : '#';
}

export interface LetterGroup {
  letter: string;
  entries: GlossaryEntry[];
}

/** Sorted entries grouped by letter, in the order of the letters. */
export function groupByLetter(sorted: readonly GlossaryEntry[]): LetterGroup[] {
  const groups: LetterGroup[] = [];
  for (const entry of sorted) {
    const letter = letterOf(entry);
    const last = groups.at(-1);
    if (last && last.letter === letter) last.entries.push(entry);
    else groups.push({ letter, entries: [entry] });
  }
  return groups;
}

/**
 * The entries whose term, expansion or meaning contain every word of the search (ignoring case
 * and accents); an empty search keeps them all.
 */
export function filterGlossary(entries: readonly GlossaryEntry[], query: string): GlossaryEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const haystack = fold([entry.term, entry.expansion ?? '', entry.meaning].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
