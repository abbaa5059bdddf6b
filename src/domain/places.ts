/**
 * Pure, time-aware functions over the place data (data/places/places.json, issue 13): which CCGs
 * were open at a month, which covered a local authority (and how much of it), where a closed CCG's
 * area went, the PCTs an authority had before April 2013, and finding a place by name or code.
 *
 * Months are "YYYY-MM" strings (they compare as text). CCGs are tracked by ODS code.
 */
import type { AuthorityRecord, CcgRecord, PctRecord, PlaceList, PlacesFile } from '../data/places-schema';

export interface PlacesIndex {
  file: PlacesFile;
  ccgs: ReadonlyMap<string, CcgRecord>;
  authorities: ReadonlyMap<string, AuthorityRecord>;
  pcts: ReadonlyMap<string, PctRecord>;
  /** CCG code → the CCGs whose successor it is */
  predecessors: ReadonlyMap<string, readonly string[]>;
  /** list year → CCG code → number of LSOAs in the CCG (summed over the authorities) */
  ccgLsoas: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** the lists that give coverage, earliest first */
  coverLists: readonly PlaceList[];
}

/** Builds the lookups the functions below use; do it once per loaded file. */
export function indexPlaces(file: PlacesFile): PlacesIndex {
  const predecessors = new Map<string, string[]>();
  for (const ccg of file.ccgs) {
    for (const successor of ccg.successors ?? []) predecessors.set(successor, [...(predecessors.get(successor) ?? []), ccg.code]);
  }
  const ccgLsoas = new Map<string, Map<string, number>>();
  for (const authority of file.authorities) {
    for (const [year, cover] of Object.entries(authority.cover)) {
      const totals = ccgLsoas.get(year) ?? new Map<string, number>();
      for (const [code, count] of cover) totals.set(code, (totals.get(code) ?? 0) + count);
      ccgLsoas.set(year, totals);
    }
  }
  return {
    file,
    ccgs: new Map(file.ccgs.map((ccg) => [ccg.code, ccg])),
    authorities: new Map(file.authorities.map((authority) => [authority.code, authority])),
    pcts: new Map(file.pcts.map((pct) => [pct.code, pct])),
    predecessors,
    ccgLsoas,
    coverLists: file.lists.filter((list) => list.cover).sort((a, b) => a.from.localeCompare(b.from)),
  };
}

/** Is the CCG open during the month (its ODS open and close months included)? */
export function isCcgOpen(ccg: Pick<CcgRecord, 'from' | 'to'>, month: string): boolean {
  return ccg.from <= month && (ccg.to === null || month <= ccg.to);
}

/** The CCGs open at the month, by ODS code. */
export function activeCcgs(index: PlacesIndex, month: string): CcgRecord[] {
  return index.file.ccgs.filter((ccg) => isCcgOpen(ccg, month));
}

/**
 * The CCG's name at the month, as the ONS list in force then spells it (the latest list from that
 * month or before that names the CCG; for a month before its first list, its first list's name),
 * with " CCG" added where the list leaves it out (the 2013 list does).
 */
export function ccgNameAt(index: PlacesIndex, ccg: CcgRecord, month: string): string {
  const lists = [...index.file.lists].sort((a, b) => a.from.localeCompare(b.from));
  let entry: [string, string] | undefined;
  for (const list of lists) {
    const named = ccg.ons[list.year];
    if (!named) continue;
    if (list.from <= month || !entry) entry = named;
    if (list.from > month) break;
  }
  const name = entry?.[1] ?? ccg.code;
  return /\bCCG$/.test(name) ? name : `${name} CCG`;
}

/** The CCG's ONS code at the month (the list in force then), if any list gives one. */
export function ccgOnsCodeAt(index: PlacesIndex, ccg: CcgRecord, month: string): string | undefined {
  const lists = [...index.file.lists].sort((a, b) => a.from.localeCompare(b.from));
  let code: string | undefined;
  for (const list of lists) {
    const named = ccg.ons[list.year];
    if (named && (list.from <= month || !code)) code = named[0];
  }
  return code;
}

/**
 * Where a CCG's area is at the month: the CCG itself while it is open; after it closed, its
 * successor(s) open at that month (following a chain of mergers); before it opened, nothing.
 */
export function successorsAt(index: PlacesIndex, code: string, month: string): CcgRecord[] {
  const ccg = index.ccgs.get(code);
  if (!ccg || month < ccg.from) return [];
  if (isCcgOpen(ccg, month)) return [ccg];
  const found = new Map<string, CcgRecord>();
  for (const next of ccg.successors ?? []) {
    for (const open of successorsAt(index, next, month)) found.set(open.code, open);
  }
  return [...found.values()];
}

/** One CCG covering an authority at a month. */
export interface CcgCover {
  ccg: CcgRecord;
  /** its name at the month */
  name: string;
  /** the authority's LSOAs in the CCG, or null when the lookups cannot say (before April 2015, see `approximate`) */
  lsoas: number | null;
  /** share of the authority's LSOAs in this CCG (0–1), or null */
  shareOfAuthority: number | null;
  /** share of the CCG's LSOAs that lie in this authority (0–1): below 1 when the CCG spans several authorities */
  shareOfCcg: number | null;
}

export interface AuthorityCcgs {
  authority: AuthorityRecord;
  /** the ONS lookup the answer comes from */
  list: PlaceList;
  /**
   * true for months before the first lookup (April 2013 to March 2015): the earliest lookup's
   * areas are used, and a CCG formed by a later merger is replaced by the CCGs it merged, without
   * shares (the lookups do not say how those split the authority).
   */
  approximate: boolean;
  /** the CCGs, the largest share of the authority first */
  ccgs: CcgCover[];
}

/** The lookup in force at the month: the latest from that month or before, else the earliest. */
export function coverListAt(index: PlacesIndex, month: string): PlaceList | undefined {
  let found: PlaceList | undefined;
  for (const list of index.coverLists) if (list.from <= month) found = list;
  return found ?? index.coverLists[0];
}

/**
 * The CCG(s) covering an upper-tier local authority at the month, with shares counted in LSOAs.
 * Undefined for an unknown authority code; an empty list before CCGs existed (April 2013).
 */
export function ccgsCoveringAuthority(index: PlacesIndex, authorityCode: string, month: string): AuthorityCcgs | undefined {
  const authority = index.authorities.get(authorityCode);
  const list = coverListAt(index, month);
  if (!authority || !list) return undefined;
  const approximate = month < list.from;
  const cover = authority.cover[list.year] ?? [];
  const totals = index.ccgLsoas.get(list.year);
  if (month < index.file.period.from) return { authority, list, approximate: false, ccgs: [] };
  const result: CcgCover[] = [];
  const seen = new Set<string>();
  const add = (ccg: CcgRecord, lsoas: number | null) => {
    if (seen.has(ccg.code)) return;
    seen.add(ccg.code);
    const total = totals?.get(ccg.code);
    result.push({
      ccg,
      name: ccgNameAt(index, ccg, month),
      lsoas,
      shareOfAuthority: lsoas === null ? null : lsoas / authority.lsoas,
      shareOfCcg: lsoas === null || !total ? null : lsoas / total,
    });
  };
  for (const [code, lsoas] of cover) {
    const ccg = index.ccgs.get(code);
    if (!ccg) continue;
    if (!approximate) {
      add(ccg, lsoas);
      continue;
    }
    // Before the first lookup: the CCGs that merged into this one, where they were still open.
    const earlier = openPredecessors(index, code, month);
    if (earlier.length > 0) for (const predecessor of earlier) add(predecessor, null);
    else if (isCcgOpen(ccg, month)) add(ccg, lsoas);
  }
  return { authority, list, approximate, ccgs: result };
}

/** The CCGs open at the month that merged, directly or through a chain, into the given one. */
function openPredecessors(index: PlacesIndex, code: string, month: string): CcgRecord[] {
  const found: CcgRecord[] = [];
  for (const previous of index.predecessors.get(code) ?? []) {
    const ccg = index.ccgs.get(previous);
    if (!ccg) continue;
    if (isCcgOpen(ccg, month)) found.push(ccg);
    else found.push(...openPredecessors(index, previous, month));
  }
  return found;
}

/**
 * The sustainability and transformation partnership(s) (STPs; [code, name]) of the CCGs covering
 * the authority at the month, from the ONS CCG → STP lookups (April 2017 and April 2018). For a
 * month before the first lookup, the CCGs are followed to their successors open then: the STP of
 * the area, not a claim that the STP existed at that month.
 */
export function stpsOfAuthority(index: PlacesIndex, authorityCode: string, month: string): [string, string][] {
  const years = [...new Set(index.file.ccgs.flatMap((ccg) => Object.keys(ccg.stp ?? {})))].sort();
  const first = years[0];
  if (!first) return [];
  const year = years.filter((candidate) => `${candidate}-04` <= month).at(-1) ?? first;
  const at = `${year}-04` <= month ? month : `${year}-04`;
  const covering = ccgsCoveringAuthority(index, authorityCode, month < index.file.period.from ? index.file.period.from : month);
  const found = new Map<string, [string, string]>();
  for (const cover of covering?.ccgs ?? []) {
    for (const ccg of successorsAt(index, cover.ccg.code, at)) {
      const stp = ccg.stp?.[year];
      if (stp) found.set(stp[0], stp);
    }
  }
  return [...found.values()].sort((a, b) => a[1].localeCompare(b[1]));
}

/** A PCT linked to an authority through the unofficial PCT → CCG mapping. */
export interface AuthorityPct {
  pct: PctRecord;
  /**
   * An estimate of the share of the authority (0–1) the PCT had: for each CCG covering the
   * authority in the mapping's month, the CCG's share of the authority's LSOAs, split between the
   * PCTs that sent postcodes to that CCG in proportion to the percentage of each PCT's postcodes
   * that went to it (as if the PCTs were of equal size); summed over the CCGs. Derived from an
   * unofficial mapping: an estimate, not a fact. The weights of an authority's PCTs add up to 1.
   */
  weight: number;
  derived: true;
  unofficial: true;
}

/**
 * The primary care trust(s) of an authority before April 2013, derived (unofficially) from the
 * PCT → CCG mapping by postcode share, which names the CCGs of `pctMappingMonth`. Those with a
 * weight of at least `minWeight` (default 0.1), the largest first.
 */
export function pctsOfAuthority(index: PlacesIndex, authorityCode: string, minWeight = 0.1): AuthorityPct[] {
  const covering = ccgsCoveringAuthority(index, authorityCode, index.file.pctMappingMonth);
  if (!covering) return [];
  const perCcg = ccgIntakes(index);
  const weights = new Map<string, number>();
  for (const cover of covering.ccgs) {
    const intake = perCcg.get(cover.ccg.code);
    if (!intake || !cover.shareOfAuthority) continue;
    for (const [pct, percent] of intake.from) {
      weights.set(pct, (weights.get(pct) ?? 0) + (cover.shareOfAuthority * percent) / intake.total);
    }
  }
  const result: AuthorityPct[] = [];
  for (const [code, weight] of weights) {
    const pct = index.pcts.get(code);
    if (pct && weight >= minWeight) result.push({ pct, weight, derived: true, unofficial: true });
  }
  return result.sort((a, b) => b.weight - a.weight || a.pct.name.localeCompare(b.pct.name));
}

const intakes = new WeakMap<PlacesIndex, Map<string, { from: [string, number][]; total: number }>>();

/** For each CCG of the mapping: the PCTs that sent it postcodes, with the percent of each PCT's postcodes. */
function ccgIntakes(index: PlacesIndex): Map<string, { from: [string, number][]; total: number }> {
  let result = intakes.get(index);
  if (!result) {
    result = new Map();
    for (const pct of index.file.pcts) {
      for (const [ccg, percent] of pct.ccgs) {
        const intake = result.get(ccg) ?? { from: [], total: 0 };
        intake.from.push([pct.code, percent]);
        intake.total += percent;
        result.set(ccg, intake);
      }
    }
    intakes.set(index, result);
  }
  return result;
}

/** The PCTs of an authority at the month: those of `pctsOfAuthority` up to their end (March 2013), else none. */
export function pctsOfAuthorityAt(index: PlacesIndex, authorityCode: string, month: string, minWeight = 0.1): AuthorityPct[] {
  return month <= index.file.pctEnd.month ? pctsOfAuthority(index, authorityCode, minWeight) : [];
}

/** One place found by name or code. */
export interface PlaceMatch {
  kind: 'authority' | 'ccg' | 'pct';
  code: string;
  name: string;
  /** the authorities whose page shows this place (an authority: itself), largest share first */
  authorities: string[];
}

function normalise(value: string): string {
  return value
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Finds authorities, CCGs (by any of their names, ODS or ONS codes) and PCTs by plain matching:
 * an exact code first, then names starting with the query, then names containing it.
 */
export function findPlaces(index: PlacesIndex, query: string, month: string, limit = 10): PlaceMatch[] {
  const wanted = normalise(query);
  if (!wanted) return [];
  const scored: { match: PlaceMatch; score: number }[] = [];
  const score = (codes: readonly string[], names: readonly string[]): number => {
    if (codes.some((code) => code.toLowerCase() === wanted)) return 0;
    const normalised = names.map(normalise);
    if (normalised.some((name) => name === wanted)) return 1;
    if (normalised.some((name) => name.startsWith(wanted) || name.replace(/^nhs /, '').startsWith(wanted))) return 2;
    if (normalised.some((name) => name.includes(wanted))) return 3;
    return -1;
  };
  for (const authority of index.file.authorities) {
    const value = score([authority.code], [authority.name]);
    if (value >= 0) {
      scored.push({
        match: { kind: 'authority', code: authority.code, name: authority.name, authorities: [authority.code] },
        score: value,
      });
    }
  }
  for (const ccg of index.file.ccgs) {
    const names = Object.values(ccg.ons);
    const value = score(
      [ccg.code, ...names.map(([ons]) => ons)],
      names.map(([, name]) => name),
    );
    if (value >= 0) {
      scored.push({
        match: {
          kind: 'ccg',
          code: ccg.code,
          name: ccgNameAt(index, ccg, month),
          authorities: authoritiesOfCcg(index, ccg.code),
        },
        score: value + 0.1,
      });
    }
  }
  for (const pct of index.file.pcts) {
    const value = score([pct.code, ...(pct.ods ? [pct.ods] : [])], [pct.name]);
    if (value >= 0) {
      const authorities = index.file.authorities
        .map((authority) => ({ code: authority.code, weight: pctWeight(index, pct, authority.code) }))
        .filter((entry) => entry.weight >= 0.1)
        .sort((a, b) => b.weight - a.weight)
        .map((entry) => entry.code);
      scored.push({ match: { kind: 'pct', code: pct.code, name: `${pct.name} PCT`, authorities }, score: value + 0.2 });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || a.match.name.localeCompare(b.match.name))
    .slice(0, limit)
    .map((entry) => entry.match);
}

/** The authorities a CCG covered in any lookup, the largest number of LSOAs first. */
export function authoritiesOfCcg(index: PlacesIndex, code: string): string[] {
  const best = new Map<string, number>();
  for (const authority of index.file.authorities) {
    for (const cover of Object.values(authority.cover)) {
      for (const [ccg, lsoas] of cover) {
        if (ccg === code) best.set(authority.code, Math.max(best.get(authority.code) ?? 0, lsoas));
      }
    }
  }
  if (best.size === 0) {
    // Closed before the first lookup: where its successors were.
    for (const next of index.ccgs.get(code)?.successors ?? [])
      for (const authority of authoritiesOfCcg(index, next)) best.set(authority, 0);
  }
  return [...best.entries()].sort((a, b) => b[1] - a[1]).map(([authority]) => authority);
}

const pctWeights = new WeakMap<PlacesIndex, Map<string, Map<string, number>>>();

/** The PCT's weight in the authority (see AuthorityPct), computed once per index. */
function pctWeight(index: PlacesIndex, pct: PctRecord, authorityCode: string): number {
  let byAuthority = pctWeights.get(index);
  if (!byAuthority) {
    byAuthority = new Map();
    for (const authority of index.file.authorities) {
      byAuthority.set(
        authority.code,
        new Map(pctsOfAuthority(index, authority.code, 0).map((entry) => [entry.pct.code, entry.weight])),
      );
    }
    pctWeights.set(index, byAuthority);
  }
  return byAuthority.get(authorityCode)?.get(pct.code) ?? 0;
}
