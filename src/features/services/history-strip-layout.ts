/**
 * The layout of a service's history strip: one lane per commissioner across the dataset's whole
 * coverage, each arrangement a segment, with year ticks, change markers and the chosen month.
 * A pure function of (dataset, service, month) → positions in per cent of the strip's width, so
 * the strip stretches to any screen; the layout is plain arithmetic (a clamped linear scale), React draws.
 */
import { ROLE_WORDS, STATUS_WORDS } from '../../components/commissioning-words';
import type { Commissioning, Dataset } from '../../data/schema';
import { compareMonths, formatMonth, monthFromIndex, monthIndex, type MonthString } from '../../domain/months';
import { nameAt } from '../../domain/organisations';
import { serviceHistory } from '../../domain/services';
import { compareText } from '../../lib/compare-text';

export interface StripSegment {
  record: Commissioning;
  /** the first and last month drawn, clipped to the dataset's coverage */
  first: MonthString;
  last: MonthString;
  /** the arrangement began before the dataset does, or goes on after it ends */
  startsBefore: boolean;
  endsAfter: boolean;
  /** where a click takes the timeline: the month the arrangement began (or the first month covered) */
  target: MonthString;
  /** per cent of the strip's width */
  left: number;
  width: number;
  /** the segment in words, for its tooltip */
  description: string;
}

export interface StripLane {
  organisationId: string;
  name: string;
  /** which colour of the palette the lane uses (lanes are also labelled, so colour is never the only cue) */
  colourIndex: number;
  segments: StripSegment[];
}

export interface StripMark {
  month: MonthString;
  left: number;
}

export interface StripTick extends StripMark {
  year: number;
}

export interface HistoryStripLayout {
  lanes: StripLane[];
  ticks: StripTick[];
  /** the months at which the commissioners in force changed */
  changes: StripMark[];
  /** the chosen month, at the middle of its slot */
  current: StripMark;
}

function periodWords(first: MonthString, last: MonthString, startsBefore: boolean, endsAfter: boolean): string {
  const from = startsBefore ? `before ${formatMonth(first)}` : formatMonth(first);
  const to = endsAfter ? `${formatMonth(last)} and after` : formatMonth(last);
  return first === last && !startsBefore && !endsAfter ? from : `${from} to ${to}`;
}

/**
 * Where a month index falls between start and end, as a percentage clamped to 0–100. Written out
 * rather than taken from d3-scale: this strip is on the first view, and d3-scale would bring
 * d3-array, d3-format and d3-interpolate into it for one line of arithmetic.
 */
function percentAlong(start: number, end: number): (index: number) => number {
  return (index) => Math.min(100, Math.max(0, ((index - start) / (end - start)) * 100));
}

export function layoutHistoryStrip(dataset: Dataset, serviceId: string, month: MonthString): HistoryStripLayout {
  const { from: coverageFrom, to: coverageTo } = dataset.meta.coverage;
  const firstIndex = monthIndex(coverageFrom);
  const lastIndex = monthIndex(coverageTo);
  // A month occupies the slot [index, index + 1): the last month is as wide as the others.
  const x = percentAlong(firstIndex, lastIndex + 1);
  const organisations = new Map(dataset.organisations.map((organisation) => [organisation.id, organisation]));

  const lanes = new Map<string, StripLane & { start: number }>();
  const records = dataset.commissioning.filter((record) => record.service === serviceId);
  for (const record of records) {
    const startIndex = record.from === null ? -Infinity : monthIndex(record.from);
    const endIndex = record.to === null ? Infinity : monthIndex(record.to);
    if (startIndex > lastIndex || endIndex < firstIndex) continue;
    const first = monthFromIndex(Math.max(startIndex, firstIndex));
    const last = monthFromIndex(Math.min(endIndex, lastIndex));
    const startsBefore = startIndex < firstIndex;
    const endsAfter = endIndex > lastIndex;
    const organisation = organisations.get(record.commissioner);
    const name = organisation ? nameAt(organisation, first).name : record.commissioner;
    const left = x(monthIndex(first));
    const segment: StripSegment = {
      record,
      first,
      last,
      startsBefore,
      endsAfter,
      target: first,
      left,
      width: x(monthIndex(last) + 1) - left,
      description: `${name}, ${ROLE_WORDS[record.role]}, ${STATUS_WORDS[record.status]}: ${periodWords(
        first,
        last,
        startsBefore,
        endsAfter,
      )}`,
    };
    const lane = lanes.get(record.commissioner);
    if (lane) {
      lane.segments.push(segment);
      lane.start = Math.min(lane.start, startIndex);
    } else {
      lanes.set(record.commissioner, {
        organisationId: record.commissioner,
        name: organisation ? organisation.name : record.commissioner,
        colourIndex: 0,
        segments: [segment],
        start: startIndex,
      });
    }
  }

  const orderedLanes = [...lanes.values()]
    .sort((a, b) => a.start - b.start || compareText(a.name, b.name))
    .map(({ start: _start, ...lane }, index) => ({
      ...lane,
      colourIndex: index,
      segments: lane.segments.sort((a, b) => compareMonths(a.first, b.first)),
    }));

  const ticks: StripTick[] = [];
  for (let year = Math.ceil(firstIndex / 12); year * 12 <= lastIndex; year += 1) {
    ticks.push({ year, month: monthFromIndex(year * 12), left: x(year * 12) });
  }

  const changes = serviceHistory(dataset, serviceId)
    .filter((change) => change.kind !== 'plan' && change.month !== null)
    .flatMap((change) => {
      const index = monthIndex(change.month as MonthString);
      return index > firstIndex && index <= lastIndex ? [{ month: change.month as MonthString, left: x(index) }] : [];
    });

  return { lanes: orderedLanes, ticks, changes, current: { month, left: x(monthIndex(month) + 0.5) } };
}
