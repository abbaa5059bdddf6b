import { Fragment, useId, type ReactNode } from 'react';
import { SourcesDetails } from '../../components/panel-parts';
import { hrefFor } from '../../components/routing';
import type { DatasetEvent, Service } from '../../data/schema';
import type {
  CommissioningChange,
  Comparison,
  CountChange,
  OrganisationChange,
  RelationshipChange,
} from '../../domain/comparison';
import { formatEventDate, formatMonth, monthOfDate, type MonthString } from '../../domain/months';
import { commissionersWords, countWords, RELATIONSHIP_VERBS, SERVICE_CATEGORY_HEADINGS } from './compare-words';
import './compare.css';

/** "→" for the eye, "to" for a screen reader. */
function Arrow() {
  return (
    <>
      <span aria-hidden="true"> → </span>
      <span className="nhsuk-u-visually-hidden"> to </span>
    </>
  );
}

/** Links to the events, each opening the map at its month (where the timeline shows it). */
function EventLinks({ events }: { events: readonly DatasetEvent[] }) {
  return (
    <>
      {events.map((event, index) => (
        <Fragment key={event.id}>
          {index > 0 ? (index === events.length - 1 ? ' and ' : ', ') : null}
          <a href={hrefFor(null, monthOfDate(event.date))}>{event.title}</a> ({formatEventDate(event.date)})
        </Fragment>
      ))}
    </>
  );
}

/** The map's signs for a change (its key explains them), repeated beside the list's headings; the words carry the meaning. */
const SIGNS = { added: '+', removed: '−', changed: '~' } as const;

function Group({
  title,
  count,
  children,
  description,
  sign,
}: {
  title: string;
  count: number;
  children: ReactNode;
  description?: string;
  sign?: keyof typeof SIGNS;
}) {
  const headingId = useId();
  return (
    <section className="app-compare-group" aria-labelledby={headingId}>
      <h2 className="nhsuk-heading-m app-compare-group__heading" id={headingId}>
        {sign ? (
          <span className={`app-compare-sign app-compare-sign--${sign}`} aria-hidden="true">
            {SIGNS[sign]}
          </span>
        ) : null}
        {title} <span className="app-compare-group__count">({count})</span>
      </h2>
      {description ? <p className="nhsuk-body-s app-compare-group__description">{description}</p> : null}
      {count === 0 ? <p className="nhsuk-body-s">None.</p> : children}
    </section>
  );
}

function OrganisationItem({
  change,
  linkMonth,
  toMonth,
  verb,
}: {
  change: OrganisationChange;
  linkMonth: MonthString;
  toMonth: MonthString;
  verb: 'began' | 'ended';
}) {
  const { organisation, events } = change;
  return (
    <li className="app-compare-item">
      <p className="app-compare-item__title">
        <a href={hrefFor({ kind: 'organisation', id: organisation.id }, linkMonth)}>{change.name}</a>
        {change.nameAtTo ? (
          <span className="app-compare-item__aside">
            {' '}
            (named {change.nameAtTo} by {formatMonth(toMonth)})
          </span>
        ) : null}
      </p>
      <p className="nhsuk-body-s app-compare-item__text">
        {verb === 'began' ? `In being from ${formatMonth(change.month)}` : `Last in force in ${formatMonth(change.month)}`}
        {events.length > 0 ? (
          <>
            {verb === 'began' ? ', by ' : '; ended by '}
            <EventLinks events={events} />
          </>
        ) : null}
        .
      </p>
      <SourcesDetails citations={[...organisation.sources, ...events.flatMap((event) => event.sources)]} />
    </li>
  );
}

function CommissioningItem({ change, comparison }: { change: CommissioningChange; comparison: Comparison }) {
  return (
    <li className="app-compare-item">
      <p className="app-compare-item__title">
        <a href={hrefFor({ kind: 'service', id: change.service.id }, comparison.to)}>{change.service.name}</a>
      </p>
      <p className="nhsuk-body-s app-compare-item__text app-compare-item__text--overall">
        {commissionersWords(change.before)} in {formatMonth(comparison.from)}
        <Arrow />
        {commissionersWords(change.after)} in {formatMonth(comparison.to)}
      </p>
      {change.steps.length > 0 ? (
        <ol className="nhsuk-list app-compare-steps" aria-label={`Changes of commissioner of ${change.service.name}`}>
          {change.steps.map((step) => (
            <li key={step.month} className="nhsuk-body-s app-compare-steps__step">
              {commissionersWords(step.before)}
              <Arrow />
              {commissionersWords(step.after)}, {formatMonth(step.month)}
              {step.events.length > 0 ? (
                <>
                  , by <EventLinks events={step.events} />
                </>
              ) : (
                ' (no event in the dataset names this change)'
              )}
            </li>
          ))}
        </ol>
      ) : null}
      <SourcesDetails citations={change.sources} />
    </li>
  );
}

function CountItem({ change, comparison }: { change: CountChange; comparison: Comparison }) {
  const figures = [change.before, change.after].flatMap((count) => (count.state === 'known' ? [count.figure] : []));
  const linkMonth = change.after.state === 'not-in-being' ? comparison.from : comparison.to;
  return (
    <li className="app-compare-item">
      <p className="app-compare-item__title">
        <a href={hrefFor({ kind: 'organisation', id: change.organisation.id }, linkMonth)}>{change.name}</a>
      </p>
      <p className="nhsuk-body-s app-compare-item__text">
        {formatMonth(comparison.from)}: {countWords(change.before, 'before')}
        <Arrow />
        {formatMonth(comparison.to)}: {countWords(change.after, 'after')}
      </p>
      {figures
        .filter((figure) => figure.dateNote)
        .map((figure) => (
          <p key={figure.asOf} className="nhsuk-body-s app-compare-item__note">
            {figure.count} as of {formatMonth(figure.asOf)}: {figure.dateNote}
          </p>
        ))}
      <SourcesDetails citations={figures.flatMap((figure) => figure.sources)} summary="Sources of the figures" />
    </li>
  );
}

function RelationshipItem({ change }: { change: RelationshipChange }) {
  const { relationship } = change;
  return (
    <li className="app-compare-item app-compare-item--compact">
      <p className="nhsuk-body-s app-compare-item__text">
        {change.subjectName} {RELATIONSHIP_VERBS[relationship.kind]} {change.objectName}
        {change.month ? ` (${formatMonth(change.month)})` : ''}
        {change.events.length > 0 ? (
          <>
            , by <EventLinks events={change.events} />
          </>
        ) : null}
      </p>
      <SourcesDetails citations={relationship.sources} />
    </li>
  );
}

const CATEGORY_ORDER = Object.keys(SERVICE_CATEGORY_HEADINGS) as Service['category'][];

/** The comparison as a list grouped by kind of change, each change with its months, events and sources. */
export function ComparisonList({ comparison }: { comparison: Comparison }) {
  if (comparison.same) return null;
  const byCategory = CATEGORY_ORDER.flatMap((category) => {
    const changes = comparison.commissioningChanges.filter((change) => change.service.category === category);
    return changes.length > 0 ? [{ category, changes }] : [];
  });
  const relationshipCount = comparison.relationshipsStarted.length + comparison.relationshipsEnded.length;

  return (
    <div className="app-compare-list">
      <Group title="Came into being" count={comparison.organisationsStarted.length} sign="added">
        <ul className="nhsuk-list app-compare-items">
          {comparison.organisationsStarted.map((change) => (
            <OrganisationItem
              key={change.organisation.id}
              change={change}
              linkMonth={comparison.to}
              toMonth={comparison.to}
              verb="began"
            />
          ))}
        </ul>
      </Group>

      <Group title="Ended" count={comparison.organisationsEnded.length} sign="removed">
        <ul className="nhsuk-list app-compare-items">
          {comparison.organisationsEnded.map((change) => (
            <OrganisationItem
              key={change.organisation.id}
              change={change}
              linkMonth={change.month}
              toMonth={comparison.to}
              verb="ended"
            />
          ))}
        </ul>
      </Group>

      {comparison.renamed.length > 0 ? (
        <Group title="Renamed" count={comparison.renamed.length} sign="changed">
          <ul className="nhsuk-list app-compare-items">
            {comparison.renamed.map((rename) => (
              <li key={rename.organisation.id} className="app-compare-item">
                <p className="nhsuk-body-s app-compare-item__text">
                  {rename.before}
                  <Arrow />
                  <a href={hrefFor({ kind: 'organisation', id: rename.organisation.id }, comparison.to)}>{rename.after}</a>
                </p>
                <SourcesDetails
                  citations={(rename.organisation.names ?? [])
                    .filter((name) => name.name === rename.after)
                    .flatMap((name) => name.sources)}
                />
              </li>
            ))}
          </ul>
        </Group>
      ) : null}

      <Group title="Changed commissioner" count={comparison.commissioningChanges.length} sign="changed">
        {byCategory.map(({ category, changes }) => (
          <Fragment key={category}>
            <h3 className="nhsuk-heading-s app-compare-group__subheading">
              {SERVICE_CATEGORY_HEADINGS[category]} ({changes.length})
            </h3>
            <ul className="nhsuk-list app-compare-items">
              {changes.map((change) => (
                <CommissioningItem key={change.service.id} change={change} comparison={comparison} />
              ))}
            </ul>
          </Fragment>
        ))}
      </Group>

      <Group
        title="Counts that changed"
        sign="changed"
        count={comparison.countChanges.length}
        description="How many there were of each kind of body, where a source gives a figure. A count no source gives is shown as unknown."
      >
        <ul className="nhsuk-list app-compare-items">
          {comparison.countChanges.map((change) => (
            <CountItem key={change.organisation.id} change={change} comparison={comparison} />
          ))}
        </ul>
      </Group>

      <Group title="Links between bodies" count={relationshipCount}>
        <details className="nhsuk-details app-compare-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              {comparison.relationshipsStarted.length} began, {comparison.relationshipsEnded.length} ended
            </span>
          </summary>
          <div className="nhsuk-details__text">
            <h3 className="nhsuk-heading-s">Began ({comparison.relationshipsStarted.length})</h3>
            <ul className="nhsuk-list app-compare-items">
              {comparison.relationshipsStarted.map((change) => (
                <RelationshipItem key={change.relationship.id} change={change} />
              ))}
            </ul>
            <h3 className="nhsuk-heading-s">Ended ({comparison.relationshipsEnded.length})</h3>
            <ul className="nhsuk-list app-compare-items">
              {comparison.relationshipsEnded.map((change) => (
                <RelationshipItem key={change.relationship.id} change={change} />
              ))}
            </ul>
          </div>
        </details>
      </Group>

      <Group title="Events in between" count={comparison.events.length}>
        <ol className="nhsuk-list app-compare-items">
          {comparison.events.map((event) => (
            <li key={event.id} className="app-compare-item">
              <p className="app-compare-item__title">
                <a href={hrefFor(null, monthOfDate(event.date))}>{event.title}</a>
              </p>
              <p className="nhsuk-body-s app-compare-item__text">
                {formatEventDate(event.date)}: {event.summary}
              </p>
              <SourcesDetails citations={event.sources} />
            </li>
          ))}
        </ol>
      </Group>
    </div>
  );
}
