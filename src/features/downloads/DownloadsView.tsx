import { useMemo } from 'react';
import type { Dataset } from '../../data/schema';
import { formatMonth } from '../../domain/months';
import { type DownloadFile, datasetDownloads, formatBytes } from './downloads-model';
import './downloads.css';

/**
 * Saves a text as a file: a temporary link with the download attribute to an object URL, clicked
 * and removed; the URL is released once the browser has had time to start the download.
 */
export function saveFile(file: Pick<DownloadFile, 'name' | 'text' | 'type'>) {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The downloads page: the dataset as JSON and as CSV, with its licence and the note on sources. */
export function DownloadsView({ dataset }: { dataset: Dataset }) {
  return (
    <div className="app-downloads">
      <h1>Download the data</h1>
      <Downloads dataset={dataset} />
    </div>
  );
}

function Downloads({ dataset }: { dataset: Dataset }) {
  const files = useMemo(() => datasetDownloads(dataset), [dataset]);
  const [json, readme, ...csvFiles] = files;
  const { meta } = dataset;
  return (
    <>
      <p className="nhsuk-lede-text">
        {meta.title}: every record the explorer shows, from {formatMonth(meta.coverage.from)} to {formatMonth(meta.coverage.to)},
        to use in your own work. The files are made in your browser from the data this page loaded.
      </p>

      <section aria-labelledby="downloads-licence" className="app-downloads__section">
        <h2 id="downloads-licence">Licence</h2>
        <p>{meta.licence}</p>
        <p>
          <a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noopener noreferrer">
            Read the CC BY 4.0 licence
            <span className="nhsuk-u-visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
      </section>

      <section aria-labelledby="downloads-note" className="app-downloads__section">
        <h2 id="downloads-note">A note on sources</h2>
        <div className="nhsuk-inset-text app-downloads__note">
          <p>{meta.note}</p>
        </div>
        <p>
          <a href="#/sources">See every source and what cites it</a>.
        </p>
      </section>

      <section aria-labelledby="downloads-whole" className="app-downloads__section">
        <h2 id="downloads-whole">The whole dataset</h2>
        <FileTable caption="The whole dataset and its README" files={[json, readme].filter(isFile)} />
      </section>

      <section aria-labelledby="downloads-csv" className="app-downloads__section">
        <h2 id="downloads-csv">As spreadsheets (CSV)</h2>
        <p>One file per kind of record. Things that do not fit in one row are not lost:</p>
        <ul>
          <li>
            lists inside a record (an organisation’s earlier names and its counts, the uptake figures of co-commissioning) have a
            file of their own, with the id of the record they belong to;
          </li>
          <li>the sources of every record, with the quoted words, are in citations.csv, one row per citation;</li>
          <li>
            lists of plain values (other names, predecessors) are one field, the values separated by a semicolon and a space;
          </li>
          <li>a field of a field is a column named “parent.field”, e.g. “contested.reason”.</li>
        </ul>
        <p>
          The files are UTF-8 with a header row and follow RFC 4180. Text that a spreadsheet would take for a formula (starting
          with =, +, -, @ or a tab) starts with an apostrophe so that it stays text. README.txt says all of this too.
        </p>
        <FileTable caption="CSV files, one per kind of record" files={csvFiles} />
      </section>
    </>
  );
}

function isFile(file: DownloadFile | undefined): file is DownloadFile {
  return file !== undefined;
}

function FileTable({ caption, files }: { caption: string; files: readonly DownloadFile[] }) {
  return (
    <table className="nhsuk-table app-downloads__table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            File
          </th>
          <th scope="col" className="nhsuk-table__header app-downloads__number">
            Contains
          </th>
          <th scope="col" className="nhsuk-table__header app-downloads__number">
            Size
          </th>
          <th scope="col" className="nhsuk-table__header">
            <span className="nhsuk-u-visually-hidden">Download</span>
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {files.map((file) => (
          <tr key={file.name} className="nhsuk-table__row">
            <th scope="row" className="nhsuk-table__cell app-downloads__file">
              <code className="app-downloads__name">{file.name}</code>
              <span className="nhsuk-body-s app-downloads__description">{file.description}</span>
            </th>
            <td className="nhsuk-table__cell app-downloads__number" data-label="Contains">
              {file.rows.toLocaleString('en-GB')} <span className="app-downloads__unit">{file.rowsNoun}</span>
            </td>
            <td className="nhsuk-table__cell app-downloads__number" data-label="Size">
              {formatBytes(file.bytes)}
            </td>
            <td className="nhsuk-table__cell app-downloads__action">
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-downloads__button"
                onClick={() => saveFile(file)}
              >
                Download<span className="nhsuk-u-visually-hidden"> {file.name}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
