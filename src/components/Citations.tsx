import { useMemo } from 'react';
import type { Citation, Source } from '../data/schema';
import { selectDataset, useExplorerStore } from '../store';
import { dateWords, publisherWords } from './source-words';

/** The sources of a record: each cited source once, with the quoted words that support it. */
export function Citations({ citations, heading = 'Sources' }: { citations: readonly Citation[]; heading?: string | null }) {
  const dataset = useExplorerStore(selectDataset);
  const grouped = useMemo(() => {
    const sources = new Map(dataset?.sources.map((source) => [source.id, source]));
    const bySource = new Map<string, { source: Source | undefined; id: string; quotes: string[] }>();
    for (const citation of citations) {
      const entry = bySource.get(citation.id) ?? { source: sources.get(citation.id), id: citation.id, quotes: [] };
      if (citation.quote && !entry.quotes.includes(citation.quote)) entry.quotes.push(citation.quote);
      bySource.set(citation.id, entry);
    }
    return [...bySource.values()];
  }, [citations, dataset]);

  if (grouped.length === 0) return null;
  return (
    <div className="app-citations">
      {heading ? <h3 className="nhsuk-heading-xs app-citations__heading">{heading}</h3> : null}
      <ul className="nhsuk-list app-citations__list">
        {grouped.map(({ source, id, quotes }) => (
          <li key={id} className="app-citations__item">
            <SourceName source={source} id={id} />
            {quotes.map((quote) => (
              <q key={quote} className="app-citations__quote">
                {quote}
              </q>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A source as a reader can find and cite it: its title, its publisher (or the kind of text, where
 * the publisher is not known) and its date; an external one links to its address, opening safely.
 * One of the five documents has no address, and its stored file name means nothing to a reader.
 */
export function SourceName({ source, id }: { source: Source | undefined; id: string }) {
  if (!source) return <span>{id}</span>;
  if (source.kind === 'document')
    return (
      <span className="app-citations__source">
        <cite>{source.title}</cite>, {publisherWords(source)}, {dateWords(source)}
      </span>
    );
  return (
    <span className="app-citations__source">
      <a href={source.url} target="_blank" rel="noopener noreferrer">
        <cite>{source.title}</cite>
        <span className="nhsuk-u-visually-hidden"> (opens in a new tab)</span>
      </a>
      , {publisherWords(source)}, {dateWords(source)}
    </span>
  );
}
