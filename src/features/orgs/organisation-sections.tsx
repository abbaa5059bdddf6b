/**
 * The parts of the organisation panel with a job of their own: its counts over time, the bodies
 * before and after it, a row of its facts, and one funding figure.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { EntityLink } from '../../components/EntityLink';
import { SourcesDetails, SourcesDifferCallout } from '../../components/panel-parts';
import { joinWords } from '../../components/words';
import type { FundingFlow, Organisation, Service } from '../../data/schema';
import { compareMonths, formatMonth, type MonthString } from '../../domain/months';
import { countAt } from '../../domain/organisations';
import { capitalise, formatBillions } from '../../lib/words';
import { COUNT_STATUS_WORDS, FUNDING_BASIS_WORDS } from './labels';

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

/** How many there were at the month, and every count the sources give; nothing for a body that is not counted. */
export function CountsSection({
  organisation,
  month,
  headingId,
}: {
  organisation: Organisation;
  month: MonthString;
  headingId: string;
}) {
  const count = countAt(organisation, month);
  const counts = useMemo(() => [...(organisation.counts ?? [])].sort((a, b) => compareMonths(a.asOf, b.asOf)), [organisation]);
  const monthWords = formatMonth(month);
  if (counts.length === 0) return null;
  return (
    <section className="app-panel__section" aria-labelledby={headingId}>
      <h3 className="nhsuk-heading-xs" id={headingId}>
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
  );
}

/** The bodies whose work it took over and those that took over its work; nothing when there are none. */
export function LineageSection({
  predecessors,
  successors,
  handedOver,
  headingId,
  predecessorsId,
  successorsId,
}: {
  predecessors: readonly Organisation[];
  successors: readonly Organisation[];
  handedOver: ReadonlyMap<string, readonly Service[]>;
  headingId: string;
  predecessorsId: string;
  successorsId: string;
}) {
  if (predecessors.length === 0 && successors.length === 0) return null;
  return (
    <section className="app-panel__section" aria-labelledby={headingId}>
      <h3 className="nhsuk-heading-xs" id={headingId}>
        Before and after
      </h3>
      <LineageList id={predecessorsId} heading="Predecessors" hint="Bodies whose work it took over." bodies={predecessors} />
      <LineageList
        id={successorsId}
        heading="Successors"
        hint="Bodies that took over its work."
        bodies={successors}
        handedOver={handedOver}
      />
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
export function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-orgs-summary__row">
      <dt className="app-orgs-summary__key">{label}</dt>
      <dd className="app-orgs-summary__value">{children}</dd>
    </div>
  );
}

export function FundingItem({
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
