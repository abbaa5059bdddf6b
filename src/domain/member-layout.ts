/**
 * The map's named CCGs (issue 13): where each CCG sits when the map's "CCGs" kind is opened into
 * its members, for all of England and for each council's area. Computed ahead of time
 * (scripts/places/build-places.ts writes data/places/members.json; `npm run check:data` and a unit
 * test say when it is stale), read by the browser, which only looks positions up.
 *
 * Positions are cells of a grid (column, row). A CCG keeps its cell while it is open. A CCG formed
 * by a merger sits where its predecessors were: in the predecessor's cell nearest to their
 * centroid, freed when they close (so that the merger is drawn as the predecessors moving into
 * it). A successor that opened while its predecessors were still open (NHS Newcastle Gateshead
 * CCG's ODS record opens in November 2014, its three predecessors close in March 2015) gets a cell
 * of its own, next to theirs. England's cells follow the sustainability and transformation
 * partnership (STP) of each CCG's area, so that neighbours (and merging CCGs) sit together; a
 * council's cells are in name order, one column.
 *
 * Pure and deterministic: the same place data gives the same file.
 */
import type { CcgRecord, PlacesFile } from '../data/places-schema';
import { addMonths, compareMonths, type MonthString } from './months';
import { ccgNameAt, ccgsCoveringAuthority, indexPlaces, isCcgOpen, type PlacesIndex, successorsAt } from './places';

export const MEMBER_LAYOUT_VERSION = 1;
/** England's grid: this many columns (212 cells make 16 rows). */
export const ENGLAND_COLUMNS = 14;
/** The scope value for all of England (the address's `members=england`). */
export const ENGLAND = 'england';

export interface MemberGrid {
  columns: number;
  rows: number;
  /** CCG ODS code → [column, row] */
  cells: Record<string, [number, number]>;
}

export interface MemberLayoutFile {
  version: typeof MEMBER_LAYOUT_VERSION;
  /** a fingerprint of the place data the layout was computed from */
  fingerprint: string;
  /** the months the layout covers (the place data's period) */
  period: { from: MonthString; to: MonthString };
  england: MemberGrid;
  /** council code → the grid of the CCGs that covered it at any month of the period */
  places: Record<string, MemberGrid>;
}

/** FNV-1a over the text: a short, stable fingerprint (not a security hash). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let at = 0; at < text.length; at += 1) {
    hash ^= text.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** What the member layout depends on: the CCGs (dates, successors, names, STPs) and the councils' cover. */
export function memberFingerprint(places: PlacesFile): string {
  return `${MEMBER_LAYOUT_VERSION}-${fnv1a(JSON.stringify([places.period, places.lists, places.ccgs, places.authorities]))}`;
}

/** Every month of the period, "YYYY-MM", in order. */
export function monthsOf(period: { from: MonthString; to: MonthString }): MonthString[] {
  const months: MonthString[] = [];
  for (let month = period.from; compareMonths(month, period.to) <= 0; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The CCGs that merged directly into `code` (their successor). */
function predecessorsOf(index: PlacesIndex, code: string): CcgRecord[] {
  return (index.predecessors.get(code) ?? []).map((previous) => index.ccgs.get(previous)).filter((ccg) => ccg !== undefined);
}

/** Whether the CCG's predecessors had all closed before it opened (so it can take one of their cells). */
function opensAfterPredecessors(ccg: CcgRecord, predecessors: readonly CcgRecord[]): boolean {
  return predecessors.length > 0 && predecessors.every((previous) => previous.to !== null && previous.to < ccg.from);
}

/**
 * Lays `ordered` out in a grid of `columns`, in reading order, except that a successor whose
 * predecessors all closed before it opened takes the predecessor's cell nearest their centroid.
 * `ordered` lists CCGs so that successors come after their predecessors.
 */
function gridOf(index: PlacesIndex, ordered: readonly CcgRecord[], columns: number): MemberGrid {
  const cells: Record<string, [number, number]> = {};
  const inherited = new Set<string>();
  let next = 0;
  const included = new Set(ordered.map((ccg) => ccg.code));
  for (const ccg of ordered) {
    const predecessors = predecessorsOf(index, ccg.code).filter((previous) => included.has(previous.code));
    const placed = predecessors.map((previous) => cells[previous.code]).filter((cell) => cell !== undefined);
    if (opensAfterPredecessors(ccg, predecessors) && placed.length === predecessors.length) {
      const cx = placed.reduce((sum, [column]) => sum + column, 0) / placed.length;
      const cy = placed.reduce((sum, [, row]) => sum + row, 0) / placed.length;
      const nearest = placed
        .filter(([column, row]) => !inherited.has(`${column},${row}`))
        .sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy) || a[1] - b[1] || a[0] - b[0])[0];
      if (nearest) {
        cells[ccg.code] = [nearest[0], nearest[1]];
        inherited.add(`${nearest[0]},${nearest[1]}`);
        continue;
      }
    }
    cells[ccg.code] = [next % columns, Math.floor(next / columns)];
    next += 1;
  }
  return { columns, rows: Math.max(1, Math.ceil(next / columns)), cells };
}

/** The STP (code) of a CCG's area: its own in the latest STP lookup, or its successors'. */
function stpOf(index: PlacesIndex, ccg: CcgRecord): string {
  const years = Object.keys(ccg.stp ?? {}).sort();
  const latest = years.at(-1);
  const own = latest ? ccg.stp?.[latest]?.[0] : undefined;
  if (own) return own;
  for (const next of ccg.successors ?? []) {
    const successor = index.ccgs.get(next);
    if (successor) return stpOf(index, successor);
  }
  return '~';
}

/** CCGs in an order where each successor comes after its predecessors, grouped by `key`, by name within a group. */
function ordered(index: PlacesIndex, ccgs: readonly CcgRecord[], key: (ccg: CcgRecord) => string): CcgRecord[] {
  const name = (ccg: CcgRecord) => ccgNameAt(index, ccg, ccg.from).replace(/^NHS /, '');
  // A merger's CCGs side by side: ordered by the name of the CCG they end in, then by their own.
  const last = (ccg: CcgRecord): CcgRecord => {
    const next = ccg.successors?.[0];
    const successor = next ? index.ccgs.get(next) : undefined;
    return successor ? last(successor) : ccg;
  };
  const sorted = [...ccgs].sort(
    (a, b) =>
      key(a).localeCompare(key(b)) ||
      name(last(a)).localeCompare(name(last(b))) ||
      a.from.localeCompare(b.from) ||
      name(a).localeCompare(name(b)) ||
      a.code.localeCompare(b.code),
  );
  // Successors after all their predecessors (a stable pass: a successor waits for its predecessors).
  const result: CcgRecord[] = [];
  const done = new Set<string>();
  const pending = [...sorted];
  while (pending.length > 0) {
    const at = pending.findIndex((ccg) =>
      predecessorsOf(index, ccg.code).every((previous) => done.has(previous.code) || !pending.includes(previous)),
    );
    const [ccg] = pending.splice(at < 0 ? 0 : at, 1);
    if (!ccg) break;
    result.push(ccg);
    done.add(ccg.code);
  }
  return result;
}

/** The CCGs open at some month of the period. */
function ccgsOfPeriod(index: PlacesIndex): CcgRecord[] {
  const { from, to } = index.file.period;
  return index.file.ccgs.filter((ccg) => ccg.from <= to && (ccg.to === null || ccg.to >= from));
}

/** The CCGs that covered the council at any month of the period (as ccgsCoveringAuthority gives them). */
function ccgsOfPlace(index: PlacesIndex, code: string, months: readonly MonthString[]): CcgRecord[] {
  const found = new Map<string, CcgRecord>();
  for (const month of months)
    for (const cover of ccgsCoveringAuthority(index, code, month)?.ccgs ?? []) found.set(cover.ccg.code, cover.ccg);
  return [...found.values()];
}

/** The member layout of the place data (see the module's comment). */
export function computeMemberLayout(places: PlacesFile): MemberLayoutFile {
  const index = indexPlaces(places);
  const months = monthsOf(places.period);
  const england = gridOf(
    index,
    ordered(index, ccgsOfPeriod(index), (ccg) => stpOf(index, ccg)),
    ENGLAND_COLUMNS,
  );
  const grids: Record<string, MemberGrid> = {};
  for (const authority of [...places.authorities].sort((a, b) => a.code.localeCompare(b.code))) {
    const members = ccgsOfPlace(index, authority.code, months);
    grids[authority.code] = gridOf(
      index,
      ordered(index, members, () => ''),
      1,
    );
  }
  return {
    version: MEMBER_LAYOUT_VERSION,
    fingerprint: memberFingerprint(places),
    period: { ...places.period },
    england,
    places: grids,
  };
}

/** One named CCG drawn at a month. */
export interface MemberAt {
  code: string;
  /** its name at the month */
  name: string;
  column: number;
  row: number;
  /** the CCGs it merged into (ODS codes), where it closes */
  successors: readonly string[];
  /** for a council's area: the share of the council's small areas (LSOAs) in it, when the lookups say */
  share: number | null;
}

/** The members of a scope at a month: what the map draws. */
export interface MembersAt {
  scope: string;
  month: MonthString;
  grid: MemberGrid;
  members: MemberAt[];
}

/** The grid of a scope (`england` or a council's code), undefined for an unknown council. */
export function gridOfScope(layout: MemberLayoutFile, scope: string): MemberGrid | undefined {
  return scope === ENGLAND ? layout.england : layout.places[scope];
}

/**
 * The named CCGs of a scope at a month, each at its cell: all open CCGs for England; the CCGs
 * covering the council for a council. Empty outside the place data's period (before April 2013).
 */
export function membersAt(
  index: PlacesIndex,
  layout: MemberLayoutFile,
  scope: string,
  month: MonthString,
): MembersAt | undefined {
  const grid = gridOfScope(layout, scope);
  if (!grid) return undefined;
  const inPeriod = month >= index.file.period.from && month <= index.file.period.to;
  const chosen: { ccg: CcgRecord; share: number | null }[] = !inPeriod
    ? []
    : scope === ENGLAND
      ? index.file.ccgs.filter((ccg) => isCcgOpen(ccg, month)).map((ccg) => ({ ccg, share: null }))
      : (ccgsCoveringAuthority(index, scope, month)?.ccgs ?? []).map((cover) => ({
          ccg: cover.ccg,
          share: cover.shareOfAuthority,
        }));
  const members: MemberAt[] = [];
  for (const { ccg, share } of chosen) {
    const cell = grid.cells[ccg.code];
    if (!cell) continue;
    members.push({
      code: ccg.code,
      name: ccgNameAt(index, ccg, month),
      column: cell[0],
      row: cell[1],
      successors: ccg.successors ?? [],
      share,
    });
  }
  members.sort((a, b) => a.row - b.row || a.column - b.column || a.code.localeCompare(b.code));
  return { scope, month, grid, members };
}

/** Where a closed CCG's area went at the month: its successors open then (following chains of mergers). */
export function mergedInto(index: PlacesIndex, code: string, month: MonthString): string[] {
  const ccg = index.ccgs.get(code);
  if (!ccg || isCcgOpen(ccg, month)) return [];
  return successorsAt(index, code, month).map((successor) => successor.code);
}
