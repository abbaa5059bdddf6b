/**
 * The place finder's options (pure): each option opens one council's place page. A council is one
 * option; a CCG or a primary care trust gives one option for each council it covers (the largest
 * first, at most three), so "Leeds North" offers "NHS Leeds North CCG, in Leeds".
 */
import { findPlaces, type PlacesIndex } from '../../domain/places';

export interface PlaceOption {
  /** unique among the options */
  id: string;
  /** the council, CCG or PCT found */
  name: string;
  /** what it is and which council's page the option opens, e.g. "CCG, in Leeds" */
  detail: string;
  /** the council's code: the option opens #/place/<authority> */
  authority: string;
}

const KIND_WORDS = { authority: 'council', ccg: 'CCG', pct: 'primary care trust (derived, unofficial link)' } as const;

/** The options for a query at a month, best first: at most `limit`. */
export function placeOptions(index: PlacesIndex, query: string, month: string, limit = 8): PlaceOption[] {
  const options: PlaceOption[] = [];
  for (const match of findPlaces(index, query, month, limit)) {
    if (match.kind === 'authority') {
      options.push({ id: `authority-${match.code}`, name: match.name, detail: 'council', authority: match.code });
      continue;
    }
    for (const authority of match.authorities.slice(0, 3)) {
      const council = index.authorities.get(authority)?.name ?? authority;
      options.push({
        id: `${match.kind}-${match.code}-${authority}`,
        name: match.name,
        detail: `${KIND_WORDS[match.kind]}, in ${council}`,
        authority,
      });
    }
  }
  return options.slice(0, limit);
}
