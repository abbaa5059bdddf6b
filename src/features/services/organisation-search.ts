/** Organisations whose names resemble an unknown id, for the "not found" panel (fuse.js does the matching). */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Organisation } from '../../data/schema';
import { normaliseQuery } from './service-search';

const OPTIONS: IFuseOptions<Organisation> = {
  keys: [
    { name: 'name', weight: 3 },
    { name: 'shortName', weight: 2 },
    // earlier and later names: "NHS Commissioning Board" finds NHS England
    { name: 'names.name', weight: 2 },
    { name: 'names.shortName', weight: 1 },
    { name: 'id', weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
};

export function suggestOrganisations(organisations: readonly Organisation[], text: string, limit = 5): Organisation[] {
  const query = normaliseQuery(text.replace(/[-_+./]+/g, ' '));
  if (query === '') return [];
  const found = new Fuse(organisations, OPTIONS).search(query, { limit });
  if (found.length > 0) return found.map((result) => result.item);
  return new Fuse(organisations, { ...OPTIONS, threshold: 0.5 }).search(query, { limit }).map((result) => result.item);
}
