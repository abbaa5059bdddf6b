import type { Source } from '../../data/schema';
import { SourceName } from '../../components/Citations';

/** Every source of the dataset: the five documents, then the other public material it cites. */
export function SourcesList({ sources }: { sources: readonly Source[] }) {
  const documents = sources.filter((source) => source.kind === 'document');
  const external = sources.filter((source) => source.kind === 'external');
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <p>
        <a href="#/sources">See every source and what cites it</a>
      </p>
      <h3>The five documents the dataset is built from</h3>
      <ul className="app-sources-list">
        {documents.map((source) => (
          <li key={source.id}>
            <SourceName source={source} id={source.id} />
            <p className="nhsuk-body-s app-sources-list__description">{source.description}</p>
          </li>
        ))}
      </ul>
      <h3>Other public sources ({external.length})</h3>
      <p>Used where the five documents are silent, each named with its title, publisher, date and address.</p>
      <ul className="app-sources-list">
        {external.map((source) => (
          <li key={source.id}>
            <SourceName source={source} id={source.id} />
            <p className="nhsuk-body-s app-sources-list__description">{source.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
