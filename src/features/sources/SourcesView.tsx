import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { UnknownId } from '../../components/panel-parts';
import { dateWords, publisherWords } from '../../components/source-words';
import type { Dataset, Source } from '../../data/schema';
import { type CitingRecord, countByKind, recordsCitingSource } from '../../domain/citations';
import { CITING_KIND_HEADINGS, citingRecordHref, describeCounts, filterSources, groupSources } from './sources-model';
import { PlaceSources } from './PlaceSources';
import './sources.css';

/** The sources page: every source, and from each the records that cite it. `id` (#/sources/<id>) picks one out. */
export function SourcesView({ dataset, id, placesBaseUrl }: { dataset: Dataset; id?: string; placesBaseUrl?: string }) {
  const index = useMemo(() => recordsCitingSource(dataset), [dataset]);
  return (
    <div className="app-sources">
      <h1>Sources</h1>
      <p className="nhsuk-lede-text">
        Every source the dataset cites, and from each one the records that cite it: organisations, relationships, services,
        commissioning records, funding figures, events and glossary terms.
      </p>
      <SourceList sources={dataset.sources} index={index} id={id} placesBaseUrl={placesBaseUrl} />
    </div>
  );
}

function SourceList({
  sources,
  index,
  id,
  placesBaseUrl,
}: {
  sources: readonly Source[];
  index: ReadonlyMap<string, CitingRecord[]>;
  id?: string;
  /** where the place lists are served from; without it the place lists' sources are left out (tests) */
  placesBaseUrl?: string | undefined;
}) {
  const chosen = id ? sources.find((source) => source.id === id) : undefined;
  const [search, setSearch] = useState({ query: '', id });
  if (search.id !== id) setSearch({ query: '', id });
  const query = search.query;
  const trimmed = query.trim();
  const searchId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const headings = useRef(new Map<string, HTMLElement>());
  const noticeRef = useRef<HTMLDivElement>(null);

  const { documents, external } = useMemo(() => groupSources(sources), [sources]);
  const shownDocuments = useMemo(() => filterSources(documents, query), [documents, query]);
  const shownExternal = useMemo(() => filterSources(external, query), [external, query]);
  const shownCount = shownDocuments.length + shownExternal.length;

  useEffect(() => {
    const target = chosen ? headings.current.get(chosen.id) : id ? noticeRef.current : undefined;
    if (!target) return;
    target.scrollIntoView?.({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [chosen, id]);

  const item = (source: Source) => (
    <SourceItem
      key={source.id}
      source={source}
      records={index.get(source.id) ?? []}
      chosen={source.id === chosen?.id}
      headingRef={(element) => {
        if (element) headings.current.set(source.id, element);
        else headings.current.delete(source.id);
      }}
    />
  );

  return (
    <>
      {id && !chosen ? (
        <div className="nhsuk-inset-text app-sources__notice" ref={noticeRef} tabIndex={-1}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            The dataset has no source “<UnknownId id={id} />
            ”. Every source is listed below.
          </p>
        </div>
      ) : null}

      <form className="app-sources__search" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={searchId}>
            Search the sources
          </label>
          <div className="nhsuk-hint" id={hintId}>
            Matches titles, publishers, dates and descriptions
          </div>
          <input
            ref={inputRef}
            id={searchId}
            className="nhsuk-input app-sources__input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={hintId}
            value={query}
            onChange={(event) => setSearch({ query: event.target.value, id })}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query) {
                event.preventDefault();
                setSearch({ query: '', id });
              }
            }}
          />
        </div>
      </form>
      <p className="nhsuk-body-s app-sources__count" role="status" aria-live="polite" aria-atomic="true">
        {trimmed
          ? shownCount === 0
            ? `No sources match “${trimmed}”.`
            : `${shownCount} of ${sources.length} sources match “${trimmed}”.`
          : `${sources.length} sources: ${documents.length} documents and ${external.length} other public sources.`}
      </p>
      {trimmed && shownCount === 0 ? (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => {
            setSearch({ query: '', id });
            inputRef.current?.focus();
          }}
        >
          Clear the search
        </button>
      ) : null}

      {shownDocuments.length > 0 ? (
        <section aria-labelledby="sources-documents">
          <h2 id="sources-documents">The five documents the dataset is built from</h2>
          <ul className="nhsuk-list app-sources__list">{shownDocuments.map(item)}</ul>
        </section>
      ) : null}
      {shownExternal.length > 0 ? (
        <section aria-labelledby="sources-external">
          <h2 id="sources-external">Other public sources</h2>
          <p>Used where the five documents are silent, in order of title.</p>
          <ul className="nhsuk-list app-sources__list">{shownExternal.map(item)}</ul>
        </section>
      ) : null}
      {placesBaseUrl !== undefined ? <PlaceSources baseUrl={placesBaseUrl} query={query} /> : null}
    </>
  );
}

function SourceItem({
  source,
  records,
  chosen,
  headingRef,
}: {
  source: Source;
  records: readonly CitingRecord[];
  chosen: boolean;
  headingRef: (element: HTMLHeadingElement | null) => void;
}) {
  const counts = countByKind(records);
  return (
    <li className={`app-sources__item${chosen ? ' app-sources__item--chosen' : ''}`}>
      <h3 className="nhsuk-heading-s app-sources__title" tabIndex={-1} ref={headingRef}>
        <cite>{source.title}</cite>
      </h3>
      <p className="nhsuk-body-s app-sources__meta">
        {capitaliseFirst(publisherWords(source))}, {dateWords(source, 'full')}.{' '}
        {source.kind === 'document' ? (
          'One of the five documents the dataset is built from; the dataset gives no address for it.'
        ) : (
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            Read it at {new URL(source.url).hostname}
            <span className="nhsuk-u-visually-hidden"> (opens in a new tab)</span>
          </a>
        )}
      </p>
      <p className="nhsuk-body-s app-sources__description">{source.description}</p>
      {records.length === 0 ? (
        <p className="nhsuk-body-s">No record cites it directly.</p>
      ) : (
        <details className="nhsuk-details app-sources__details" open={chosen || undefined}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              Cited by {records.length} {records.length === 1 ? 'record' : 'records'}: {describeCounts(counts)}
            </span>
          </summary>
          <div className="nhsuk-details__text">
            {counts.map(({ kind }) => (
              <div key={kind} className="app-sources__kind">
                <h4 className="nhsuk-heading-xs app-sources__kind-heading">{CITING_KIND_HEADINGS[kind]}</h4>
                <ul className="nhsuk-list app-sources__records">
                  {records
                    .filter((record) => record.kind === kind)
                    .map((record) => (
                      <CitingRecordItem key={`${record.kind}:${record.id}`} record={record} />
                    ))}
                </ul>
              </div>
            ))}
          </div>
        </details>
      )}
      <p className="nhsuk-body-s app-sources__permalink">
        <a href={`#/sources/${encodeURIComponent(source.id)}`} aria-current={chosen ? 'location' : undefined}>
          Link to this source<span className="nhsuk-u-visually-hidden">: {source.title}</span>
        </a>
      </p>
    </li>
  );
}

function CitingRecordItem({ record }: { record: CitingRecord }) {
  const quotes = [...new Set(record.citations.flatMap((citation) => (citation.quote ? [citation.quote] : [])))];
  const locators = [...new Set(record.citations.flatMap((citation) => (citation.locator ? [citation.locator] : [])))];
  return (
    <li className="app-sources__record">
      <a href={citingRecordHref(record)}>{record.label}</a>
      {locators.length > 0 ? <span className="app-sources__locator"> ({locators.join('; ')})</span> : null}
      {quotes.map((quote) => (
        <q key={quote} className="app-sources__quote">
          {quote}
        </q>
      ))}
    </li>
  );
}

function capitaliseFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
