import { type ReactNode, useId, useMemo } from 'react';
import { Citations } from '../../components/Citations';
import { ROLE_WORDS, STATUS_TAG_CLASSES, STATUS_WORDS, sinceWords } from '../../components/commissioning-words';
import { EntityLink } from '../../components/EntityLink';
import { NotFoundNotice } from '../../components/NotFoundNotice';
import { PanelHeader, SourcesDetails, SourcesDifferCallout, useFocusOnChange } from '../../components/panel-parts';
import { TermText } from '../../components/TermText';
import type { Dataset, FundingFlow, Organisation, Service } from '../../data/schema';
import { joinWords } from '../../components/words';
import { compareMonths, formatMonth, type MonthString } from '../../domain/months';
import { countAt, nameAt } from '../../domain/organisations';
import { useDatasetAndMonth, useExplorerStoreApi } from '../../store';
import {
  CATEGORY_WORDS,
  COUNT_STATUS_WORDS,
  FUNDING_BASIS_WORDS,
  KIND_CAPTIONS,
  KIND_NOUNS,
  KIND_WORDS,
  LEVEL_WORDS,
  formatBillions,
} from './labels';
import { existenceAt, fundingAt, lineage, relationshipsAt, servicesCommissionedAt } from './organisation-view';
import './orgs.css';

/** A category of services inside a sentence: "its public health services". */
const CATEGORY_SERVICE_WORDS: Record<Service['category'], string> = {
  'primary-care': 'primary care',
  specialised: 'specialised',
  'public-health': 'public health',
  hospital: 'hospital',
  'urgent-and-emergency': 'urgent and emergency care',
  community: 'community',
  'mental-health': 'mental health',
  'social-care': 'social care',
  'health-and-justice': 'health and justice',
  other: 'other',
};

/** An organisation at the chosen month: its names, role, dates, count, lineage, commissioning, relationships and money. */
export function OrganisationPanel({ organisationId }: { organisationId: string }) {
  const ready = useDatasetAndMonth();
  if (!ready) return <p role="status">Loading the dataset…</p>;
  const organisation = ready.dataset.organisations.find((candidate) => candidate.id === organisationId);
  if (!organisation) return <UnknownOrganisation id={organisationId} />;
  return <OrganisationPanelView dataset={ready.dataset} month={ready.month} organisation={organisation} />;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "from April 2013 to March 2016"; open ends are said in terms of the dataset's coverage. */
function lifeWords(organisation: Organisation, coverage: { from: MonthString; to: MonthString }): string {
  const from =
    organisation.from === null ? `from before ${formatMonth(coverage.from)}` : `from ${formatMonth(organisation.from)}`;
  const to =
    organisation.to === null ? `, and was still in place in ${formatMonth(coverage.to)}` : ` to ${formatMonth(organisation.to)}`;
  return `${from}${to}`;
}

/** "Known as NHS Commissioning Board from October 2012 until March 2013", for each name other than the current one. */
function otherNames(organisation: Organisation, currentName: string): string[] {
  return (organisation.names ?? [])
    .filter((entry) => entry.name !== currentName)
    .map((entry) => {
      const from = entry.from === null ? '' : ` from ${formatMonth(entry.from)}`;
      const to = entry.to === null ? '' : ` until ${formatMonth(entry.to)}`;
      return `Known as ${entry.name}${from}${to}`;
    });
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
  const count = countAt(organisation, month);
  const counts = useMemo(() => [...(organisation.counts ?? [])].sort((a, b) => compareMonths(a.asOf, b.asOf)), [organisation]);
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

      {counts.length > 0 ? (
        <section className="app-panel__section" aria-labelledby={ids.count}>
          <h3 className="nhsuk-heading-xs" id={ids.count}>
            Number at {monthWords}
          </h3>
          {count ? (
            <>
              <p className="app-orgs-count">
                <span className="app-orgs-count__figure">
                  {count.approximate ? 'About ' : ''}
                  {count.count}
                </span>{' '}
                {count.asOf === month ? (
                  <>counted for {formatMonth(count.asOf)}</>
                ) : (
                  <>the latest count given by then, for {formatMonth(count.asOf)}</>
                )}
              </p>
              {count.dateNote ? <p className="nhsuk-body-s app-orgs-count__note">{count.dateNote}</p> : null}
              <SourcesDetails citations={count.sources} summary="Sources for this count" />
            </>
          ) : (
            <p>No source gives a count of them by {monthWords}.</p>
          )}
          <table className="nhsuk-table app-orgs-counts">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">Every count the sources give</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">
                  Month
                </th>
                <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
                  Number
                </th>
                <th className="nhsuk-table__header" scope="col">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {counts.map((entry) => (
                <tr
                  className={`nhsuk-table__row${entry === count ? ' app-orgs-counts__row--current' : ''}`}
                  key={`${entry.asOf}-${entry.status}`}
                >
                  <th className="nhsuk-table__header" scope="row">
                    {formatMonth(entry.asOf)}
                    {entry === count ? (
                      <>
                        {' '}
                        <span className="nhsuk-u-visually-hidden">(the count shown above)</span>
                      </>
                    ) : null}
                  </th>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                    {entry.approximate ? 'about ' : ''}
                    {entry.count}
                  </td>
                  <td className="nhsuk-table__cell">{COUNT_STATUS_WORDS[entry.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {counts.some((entry) => entry.dateNote) ? (
            <ul className="nhsuk-list nhsuk-body-s app-orgs-counts__notes" aria-label="Notes on the dates of the counts">
              {counts
                .filter((entry) => entry.dateNote)
                .map((entry) => (
                  <li key={`${entry.asOf}-${entry.status}`}>
                    {formatMonth(entry.asOf)}: {entry.dateNote}
                  </li>
                ))}
            </ul>
          ) : null}
          <SourcesDetails citations={counts.flatMap((entry) => entry.sources)} summary="Sources for the counts" />
        </section>
      ) : null}

      {predecessors.length > 0 || successors.length > 0 ? (
        <section className="app-panel__section" aria-labelledby={ids.lineage}>
          <h3 className="nhsuk-heading-xs" id={ids.lineage}>
            Before and after
          </h3>
          <LineageList
            id={ids.predecessors}
            heading="Predecessors"
            hint="Bodies whose work it took over."
            bodies={predecessors}
          />
          <LineageList
            id={ids.successors}
            heading="Successors"
            hint="Bodies that took over its work."
            bodies={successors}
            handedOver={handedOver}
          />
        </section>
      ) : null}

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
                            {STATUS_WORDS[record.status]}
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

/** One side of the lineage (predecessors or successors): a subheading, what it means, and links to the bodies. */
function LineageList({
  id,
  heading,
  hint,
  bodies,
  handedOver,
}: {
  id: string;
  heading: string;
  hint: string;
  bodies: readonly Organisation[];
  /** the services each successor took over, by its id */
  handedOver?: ReadonlyMap<string, readonly Service[]>;
}) {
  if (bodies.length === 0) return null;
  return (
    <>
      <h4 className="app-panel__subheading" id={id}>
        {heading}
      </h4>
      <p className="nhsuk-body-s app-orgs-panel__hint">{hint}</p>
      <ul className="nhsuk-list app-orgs-links" aria-labelledby={id}>
        {bodies.map((other) => (
          <li key={other.id}>
            <EntityLink to={{ kind: 'organisation', id: other.id }}>{other.name}</EntityLink>
            {handedOver?.get(other.id) ? (
              <span className="nhsuk-body-s app-orgs-links__services">
                {' '}
                (took over commissioning of {servicesByCategoryWords(handedOver.get(other.id) ?? [])})
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** "6 public health services", "4 primary care and 2 public health services": the services a successor took over. */
function servicesByCategoryWords(services: readonly Service[]): string {
  const counts = new Map<Service['category'], number>();
  for (const service of services) counts.set(service.category, (counts.get(service.category) ?? 0) + 1);
  const parts = [...counts].map(([category, count]) => `${count} ${CATEGORY_SERVICE_WORDS[category]}`);
  return `${joinWords(parts)} services`;
}

/** A row of the facts list: after the NHS.UK summary list, but two columns even in a narrow side panel. */
function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-orgs-summary__row">
      <dt className="app-orgs-summary__key">{label}</dt>
      <dd className="app-orgs-summary__value">{children}</dd>
    </div>
  );
}

function FundingItem({
  flow,
  organisationId,
  nameOf,
}: {
  flow: FundingFlow;
  organisationId: string;
  nameOf: (id: string) => string;
}) {
  const party = (id: string) =>
    id === organisationId ? <span>{nameOf(id)}</span> : <EntityLink to={{ kind: 'organisation', id }}>{nameOf(id)}</EntityLink>;
  return (
    <li className="app-orgs-funding__item">
      <p className="app-orgs-funding__flow">
        {flow.payer === flow.recipient ? (
          <>Kept within {party(flow.payer)}</>
        ) : (
          <>
            From {party(flow.payer)} to {party(flow.recipient)}
          </>
        )}
        :{' '}
        <strong className="app-orgs-funding__amount">
          {flow.amountBn !== undefined ? formatBillions(flow.amountBn) : flow.share}
        </strong>{' '}
        ({FUNDING_BASIS_WORDS[flow.basis]})
      </p>
      {flow.amountBn !== undefined && flow.share ? (
        <p className="nhsuk-body-s app-orgs-funding__share">{capitalise(flow.share)}</p>
      ) : null}
      <p className="nhsuk-body-s app-orgs-funding__description">{flow.description}</p>
      {flow.contested ? <SourcesDifferCallout reason={flow.contested.reason} /> : null}
      <SourcesDetails citations={flow.sources} />
    </li>
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
