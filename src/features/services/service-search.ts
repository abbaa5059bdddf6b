/**
 * Finding a service by what people call it: its name, its synonyms and acronyms (FNP, NCMP,
 * CAMHS, A&E), its id or its category. Fuzzy matching and ranking are fuse.js's (Bitap), tolerant
 * of typos such as "helth visting". Bitap also finds a query inside any longer word with a letter
 * or two wrong ("dentist" in "resi-dent-ial"), so each result must also pass a check word by word:
 * every word of the query is, give or take a typo, a word of the service (or the start of one).
 */
import { normaliseQuery } from './query-text';
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import type { Service } from '../../data/schema';
import { SERVICE_CATEGORY_LABELS } from './labels';
import { compareText } from '../../lib/compare-text';

export interface ServiceMatch {
  service: Service;
  /** fuse.js's score: 0 is a perfect match, 1 no match at all */
  score: number;
  /** the synonym or acronym that matched, when the name itself did not (to show why it is listed) */
  matchedSynonym?: string;
}

export interface ServiceSearch {
  /** The services that match, best first; none for an empty query. */
  search(query: string): Service[];
  /** The same, with each match's score and the synonym that matched. */
  matches(query: string): ServiceMatch[];
}

/** Beyond this many characters a query is not a search any more (a pasted paragraph, a crafted address). */

const OPTIONS: IFuseOptions<Service> = {
  keys: [
    { name: 'name', weight: 3 },
    { name: 'synonyms', weight: 2 },
    { name: 'id', weight: 1 },
    { name: 'category', weight: 0.5, getFn: (service) => SERVICE_CATEGORY_LABELS[service.category] },
  ],
  includeScore: true,
  includeMatches: true,
  // A word may be anywhere in a name ("visiting" in "Health visiting (children aged 0 to 5)").
  ignoreLocation: true,
  // 0.3 lets one typo in five characters through ("helth visting", "dentst") while keeping
  // three-letter acronyms exact enough that "A&E" or "FNP" do not match half the list.
  threshold: 0.3,
};

/**
 * Results scoring worse than this matched only faintly in a minor field (a letter pattern in a
 * long synonym) and are noise to a reader, unless nothing better was found.
 */
const WEAK_MATCH_SCORE = 0.65;

export { normaliseQuery };

function toMatch(result: FuseResult<Service>): ServiceMatch {
  const matches = result.matches ?? [];
  const nameMatched = matches.some((match) => match.key === 'name');
  const synonym = nameMatched
    ? undefined
    : matches
        .filter((match) => match.key === 'synonyms' && match.value !== undefined)
        .map((match) => ({
          value: match.value ?? '',
          covered: match.indices.reduce((total, [start, end]) => total + end - start + 1, 0),
        }))
        .sort((a, b) => b.covered - a.covered || a.value.length - b.value.length)[0]?.value;
  return { service: result.item, score: result.score ?? 1, ...(synonym ? { matchedSynonym: synonym } : {}) };
}

function keepRelevant(matches: ServiceMatch[]): ServiceMatch[] {
  const best = matches[0];
  if (!best) return [];
  return matches.filter((match) => match === best || match.score <= WEAK_MATCH_SCORE);
}

// ---------------------------------------------------------------------------------------------
// Word by word

/** Words that say nothing about which service is meant ("dental services", "home care"). */
const GENERIC_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'in', 'on', 'to', 'with', 'service', 'services', 'care']);

/** The words of a text, in lower case, without accents or punctuation ("Children's" → "children", "s"); "A&E" stays one word. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9&]+/)
    .filter((word) => word !== '' && word !== '&');
}

/** Edits (a letter added, left out, changed, or two swapped) between two words: optimal string alignment. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      const above = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The typos a query word may carry: none up to three letters (acronyms are exact), one up to
 * seven ("helth", "visting"), two beyond ("dentistry" for "dentists"). `loose` allows one more
 * in a word of six letters or more, for suggesting the nearest services when nothing matches.
 */
function allowedEdits(word: string, loose: boolean): number {
  const strict = word.length <= 3 ? 0 : word.length <= 7 ? 1 : 2;
  return loose && word.length >= 6 ? strict + 1 : strict;
}

/**
 * Whether a query word is this word of a service, the start of it ("visit", "dent"), inside it
 * (four letters or more: "natal" in "antenatal"), or the word or its start with a few typos. A typo
 * never changes the first letter, which people seldom get wrong ("dental" is not "mental").
 */
function wordMatches(query: string, word: string, loose = false): boolean {
  if (word.startsWith(query)) return true;
  if (query.length >= 4 && word.includes(query)) return true;
  const allowed = allowedEdits(query, loose);
  if (allowed === 0 || query[0] !== word[0]) return false;
  if (editDistance(query, word) <= allowed) return true;
  // A word still being typed, with a typo in it: compare with the word's start of about its length.
  for (const length of [query.length - 1, query.length, query.length + 1]) {
    if (length >= 3 && length < word.length && editDistance(query, word.slice(0, length)) <= allowed) return true;
  }
  return false;
}

/** The words a service can be found by: its name, its other names, its id and its category. */
function searchableWords(service: Service): Set<string> {
  return new Set(
    [service.name, ...service.synonyms, service.id, SERVICE_CATEGORY_LABELS[service.category]].flatMap((text) => wordsOf(text)),
  );
}

/** The words of a query that pick out a service: all of them but the generic ones, unless they are all generic. */
function significantWords(text: string): string[] {
  const words = wordsOf(text);
  const significant = words.filter((word) => !GENERIC_WORDS.has(word));
  return significant.length > 0 ? significant : words;
}

/** Does every significant word of the query match a word of the service? */
function matchesEveryWord(words: ReadonlySet<string>, queryWords: readonly string[]): boolean {
  if (queryWords.length === 0) return false;
  return queryWords.every((query) => [...words].some((word) => wordMatches(query, word)));
}

export function createServiceSearch(services: readonly Service[]): ServiceSearch {
  const fuse = new Fuse(services, OPTIONS);
  const wordsById = new Map(services.map((service) => [service.id, searchableWords(service)]));
  const matches = (query: string): ServiceMatch[] => {
    const text = normaliseQuery(query);
    if (text === '') return [];
    const queryWords = significantWords(text);
    const passes = (service: Service) => matchesEveryWord(wordsById.get(service.id) ?? new Set(), queryWords);
    const found = fuse
      .search(text)
      .map(toMatch)
      .filter((match) => passes(match.service));
    // A service every word of the query matches, which Bitap missed (the words in another order, say), comes after.
    const seen = new Set(found.map((match) => match.service.id));
    const missed = services
      .filter((service) => !seen.has(service.id) && passes(service))
      .map((service): ServiceMatch => {
        const synonym = service.synonyms.find((other) => matchesEveryWord(new Set(wordsOf(other)), queryWords));
        return { service, score: WEAK_MATCH_SCORE, ...(synonym ? { matchedSynonym: synonym } : {}) };
      });
    return keepRelevant([...found, ...missed]);
  };
  return {
    matches,
    search: (query) => matches(query).map((match) => match.service),
  };
}

/**
 * When nothing matches: the services nearest to the query, those with a word that is like one of
 * the query's words give or take one more typo ("hospice" → hospital care), the most words alike
 * first; none when no word is alike (then it is better to suggest nothing than something unrelated).
 */
export function nearestServices(services: readonly Service[], query: string, limit = 3): Service[] {
  const queryWords = significantWords(normaliseQuery(query)).filter((word) => word.length >= 3);
  if (queryWords.length === 0) return [];
  return services
    .map((service) => {
      const words = [...searchableWords(service)];
      const alike = queryWords.filter((query) => words.some((word) => wordMatches(query, word, true))).length;
      return { service, alike };
    })
    .filter((entry) => entry.alike > 0)
    .sort((a, b) => b.alike - a.alike || compareText(a.service.name, b.service.name))
    .slice(0, limit)
    .map((entry) => entry.service);
}

/**
 * Services whose names resemble an unknown id or text ("helth-visting", "camhs"), for a
 * "not found" page: the ordinary search first, then the nearest services by a looser one.
 */
export function suggestServices(services: readonly Service[], text: string, limit = 5): Service[] {
  const query = normaliseQuery(text.replace(/[-_+./]+/g, ' '));
  if (query === '') return [];
  const found = createServiceSearch(services).search(query);
  if (found.length > 0) return found.slice(0, limit);
  return nearestServices(services, query, limit);
}
