/**
 * The place page (#/place/<local authority code>?date=YYYY-MM, issue 13): a council at a month,
 * the CCGs covering it (with shares and mergers), its primary care trust(s) before April 2013
 * (derived from an unofficial mapping, and said so), and who commissions each service there.
 * Self-contained: it loads the place data itself (see usePlaces) and links with plain hrefs.
 */
import { memo, type ReactNode, useDeferredValue, useId, useMemo } from 'react';
import { DataProblemList } from '../../components/DataProblemList';
import type { PlacesFile } from '../../data/places-schema';
import type { Dataset } from '../../data/schema';
import { formatMonth, type MonthString } from '../../domain/months';
import type { PlacesIndex } from '../../domain/places';
import { PlaceDiagram } from './PlaceDiagram';
import { PlaceFinder, placeHref } from './PlaceFinder';
import { formatShare, placeChangeHistory, placeChangesAt, placeView } from './place-view';
import { usePlaces } from './usePlaces';
import './places.css';
import { href, hrefFor, locationFor } from '../../components/routing';

export interface PlacePageProps {
  /** the local authority code from the address, e.g. "E08000035" */
  code: string;
  month: MonthString;
  dataset: Dataset;
  /** where data/places/places.json is served from (the app's data base address); default "./" */
  dataBaseUrl?: string;
  /** the place data, already loaded (tests); otherwise it is fetched */
  places?: PlacesFile;
  /** drawn under the page's heading: the month bar (the app composes it; features do not import each other) */
  timeline?: ReactNode;
}

/** Memoised: a month step re-renders it only once the month it is given changes. */
export const PlacePage = memo(function PlacePage({ code, month, dataset, dataBaseUrl = './', places, timeline }: PlacePageProps) {
  const state = usePlaces(dataBaseUrl, places);
  if (state.status === 'loading')
    return (
      // As tall as a screen while loading, so the page below does not jump when the place arrives.
      <div className="app-place app-place--loading">
        <p role="status">Loading the place data…</p>
      </div>
    );
  if (state.status === 'failed') return <DataProblemList problems={state.problems} />;
  return <PlaceContent index={state.index} code={code} month={month} dataset={dataset} timeline={timeline} />;
});

const serviceHref = (id: string, month: MonthString) => hrefFor({ kind: 'service', id }, month);
const orgHref = (id: string, month: MonthString) => hrefFor({ kind: 'organisation', id }, month);

function PlaceContent({
  index,
  code,
  month,
  dataset,
  timeline,
}: {
  index: PlacesIndex;
  code: string;
  month: MonthString;
  dataset: Dataset;
  timeline: ReactNode;
}) {
  const view = useMemo(() => placeView(index, dataset, code, month), [index, dataset, code, month]);
  // The services table follows a moment behind, so a month step paints the month bar and the CCGs first.
  // null on the first render: the table is drawn in a second, interruptible render, so the page's first task stays short.
  const listMonth = useDeferredValue<MonthString | null>(month, null);
  const changesNow = useMemo(() => placeChangesAt(index, code, month), [index, code, month]);
  const history = useMemo(() => placeChangeHistory(index, code), [index, code]);
  const historyHeading = useId();
  const ccgHeading = useId();
  const pctHeading = useId();
  const sourcesHeading = useId();
  if (!view) {
    return (
      <div className="app-place">
        <h1 className="nhsuk-heading-l">No council with the code “{code.length > 20 ? `${code.slice(0, 20)}…` : code}”</h1>
        <div className="nhsuk-inset-text" role="status">
          <p>
            The place pages are for the 152 upper-tier local authorities of England (counties, unitary authorities, metropolitan
            districts and London boroughs), by their ONS code, for example E08000035 for Leeds. Find a place by name below.
          </p>
        </div>
        <PlaceFinder index={index} month={month} />
      </div>
    );
  }
  const { authority, ccgs } = view;
  return (
    <div className="app-place">
      <h1 className="nhsuk-heading-l">
        {authority.name}
        <span className="nhsuk-caption-m app-place__caption">
          Upper-tier local authority {authority.code} · {formatMonth(month)}
        </span>
      </h1>
      {timeline}

      <PlaceDiagram index={index} code={code} month={month} />

      <div className="app-place__now" aria-live="polite">
        {changesNow.length > 0 ? (
          <div className="app-place__change">
            <h2 className="nhsuk-heading-s app-place__change-heading">Changed in {formatMonth(month)}</h2>
            {changesNow.map((change) => (
              <p key={change.text}>
                <strong>{change.text}</strong> {change.dates}
              </p>
            ))}
          </div>
        ) : null}
      </div>

      <section aria-labelledby={ccgHeading}>
        <h2 className="nhsuk-heading-m" id={ccgHeading}>
          Clinical commissioning groups in {formatMonth(month)}
        </h2>
        {view.ccgState === 'before-ccgs' ? (
          <p>
            There were no clinical commissioning groups before April 2013: primary care trusts commissioned local NHS services.
          </p>
        ) : (
          <>
            {view.ccgState === 'approximate' ? (
              <div className="nhsuk-inset-text">
                <p>
                  The earliest ONS lookup of CCG areas is of {formatMonth(ccgs?.list.from ?? month)}. For earlier months this page
                  uses that lookup’s areas; where a CCG of then had been formed by a merger, it lists the CCGs that merged into
                  it, which between them covered the council (not necessarily each of them). No shares are given.
                </p>
              </div>
            ) : null}
            <ul className="nhsuk-list nhsuk-list--bullet">
              {ccgs?.ccgs.map((cover) => (
                <li key={cover.ccg.code}>
                  <strong>{cover.name}</strong> <span className="app-place__meta">(ODS code {cover.ccg.code})</span>
                  {cover.shareOfAuthority !== null && ccgs.ccgs.length > 1 ? (
                    <>: {formatShare(cover.shareOfAuthority)} of the council’s small areas</>
                  ) : null}
                  {cover.shareOfCcg !== null && cover.shareOfCcg < 1 ? (
                    <> (the CCG spans several councils: {formatShare(cover.shareOfCcg)} of its small areas are here)</>
                  ) : null}
                </li>
              ))}
            </ul>
            {view.changes.length > 0 ? (
              <ul className="nhsuk-list app-place__changes">
                {view.changes.map((change) => (
                  <li key={`${change.code}:${change.text}`}>{change.text}</li>
                ))}
              </ul>
            ) : null}
            {ccgs && ccgs.ccgs.some((cover) => cover.shareOfAuthority !== null) ? (
              <p className="nhsuk-body-s">
                Shares count the 2011 lower layer super output areas (small areas of about 1,500 people) in the ONS lookup of{' '}
                {ccgs.list.year}; they are shares of areas, not of people.
              </p>
            ) : null}
            <p>
              <a href={href(locationFor(null, month, false, code))}>See these CCGs on the map</a>
            </p>
          </>
        )}
      </section>

      {history.length > 0 ? (
        <section aria-labelledby={historyHeading}>
          <h2 className="nhsuk-heading-s" id={historyHeading}>
            Changes here, {formatMonth(index.file.period.from)} to {formatMonth(index.file.period.to)}
          </h2>
          <ul className="nhsuk-list app-place__history">
            {history.map((entry) => (
              <li key={entry.month} className={entry.month === month ? 'app-place__history-now' : undefined}>
                <a href={placeHref(code, entry.month)} aria-current={entry.month === month ? 'date' : undefined}>
                  {formatMonth(entry.month)}
                </a>
                : {entry.changes.map((change) => change.text.slice(change.text.indexOf(': ') + 2)).join(' ')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby={pctHeading}>
        <h2 className="nhsuk-heading-m" id={pctHeading}>
          {view.pctsInPlace ? 'Primary care trust' : 'Primary care trust, before April 2013'}
        </h2>
        {view.pcts.length === 0 ? (
          <p>The mapping used here links no primary care trust to this council.</p>
        ) : (
          <>
            <p>
              <strong className="nhsuk-tag nhsuk-tag--yellow">Derived, unofficial</strong>{' '}
              {view.pctsInPlace ? 'Until March 2013:' : 'Until March 2013, when primary care trusts were abolished:'}
            </p>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {view.pcts.map((entry) => (
                <li key={entry.pct.code}>
                  <strong>{entry.pct.name} PCT</strong> <span className="app-place__meta">({entry.pct.code})</span>
                  {view.pcts.length > 1 ? <>: about {formatShare(entry.weight)} of the council (estimate)</> : null}
                </li>
              ))}
            </ul>
            <p className="nhsuk-body-s">
              Derived from an unofficial mapping of each primary care trust’s postcodes to the CCGs of{' '}
              {formatMonth(index.file.pctMappingMonth)} (elahmo/dsfood), not from an official list.
            </p>
          </>
        )}
      </section>

      {listMonth === null ? (
        <p className="app-place__services-wait">Finding who commissions each service here…</p>
      ) : (
        <ServicesHere index={index} dataset={dataset} code={code} month={listMonth} authorityName={authority.name} />
      )}

      <section aria-labelledby={sourcesHeading}>
        <h2 className="nhsuk-heading-m" id={sourcesHeading}>
          Sources of the place data
        </h2>
        <ul className="nhsuk-list app-place__sources">
          {index.file.sources.map((source) => (
            <li key={source.id}>
              <strong>{source.publisher}</strong>: {source.title}. Stored copy: {source.repository}, {source.path}, commit{' '}
              <code>{source.commit.slice(0, 7)}</code>. Licence: {source.licence}.{source.unofficial ? ' Unofficial.' : ''}
              {source.attribution ? <span className="app-place__meta"> {source.attribution}.</span> : null}
            </li>
          ))}
        </ul>
        {index.file.mergerNews.length > 0 ? (
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">News of the mergers</span>
            </summary>
            <div className="nhsuk-details__text">
              <ul className="nhsuk-list">
                {index.file.mergerNews.map((news) => (
                  <li key={news.url}>
                    “{news.quote}” — <a href={news.url}>{news.title}</a>, {news.publisher}
                    {news.date ? `, ${news.date}` : ''}
                    {news.status === 'planned' ? ' (a plan at the time)' : ''}.
                  </li>
                ))}
              </ul>
            </div>
          </details>
        ) : null}
      </section>

      <PlaceFinder index={index} month={month} />
    </div>
  );
}

/**
 * Who commissions each service in the place: a long table, so it follows the month a moment behind
 * the rest of the page (a deferred, interruptible render), and is drawn again only when its month
 * does.
 */
const ServicesHere = memo(function ServicesHere({
  index,
  dataset,
  code,
  month,
  authorityName,
}: {
  index: PlacesIndex;
  dataset: Dataset;
  code: string;
  month: MonthString;
  authorityName: string;
}) {
  const headingId = useId();
  const services = useMemo(() => placeView(index, dataset, code, month)?.services ?? [], [index, dataset, code, month]);
  return (
    <section aria-labelledby={headingId}>
      <h2 className="nhsuk-heading-m" id={headingId}>
        Who commissions each service here in {formatMonth(month)}
      </h2>
      {services.some((row) => row.commissioners.some((commissioner) => commissioner.unofficial)) ? (
        <p className="nhsuk-body-s">* A primary care trust marked so is derived from the unofficial mapping described above.</p>
      ) : null}
      <table className="nhsuk-table app-place__services">
        <caption className="nhsuk-u-visually-hidden">Services and their commissioners in {authorityName}</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Commissioned by</th>
          </tr>
        </thead>
        <tbody>
          {services.map((row) => (
            <tr key={row.service.id}>
              <th scope="row">
                <a href={serviceHref(row.service.id, month)}>{row.service.name}</a>
              </th>
              <td>
                {row.commissioners.map((commissioner, at) => (
                  <span key={`${commissioner.kind}:${commissioner.name}`}>
                    {at > 0 ? '; ' : ''}
                    {commissioner.kind === 'kind' ? (
                      <a href={orgHref(commissioner.organisationId, month)}>{commissioner.name}</a>
                    ) : (
                      commissioner.name
                    )}
                    {commissioner.kind === 'council' ? ' (the council)' : ''}
                    {commissioner.unofficial ? <span aria-label=" (derived, unofficial)">*</span> : null}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});
