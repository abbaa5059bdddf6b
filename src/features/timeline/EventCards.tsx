import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useValueAfterPaint } from '../../components/after-paint';
import { Citations, SourceName } from '../../components/Citations';
import { prepareTermText, TermText } from '../../components/TermText';
import type { Citation, Dataset, DatasetEvent, Source } from '../../data/schema';
import { eventsInMonth } from '../../domain/changes';
import { formatEventDate, formatMonth, type MonthString } from '../../domain/months';
import { selectDataset, selectMonth, selectSetMonth, useExplorerStore } from '../../store';
import {
  describeMonthEvents,
  EVENT_KIND_LABELS,
  type EventMarker,
  eventMarkers,
  nextEventMarker,
  previousEventMarker,
} from './timeline-model';
import './timeline.css';

/**
 * How long the month must rest before the live region speaks: long enough that playback (a month
 * every 700 ms) and held arrow keys say nothing until they stop, short enough to feel like an answer.
 */
export const ANNOUNCEMENT_DELAY_MS = 1000;

const KIND_TAG_COLOURS: Record<DatasetEvent['kind'], string> = {
  law: 'nhsuk-tag--purple',
  policy: 'nhsuk-tag--blue',
  reform: 'nhsuk-tag--aqua-green',
  transfer: 'nhsuk-tag--orange',
  establishment: 'nhsuk-tag--green',
  abolition: 'nhsuk-tag--red',
  merger: 'nhsuk-tag--pink',
  programme: 'nhsuk-tag--grey',
};

/** The events of the chosen month as short cards, each with its date, kind, one line and sources. */
export function EventCards({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const dataset = useExplorerStore(selectDataset);
  // Below the map: a month step's frame carries the month bar only, and the cards follow after its paint.
  const month = useValueAfterPaint(useExplorerStore(selectMonth));
  if (!dataset || !month) return null;
  return <MonthEvents dataset={dataset} month={month} headingLevel={headingLevel} />;
}

function MonthEvents({ dataset, month, headingLevel }: { dataset: Dataset; month: MonthString; headingLevel: 2 | 3 }) {
  const setMonth = useExplorerStore(selectSetMonth);
  const events = useMemo(() => eventsInMonth(dataset, month), [dataset, month]);
  const markers = useMemo(() => eventMarkers(dataset.events, dataset.meta.coverage), [dataset.events, dataset.meta.coverage]);
  const sources = useMemo(() => new Map(dataset.sources.map((source) => [source.id, source])), [dataset.sources]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The cards link glossary terms: the term finder is made ready (loaded now, its matcher built
  // when the browser is idle), so that a month with many cards does not also pay for building it.
  useEffect(() => void prepareTermText(dataset.glossary), [dataset.glossary]);
  const monthLabel = formatMonth(month);
  const announcement = useMonthAnnouncement(
    month,
    describeMonthEvents(
      monthLabel,
      events.map((event) => event.title),
    ),
  );

  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const CardHeading = headingLevel === 3 ? 'h4' : 'h3';
  const headingId = useId();

  /** Moves to another month and takes focus to the heading, since the button that was pressed goes away. */
  const jumpTo = (target: MonthString) => {
    setMonth(target);
    headingRef.current?.focus();
  };

  return (
    <section className="app-timeline-events" aria-labelledby={headingId}>
      <Heading id={headingId} ref={headingRef} tabIndex={-1} className="nhsuk-heading-m app-timeline-events__heading">
        Events in {monthLabel}
      </Heading>
      <div className="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {events.length > 0 ? (
        <ul className="nhsuk-list app-timeline-events__list">
          {events.map((event) => (
            <li key={event.id} className="app-timeline-events__item">
              <EventCard event={event} sources={sources} Heading={CardHeading} />
            </li>
          ))}
        </ul>
      ) : (
        <NoEvents monthLabel={monthLabel} markers={markers} month={month} onJump={jumpTo} />
      )}
    </section>
  );
}

/**
 * The text of the live region: the month's events, said once the month has rested. Nothing is said
 * for the month the page opened at, only for months the reader moves to.
 */
function useMonthAnnouncement(month: MonthString, message: string): string {
  const [announcement, setAnnouncement] = useState('');
  const initialMonth = useRef(month);
  const moved = useRef(false);
  useEffect(() => {
    if (month !== initialMonth.current) moved.current = true;
    if (!moved.current) return;
    const timer = window.setTimeout(() => setAnnouncement(message), ANNOUNCEMENT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [month, message]);
  return announcement;
}

function EventCard({
  event,
  sources,
  Heading,
}: {
  event: DatasetEvent;
  sources: ReadonlyMap<string, Source>;
  Heading: 'h3' | 'h4';
}) {
  return (
    <article className="nhsuk-card app-timeline-events__card">
      <div className="nhsuk-card__content app-timeline-events__content">
        <Heading className="nhsuk-card__heading nhsuk-heading-s app-timeline-events__title">{event.title}</Heading>
        <p className="nhsuk-body-s app-timeline-events__meta">
          <time dateTime={event.date}>{formatEventDate(event.date)}</time>{' '}
          <strong className={`nhsuk-tag ${KIND_TAG_COLOURS[event.kind]} app-timeline-events__kind`}>
            {EVENT_KIND_LABELS[event.kind]}
          </strong>
        </p>
        <p className="nhsuk-card__description app-timeline-events__summary">
          <TermText text={event.summary} />
        </p>
        <EventSources citations={event.sources} sources={sources} />
      </div>
    </article>
  );
}

/** The first source on one line ("and 2 more"), with every source and its quoted words one click away. */
function EventSources({ citations, sources }: { citations: readonly Citation[]; sources: ReadonlyMap<string, Source> }) {
  const sourceIds = [...new Set(citations.map((citation) => citation.id))];
  const firstId = sourceIds[0];
  if (firstId === undefined) return null;
  const more = sourceIds.length - 1;
  const hasQuotes = citations.some((citation) => citation.quote);
  const detailsLabel =
    more > 0
      ? `All ${sourceIds.length} sources${hasQuotes ? ' and what they say' : ''}`
      : hasQuotes
        ? 'What the source says'
        : null;
  return (
    <>
      <p className="nhsuk-body-s app-timeline-events__source">
        Source: <SourceName source={sources.get(firstId)} id={firstId} />
        {more > 0 ? ` and ${more} more` : null}
      </p>
      {detailsLabel ? (
        <details className="nhsuk-details app-timeline-events__details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">{detailsLabel}</span>
          </summary>
          <div className="nhsuk-details__text">
            <Citations citations={citations} heading={null} />
          </div>
        </details>
      ) : null}
    </>
  );
}

function NoEvents({
  monthLabel,
  markers,
  month,
  onJump,
}: {
  monthLabel: string;
  markers: readonly EventMarker[];
  month: MonthString;
  onJump: (month: MonthString) => void;
}) {
  const next = nextEventMarker(markers, month);
  const previous = previousEventMarker(markers, month);
  const target = next ?? previous;
  return (
    <>
      <p className="app-timeline-events__empty">No events recorded for {monthLabel}.</p>
      {target ? (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-timeline-events__jump"
          onClick={() => onJump(target.month)}
        >
          {target === next ? 'Next event' : 'Previous event'}: {describeMarker(target)}
        </button>
      ) : null}
    </>
  );
}

/** "Health visiting moves to local government, October 2015", or "… and 2 more, April 2013". */
function describeMarker(marker: EventMarker): string {
  const [first] = marker.events;
  const more = marker.events.length - 1;
  return `${first?.title ?? ''}${more > 0 ? ` and ${more} more` : ''}, ${formatMonth(marker.month)}`;
}
