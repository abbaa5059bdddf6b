import { Fragment, useId, useMemo, useRef } from 'react';
import { Citations } from '../../components/Citations';
import { ROLE_WORDS, STATUS_TAG_CLASSES, STATUS_WORDS, sinceWords } from '../../components/commissioning-words';
import { EntityLink } from '../../components/EntityLink';
import { PanelHeader, SourcesDetails, SourcesDifferCallout, useFocusOnChange } from '../../components/panel-parts';
import { TermText } from '../../components/TermText';
import type { Commissioning, Dataset, Service } from '../../data/schema';
import { addMonths, compareMonths, formatEventDate, formatMonth, type MonthString } from '../../domain/months';
import { nameAt } from '../../domain/organisations';
import { capitalise } from '../../lib/words';
import {
  type CommissionerAtMonth,
  type CommissionerRef,
  commissionersOf,
  type ServiceChange,
  serviceHistory,
} from '../../domain/services';
import { useDatasetAndMonth, useExplorerStoreApi } from '../../store';
import { HistoryStrip } from './HistoryStrip';
import { INFERRED_TAG_CLASS, INFERRED_WORD, ROLE_MEANINGS, SERVICE_CATEGORY_LABELS, UPTAKE_LEVEL_WORDS } from './labels';
import { NotFoundPanel } from './NotFoundPanel';
import {
  type CommissionerGroup,
  citationsOf,
  groupByOrganisation,
  isInferred,
  isInferredAt,
  nearestDescribedMonth,
  organisationsById,
  uptakeAt,
} from './service-view';
import './service-panel-head.css';
import './services.css';

/** A service at the chosen month: who commissions it, how that changed, and the sources. */
export function ServicePanel({ serviceId }: { serviceId: string }) {
  const ready = useDatasetAndMonth();
  if (!ready) return <p role="status">Loading the dataset…</p>;
  const service = ready.dataset.services.find((candidate) => candidate.id === serviceId);
  if (!service) return <NotFoundPanel kind="service" id={serviceId} />;
  return <ServicePanelView dataset={ready.dataset} month={ready.month} service={service} />;
}

/** When an arrangement ran: "since April 2013, until September 2015"; a reversal says when it was halted. */
function whenWords(record: Commissioning, coverageFrom: MonthString): string {
  const since = sinceWords(record.from, coverageFrom);
  if (record.to === null) return since;
  return record.status === 'reversed'
    ? `${since}, halted in ${formatMonth(record.to)}`
    : `${since}, until ${formatMonth(record.to)}`;
}

function ServicePanelView({ dataset, month, service }: { dataset: Dataset; month: MonthString; service: Service }) {
  const store = useExplorerStoreApi();
  const headingRef = useFocusOnChange<HTMLHeadingElement>(service.id);
  const headingId = useId();
  const atMonthId = useId();
  const historyId = useId();
  const plansId = useId();
  const coverageFrom = dataset.meta.coverage.from;
  const atMonthHeadingRef = useRef<HTMLHeadingElement>(null);
  const setMonth = (target: MonthString) => store.getState().setMonth(target);
  // The notice and its button go away once the month is one the service is described at, so
  // focus moves to the section's heading rather than being lost.
  const goToDescribedMonth = (target: MonthString) => {
    setMonth(target);
    atMonthHeadingRef.current?.focus();
  };

  const { inForce, plans } = useMemo(() => {
    const commissioners = commissionersOf(dataset, service.id, month);
    return {
      inForce: groupByOrganisation(commissioners.filter((entry) => entry.status === 'in-force')),
      plans: groupByOrganisation(commissioners.filter((entry) => entry.status !== 'in-force')),
    };
  }, [dataset, service.id, month]);
  const history = useMemo(() => serviceHistory(dataset, service.id), [dataset, service.id]);
  const jumpTo = nearestDescribedMonth(service, month);

  return (
    <section className="app-panel app-services-panel" aria-labelledby={headingId}>
      <PanelHeader
        caption={`Service: ${SERVICE_CATEGORY_LABELS[service.category]}`}
        headingId={headingId}
        headingRef={headingRef}
      >
        {service.name}
      </PanelHeader>
      {service.synonyms.length > 0 ? (
        <p className="nhsuk-body-s app-services-panel__aka">Also called: {service.synonyms.join(', ')}</p>
      ) : null}
      <p>
        <TermText text={service.description} />
      </p>
      {service.from !== null || service.to !== null ? (
        <p className="nhsuk-body-s">
          The dataset describes it{service.from !== null ? ` from ${formatMonth(service.from)}` : ''}
          {service.to !== null ? ` until ${formatMonth(service.to)}` : ''}.
        </p>
      ) : null}

      <section className="app-panel__section" aria-labelledby={atMonthId}>
        <h3 className="nhsuk-heading-xs app-services-panel__section-heading" id={atMonthId} ref={atMonthHeadingRef} tabIndex={-1}>
          At {formatMonth(month)}
        </h3>
        {jumpTo ? (
          <div className="nhsuk-inset-text app-panel__notice">
            <p>
              The dataset describes this service only{service.from !== null ? ` from ${formatMonth(service.from)}` : ''}
              {service.to !== null ? ` until ${formatMonth(service.to)}` : ''}, so it has no commissioner at {formatMonth(month)}.
            </p>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              onClick={() => goToDescribedMonth(jumpTo)}
            >
              Go to {formatMonth(jumpTo)}
            </button>
          </div>
        ) : inForce.length > 0 ? (
          <ul className="nhsuk-list app-services-commissioners" aria-label="Commissioners">
            {inForce.map((group) => (
              <CommissionerItem key={group.organisation.id} group={group} month={month} coverageFrom={coverageFrom} />
            ))}
          </ul>
        ) : (
          <p>No commissioner in force is recorded for this month.</p>
        )}
        {plans.length > 0 ? (
          <>
            <h4 className="app-panel__subheading" id={plansId}>
              Plans at this date
            </h4>
            <p className="nhsuk-body-s">
              Proposals, pauses and reversals that stood at {formatMonth(month)}. They were not in force.
            </p>
            <ul className="nhsuk-list app-services-commissioners app-services-commissioners--plans" aria-labelledby={plansId}>
              {plans.map((group) => (
                <CommissionerItem key={group.organisation.id} group={group} month={month} coverageFrom={coverageFrom} />
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="app-panel__section" aria-labelledby={historyId}>
        <h3 className="nhsuk-heading-xs" id={historyId}>
          History of its commissioners
        </h3>
        <HistoryStrip dataset={dataset} serviceId={service.id} month={month} onChooseMonth={setMonth} />
        <HistoryList dataset={dataset} serviceId={service.id} history={history} month={month} onChooseMonth={setMonth} />
      </section>

      <section className="app-panel__section">
        <Citations citations={service.sources} heading="Sources for this service" />
      </section>
    </section>
  );
}

function CommissionerItem({
  group,
  month,
  coverageFrom,
}: {
  group: CommissionerGroup;
  month: MonthString;
  coverageFrom: MonthString;
}) {
  return (
    <li className="app-services-commissioner">
      <p className="app-services-commissioner__name">
        <EntityLink to={{ kind: 'organisation', id: group.organisation.id }}>{group.name}</EntityLink>
      </p>
      {group.entries.map((entry) => (
        <Arrangement key={entry.record.id} entry={entry} month={month} coverageFrom={coverageFrom} />
      ))}
    </li>
  );
}

/** The arrangement's status; one the sources do not state for this service (an inference) says so instead of "In force". */
function StatusTag({ record }: { record: Commissioning }) {
  const inferred = isInferred(record);
  return (
    <strong
      className={`nhsuk-tag ${inferred ? INFERRED_TAG_CLASS : STATUS_TAG_CLASSES[record.status]} app-services-arrangement__status`}
    >
      {inferred ? INFERRED_WORD : capitalise(STATUS_WORDS[record.status])}
    </strong>
  );
}

function Arrangement({
  entry,
  month,
  coverageFrom,
}: {
  entry: CommissionerAtMonth;
  month: MonthString;
  coverageFrom: MonthString;
}) {
  const { record } = entry;
  const uptake = uptakeAt(record, month);
  return (
    <div className="app-services-arrangement">
      <p className="app-services-arrangement__summary">
        <StatusTag record={record} />{' '}
        <span>
          {capitalise(ROLE_WORDS[record.role])}
          {record.scope ? ' (scope-limited)' : ''}, {whenWords(record, coverageFrom)}
        </span>
      </p>
      {record.scope ? (
        <p className="nhsuk-body-s app-services-arrangement__scope">
          <strong>Scope:</strong> {record.scope}
        </p>
      ) : null}
      {record.role !== 'sole' ? (
        <p className="nhsuk-body-s app-services-arrangement__meaning">
          {capitalise(ROLE_WORDS[record.role])}: {ROLE_MEANINGS[record.role]}.
        </p>
      ) : null}
      {uptake.length > 0 ? (
        // One sentence rather than a nested list, so that the "Commissioners" list holds only organisations.
        <p className="nhsuk-body-s app-services-uptake">
          Clinical commissioning groups at each level, the latest figures given by {formatMonth(month)}:{' '}
          {uptake.map((figure, index) => (
            <Fragment key={`${figure.level}-${figure.asOf}`}>
              {index > 0 ? '; ' : ''}
              <span className="app-services-uptake__figure">
                {UPTAKE_LEVEL_WORDS[figure.level]}: {figure.count} CCGs ({formatMonth(figure.asOf)})
              </span>
            </Fragment>
          ))}
          .
        </p>
      ) : null}
      {record.note ? <p className="nhsuk-body-s app-services-arrangement__note">{record.note}</p> : null}
      {record.contested ? <SourcesDifferCallout reason={record.contested.reason} /> : null}
      <SourcesDetails citations={citationsOf(record, month)} />
    </div>
  );
}

/** The in-force change whose arrangement stands at the month (the last one that began by then). */
function standingChangeIndex(history: readonly ServiceChange[], month: MonthString): number {
  let standing = -1;
  history.forEach((change, index) => {
    if (change.kind === 'plan') return;
    if (change.month === null || compareMonths(change.month, month) <= 0) standing = index;
  });
  return standing;
}

function HistoryList({
  dataset,
  serviceId,
  history,
  month,
  onChooseMonth,
}: {
  dataset: Dataset;
  serviceId: string;
  history: readonly ServiceChange[];
  month: MonthString;
  onChooseMonth: (month: MonthString) => void;
}) {
  const organisations = useMemo(() => organisationsById(dataset), [dataset]);
  const coverageFrom = dataset.meta.coverage.from;
  const standing = standingChangeIndex(history, month);
  if (history.length === 0) return <p>No commissioner is recorded for this service.</p>;

  // `inForceAt`: the month at which the arrangement stood, to tell whether it is an inferred one.
  const refs = (list: readonly CommissionerRef[], at: MonthString, inForceAt: MonthString = at) =>
    list.map((ref, index) => {
      const organisation = organisations.get(ref.organisationId);
      const separator = index === 0 ? '' : index === list.length - 1 ? ' and ' : ', ';
      return (
        <Fragment key={`${ref.organisationId}-${ref.role}`}>
          {separator}
          <EntityLink to={{ kind: 'organisation', id: ref.organisationId }}>
            {organisation ? nameAt(organisation, at).name : ref.organisationId}
          </EntityLink>{' '}
          ({ROLE_WORDS[ref.role]})
          {isInferredAt(dataset, serviceId, ref, inForceAt) ? (
            <>
              {' '}
              <strong className={`nhsuk-tag ${INFERRED_TAG_CLASS} app-services-history__inferred`}>{INFERRED_WORD}</strong>
            </>
          ) : null}
        </Fragment>
      );
    });

  return (
    <ol className="app-services-history" aria-label="History">
      {history.map((change, index) => {
        const target = change.month ?? coverageFrom;
        const label = formatMonth(target);
        const plan = change.kind === 'plan' ? change.started[0] : undefined;
        const isStanding = index === standing;
        return (
          <li
            key={`${change.kind}-${change.month ?? 'before'}-${change.started.map((record) => record.id).join(',')}`}
            className={`app-services-history__item${isStanding ? ' app-services-history__item--standing' : ''}${
              plan ? ' app-services-history__item--plan' : ''
            }`}
            aria-current={isStanding ? 'true' : undefined}
          >
            <p className="app-services-history__change">
              <button type="button" className="app-services-history__month" onClick={() => onChooseMonth(target)}>
                <span className="nhsuk-u-visually-hidden">Go to</span> {label}
              </button>
              {isStanding ? (
                <strong className="nhsuk-tag nhsuk-tag--white app-services-history__standing">At {formatMonth(month)}</strong>
              ) : null}
            </p>
            <p className="app-services-history__text">
              {plan ? (
                <>
                  {capitalise(STATUS_WORDS[plan.status])}: {refs(change.after, target)}, {whenWords(plan, coverageFrom)}.
                </>
              ) : change.kind === 'start' ? (
                <>
                  {change.month === null ? 'Already in place before the dataset begins: ' : 'First commissioned by '}
                  {refs(change.after, target)}.
                </>
              ) : (
                <>
                  From {refs(change.before, target, addMonths(target, -1))} to {refs(change.after, target)}.
                </>
              )}
            </p>
            {change.events.length > 0 ? (
              <p className="nhsuk-body-s app-services-history__events">
                {change.events.length === 1 ? 'Event' : 'Events'}:{' '}
                {change.events.map((event, eventIndex) => (
                  <Fragment key={event.id}>
                    {eventIndex > 0 ? '; ' : ''}
                    {event.title} ({formatEventDate(event.date)})
                  </Fragment>
                ))}
              </p>
            ) : null}
            <SourcesDetails citations={change.sources} />
          </li>
        );
      })}
    </ol>
  );
}
