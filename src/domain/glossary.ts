/**
 * Glossary terms in running text: the slug a term is addressed by (#/glossary/<slug>) and a pure
 * splitter that finds glossary terms in a text, so that a component can link them.
 */
import type { GlossaryEntry } from '../data/schema';

/** The address of a term: lower-case letters and digits joined by hyphens ("A&E" → "a-e", "section 75" → "section-75"). */
export function termSlug(term: string): string {
  return term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The address of a glossary entry. */
export function glossaryHref(term: string): string {
  return `#/glossary/${termSlug(term)}`;
}

/** The glossary entry a slug names, if any. */
export function findTermBySlug(glossary: readonly GlossaryEntry[], slug: string): GlossaryEntry | undefined {
  const wanted = termSlug(slug);
  return glossary.find((entry) => termSlug(entry.term) === wanted);
}

/** A piece of a text: plain words, or words that name a glossary entry. */
export type TextSegment = { text: string; entry?: undefined } | { text: string; entry: GlossaryEntry };

/** Finds glossary terms in texts. Built once per glossary (it compiles one regular expression). */
export interface TermMatcher {
  /** The text split into plain and linked pieces; joining every piece's text gives the text back. */
  segment: (text: string, options?: { exclude?: GlossaryEntry }) => TextSegment[];
}

interface Phrase {
  phrase: string;
  entry: GlossaryEntry;
}

/**
 * The phrases that name an entry: its term and, for an acronym, what it stands for without any
 * bracketed remark ("Sustainability and transformation partnership (earlier: plan)" → "… partnership"),
 * so that "clinical commissioning group" links to "CCG". A phrase that is itself a term belongs to that term.
 */
function phrasesOf(glossary: readonly GlossaryEntry[]): Phrase[] {
  const byPhrase = new Map<string, Phrase>();
  for (const entry of glossary) {
    const key = entry.term.toLowerCase();
    if (!byPhrase.has(key)) byPhrase.set(key, { phrase: entry.term, entry });
  }
  for (const entry of glossary) {
    if (!entry.expansion) continue;
    const expansion = entry.expansion.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    const key = expansion.toLowerCase();
    // Only phrases of two or more words: a one-word expansion is too likely to be an ordinary word.
    if (expansion.split(/\s+/).length < 2 || byPhrase.has(key)) continue;
    byPhrase.set(key, { phrase: expansion, entry });
  }
  return [...byPhrase.values()];
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A word with two or more capitals ("CCG", "NHS", "LINk", "A&E") is matched exactly, so "at" never
 * links "AT"; any other word ignores case, so "Commissioning" at the start of a sentence links.
 */
function wordPattern(word: string): string {
  const capitals = word.replace(/[^A-Z]/g, '').length;
  if (capitals >= 2) return escapeForRegExp(word);
  return [...word]
    .map((character) => {
      const lower = character.toLowerCase();
      const upper = character.toUpperCase();
      return lower === upper ? escapeForRegExp(character) : `[${lower}${upper}]`;
    })
    .join('');
}

/** A phrase with its plural: "CCGs", "providers", "local authorities", "GP consortia" stays as it is. */
function phrasePattern(phrase: string): string {
  const words = phrase.split(/\s+/);
  const last = words.pop() ?? '';
  const head = words.map(wordPattern).join('\\s+');
  const lastIsAcronym = last.replace(/[^A-Z]/g, '').length >= 2;
  let lastPattern: string;
  if (lastIsAcronym) lastPattern = `${escapeForRegExp(last)}s?`;
  else if (/[^aeiou]y$/i.test(last)) lastPattern = `${wordPattern(last.slice(0, -1))}(?:[yY]|[iI][eE][sS])`;
  else if (/[a-z]$/i.test(last)) lastPattern = `${wordPattern(last)}(?:[eE]?[sS])?`;
  else lastPattern = wordPattern(last);
  return head ? `${head}\\s+${lastPattern}` : lastPattern;
}

// Whole words only: no letter, digit or joining hyphen just before or after ("co-commissioning"
// is not "commissioning", "ACCG" is not "CCG"); an apostrophe after is fine ("CCG's").
const BEFORE = '(?<![\\p{L}\\p{N}_-])';
const AFTER = '(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])';

const matchers = new WeakMap<readonly GlossaryEntry[], TermMatcher>();

/** The matcher for a glossary, built once and kept while the glossary is. */
export function termMatcherFor(glossary: readonly GlossaryEntry[]): TermMatcher {
  const known = matchers.get(glossary);
  if (known) return known;
  const matcher = buildTermMatcher(glossary);
  matchers.set(glossary, matcher);
  return matcher;
}

export function buildTermMatcher(glossary: readonly GlossaryEntry[]): TermMatcher {
  // Longest phrase first: at any position the alternation takes the first that matches, so
  // "clinical commissioning group" wins over "commissioning".
  const phrases = phrasesOf(glossary).sort((a, b) => b.phrase.length - a.phrase.length);
  if (phrases.length === 0) return { segment: (text) => (text ? [{ text }] : []) };
  const pattern = new RegExp(`${BEFORE}(?:${phrases.map((item) => `(${phrasePattern(item.phrase)})`).join('|')})${AFTER}`, 'gu');

  return {
    segment(text, options = {}) {
      const segments: TextSegment[] = [];
      const linked = new Set<GlossaryEntry>();
      if (options.exclude) linked.add(options.exclude);
      let plainFrom = 0;
      for (const match of text.matchAll(pattern)) {
        // The capture group that matched says which phrase it was.
        const groupIndex = match.findIndex((group, index) => index > 0 && group !== undefined);
        const phrase = phrases[groupIndex - 1];
        // Only the first mention of each entry links: a text full of links is hard to read.
        if (!phrase || linked.has(phrase.entry)) continue;
        linked.add(phrase.entry);
        const start = match.index;
        if (start > plainFrom) segments.push({ text: text.slice(plainFrom, start) });
        segments.push({ text: match[0], entry: phrase.entry });
        plainFrom = start + match[0].length;
      }
      if (plainFrom < text.length) segments.push({ text: text.slice(plainFrom) });
      return segments;
    },
  };
}
