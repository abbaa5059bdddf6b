import { describe, expect, it } from 'vitest';
import type { DatasetEvent } from '../../src/data/schema';
import {
  coverageMonths,
  describeMonthEvents,
  eventMarkers,
  indexForKey,
  indexOfMonth,
  monthAtIndex,
  nextEventMarker,
  nextPlaybackIndex,
  percentOf,
  previousEventMarker,
  startOfPlayback,
  yearTicks,
} from '../../src/features/timeline/timeline-model';

const coverage = { from: '2010-07', to: '2018-04' };

function event(id: string, date: string, title = id): DatasetEvent {
  return { id, date, title, summary: 'One line.', kind: 'policy', starts: [], ends: [], sources: [{ id: 'doc' }] };
}

describe('timeline months', () => {
  it('covers every month from the first to the last', () => {
    const months = coverageMonths(coverage);
    expect(months).toHaveLength(94);
    expect(months[0]).toBe('2010-07');
    expect(months.at(-1)).toBe('2018-04');
  });

  it('turns months into slider positions and back', () => {
    const months = coverageMonths(coverage);
    expect(indexOfMonth(coverage, '2010-07')).toBe(0);
    expect(indexOfMonth(coverage, '2015-10')).toBe(63);
    expect(monthAtIndex(months, 63)).toBe('2015-10');
    expect(indexOfMonth(coverage, '2018-04')).toBe(93);
  });

  it('holds months outside the coverage at the nearer end', () => {
    const months = coverageMonths(coverage);
    expect(indexOfMonth(coverage, '2009-01')).toBe(0);
    expect(indexOfMonth(coverage, '2020-01')).toBe(93);
    expect(monthAtIndex(months, -5)).toBe('2010-07');
    expect(monthAtIndex(months, 500)).toBe('2018-04');
  });

  it('places positions along the track from 0 to 100 per cent', () => {
    expect(percentOf(0, 94)).toBe(0);
    expect(percentOf(93, 94)).toBe(100);
    expect(percentOf(0, 1)).toBe(0);
  });
});

describe('event markers', () => {
  const events = [
    event('c', '2013-04-01', 'C'),
    event('a', '2010-07-12', 'A'),
    event('b', '2013-04', 'B'),
    event('outside', '2019-01', 'Outside'),
    event('d', '2018-04', 'D'),
  ];

  it('puts one marker on each month with events, in order, sharing a month', () => {
    const markers = eventMarkers(events, coverage);
    expect(markers.map((marker) => marker.month)).toEqual(['2010-07', '2013-04', '2018-04']);
    expect(markers[1]?.events.map((item) => item.title)).toEqual(['B', 'C']);
    expect(markers[0]?.percent).toBe(0);
    expect(markers[1]?.percent).toBeCloseTo((33 / 93) * 100);
    expect(markers[2]?.percent).toBe(100);
  });

  it('finds the next and previous month with events', () => {
    const markers = eventMarkers(events, coverage);
    expect(nextEventMarker(markers, '2010-07')?.month).toBe('2013-04');
    expect(nextEventMarker(markers, '2012-01')?.month).toBe('2013-04');
    expect(nextEventMarker(markers, '2018-04')).toBeUndefined();
    expect(previousEventMarker(markers, '2013-04')?.month).toBe('2010-07');
    expect(previousEventMarker(markers, '2016-01')?.month).toBe('2013-04');
    expect(previousEventMarker(markers, '2010-07')).toBeUndefined();
  });
});

describe('year ticks', () => {
  it('stands at each January inside the coverage, every other one minor', () => {
    const ticks = yearTicks(coverage);
    expect(ticks.map((tick) => tick.year)).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018]);
    expect(ticks[0]).toMatchObject({ month: '2011-01', minor: false });
    expect(ticks[0]?.percent).toBeCloseTo((6 / 93) * 100);
    expect(ticks.map((tick) => tick.minor)).toEqual([false, true, false, true, false, true, false, true]);
  });
});

describe('keys', () => {
  it('steps a month with the arrows, a year with Page Up and Page Down, and goes to the ends with Home and End', () => {
    expect(indexForKey('ArrowRight', 10, 94)).toBe(11);
    expect(indexForKey('ArrowUp', 10, 94)).toBe(11);
    expect(indexForKey('ArrowLeft', 10, 94)).toBe(9);
    expect(indexForKey('ArrowDown', 10, 94)).toBe(9);
    expect(indexForKey('PageUp', 10, 94)).toBe(22);
    expect(indexForKey('PageDown', 30, 94)).toBe(18);
    expect(indexForKey('Home', 30, 94)).toBe(0);
    expect(indexForKey('End', 30, 94)).toBe(93);
  });

  it('stops at the ends and leaves other keys alone', () => {
    expect(indexForKey('ArrowLeft', 0, 94)).toBe(0);
    expect(indexForKey('PageDown', 5, 94)).toBe(0);
    expect(indexForKey('PageUp', 90, 94)).toBe(93);
    expect(indexForKey('ArrowRight', 93, 94)).toBe(93);
    expect(indexForKey('Tab', 10, 94)).toBeUndefined();
    expect(indexForKey('a', 10, 94)).toBeUndefined();
  });
});

describe('playback', () => {
  it('starts where the reader is, or from the first month at the last', () => {
    expect(startOfPlayback(10, 94)).toBe(10);
    expect(startOfPlayback(93, 94)).toBe(0);
  });

  it('steps to the next month and stops at the last', () => {
    expect(nextPlaybackIndex(10, 94)).toBe(11);
    expect(nextPlaybackIndex(92, 94)).toBe(93);
    expect(nextPlaybackIndex(93, 94)).toBeUndefined();
  });
});

describe('announcements', () => {
  it('says the count and titles of the month’s events', () => {
    expect(describeMonthEvents('October 2015', ['Health visiting moves'])).toBe(
      '1 event in October 2015: Health visiting moves.',
    );
    expect(describeMonthEvents('April 2013', ['A', 'B'])).toBe('2 events in April 2013: A; B.');
    expect(describeMonthEvents('May 2011', [])).toBe('No events recorded for May 2011.');
  });
});
