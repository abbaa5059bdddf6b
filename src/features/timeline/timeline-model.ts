/**
 * The timeline's arithmetic, kept pure so it can be tested without a browser: the months of the
 * dataset's coverage, slider positions, event markers, year ticks and keyboard steps.
 * A slider position is an index into the coverage: 0 is the first month, months.length - 1 the last.
 */
import type { DatasetEvent, Meta } from '../../data/schema';
import { compareMonths, monthIndex, monthOfDate, monthRange, type MonthString } from '../../domain/months';
import { comparePlain } from '../../lib/compare-text';

export type Coverage = Meta['coverage'];

/** Every month the dataset covers, first to last. */
export function coverageMonths(coverage: Coverage): MonthString[] {
  return monthRange(coverage.from, coverage.to);
}

/** A month's slider position; months outside the coverage are held at the nearer end. */
export function indexOfMonth(coverage: Coverage, month: MonthString): number {
  const last = monthIndex(coverage.to) - monthIndex(coverage.from);
  return clampIndex(monthIndex(month) - monthIndex(coverage.from), last);
}

/** The month at a slider position, held inside the coverage. */
export function monthAtIndex(months: readonly MonthString[], index: number): MonthString {
  const month = months[clampIndex(index, months.length - 1)];
  if (month === undefined) throw new RangeError('the coverage has no months');
  return month;
}

function clampIndex(index: number, last: number): number {
  return Math.min(Math.max(Math.round(index), 0), Math.max(last, 0));
}

/** Where a position sits along the track, 0 (first month) to 100 (last month). */
export function percentOf(index: number, monthCount: number): number {
  if (monthCount <= 1) return 0;
  return (index / (monthCount - 1)) * 100;
}

export interface EventMarker {
  month: MonthString;
  index: number;
  /** along the track, 0–100 */
  percent: number;
  /** the month's events in date order; several events in one month share a marker */
  events: DatasetEvent[];
}

/** One marker per month that has events, in month order; events outside the coverage are left out. */
export function eventMarkers(events: readonly DatasetEvent[], coverage: Coverage): EventMarker[] {
  const monthCount = monthIndex(coverage.to) - monthIndex(coverage.from) + 1;
  const byMonth = new Map<MonthString, DatasetEvent[]>();
  for (const event of events) {
    const month = monthOfDate(event.date);
    if (compareMonths(month, coverage.from) < 0 || compareMonths(month, coverage.to) > 0) continue;
    byMonth.set(month, [...(byMonth.get(month) ?? []), event]);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => compareMonths(a, b))
    .map(([month, monthEvents]) => {
      const index = indexOfMonth(coverage, month);
      return {
        month,
        index,
        percent: percentOf(index, monthCount),
        events: monthEvents.sort((x, y) => comparePlain(x.date, y.date)),
      };
    });
}

/** The first marker after the month, if any. */
export function nextEventMarker(markers: readonly EventMarker[], month: MonthString): EventMarker | undefined {
  return markers.find((marker) => compareMonths(marker.month, month) > 0);
}

/** The last marker before the month, if any. */
export function previousEventMarker(markers: readonly EventMarker[], month: MonthString): EventMarker | undefined {
  return markers.findLast((marker) => compareMonths(marker.month, month) < 0);
}

export interface YearTick {
  year: number;
  /** the January the tick stands at */
  month: MonthString;
  percent: number;
  /** labelled on wide screens only: every other year is left unlabelled on phones */
  minor: boolean;
}

/** A tick at each January inside the coverage. */
export function yearTicks(coverage: Coverage): YearTick[] {
  const months = coverageMonths(coverage);
  const januaries = months.flatMap((month, index) => (month.endsWith('-01') ? [{ month, index }] : []));
  return januaries.map(({ month, index }, position) => ({
    year: Number(month.slice(0, 4)),
    month,
    percent: percentOf(index, months.length),
    minor: position % 2 === 1,
  }));
}

/** Months per Page Up / Page Down. */
export const MONTHS_PER_PAGE = 12;

/**
 * The slider position a key moves to, or undefined for keys the timeline leaves alone.
 * Arrows step a month (right and up later), Page Up/Down a year, Home/End the ends.
 */
export function indexForKey(key: string, index: number, monthCount: number): number | undefined {
  const last = monthCount - 1;
  const steps: Record<string, number> = {
    ArrowRight: index + 1,
    ArrowUp: index + 1,
    ArrowLeft: index - 1,
    ArrowDown: index - 1,
    PageUp: index + MONTHS_PER_PAGE,
    PageDown: index - MONTHS_PER_PAGE,
    Home: 0,
    End: last,
  };
  const target = steps[key];
  return target === undefined ? undefined : clampIndex(target, last);
}

/**
 * Where playback goes next: the month after, or undefined at the end. Play from the last month
 * starts again at the first (see startOfPlayback).
 */
export function nextPlaybackIndex(index: number, monthCount: number): number | undefined {
  return index + 1 < monthCount ? index + 1 : undefined;
}

/** Playback starts where the reader is, or from the first month if they are at the last. */
export function startOfPlayback(index: number, monthCount: number): number {
  return index >= monthCount - 1 ? 0 : index;
}

/** "2 events in October 2015: A; B." — what the live region says when the month changes. */
export function describeMonthEvents(monthLabel: string, titles: readonly string[]): string {
  if (titles.length === 0) return `No events recorded for ${monthLabel}.`;
  const count = titles.length === 1 ? '1 event' : `${titles.length} events`;
  return `${count} in ${monthLabel}: ${titles.join('; ')}.`;
}

/** The kind of an event as a reader would name it, shown as a tag. */
export const EVENT_KIND_LABELS: Record<DatasetEvent['kind'], string> = {
  law: 'Law',
  policy: 'Policy',
  reform: 'Reform',
  transfer: 'Transfer',
  establishment: 'New body',
  abolition: 'Abolition',
  merger: 'Merger',
  programme: 'Programme',
};
