/**
 * Reading the address: which view (map, service, organisation) at which month. Pure, so every
 * odd address a person can type is tested without a browser.
 */
import { EMBED_PARAM, isEmbedSearch, withEmbed } from '../components/embed';
import { clampMonth, formatMonth, isMonth, type MonthString } from '../domain/months';
import type { Selection } from '../domain/selection';

export interface Coverage {
  from: MonthString;
  to: MonthString;
}

export interface ResolvedAddress {
  selection: Selection;
  month: MonthString;
  /**
   * why the view shown is not exactly the one the address asked for, in words: a date out of
   * range or malformed, given twice, or parameters the explorer does not use
   */
  dateNotice: string | null;
  /** the canonical form of this address (what it should read after any correction) */
  canonical: string;
  /** whether the address asks for the embed mode (`embed=1`: just the view, for other sites to frame) */
  embed: boolean;
}

/** The longest value echoed back in a notice; longer input is cut, so a notice stays readable. */
const MAX_ECHO = 40;

function echo(value: string): string {
  return value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value;
}

/**
 * The month the `date` parameter asks for, or the nearest month in range with a notice.
 * Accepts YYYY-MM; a year alone ("2015") or a month out of 1–12 is read as the nearest real month.
 */
export function resolveDate(raw: string | null, coverage: Coverage): { month: MonthString; notice: string | null } {
  const range = `${formatMonth(coverage.from)} to ${formatMonth(coverage.to)}`;
  if (raw === null || raw === '') return { month: coverage.to, notice: null };
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
function isKnownParameter(name: string, value: string): boolean {
  return name === 'date' || (name === EMBED_PARAM && value === '1');
}

/** When the address has parameters the explorer does not use: which, in words (they are dropped). */
function unknownParametersNotice(params: URLSearchParams): string | null {
  const unknown = [...new Set([...params].filter(([name, value]) => !isKnownParameter(name, value)).map(([name]) => name))];
  if (unknown.length === 0) return null;
  const names = unknown.slice(0, 3).map((name) => `“${echo(name)}”`);
  const more = unknown.length > 3 ? ` and ${unknown.length - 3} more` : '';
  return `The address had ${unknown.length === 1 ? 'a part' : 'parts'} the explorer does not use (${names.join(', ')}${more}), now left out.`;
}

export function resolveAddress(pathname: string, search: string, coverage: Coverage): ResolvedAddress | undefined {
  const selection = selectionFromPath(pathname);
  if (selection === undefined) return undefined;
  // Repeated parameters: the first one counts, as a person reading the address would expect,
  // and the notice says so when they differ. Unknown parameters are left out of the canonical form;
  // `embed=1` is kept (after the date), so an embedded view stays embedded as it is corrected.
  const params = new URLSearchParams(search);
  const embed = isEmbedSearch(search);
  const dates = params.getAll('date');
  const { month, notice } = resolveDate(dates[0] ?? null, coverage);
  const dateNotice = [notice, repeatedDateNotice(dates), unknownParametersNotice(params)].filter(Boolean).join(' ') || null;
  const path =
    selection === null ? '/' : `/${selection.kind === 'service' ? 'service' : 'org'}/${encodeURIComponent(selection.id)}`;
  return { selection, month, dateNotice, canonical: withEmbed(`${path}?date=${month}`, embed), embed };
}
