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

/** Finds glossary terms in texts. Built once per glossary. */
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
/** What may not follow a term: a letter, digit or underscore, or a hyphen joining another word. */
const AFTER_NOT = '[\\p{L}\\p{N}_]|-[\\p{L}\\p{N}]';
const AFTER = `(?!${AFTER_NOT})`;

const matchers = new WeakMap<readonly GlossaryEntry[], TermMatcher>();

/** The matcher for a glossary, built once and kept while the glossary is. */
export function termMatcherFor(glossary: readonly GlossaryEntry[]): TermMatcher {
  const known = matchers.get(glossary);
  if (known) return known;
  const matcher = buildTermMatcher(glossary);
  matchers.set(glossary, matcher);
  return matcher;
}

/**
 * One small sticky expression a phrase, tried only where a term can begin, rather than one
 * expression with every phrase in it: that one took tens of milliseconds to compile and run the
 * first time (V8 compiles it whole), in the render of the first text to link terms. The result is
 * the same as that expression's (checked by tests/unit/term-text.test.ts over every text of the
 * real dataset): scanning left to right, at each place a term can start (a character some phrase
 * starts with, with no letter, digit, underscore or hyphen just before), the longest phrase first
 * that matches there (with the whole-word check after it) is the match, and the scan goes on after it.
 */
export function buildTermMatcher(glossary: readonly GlossaryEntry[]): TermMatcher {
  // Longest phrase first: at any position the first that matches wins, so
  // "clinical commissioning group" wins over "commissioning".
  const phrases = phrasesOf(glossary).sort((a, b) => b.phrase.length - a.phrase.length);
  if (phrases.length === 0) return { segment: (text) => (text ? [{ text }] : []) };
  // The phrases by their first character in lower case, in the order above; each one's expression made when first tried.
  const byFirst = new Map<string, Array<{ phrase: Phrase; pattern: string; expression?: RegExp }>>();
  const firstCharacters = new Set<string>();
  for (const phrase of phrases) {
    const first = [...phrase.phrase][0] ?? '';
    firstCharacters.add(first.toLowerCase()).add(first.toUpperCase());
    const key = first.toLowerCase();
    const group = byFirst.get(key) ?? [];
    group.push({ phrase, pattern: phrasePattern(phrase.phrase) });
    byFirst.set(key, group);
  }
  const starts = new RegExp(`${BEFORE}[${[...firstCharacters].map(escapeForClass).join('')}]`, 'gu');
  // The whole-word check after a phrase, shared (Unicode classes make each expression that has
  // them slow to compile). Checking it after the phrase's own match gives what one expression
  // with the check in it gives: a phrase's optional endings ("s", "es", "ies") are letters, so
  // where the longest reading fails the check, a shorter one fails it too.
  const wordGoesOn = new RegExp(AFTER_NOT, 'uy');
  const matchAt = (text: string, index: number, first: string): { phrase: Phrase; length: number } | undefined => {
    for (const candidate of byFirst.get(first.toLowerCase()) ?? []) {
      candidate.expression ??= new RegExp(candidate.pattern, 'uy');
      candidate.expression.lastIndex = index;
      const match = candidate.expression.exec(text);
      if (!match) continue;
      wordGoesOn.lastIndex = index + match[0].length;
      if (!wordGoesOn.test(text)) return { phrase: candidate.phrase, length: match[0].length };
    }
    return undefined;
  };

  function* matchesIn(text: string): Generator<TermMatch> {
    starts.lastIndex = 0;
    for (let start = starts.exec(text); start; start = starts.exec(text)) {
      const found = matchAt(text, start.index, start[0]);
      if (!found) continue;
      // The scan goes on after the match, whether it links or not (as a global expression's would).
      starts.lastIndex = start.index + found.length;
      yield { index: start.index, length: found.length, entry: found.phrase.entry };
    }
  }
  return { segment: (text, options = {}) => segmentsAt(text, matchesIn(text), options.exclude) };
}

function escapeForClass(character: string): string {
  return /[\\\]^-]/.test(character) ? `\\${character}` : character;
}

/**
 * The same matcher as one expression with every phrase in it, as it was first written: the
 * definition buildTermMatcher is checked against (tests/unit/term-text.test.ts), not used by the
 * app (it is slow to compile the first time).
 */
export function buildTermMatcherAsOneExpression(glossary: readonly GlossaryEntry[]): TermMatcher {
  // Longest phrase first: at any position the alternation takes the first that matches.
  const phrases = phrasesOf(glossary).sort((a, b) => b.phrase.length - a.phrase.length);
  if (phrases.length === 0) return { segment: (text) => (text ? [{ text }] : []) };
  const pattern = new RegExp(`${BEFORE}(?:${phrases.map((item) => `(${phrasePattern(item.phrase)})`).join('|')})${AFTER}`, 'gu');

  function* matchesIn(text: string): Generator<TermMatch> {
    for (const match of text.matchAll(pattern)) {
      // The capture group that matched says which phrase it was.
      const phrase = phrases[match.findIndex((group, index) => index > 0 && group !== undefined) - 1];
      if (phrase) yield { index: match.index, length: match[0].length, entry: phrase.entry };
    }
  }
  return { segment: (text, options = {}) => segmentsAt(text, matchesIn(text), options.exclude) };
}

/** Where a phrase was found in a text, and whose it is. */
interface TermMatch {
  index: number;
  length: number;
  entry: GlossaryEntry;
}

/** The text split at its matches (in order): the first match of each entry (other than `exclude`) links, the rest is plain. */
function segmentsAt(text: string, matches: Iterable<TermMatch>, exclude: GlossaryEntry | undefined): TextSegment[] {
  const segments: TextSegment[] = [];
  const linked = new Set<GlossaryEntry>();
  if (exclude) linked.add(exclude);
  let plainFrom = 0;
  for (const { index, length, entry } of matches) {
    // Only the first mention of each entry links: a text full of links is hard to read.
    if (linked.has(entry)) continue;
    linked.add(entry);
    if (index > plainFrom) segments.push({ text: text.slice(plainFrom, index) });
    segments.push({ text: text.slice(index, index + length), entry });
    plainFrom = index + length;
  }
  if (plainFrom < text.length) segments.push({ text: text.slice(plainFrom) });
  return segments;
}
