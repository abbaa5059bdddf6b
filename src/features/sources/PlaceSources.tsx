/**
 * The sources of the place lists (data/places/places.json, issue 13) on the Sources page: each
 * list's publisher, title, the repository copy it was read from (repository, path, commit), its
 * licence and attribution, and the news pages that confirm the mergers, with their words. The
 * place data is loaded when this part of the page is shown, not with the main dataset.
 */
import { useEffect, useId, useState } from 'react';
import { fetchPlaces } from '../../data/places-load';
import type { MergerNews, PlaceSource, PlacesFile } from '../../data/places-schema';
import { fold } from './sources-model';

type Loaded = { status: 'loading' } | { status: 'ready'; places: PlacesFile } | { status: 'failed' };

const loads = new Map<string, Promise<Loaded>>();

function loadPlaceSources(baseUrl: string): Promise<Loaded> {
  let load = loads.get(baseUrl);
  if (!load) {
    load = fetchPlaces(baseUrl).then((result): Loaded =>
      result.ok ? { status: 'ready', places: result.places } : { status: 'failed' },
    );
    loads.set(baseUrl, load);
    void load.then((loaded) => {
      if (loaded.status === 'failed') loads.delete(baseUrl);
    });
  }
  return load;
}

/** The address of a file at a commit on GitHub. */
export const repositoryFileUrl = (source: Pick<PlaceSource, 'repository' | 'path' | 'commit'>) =>
  `https://github.com/${source.repository}/blob/${source.commit}/${source.path}`;

const matches = (query: string, fields: readonly (string | undefined)[]) => {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const haystack = fold(fields.filter(Boolean).join(' '));
  return words.every((word) => haystack.includes(word));
};

/** `places` (tests) or fetched from `${baseUrl}data/places/places.json`; `query` filters as the page's search does. */
export function PlaceSources({ baseUrl, places, query = '' }: { baseUrl: string; places?: PlacesFile; query?: string }) {
  const [loaded, setLoaded] = useState<Loaded>(places ? { status: 'ready', places } : { status: 'loading' });
  const headingId = useId();
  useEffect(() => {
    if (places) return;
    let live = true;
    void loadPlaceSources(baseUrl).then((result) => {
      if (live) setLoaded(result);
    });
    return () => {
      live = false;
    };
  }, [baseUrl, places]);
  const file = places ?? (loaded.status === 'ready' ? loaded.places : undefined);
  const sources = file?.sources.filter((source) =>
    matches(query, [source.title, source.publisher, source.repository, source.path, source.licence, source.note, source.id]),
  );
  const news = file?.mergerNews.filter((item) => matches(query, [item.title, item.publisher, item.date, item.quote, item.url]));
  if (file && query.trim() !== '' && sources?.length === 0 && news?.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="app-sources__places">
      <h2 id={headingId}>The place lists: councils, CCGs and primary care trusts</h2>
      <p>
        The place pages (for example <a href="#/place/E08000035">Leeds</a>) name the councils, clinical commissioning groups and
        primary care trusts of each place from these public code lists, read from stored copies in public repositories and derived
        by a script anyone can re-run (scripts/places/build-places.ts). The link from primary care trusts to CCGs is unofficial
        and is marked so wherever it is shown.
      </p>
      {loaded.status === 'loading' && !file ? <p>Loading the place lists…</p> : null}
      {loaded.status === 'failed' && !file ? <p>The place lists could not be loaded.</p> : null}
      {sources && sources.length > 0 ? (
        <ul className="nhsuk-list app-sources__list">
          {sources.map((source) => (
            <PlaceSourceItem key={source.id} source={source} />
          ))}
        </ul>
      ) : null}
      {news && news.length > 0 ? (
        <>
          <h3 className="nhsuk-heading-s">News of the mergers</h3>
          <ul className="nhsuk-list app-sources__list">
            {news.map((item) => (
              <MergerNewsItem key={item.url} news={item} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function PlaceSourceItem({ source }: { source: PlaceSource }) {
  return (
    <li className="app-sources__item" id={`place-source-${source.id}`}>
      <h3 className="nhsuk-heading-s app-sources__title">
        <cite>{source.title}</cite>
      </h3>
      <p className="nhsuk-body-s app-sources__meta">
        {source.publisher}.{' '}
        {source.unofficial ? <strong className="nhsuk-tag nhsuk-tag--yellow">Unofficial, derived</strong> : null}
      </p>
      <dl className="nhsuk-body-s app-sources__place-facts">
        <dt>Stored copy</dt>
        <dd>
          <a href={repositoryFileUrl(source)} target="_blank" rel="noopener noreferrer">
            {source.repository}, {source.path}
            <span className="nhsuk-u-visually-hidden"> (opens in a new tab)</span>
          </a>
          , commit <code>{source.commit}</code>
        </dd>
        <dt>Licence</dt>
        <dd>
          {source.licence}
          {source.attribution ? <>. {source.attribution}</> : null}
        </dd>
      </dl>
      {source.note ? <p className="nhsuk-body-s app-sources__description">{source.note}</p> : null}
    </li>
  );
}

function MergerNewsItem({ news }: { news: MergerNews }) {
  return (
    <li className="app-sources__item">
      <h4 className="nhsuk-heading-xs app-sources__title">
        <cite>{news.title}</cite>
      </h4>
      <p className="nhsuk-body-s app-sources__meta">
        {news.publisher}
        {news.date ? `, ${news.date}` : ', undated'}
        {news.status === 'planned' ? ' (a plan at the time)' : ''}.{' '}
        <a href={news.url} target="_blank" rel="noopener noreferrer">
          Read it at {new URL(news.url).hostname}
          <span className="nhsuk-u-visually-hidden"> (opens in a new tab)</span>
        </a>
      </p>
      <q className="app-sources__quote">{news.quote}</q>
    </li>
  );
}
