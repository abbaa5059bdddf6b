/** The slider's surroundings: its event markers (with tooltips), its year ticks, and the list of every event. */
import { memo, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { formatEventDate, formatMonth, monthOfDate, type MonthString } from '../../domain/months';
import type { EventMarker, YearTick } from './timeline-model';

/**
 * A marker for each month with events. Markers are out of the tab order (forty stops would be
 * tedious); the same moves are in the "Jump to an event" list and the event step buttons.
 * Each marker's tooltip shows on hover and on focus, stays while the pointer is over it, and
 * Escape dismisses it (WCAG 1.4.13).
 */
export const EventMarkers = memo(function EventMarkers({
  markers,
  currentMonth,
  onChoose,
}: {
  markers: readonly EventMarker[];
  currentMonth: MonthString;
  onChoose: (month: MonthString) => void;
}) {
  const [tooltipMonth, setTooltipMonth] = useState<MonthString | null>(null);
  const idPrefix = useId();

  useEffect(() => {
    if (tooltipMonth === null) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') setTooltipMonth(null);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [tooltipMonth]);

  const show = useCallback((month: MonthString) => setTooltipMonth(month), []);
  const hide = useCallback((month: MonthString) => setTooltipMonth((shown) => (shown === month ? null : shown)), []);

  return (
    <div className="app-timeline__markers">
      {markers.map((marker) => (
        <EventMarkerView
          key={marker.month}
          marker={marker}
          tooltipId={`${idPrefix}-${marker.month}`}
          current={marker.month === currentMonth}
          tooltipShown={tooltipMonth === marker.month}
          onChoose={onChoose}
          onShow={show}
          onHide={hide}
        />
      ))}
    </div>
  );
});

/** One marker; memoised, so a month step redraws only the markers whose state changed (two at most). */
const EventMarkerView = memo(function EventMarkerView({
  marker,
  tooltipId,
  current,
  tooltipShown,
  onChoose,
  onShow,
  onHide,
}: {
  marker: EventMarker;
  tooltipId: string;
  current: boolean;
  tooltipShown: boolean;
  onChoose: (month: MonthString) => void;
  onShow: (month: MonthString) => void;
  onHide: (month: MonthString) => void;
}) {
  const size = Math.min(marker.events.length, 3);
  return (
    <div
      className="app-timeline__marker"
      style={{ left: `${marker.percent}%` }}
      onMouseEnter={() => onShow(marker.month)}
      onMouseLeave={() => onHide(marker.month)}
    >
      <button
        type="button"
        tabIndex={-1}
        className={`app-timeline__marker-button app-timeline__marker-button--size-${size}${current ? ' app-timeline__marker-button--current' : ''}`}
        aria-describedby={tooltipShown ? tooltipId : undefined}
        aria-current={current ? 'true' : undefined}
        onClick={() => onChoose(marker.month)}
        onFocus={() => onShow(marker.month)}
        onBlur={() => onHide(marker.month)}
      >
        <span className="app-timeline__marker-pip" aria-hidden="true" />
        <span className="nhsuk-u-visually-hidden">
          {formatMonth(marker.month)}: {marker.events.length === 1 ? '1 event' : `${marker.events.length} events`}
        </span>
      </button>
      {/* Drawn only while shown: forty hidden tooltips were a tenth of the first map's elements. */}
      {tooltipShown ? (
        <div
          role="tooltip"
          id={tooltipId}
          className="app-timeline__tooltip"
          // Slid left in proportion to the marker's place, so it never runs off either end of the track.
          style={{ transform: `translateX(-${marker.percent}%)` }}
        >
          <ul className="app-timeline__tooltip-list">
            {marker.events.map((event) => (
              <li key={event.id}>
                <span className="app-timeline__tooltip-title">{event.title}</span>{' '}
                <span className="app-timeline__tooltip-date">{formatEventDate(event.date)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
});

/** A tick at each January, labelled with its year; decorative, as the slider speaks its month. */
export const YearTicks = memo(function YearTicks({ ticks }: { ticks: readonly YearTick[] }) {
  return (
    <div className="app-timeline__ticks" aria-hidden="true">
      {ticks.map((tick) => (
        <span
          key={tick.year}
          className={`app-timeline__tick${tick.minor ? ' app-timeline__tick--minor' : ''}`}
          style={{ left: `${tick.percent}%` }}
        >
          <span className="app-timeline__tick-label">{tick.year}</span>
        </span>
      ))}
    </div>
  );
});

/** Every event in one list, grouped by year: choosing one moves to its month. */
export function EventJump({
  id,
  markers,
  currentMonth,
  onChoose,
}: {
  id: string;
  markers: readonly EventMarker[];
  currentMonth: MonthString;
  onChoose: (month: MonthString) => void;
}) {
  const [chosenEventId, setChosenEventId] = useState<string>('');
  const events = useMemo(() => markers.flatMap((marker) => marker.events), [markers]);
  const years = useMemo(() => {
    const byYear = new Map<string, typeof events>();
    for (const event of events) byYear.set(event.date.slice(0, 4), [...(byYear.get(event.date.slice(0, 4)) ?? []), event]);
    return [...byYear.entries()];
  }, [events]);

  // The list shows the event chosen, while its month is the one shown; otherwise the month's first event.
  const chosen = events.find((event) => event.id === chosenEventId);
  const value =
    chosen && monthOfDate(chosen.date) === currentMonth
      ? chosen.id
      : (events.find((event) => monthOfDate(event.date) === currentMonth)?.id ?? '');

  // Forty-odd options: built once, not at every month step (only the select's value follows the month).
  const options = useMemo(
    () =>
      years.map(([year, yearEvents]) => (
        <optgroup key={year} label={year}>
          {yearEvents.map((event) => (
            <option key={event.id} value={event.id}>
              {formatEventDate(event.date)}: {event.title}
            </option>
          ))}
        </optgroup>
      )),
    [years],
  );

  return (
    <div className="nhsuk-form-group app-timeline__jump">
      <label className="nhsuk-label app-timeline__label-s" htmlFor={id}>
        Jump to an event
      </label>
      <select
        id={id}
        className="nhsuk-select app-timeline__jump-select"
        value={value}
        onChange={(event) => {
          const target = events.find((candidate) => candidate.id === event.target.value);
          if (!target) return;
          setChosenEventId(target.id);
          onChoose(monthOfDate(target.date));
        }}
      >
        <option value="">Choose an event</option>
        {options}
      </select>
    </div>
  );
}
