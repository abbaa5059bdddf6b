import { useId, useMemo } from 'react';
import { Citations } from '../../components/Citations';
import { ROLE_WORDS, STATUS_TAG_CLASSES, STATUS_WORDS, sinceWords } from '../../components/commissioning-words';
import { EntityLink } from '../../components/EntityLink';
import { NotFoundNotice } from '../../components/NotFoundNotice';
import { PanelHeader, SourcesDetails, SourcesDifferCallout, useFocusOnChange } from '../../components/panel-parts';
import { TermText } from '../../components/TermText';
import type { Dataset, Organisation } from '../../data/schema';
import { formatMonth, type MonthString } from '../../domain/months';
import { nameAt } from '../../domain/organisations';
import { capitalise } from '../../lib/words';
import { useDatasetAndMonth, useExplorerStoreApi } from '../../store';
import { CATEGORY_WORDS, KIND_CAPTIONS, KIND_NOUNS, KIND_WORDS, LEVEL_WORDS, lifeWords, otherNames } from './labels';
import { existenceAt, fundingAt, lineage, relationshipsAt, servicesCommissionedAt } from './organisation-view';
import { CountsSection, FundingItem, LineageSection, SummaryRow } from './organisation-sections';
import './orgs.css';

/** An organisation at the chosen month: its names, role, dates, count, lineage, commissioning, relationships and money. */
export function OrganisationPanel({ organisationId }: { organisationId: string }) {
  const ready = useDatasetAndMonth();
  if (!ready) return <p role="status">Loading the dataset…</p>;
  const organisation = ready.dataset.organisations.find((candidate) => candidate.id === organisationId);
  if (!organisation) return <UnknownOrganisation id={organisationId} />;
  return <OrganisationPanelView dataset={ready.dataset} month={ready.month} organisation={organisation} />;
}

function OrganisationPanelView({
  dataset,
  month,
  organisation,
}: {
  dataset: Dataset;
  month: MonthString;
  organisation: Organisation;
}) {
  const store = useExplorerStoreApi();
  const headingRef = useFocusOnChange<HTMLHeadingElement>(organisation.id);
  const headingId = useId();
  const idPrefix = useId();
  const ids = {
    count: `${idPrefix}-count`,
    lineage: `${idPrefix}-lineage`,
    predecessors: `${idPrefix}-predecessors`,
    successors: `${idPrefix}-successors`,
    commissions: `${idPrefix}-commissions`,
    relationships: `${idPrefix}-relationships`,
    money: `${idPrefix}-money`,
  };
  const { coverage } = dataset.meta;
  const { name, shortName } = nameAt(organisation, month);
  const existence = existenceAt(organisation, month);
  const { predecessors, successors, handedOver } = useMemo(() => lineage(dataset, organisation), [dataset, organisation]);
  const commissions = useMemo(() => servicesCommissionedAt(dataset, organisation.id, month), [dataset, organisation.id, month]);
  const everCommissions = useMemo(
    () => dataset.commissioning.some((record) => record.commissioner === organisation.id),
    [dataset, organisation.id],
  );
  const relationships = useMemo(() => relationshipsAt(dataset, organisation.id, month), [dataset, organisation.id, month]);
  const funding = useMemo(() => fundingAt(dataset, organisation.id, month), [dataset, organisation.id, month]);
  const everFunded = useMemo(
    () => dataset.funding.some((flow) => flow.payer === organisation.id || flow.recipient === organisation.id),
    [dataset, organisation.id],
  );
  const organisations = useMemo(() => new Map(dataset.organisations.map((other) => [other.id, other])), [dataset]);
  const nameOf = (id: string) => {
    const other = organisations.get(id);
    return other ? nameAt(other, month).name : id;
  };
  const names = otherNames(organisation, name);
  const jumpTo = existence === 'not-yet' ? organisation.from : existence === 'ended' ? organisation.to : null;
  const monthWords = formatMonth(month);

  return (
    <section className="app-panel app-orgs-panel" aria-labelledby={headingId}>
      <PanelHeader caption={KIND_CAPTIONS[organisation.kind]} headingId={headingId} headingRef={headingRef}>
        {name}
      </PanelHeader>
      {names.length > 0 ? (
        <ul className="nhsuk-list nhsuk-body-s app-orgs-panel__names">
          {names.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}

      {existence !== 'in-force' && jumpTo ? (
        <div className="nhsuk-inset-text app-panel__notice">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            At {monthWords} this {KIND_NOUNS[organisation.kind]} {existence === 'not-yet' ? 'did not exist yet' : 'had ended'}. It
            existed {lifeWords(organisation, coverage)}.
          </p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            onClick={() => {
              store.getState().setMonth(jumpTo);
              // the notice and this button go away, so focus goes back to the panel's heading
              headingRef.current?.focus();
            }}
          >
            Go to {formatMonth(jumpTo)}
          </button>
        </div>
      ) : null}

      <p className="app-orgs-panel__role">
        <TermText text={organisation.role} />
      </p>
      {organisation.contested ? <SourcesDifferCallout reason={organisation.contested.reason} /> : null}

      <dl className="app-orgs-summary">
        <SummaryRow label="Type">{KIND_WORDS[organisation.kind]}</SummaryRow>
        <SummaryRow label="Level">{LEVEL_WORDS[organisation.level]}</SummaryRow>
        <SummaryRow label="Category">{CATEGORY_WORDS[organisation.category]}</SummaryRow>
        {shortName !== name ? <SummaryRow label="Short name">{shortName}</SummaryRow> : null}
        <SummaryRow label="From">
          {organisation.from === null
            ? `In place before ${formatMonth(coverage.from)}, when the dataset begins`
            : formatMonth(organisation.from)}
        </SummaryRow>
        <SummaryRow label="Until">
          {organisation.to === null
            ? `Still in place in ${formatMonth(coverage.to)}, when the dataset ends`
            : `Last in force in ${formatMonth(organisation.to)}`}
        </SummaryRow>
      </dl>
      {organisation.names && organisation.names.length > 0 ? (
        <SourcesDetails citations={organisation.names.flatMap((entry) => entry.sources)} summary="Sources for its names" />
      ) : null}

      <CountsSection organisation={organisation} month={month} headingId={ids.count} />

      <LineageSection
        predecessors={predecessors}
        successors={successors}
        handedOver={handedOver}
        headingId={ids.lineage}
        predecessorsId={ids.predecessors}
        successorsId={ids.successors}
      />

      {everCommissions ? (
        <section className="app-panel__section" aria-labelledby={ids.commissions}>
          <h3 className="nhsuk-heading-xs" id={ids.commissions}>
            Commissions at {monthWords}
          </h3>
          {commissions.length > 0 ? (
            <ul className="nhsuk-list app-orgs-commissions" aria-labelledby={ids.commissions}>
              {commissions.map(({ service, records }) => (
                <li key={service.id} className="app-orgs-commissions__item">
                  <EntityLink to={{ kind: 'service', id: service.id }}>{service.name}</EntityLink>
                  {records.map((record) => (
                    <span key={record.id} className="app-orgs-commissions__role">
                      {record.status !== 'in-force' ? (
                        <>
                          <strong className={`nhsuk-tag ${STATUS_TAG_CLASSES[record.status]} app-orgs-tag`}>
                            {capitalise(STATUS_WORDS[record.status])}
                          </strong>{' '}
                        </>
                      ) : null}
                      {capitalise(ROLE_WORDS[record.role])}, {sinceWords(record.from, coverage.from)}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          ) : (
            <p>It commissions none of the services in the dataset at {monthWords}.</p>
          )}
        </section>
      ) : null}

      <section className="app-panel__section" aria-labelledby={ids.relationships}>
        <h3 className="nhsuk-heading-xs" id={ids.relationships}>
          Relationships at {monthWords}
        </h3>
        {relationships.length > 0 ? (
          <dl className="app-orgs-relationships">
            {relationships.map((group) => (
              <div key={group.label} className="app-orgs-relationships__group">
                <dt className="app-orgs-relationships__label">{group.label}</dt>
                <dd className="app-orgs-relationships__value">
                  <ul className="nhsuk-list app-orgs-relationships__list">
                    {group.lines.map(({ relationship, otherId }) => (
                      <li key={relationship.id} className="app-orgs-relationships__item">
                        <EntityLink to={{ kind: 'organisation', id: otherId }}>{nameOf(otherId)}</EntityLink>
                        {relationship.status === 'proposed' ? (
                          <>
                            {' '}
                            <strong className="nhsuk-tag nhsuk-tag--blue app-orgs-tag">Proposed</strong>
                          </>
                        ) : null}
                        {relationship.note ? (
                          <p className="nhsuk-body-s app-orgs-relationships__note">{relationship.note}</p>
                        ) : null}
                        {relationship.contested ? <SourcesDifferCallout reason={relationship.contested.reason} /> : null}
                        <SourcesDetails citations={relationship.sources} />
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p>The dataset records no relationships of it at {monthWords}.</p>
        )}
      </section>

      {everFunded ? (
        <section className="app-panel__section" aria-labelledby={ids.money}>
          <h3 className="nhsuk-heading-xs" id={ids.money}>
            Money in {funding.financialYear}
          </h3>
          <p className="nhsuk-body-s app-orgs-panel__hint">
            Funding figures for the financial year {funding.financialYear} (April to March), in £ billions as the sources give
            them.
          </p>
          {funding.flows.length > 0 ? (
            <ul className="nhsuk-list app-orgs-funding">
              {funding.flows.map((flow) => (
                <FundingItem key={flow.id} flow={flow} organisationId={organisation.id} nameOf={nameOf} />
              ))}
            </ul>
          ) : (
            <p>The dataset has no funding figures involving it for {funding.financialYear}.</p>
          )}
        </section>
      ) : null}

      <section className="app-panel__section">
        <Citations citations={organisation.sources} heading="Sources" />
      </section>
    </section>
  );
}

/**
 * Shown if the panel is given an id that is not in the dataset: the same notice as an unknown
 * service. The app shows the service feature's NotFoundPanel (with suggestions) before it gets
 * here; this is the fallback.
 */
function UnknownOrganisation({ id }: { id: string }) {
  return <NotFoundNotice kind="organisation" id={id} suggestions={undefined} />;
}
