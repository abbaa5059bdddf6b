/**
 * Loading the place data (data/places/places.json) on demand: fetch, validate against the schema,
 * then check that every code it refers to is defined. Problems are reported like the main
 * dataset's (file, JSON path, reason).
 */
import type { z } from 'zod';
import { type DataProblem, formatPath } from './problems';
import { PLACES_FILE, type PlacesFile, placesFileSchema } from './places-schema';

export type PlacesLoadResult = { ok: true; places: PlacesFile } | { ok: false; problems: DataProblem[] };

export const PLACES_FILE_PATH = `data/places/${PLACES_FILE}`;

/** The rules the schema alone cannot state: codes and source ids that must refer to a record. */
export function checkPlaces(places: PlacesFile): DataProblem[] {
  const problems: DataProblem[] = [];
  const problem = (path: string, reason: string) => problems.push({ file: PLACES_FILE_PATH, path, reason });
  const ccgCodes = new Set(places.ccgs.map((ccg) => ccg.code));
  const sourceIds = new Set(places.sources.map((source) => source.id));
  const listYears = new Set(places.lists.map((list) => list.year));
  const seen = new Set<string>();
  places.ccgs.forEach((ccg, index) => {
    if (seen.has(ccg.code)) problem(`ccgs[${index}].code`, `${ccg.code} appears twice`);
    seen.add(ccg.code);
    if (ccg.to !== null && ccg.to < ccg.from) problem(`ccgs[${index}].to`, 'closes before it opens');
    for (const year of Object.keys(ccg.ons)) if (!listYears.has(year)) problem(`ccgs[${index}].ons.${year}`, 'no such list');
    ccg.successors?.forEach((code, at) => {
      if (!ccgCodes.has(code)) problem(`ccgs[${index}].successors[${at}]`, `no CCG ${code}`);
    });
  });
  places.lists.forEach((list, index) => {
    if (!sourceIds.has(list.source)) problem(`lists[${index}].source`, `no source ${list.source}`);
  });
  places.authorities.forEach((authority, index) => {
    for (const [year, cover] of Object.entries(authority.cover)) {
      if (!listYears.has(year)) problem(`authorities[${index}].cover.${year}`, 'no such list');
      cover.forEach(([code], at) => {
        if (!ccgCodes.has(code)) problem(`authorities[${index}].cover.${year}[${at}]`, `no CCG ${code}`);
      });
    }
  });
  places.mergerNews.forEach((news, index) => {
    if (!ccgCodes.has(news.successor)) problem(`mergerNews[${index}].successor`, `no CCG ${news.successor}`);
  });
  places.pcts.forEach((pct, index) => {
    pct.ccgs.forEach(([code], at) => {
      if (!ccgCodes.has(code)) problem(`pcts[${index}].ccgs[${at}]`, `no CCG ${code}`);
    });
  });
  return problems;
}

/** Validates the parsed JSON of the place file. */
export function parsePlaces(raw: unknown): PlacesLoadResult {
  const result = placesFileSchema.safeParse(raw);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue: z.core.$ZodIssue) => ({
        file: PLACES_FILE_PATH,
        path: formatPath(issue.path),
        reason: issue.message,
      })),
    };
  }
  const problems = checkPlaces(result.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, places: result.data };
}

/** Fetches and validates the place data from `${baseUrl}data/places/places.json`. */
export async function fetchPlaces(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<PlacesLoadResult> {
  const file = PLACES_FILE_PATH;
  try {
    const response = await fetchImpl(`${baseUrl}${file}`);
    if (!response.ok)
      return { ok: false, problems: [{ file, path: '', reason: `could not be loaded (HTTP ${response.status})` }] };
    const text = await response.text();
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { ok: false, problems: [{ file, path: '', reason: `is not valid JSON: ${(error as Error).message}` }] };
    }
    return parsePlaces(raw);
  } catch (error) {
    return { ok: false, problems: [{ file, path: '', reason: `could not be loaded: ${(error as Error).message}` }] };
  }
}
