/**
 * Finding a service by what people call it: its name, its synonyms and acronyms (FNP, NCMP,
 * CAMHS, A&E), its id or its category. Fuzzy matching is fuse.js's (Bitap), tolerant of typos
 * such as "helth visting"; this module only chooses the fields, their weights and how loose a
 * match may be.
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import type { Service } from '../../data/schema';
import { SERVICE_CATEGORY_LABELS } from './labels';

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
const MAX_QUERY_LENGTH = 100;

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

export function normaliseQuery(query: string): string {
  return query.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
}

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

export function createServiceSearch(services: readonly Service[]): ServiceSearch {
  const fuse = new Fuse(services, OPTIONS);
  const matches = (query: string): ServiceMatch[] => {
    const text = normaliseQuery(query);
    if (text === '') return [];
    return keepRelevant(fuse.search(text).map(toMatch));
  };
  return {
    matches,
    search: (query) => matches(query).map((match) => match.service),
  };
}

/**
 * Services whose names resemble an unknown id or text ("helth-visting", "camhs"), for a
 * "not found" page: the ordinary search first, then a looser one so that there is usually
 * something to suggest.
 */
export function suggestServices(services: readonly Service[], text: string, limit = 5): Service[] {
  const query = normaliseQuery(text.replace(/[-_+./]+/g, ' '));
  if (query === '') return [];
  const found = createServiceSearch(services).search(query);
  if (found.length > 0) return found.slice(0, limit);
  const loose = new Fuse(services, { ...OPTIONS, threshold: 0.5 });
  return loose
    .search(query, { limit })
    .map((result) => result.item)
    .slice(0, limit);
}
