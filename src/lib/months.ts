/**
 * Months are the dataset's unit of time: "YYYY-MM" strings, compared through a month index
 * (year * 12 + month - 1) so that arithmetic never goes through Date and time zones.
 */
export type MonthString = string;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/**
 * Indices of the months already read: period tests run over every record at every month, and at
 * a hundred times the data parsing the same few hundred strings again took seconds. Bounded, so
 * odd input cannot grow it without end.
 */
const indexCache = new Map<MonthString, number>();

export function monthIndex(month: MonthString): number {
  const known = indexCache.get(month);
  if (known !== undefined) return known;
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`not a month: ${JSON.stringify(month)}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1;
  if (indexCache.size < 4096) indexCache.set(month, index);
  return index;
}

export function monthFromIndex(index: number): MonthString {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(month: MonthString, count: number): MonthString {
  return monthFromIndex(monthIndex(month) + count);
}

export function compareMonths(a: MonthString, b: MonthString): number {
  return monthIndex(a) - monthIndex(b);
}

/** Every month from first to last, both included. */
export function monthRange(first: MonthString, last: MonthString): MonthString[] {
  const months: MonthString[] = [];
  for (let index = monthIndex(first); index <= monthIndex(last); index += 1) months.push(monthFromIndex(index));
  return months;
}

/** "2015-10" → "October 2015" */
export function formatMonth(month: MonthString): string {
  const index = monthIndex(month);
  const year = Math.floor(index / 12);
  return `${MONTH_NAMES[index - year * 12] ?? ''} ${year}`;
}

/** "2015-10-01" → "1 October 2015"; "2015-10" → "October 2015" */
export function formatEventDate(date: string): string {
  const month = date.slice(0, 7);
  if (date.length === 7) return formatMonth(month);
  return `${Number(date.slice(8, 10))} ${formatMonth(month)}`;
}

/** The month an event date falls in. */
export function monthOfDate(date: string): MonthString {
  return date.slice(0, 7);
}

/** The NHS financial year (April–March) a month falls in: "2015-10" → "2015/16". */
export function financialYearOf(month: MonthString): string {
  const index = monthIndex(month);
  const year = Math.floor(index / 12);
  const startYear = index - year * 12 >= 3 ? year : year - 1;
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The first and last month of a financial year: "2015/16" → ["2015-04", "2016-03"]. */
export function financialYearMonths(financialYear: string): [MonthString, MonthString] {
  const startYear = Number(financialYear.slice(0, 4));
  return [`${startYear}-04`, `${startYear + 1}-03`];
}

/** The nearest month inside [first, last]. */
export function clampMonth(month: MonthString, first: MonthString, last: MonthString): MonthString {
  const index = monthIndex(month);
  if (index < monthIndex(first)) return first;
  if (index > monthIndex(last)) return last;
  return month;
}

export interface Period {
  from: MonthString | null;
  to: MonthString | null;
}

/** Is a record with this period in force at the month? null ends are open. */
export function isInPeriod(period: Period, month: MonthString): boolean {
  const index = monthIndex(month);
  if (period.from !== null && index < monthIndex(period.from)) return false;
  if (period.to !== null && index > monthIndex(period.to)) return false;
  return true;
}

/** Do two periods share at least one month? */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aFrom = a.from === null ? -Infinity : monthIndex(a.from);
  const aTo = a.to === null ? Infinity : monthIndex(a.to);
  const bFrom = b.from === null ? -Infinity : monthIndex(b.from);
  const bTo = b.to === null ? Infinity : monthIndex(b.to);
  return aFrom <= bTo && bFrom <= aTo;
}

/** Does the outer period contain every month of the inner one? */
export function periodContains(outer: Period, inner: Period): boolean {
  const outerFrom = outer.from === null ? -Infinity : monthIndex(outer.from);
  const outerTo = outer.to === null ? Infinity : monthIndex(outer.to);
  const innerFrom = inner.from === null ? -Infinity : monthIndex(inner.from);
  const innerTo = inner.to === null ? Infinity : monthIndex(inner.to);
  return outerFrom <= innerFrom && innerTo <= outerTo;
}

export function formatPeriod(period: Period): string {
  const from = period.from === null ? 'before July 2010' : formatMonth(period.from);
  const to = period.to === null ? 'onwards' : formatMonth(period.to);
  if (period.to === null) return `${from} onwards`;
  return `${from} to ${to}`;
}
