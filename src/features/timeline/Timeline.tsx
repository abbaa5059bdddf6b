import {
  type ChangeEvent,
  type CSSProperties,
  type KeyboardEvent,
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useState,
} from 'react';
import type { Dataset } from '../../data/schema';
import { financialYearOf, formatEventDate, formatMonth, monthOfDate, type MonthString } from '../../domain/months';
import { selectDataset, selectMonth, selectSetMonth, useExplorerStore, useExplorerStoreApi } from '../../store';
import {
  type Coverage,
  coverageMonths,
  type EventMarker,
  eventMarkers,
  indexForKey,
  indexOfMonth,
  monthAtIndex,
  nextEventMarker,
  nextPlaybackIndex,
  percentOf,
  previousEventMarker,
  startOfPlayback,
  type YearTick,
  yearTicks,
} from './timeline-model';
import './timeline.css';

/** How long playback rests on each month. */
export const PLAYBACK_STEP_MS = 700;

/**
 * The month slider: every month the dataset covers, with a marker for each month that has events,
 * play/pause, month and event steps. It reads the month from the store and changes it only
 * through setMonth.
 */
export interface TimelineProps {
  /**
   * A shorter timeline for views where the month is secondary (the funding view): the keyboard
   * hint is kept for screen readers only, and stepping by event is left out; the slider, its
   * event markers, Play and stepping by month stay.
   */
  compact?: boolean;
  /**
   * The month bar attached to the explorer's map: one compact bar (about 90 px on a wide screen,
   * two rows on a phone) with the month, previous and next month, Play, and the slider with its
   * event markers. Stepping by event is left out (the explorer puts it with the month's events,
   * as TimelineEventSteps); the keyboard hint is for screen readers only.
   */
  bar?: boolean;
}

export function Timeline({ compact = false, bar = false }: TimelineProps = {}) {
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  if (!dataset || !month) return null;
  if (bar) return <MonthBar dataset={dataset} month={month} />;
  return <TimelineControls dataset={dataset} month={month} compact={compact} />;
}

/** What the slider and the step buttons share: the months, the markers, playback and moving to a month. */
function useTimelineState(dataset: Dataset, month: MonthString) {
  const setMonth = useExplorerStore(selectSetMonth);
  const coverage = dataset.meta.coverage;
  const months = useMemo(() => coverageMonths(coverage), [coverage]);
  const markers = useMemo(() => eventMarkers(dataset.events, coverage), [dataset.events, coverage]);
  const ticks = useMemo(() => yearTicks(coverage), [coverage]);
  const playback = usePlayback(months, coverage);
  const { pause } = playback;
  const index = indexOfMonth(coverage, month);
  const shownMonth = monthAtIndex(months, index);
  const lastIndex = months.length - 1;
  /** Every manual change goes through here: it stops playback first. */
  const goTo = useCallback(
    (target: MonthString) => {
      pause();
      setMonth(target);
    },
    [pause, setMonth],
  );
  const goToIndex = (target: number) => goTo(monthAtIndex(months, target));
  const onSliderKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = indexForKey(event.key, index, months.length);
    if (target === undefined) return;
    // Handled here for every browser alike (a native range moves Page Up/Down by a tenth, not a year).
    event.preventDefault();
    if (target !== index) goToIndex(target);
  };
  const progress = { '--app-timeline-progress': String(percentOf(index, months.length) / 100) } as CSSProperties;
  return { coverage, months, markers, ticks, playback, index, shownMonth, lastIndex, goTo, goToIndex, onSliderKeyDown, progress };
}

type TimelineState = ReturnType<typeof useTimelineState>;

/** The slider with its event markers above and its year ticks below: the same in the month bar and the full timeline. */
function MonthSlider({ state, ids }: { state: TimelineState; ids: { slider: string; hint: string } }) {
  const { markers, ticks, index, shownMonth, lastIndex, goTo, goToIndex, onSliderKeyDown, progress } = state;
  return (
    <>
      <EventMarkers markers={markers} currentMonth={shownMonth} onChoose={goTo} />
      <input
        id={ids.slider}
        className="app-timeline__range"
        type="range"
        min={0}
        max={lastIndex}
        step={1}
        value={index}
        aria-valuetext={formatMonth(shownMonth)}
        aria-describedby={ids.hint}
        onChange={(event: ChangeEvent<HTMLInputElement>) => goToIndex(Number(event.target.value))}
        onKeyDown={onSliderKeyDown}
        style={progress}
      />
      <YearTicks ticks={ticks} />
    </>
  );
}

/** The explorer's month bar (see TimelineProps.bar). */
function MonthBar({ dataset, month }: { dataset: Dataset; month: MonthString }) {
  const state = useTimelineState(dataset, month);
  const { coverage, playback, index, shownMonth, lastIndex, goToIndex } = state;
  const ids = { slider: useId(), hint: useId() };
  return (
    <section className="app-timeline app-timeline--bar" aria-label="Timeline">
      <div className="app-timeline__bar-controls">
        <StepButton direction="previous" iconOnly disabled={index <= 0} onClick={() => goToIndex(index - 1)}>
          Previous month
        </StepButton>
        <p className="app-timeline__current">
          <span className="app-timeline__current-month">{formatMonth(shownMonth)}</span>{' '}
          <span className="app-timeline__current-year">financial year {financialYearOf(shownMonth)}</span>
        </p>
        <StepButton direction="next" iconOnly disabled={index >= lastIndex} onClick={() => goToIndex(index + 1)}>
          Next month
        </StepButton>
        <PlayButton playing={playback.playing} onClick={playback.playing ? playback.pause : playback.play} />
      </div>
      <div className="app-timeline__track">
        <label className="nhsuk-u-visually-hidden" htmlFor={ids.slider}>
          Month
        </label>
        <p className="nhsuk-u-visually-hidden" id={ids.hint}>
          {formatMonth(coverage.from)} to {formatMonth(coverage.to)}. Arrow keys move a month, Page Up and Page Down a year, Home
          and End to the first and last month. Play steps through the months.
        </p>
        <MonthSlider state={state} ids={ids} />
      </div>
    </section>
  );
}

/**
 * Stepping by event, on its own (the explorer shows it with the month's events, below the map):
 * every event in one list, and the previous and next months with events.
 */
export function TimelineEventSteps() {
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  if (!dataset || !month) return null;
  return <EventSteps dataset={dataset} month={month} />;
}

function EventSteps({ dataset, month }: { dataset: Dataset; month: MonthString }) {
  const setMonth = useExplorerStore(selectSetMonth);
  const coverage = dataset.meta.coverage;
  const markers = useMemo(() => eventMarkers(dataset.events, coverage), [dataset.events, coverage]);
  const previousEvent = previousEventMarker(markers, month);
  const nextEvent = nextEventMarker(markers, month);
  const id = useId();
  return (
    <div
      className="app-timeline__step-group app-timeline__step-group--events app-timeline-event-steps"
      role="group"
      aria-label="Step by event"
    >
      <EventJump id={id} markers={markers} currentMonth={month} onChoose={setMonth} />
      <div className="app-timeline__event-buttons">
        <StepButton direction="previous" disabled={!previousEvent} onClick={() => previousEvent && setMonth(previousEvent.month)}>
          Previous event
        </StepButton>
        <StepButton direction="next" disabled={!nextEvent} onClick={() => nextEvent && setMonth(nextEvent.month)}>
          Next event
        </StepButton>
      </div>
    </div>
  );
}

function PlayButton({ playing, onClick }: { playing: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className={`nhsuk-button nhsuk-button--small app-timeline__play${playing ? ' app-timeline__play--playing' : ''}`}
      onClick={onClick}
    >
      <PlayIcon playing={playing} />
      {playing ? 'Pause' : 'Play'}
    </button>
  );
}

function TimelineControls({ dataset, month, compact }: { dataset: Dataset; month: MonthString; compact: boolean }) {
  const state = useTimelineState(dataset, month);
  const { coverage, markers, playback, index, shownMonth, lastIndex, goTo, goToIndex } = state;
  const previousEvent = previousEventMarker(markers, shownMonth);
  const nextEvent = nextEventMarker(markers, shownMonth);
  const ids = {
    slider: useId(),
    hint: useId(),
    jump: useId(),
  };

  return (
    <section className={`app-timeline${compact ? ' app-timeline--compact' : ''}`} aria-label="Timeline">
      <div className="app-timeline__header">
        <div className="app-timeline__reading">
          <label className="nhsuk-label app-timeline__label" htmlFor={ids.slider}>
            Month
          </label>
          <p className="app-timeline__current">
            <span className="app-timeline__current-month">{formatMonth(shownMonth)}</span>{' '}
            <span className="app-timeline__current-year">financial year {financialYearOf(shownMonth)}</span>
          </p>
        </div>
        <PlayButton playing={playback.playing} onClick={playback.playing ? playback.pause : playback.play} />
      </div>
      <p className={compact ? 'nhsuk-u-visually-hidden' : 'nhsuk-hint app-timeline__hint'} id={ids.hint}>
        {formatMonth(coverage.from)} to {formatMonth(coverage.to)}. Arrow keys move a month, Page Up and Page Down a year, Home
        and End to the first and last month. Play steps through the months.
      </p>

      <div className="app-timeline__track">
        <MonthSlider state={state} ids={ids} />
      </div>

      <div className="app-timeline__steps">
        <div className="app-timeline__step-group" role="group" aria-label="Step by month">
          <StepButton direction="previous" disabled={index <= 0} onClick={() => goToIndex(index - 1)}>
            Previous month
          </StepButton>
          <StepButton direction="next" disabled={index >= lastIndex} onClick={() => goToIndex(index + 1)}>
            Next month
          </StepButton>
        </div>
        {compact ? null : (
          <div className="app-timeline__step-group app-timeline__step-group--events" role="group" aria-label="Step by event">
            <EventJump id={ids.jump} markers={markers} currentMonth={shownMonth} onChoose={goTo} />
            <div className="app-timeline__event-buttons">
              <StepButton
                direction="previous"
                disabled={!previousEvent}
                onClick={() => previousEvent && goTo(previousEvent.month)}
              >
                Previous event
              </StepButton>
              <StepButton direction="next" disabled={!nextEvent} onClick={() => nextEvent && goTo(nextEvent.month)}>
                Next event
              </StepButton>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}

/**
 * Playback: one month every PLAYBACK_STEP_MS from the current month (from the first if at the
 * last), stopping at the last. It stops too when anything else changes the month (a key, a click,
 * another part of the page), so the reader is never fought over the slider.
 */
function usePlayback(months: readonly MonthString[], coverage: Coverage) {
  const store = useExplorerStoreApi();
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    // The month playback last set; any other month means someone else moved the slider.
    let expected = store.getState().month;
    const unsubscribe = store.subscribe((state) => {
      if (state.month !== expected) setPlaying(false);
    });
    const timer = window.setInterval(() => {
      const current = store.getState().month;
      const next = current === null ? undefined : nextPlaybackIndex(indexOfMonth(coverage, current), months.length);
      if (next === undefined) {
        setPlaying(false);
        return;
      }
      expected = monthAtIndex(months, next);
      store.getState().setMonth(expected);
      if (nextPlaybackIndex(next, months.length) === undefined) setPlaying(false);
    }, PLAYBACK_STEP_MS);
    return () => {
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [playing, store, months, coverage]);

  const play = useCallback(() => {
    const current = store.getState().month;
    const start = startOfPlayback(current === null ? 0 : indexOfMonth(coverage, current), months.length);
    store.getState().setMonth(monthAtIndex(months, start));
    setPlaying(true);
  }, [store, months, coverage]);
  const pause = useCallback(() => setPlaying(false), []);
  return { playing, play, pause };
}

function PlayIcon({ playing }: { playing: boolean }) {
  return (
    <svg className="app-timeline__play-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {playing ? <path d="M3 2h4v12H3zM9 2h4v12H9z" /> : <path d="M3 1.5v13L14 8z" />}
    </svg>
  );
}

/**
 * A step button. At the ends it stays focusable with aria-disabled, rather than disabled, so that
 * keyboard focus is not thrown to the page when the last step is taken.
 */
function StepButton({
  direction,
  disabled,
  onClick,
  iconOnly = false,
  children,
}: {
  direction: 'previous' | 'next';
  disabled: boolean;
  onClick: () => void;
  /** only the chevron shows; the words are for screen readers (and the tooltip) */
  iconOnly?: boolean;
  children: string;
}) {
  return (
    <button
      type="button"
      className={`nhsuk-button nhsuk-button--secondary nhsuk-button--small app-timeline__step app-timeline__step--${direction}${iconOnly ? ' app-timeline__step--icon' : ''}`}
      aria-disabled={disabled ? 'true' : undefined}
      title={iconOnly ? children : undefined}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {iconOnly ? (
        <>
          <Chevron direction={direction} />
          <span className="nhsuk-u-visually-hidden">{children}</span>
        </>
      ) : direction === 'previous' ? (
        <>
          <Chevron direction="previous" />
          {children}
        </>
      ) : (
        <>
          {children}
          <Chevron direction="next" />
        </>
      )}
    </button>
  );
}

function Chevron({ direction }: { direction: 'previous' | 'next' }) {
  return (
    <svg className="app-timeline__chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d={direction === 'previous' ? 'M11 2 5 8l6 6' : 'M5 2l6 6-6 6'} />
    </svg>
  );
}

/**
 * A marker for each month with events. Markers are out of the tab order (forty stops would be
 * tedious); the same moves are in the "Jump to an event" list and the event step buttons.
 * Each marker's tooltip shows on hover and on focus, stays while the pointer is over it, and
 * Escape dismisses it (WCAG 1.4.13).
 */
const EventMarkers = memo(function EventMarkers({
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
        aria-describedby={tooltipId}
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
      <div
        role="tooltip"
        id={tooltipId}
        className="app-timeline__tooltip"
        // Slid left in proportion to the marker's place, so it never runs off either end of the track.
        style={{ transform: `translateX(-${marker.percent}%)` }}
        hidden={!tooltipShown}
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
    </div>
  );
});

/** A tick at each January, labelled with its year; decorative, as the slider speaks its month. */
const YearTicks = memo(function YearTicks({ ticks }: { ticks: readonly YearTick[] }) {
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
function EventJump({
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
