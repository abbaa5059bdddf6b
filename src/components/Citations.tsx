import { useMemo } from 'react';
import type { Citation, Source } from '../data/schema';
import { selectDataset, useExplorerStore } from '../store';

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

/** A source's title, publisher and date; an external one links to its address, opening safely. */
export function SourceName({ source, id }: { source: Source | undefined; id: string }) {
  if (!source) return <span>{id}</span>;
  if (source.kind === 'document')
    return (
      <span className="app-citations__source">
        <cite>{source.title}</cite> ({source.date}), document <code>{source.file}</code>
      </span>
    );
  return (
    <span className="app-citations__source">
      <a href={source.url} target="_blank" rel="noopener noreferrer">
        <cite>{source.title}</cite>
        <span className="nhsuk-u-visually-hidden"> (opens in a new tab)</span>
      </a>
      , {source.publisher}, {source.date}
    </span>
  );
}
