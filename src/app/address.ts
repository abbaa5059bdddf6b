/**
 * Reading the address: one resolver per route that takes parameters, each returning what the view
 * shows, the address's canonical form, and why the view is not exactly the one asked for, in
 * words (the notice). The domain returns facts (a year outside the dataset, a year without
 * figures); the words are here, in one place, with one way of saying "a part this page does not
 * use". Pure, so every odd address a person can type is tested without a browser. The addresses
 * themselves are built by the typed builders in src/components/routing.ts; the route table is
 * routes.tsx; how a page reads and writes its address is useAddressState.ts. The funding page's
 * resolver is in funding-address.ts, so that the first view does not carry the funding domain.
 */
import { EMBED_PARAM, isEmbedSearch } from '../components/embed';
import {
  comparisonLocation,
  locationFor,
  MEMBERS_PARAM,
  placeLocation,
  readMembersScope,
  tourLocation,
} from '../components/routing';
import type { Dataset } from '../data/schema';
import { clampMonth, compareMonths, formatMonth, isMonth, type MonthString } from '../domain/months';
import type { Selection } from '../domain/selection';

export interface Coverage {
  from: MonthString;
  to: MonthString;
}

/** What every resolver returns besides its view. */
export interface ResolvedBase {
  /** why the view shown is not exactly the one the address asked for, in words; null when it is */
  notice: string | null;
  /** the router location this address should read (an odd one is corrected in place, keeping the notice) */
  canonical: string;
  /** whether the address asks for the embed mode (`embed=1`: just the view, for other sites to frame) */
  embed: boolean;
}

/** The longest value echoed back in a notice; longer input is cut, so a notice stays readable. */
const MAX_ECHO = 40;

export function echo(value: string, max = MAX_ECHO): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** Notices joined into one, or null when there are none. */
function joined(notices: readonly (string | null)[]): string | null {
  return notices.filter(Boolean).join(' ') || null;
}

/**
 * When the address has parameters the page does not use: which, in words (they are dropped).
 * `who` names the page ("the explorer", "this page").
 */
function unknownPartsNotice(params: URLSearchParams, known: (name: string, value: string) => boolean, who: string) {
  const unknown = [...new Set([...params].filter(([name, value]) => !known(name, value)).map(([name]) => name))];
  if (unknown.length === 0) return null;
  const names = unknown.slice(0, 3).map((name) => `“${echo(name)}”`);
  const more = unknown.length > 3 ? ` and ${unknown.length - 3} more` : '';
  return `The address had ${unknown.length === 1 ? 'a part' : 'parts'} ${who} does not use (${names.join(', ')}${more}), now left out.`;
}

/**
 * The month the `date` parameter asks for, or the nearest month in range with a notice.
 * Accepts YYYY-MM; a year alone ("2015") or a month out of 1–12 is read as the nearest real month.
 */
export function resolveDate(
  raw: string | null,
  coverage: Coverage,
  missing: MonthString = coverage.to,
): { month: MonthString; notice: string | null } {
  const range = `${formatMonth(coverage.from)} to ${formatMonth(coverage.to)}`;
  if (raw === null || raw === '') return { month: missing, notice: null };
  const value = raw.trim();
  if (isMonth(value)) {
    const month = clampMonth(value, coverage.from, coverage.to);
    if (month === value) return { month, notice: null };
    return {
      month,
      notice: `The address asked for ${formatMonth(value)}, which is outside the dataset (${range}). Showing ${formatMonth(month)}, the nearest month it covers.`,
    };
  }
  const loose = /^(\d{4})(?:-(\d{1,2}))?$/.exec(value);
  if (loose) {
    // A year alone is read as its January.
    const monthNumber = loose[2] === undefined ? 1 : Number(loose[2]);
    const clampedMonthNumber = Math.min(12, Math.max(1, monthNumber));
    const guess = `${loose[1]}-${String(clampedMonthNumber).padStart(2, '0')}`;
    const month = clampMonth(guess, coverage.from, coverage.to);
    return {
      month,
      notice: `The address asked for the date “${echo(value)}”, which is not a month written as YYYY-MM. Showing ${formatMonth(month)}, the nearest month in the dataset (${range}).`,
    };
  }
  return {
    month: coverage.to,
    notice: `The address asked for the date “${echo(value)}”, which is not a month written as YYYY-MM. Showing ${formatMonth(coverage.to)}, the latest month in the dataset (${range}).`,
  };
}

// ---------------------------------------------------------------------------------------------
// The explorer: #/, #/service/<id>, #/org/<id>, each with ?date=

export interface ExplorerAddress extends ResolvedBase {
  selection: Selection;
  month: MonthString;
  /** the map's CCGs opened into their named members: "england" or a council's code; null when closed */
  members: string | null;
}

/**
 * Which view a path names: "/", "/service/<id>", "/org/<id>"; undefined for any other path.
 * Read as loosely as the router matches it (any case for "service" and "org", repeated slashes
 * at the end, "//" for the map), so that every path the router sends to the explorer is one this
 * reads, and is then corrected to its canonical form.
 */
export function selectionFromPath(pathname: string): Selection | undefined {
  if (/^\/*$/.test(pathname)) return null;
  const match = /^\/(service|org)\/([^/]+)\/*$/i.exec(pathname);
  if (!match?.[1] || !match[2]) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(match[2]);
  } catch {
    id = match[2];
  }
  return { kind: match[1].toLowerCase() === 'service' ? 'service' : 'organisation', id };
}

/** When the address gives the date more than once: which one counts, in words. */
function repeatedDateNotice(dates: readonly string[]): string | null {
  const first = dates[0];
  if (first === undefined || dates.every((date) => date === first)) return null;
  return `The address gave ${dates.length} dates; only the first, “${echo(first)}”, counts.`;
}

/** The parameters the explorer reads: the month, and the embed mode (only as `embed=1`). */
const isExplorerParameter = (name: string, value: string) => name === 'date' || (name === EMBED_PARAM && value === '1');

/**
 * The explorer's address. Repeated parameters: the first one counts, as a person reading the
 * address would expect, and the notice says so when they differ. Unknown parameters are left out of
 * the canonical form; `embed=1` is kept (after the date), so an embedded view stays embedded.
 */
export function resolveAddress(pathname: string, search: string, coverage: Coverage): ExplorerAddress | undefined {
  const selection = selectionFromPath(pathname);
  if (selection === undefined) return undefined;
  const { month, notice, embed } = readDateAddress(search, coverage, 'the explorer', coverage.to, true);
  const asked = new URLSearchParams(search).get(MEMBERS_PARAM);
  const members = readMembersScope(asked);
  const membersNotice =
    asked !== null && members === null
      ? `The address asked for the named CCGs of “${echo(asked)}”, which is neither “england” nor a council’s code (such as E08000035 for Leeds), now left out.`
      : null;
  return {
    selection,
    month,
    members,
    notice: joined([notice, membersNotice]),
    canonical: locationFor(selection, month, embed, members),
    embed,
  };
}

/**
 * The month of an address whose only parameter is `date` (and `embed`), with the notice for an odd
 * date, a repeated one or a parameter the page does not use. No date: `missing`.
 */
function readDateAddress(
  search: string,
  coverage: Coverage,
  page: string,
  missing: MonthString = coverage.to,
  withMembers = false,
): { month: MonthString; notice: string | null; embed: boolean } {
  const params = new URLSearchParams(search);
  const dates = params.getAll('date');
  const { month, notice } = resolveDate(dates[0] ?? null, coverage, missing);
  const known = (name: string, value: string) => isExplorerParameter(name, value) || (withMembers && name === MEMBERS_PARAM);
  return {
    month,
    notice: joined([notice, repeatedDateNotice(dates), unknownPartsNotice(params, known, page)]),
    embed: isEmbedSearch(search),
  };
}

// ---------------------------------------------------------------------------------------------
// The comparison: #/compare?from=&to=

export interface ComparisonAddress extends ResolvedBase {
  from: MonthString;
  to: MonthString;
}

/**
 * With neither month given, the page compares March with April 2013, the month the 2012 reforms
 * took effect (the whole span made a page of some 19,000 px). A dataset that does not cover them
 * is compared from its first month to its last.
 */
export const DEFAULT_COMPARISON = { from: '2013-03', to: '2013-04' } as const;

const COMPARISON_PARAMETERS = new Set(['from', 'to', EMBED_PARAM]);

/**
 * Reads `from` and `to` from the query: with neither given, March and April 2013
 * (DEFAULT_COMPARISON); with one missing, it defaults to the start (from) or end (to) of the
 * dataset; a month out of range or malformed is read as resolveDate reads the explorer's `date`;
 * the later month given first is swapped. Every correction is said in the notice.
 */
export function resolveComparisonAddress(search: string, coverage: Coverage): ComparisonAddress {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const given = (name: 'from' | 'to') => (params.get(name) ?? '').trim() !== '';
  const neither = !given('from') && !given('to');
  const read = (name: 'from' | 'to', fallback: MonthString): MonthString => {
    const values = params.getAll(name);
    const raw = values[0];
    if (values.length > 1 && values.some((value) => value !== raw))
      notices.push(`The address gave “${name}” ${values.length} times; only the first counts.`);
    if (raw === undefined || raw.trim() === '') return fallback;
    const { month, notice } = resolveDate(raw, coverage);
    if (notice) notices.push(`For “${name}”: ${notice}`);
    return month;
  };
  const reforms =
    neither &&
    clampMonth(DEFAULT_COMPARISON.from, coverage.from, coverage.to) === DEFAULT_COMPARISON.from &&
    clampMonth(DEFAULT_COMPARISON.to, coverage.from, coverage.to) === DEFAULT_COMPARISON.to;
  let from = read('from', reforms ? DEFAULT_COMPARISON.from : coverage.from);
  let to = read('to', reforms ? DEFAULT_COMPARISON.to : coverage.to);
  if (compareMonths(from, to) > 0) {
    [from, to] = [to, from];
    notices.push(
      `The address gave the later month first, so the two were swapped: showing the changes from ${formatMonth(from)} to ${formatMonth(to)}.`,
    );
  }
  const embed = isEmbedSearch(search);
  return {
    from,
    to,
    notice: joined([...notices, unknownPartsNotice(params, (name) => COMPARISON_PARAMETERS.has(name), 'this page')]),
    canonical: comparisonLocation(from, to, embed),
    embed,
  };
}

// ---------------------------------------------------------------------------------------------
// The guided tour: #/tour/<step>

export interface TourAddress extends ResolvedBase {
  /** the step to show, counted from 0 */
  index: number;
}

/**
 * The step an address asks for: `/tour` is step 1; `/tour/3` is step 3 (counted from 1, as a
 * person reads "Step 3 of 9"). Anything else shows step 1, with a notice that says why.
 */
export function resolveTourAddress(param: string | undefined, count: number, search = ''): TourAddress {
  const embed = isEmbedSearch(search);
  const located = (index: number, notice: string | null) => ({ index, notice, canonical: tourLocation(index + 1, embed), embed });
  if (param === undefined || param === '') return located(0, null);
  const number = /^\d{1,4}$/.test(param) ? Number(param) : NaN;
  if (Number.isInteger(number) && number >= 1 && number <= count) return located(number - 1, null);
  return located(0, `The tour has no step “${echo(param, 20)}”: its steps are numbered 1 to ${count}. Showing step 1.`);
}

// ---------------------------------------------------------------------------------------------
// A place: #/place/<code>?date=

export interface PlaceAddress extends ResolvedBase {
  /** the council's code, as the address gives it */
  code: string;
  month: MonthString;
}

/** A place's address: the code as given, the month read as the explorer reads `date`. */
export function resolvePlaceAddress(code: string, search: string, coverage: Coverage, fallback: MonthString): PlaceAddress {
  const { month, notice, embed } = readDateAddress(search, coverage, 'this page', fallback);
  return { code, month, notice, canonical: placeLocation(code, month, embed), embed };
}

// ---------------------------------------------------------------------------------------------
// Each route's address, as useAddressState reads and writes it

/** The parts of the router's location a resolver reads. */
export interface AddressLocation {
  pathname: string;
  search: string;
  /** the route's path parameters (":step", ":code") */
  params: Readonly<Record<string, string | undefined>>;
}

/**
 * A route whose address carries view state: how to read it, what the store shows for it, how the
 * address follows the month, and where choosing a service or organisation goes from it.
 */
export interface RouteAddress<R extends ResolvedBase> {
  /** reads the address against the dataset; `month` is the month shown (a view may follow it) */
  read: (location: AddressLocation, dataset: Dataset, month: MonthString | null) => R | undefined;
  /** what the store shows for this address: the month (undefined keeps the one shown) and the selection */
  view: (resolved: R, dataset: Dataset) => { month?: MonthString; selection?: Selection };
  /** the same view at another month, where the address carries the month (absent where it does not) */
  atMonth?: (resolved: R, month: MonthString) => string;
  /** the address that opens a service or organisation (or the map alone) from this view */
  open: (resolved: R, selection: Selection, month: MonthString | null) => string;
}

/** #/, #/service/<id>, #/org/<id>: the month and the selection are the address's. */
export const EXPLORER_ADDRESS: RouteAddress<ExplorerAddress> = {
  read: ({ pathname, search }, dataset) => resolveAddress(pathname, search, dataset.meta.coverage),
  view: ({ month, selection }) => ({ month, selection }),
  atMonth: ({ selection, embed, members }, month) => locationFor(selection, month, embed, members),
  open: ({ embed, month: asked, members }, selection, month) => locationFor(selection, month ?? asked, embed, members),
};

/** #/compare?from=&to=: choosing something on the map opens it in the explorer at the later month. */
export const COMPARISON_ADDRESS: RouteAddress<ComparisonAddress> = {
  read: ({ search }, dataset) => resolveComparisonAddress(search, dataset.meta.coverage),
  view: () => ({ selection: null }),
  open: ({ to, embed }, selection) => locationFor(selection, to, embed),
};

/**
 * #/tour/<step>: the step is the address's; its month and focus are what the map shows. Choosing
 * something on the map opens it in the explorer at the step's month.
 */
export const TOUR_ADDRESS: RouteAddress<TourAddress> = {
  read: ({ params, pathname, search }, dataset) => {
    const resolved = resolveTourAddress(params.step, dataset.tour.length, search);
    // A dataset without a tour: nothing to correct the address to.
    return dataset.tour.length === 0 ? { ...resolved, canonical: `${pathname}${search}` } : resolved;
  },
  view: ({ index }, dataset) => {
    const step = dataset.tour[index];
    return step ? { month: step.month, selection: { kind: step.focus.kind, id: step.focus.id } } : {};
  },
  open: ({ embed }, selection, month) => locationFor(selection, month, embed),
};

/** #/place/<code>?date=: the month is the address's, as on the explorer. */
export const PLACE_ADDRESS: RouteAddress<PlaceAddress> = {
  read: ({ params, search }, dataset, month) =>
    resolvePlaceAddress(params.code ?? '', search, dataset.meta.coverage, month ?? dataset.meta.coverage.to),
  view: ({ month }) => ({ month, selection: null }),
  atMonth: ({ code, embed }, month) => placeLocation(code, month, embed),
  open: ({ embed }, selection, month) => locationFor(selection, month, embed),
};
