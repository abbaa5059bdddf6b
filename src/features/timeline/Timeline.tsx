/**
 * The timeline: the explorer's month bar (`bar`), the full timeline (the funding view's, `compact`),
 * and stepping by event on its own (TimelineEventSteps). Its parts: TimelineMarkers (event markers,
 * year ticks, the list of events), TimelineButtons (Play, the steps), usePlayback.
 */
import { type ChangeEvent, type CSSProperties, type KeyboardEvent, useCallback, useId, useMemo } from 'react';
import { AfterFirstPaint, useValueAfterPaint } from '../../components/after-paint';
import type { Dataset } from '../../data/schema';
import { financialYearOf, formatMonth, type MonthString } from '../../domain/months';
import { selectDataset, selectMonth, selectSetMonth, useExplorerStore } from '../../store';
import {
  coverageMonths,
  eventMarkers,
  indexForKey,
  indexOfMonth,
  monthAtIndex,
  nextEventMarker,
  percentOf,
  previousEventMarker,
  yearTicks,
} from './timeline-model';
import { PlayButton, StepButton } from './TimelineButtons';
import { EventJump, EventMarkers, YearTicks } from './TimelineMarkers';
import { PLAYBACK_STEP_MS, usePlayback } from './usePlayback';
import './timeline.css';

export { PLAYBACK_STEP_MS };

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
      {/* The markers (about 160 elements, a third of the page's first frame) follow with the map's
          key, two paints later, into the space their row keeps for them (timeline.css), so the frame
          that first draws the page is shorter and nothing moves when they come. */}
      <AfterFirstPaint paints={2} fallback={<div className="app-timeline__markers" />}>
        <EventMarkers markers={markers} currentMonth={shownMonth} onChoose={goTo} />
      </AfterFirstPaint>
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
  // Below the map, with a list of every event: it follows a month step after the step's paint.
  const month = useValueAfterPaint(useExplorerStore(selectMonth));
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
