import { useMemo } from 'react';
import type { Dataset } from '../../data/schema';
import { formatMonth, monthRange } from '../../domain/months';
import { selectDataset, useExplorerStore } from '../../store';
import { SourcesList } from './SourcesList';

/** The About page: what the dataset holds. */
export function OverviewPage() {
  const dataset = useExplorerStore(selectDataset);
  return (
    <>
      <h1>About the data</h1>
      <p className="nhsuk-lede-text">
        Who plans and buys each health and care service in England, who funds whom and who oversees whom, month by month through
        the 2012 reforms and the years after.
      </p>
      {/* The loading gate (src/app) shows the dataset's problems above the page. */}
      {dataset ? <DatasetSummary dataset={dataset} /> : null}
    </>
  );
}

function DatasetSummary({ dataset }: { dataset: Dataset }) {
  const { from, to } = dataset.meta.coverage;
  const stats = useMemo(
    () => [
      { label: 'organisations and kinds of body', value: dataset.organisations.length },
      { label: 'services', value: dataset.services.length },
      { label: 'commissioning arrangements', value: dataset.commissioning.length },
      { label: 'relationships', value: dataset.relationships.length },
      { label: 'events', value: dataset.events.length },
      { label: 'funding figures', value: dataset.funding.length },
      { label: 'sources', value: dataset.sources.length },
      { label: 'glossary terms', value: dataset.glossary.length },
    ],
    [dataset],
  );
  return (
    <section aria-labelledby="dataset-heading">
      <h2 id="dataset-heading">The dataset</h2>
      <p>
        It covers{' '}
        <strong data-testid="coverage">
          {formatMonth(from)} to {formatMonth(to)}
        </strong>{' '}
        ({monthRange(from, to).length} months).
      </p>
      <ul className="app-stats" aria-label="Dataset size">
        {stats.map((stat) => (
          <li className="app-stats__item" key={stat.label}>
            <span className="app-stats__figure">{stat.value}</span> {stat.label}
          </li>
        ))}
      </ul>
      <ul className="nhsuk-list" aria-label="More about the data">
        <li>
          <a href="#/data">Download the data as JSON or CSV</a>, with its licence
        </li>
        <li>
          <a href="#/glossary">Glossary</a> of the words and abbreviations used
        </li>
      </ul>
      <SourcesList sources={dataset.sources} />
    </section>
  );
}
