/**
 * The files of the downloads page, built from the loaded dataset: the whole dataset as JSON, one
 * CSV per kind of record (see csv.ts), and a README.txt that says what each file holds.
 */
import { type CsvFile, datasetCsvFiles } from './csv';
import { DATASET_FILES } from '../../data/vocabulary';
import type { Dataset } from '../../data/schema';
import { formatMonth } from '../../domain/months';

export interface DownloadFile {
  name: string;
  /** what the file holds, one sentence */
  description: string;
  /** the MIME type of the download */
  type: string;
  text: string;
  /** rows after the header (CSV), records (JSON) or lines (README) */
  rows: number;
  rowsNoun: string;
  /** the size in bytes, as UTF-8 */
  bytes: number;
}

export const JSON_FILE_NAME = 'commissioning-dataset.json';
export const README_FILE_NAME = 'README.txt';

/** What each known kind of record is; a kind added later is described from its file name. */
const KIND_DESCRIPTIONS: Record<string, string> = {
  sources: 'The sources: the five documents the dataset is built from and the other public material it cites.',
  organisations: 'Organisations and kinds of body (e.g. CCGs), with their role, level, category and dates.',
  'organisations-names': 'Earlier and later names of organisations, one row per name, with its months.',
  'organisations-counts': 'How many bodies of a kind there were (e.g. CCGs), one row per count, with the month it is for.',
  relationships: 'Who funds, oversees, regulates, advises or is part of whom, with the months each was in force.',
  services: 'Services, with other names people use for them, a description and category.',
  commissioning: 'Who commissioned each service, in what role, with the months and status of each arrangement.',
  'commissioning-uptake': 'Primary care co-commissioning: how many CCGs worked at each level, one row per figure.',
  funding: 'Funding flows: who paid whom, in which financial year, in £ billions or as a share.',
  events: 'Events (laws, policies, reforms, transfers), with the records each started or ended.',
  glossary: 'The glossary: each term, what an abbreviation stands for, and its meaning.',
  tour: 'The steps of the guided tour of the reforms.',
  citations:
    'Every citation of every record: record kind, record id, position (for a nested record), source id, quoted words and locator.',
};

function describeKind(file: CsvFile): string {
  const known = KIND_DESCRIPTIONS[file.kind];
  if (known) return known;
  if (file.parentKind)
    return `Lists nested in ${file.parentKind}.csv, one row per item, with the id of the record they belong to.`;
  const source = (DATASET_FILES as Record<string, string>)[file.kind];
  return `The records of data/${source ?? `${file.kind}.json`}.`;
}

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** "21.2 KB", "980 bytes" */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The README.txt: title, coverage, licence, the note on sources, and what each file holds. */
export function datasetReadme(dataset: Dataset, csvFiles: readonly CsvFile[], jsonName = JSON_FILE_NAME): string {
  const { meta } = dataset;
  const lines = [
    meta.title,
    '='.repeat(meta.title.length),
    '',
    `Coverage: ${formatMonth(meta.coverage.from)} to ${formatMonth(meta.coverage.to)} (${meta.coverage.from} to ${meta.coverage.to}).`,
    '',
    'Licence',
    '-------',
    meta.licence,
    'Licence text: https://creativecommons.org/licenses/by/4.0/',
    '',
    'A note on sources',
    '-----------------',
    meta.note,
    'Every source is listed in sources.csv; citations.csv links each record to the sources it cites.',
    '',
    'This is an independent explainer. It is not produced by, endorsed by or affiliated with the NHS.',
    '',
    'Files',
    '-----',
    `${jsonName}: the whole dataset as one JSON file, as the explorer loaded it (with meta, the licence and the note).`,
    ...csvFiles.map((file) => `${file.name} (${file.rows} ${file.rows === 1 ? 'row' : 'rows'}): ${describeKind(file)}`),
    '',
    'How the CSV files are written',
    '-----------------------------',
    '- RFC 4180: a header row; fields that hold a comma, a double quote or a line break are in double quotes, with',
    '  double quotes doubled; lines end in CRLF. The text is UTF-8 (without a byte-order mark).',
    '- Columns are named as the fields of the JSON. A field of a field is written "parent.field" (e.g. contested.reason).',
    '- A list of plain values (synonyms, predecessors, the records an event starts or ends) is one field, its values',
    '  joined by "; ".',
    "- A list of records inside a record (an organisation's names and counts, a commissioning record's uptake figures)",
    '  has a file of its own, named <kind>-<field>.csv, with record_id (the record it belongs to) and position (1, 2, ...).',
    '- The sources of a record are given as source ids in its "sources" column, and in full (with the quoted words and',
    '  locator) in citations.csv, one row per citation. For a nested record, record_kind names its file (e.g.',
    '  organisations-counts) and position its row.',
    '- An empty field means the value is absent (for from, a start before the dataset begins; for to, still in force at',
    '  its end).',
    '- Protection against spreadsheet formulas: a text field that starts with =, +, -, @, a tab or a carriage return is',
    "  written with a leading apostrophe ('), so that spreadsheet programs show it as text instead of running it. Numbers",
    '  are written as they are. Remove the apostrophe if you read the files with a program that is not a spreadsheet.',
    '',
  ];
  return lines.join('\r\n');
}

/** Every file of the page: the JSON, the README, then the CSV files. */
export function datasetDownloads(dataset: Dataset): DownloadFile[] {
  const csvFiles = datasetCsvFiles(dataset);
  const json = `${JSON.stringify(dataset, null, 2)}\n`;
  const readme = datasetReadme(dataset, csvFiles);
  const recordCount = Object.values(dataset).reduce<number>(
    (total, value) => total + (Array.isArray(value) ? value.length : 0),
    0,
  );
  return [
    {
      name: JSON_FILE_NAME,
      description: 'The whole dataset in one file, as the explorer loaded it, with its meta, licence and note on sources.',
      type: 'application/json;charset=utf-8',
      text: json,
      rows: recordCount,
      rowsNoun: 'records',
      bytes: utf8Bytes(json),
    },
    {
      name: README_FILE_NAME,
      description: 'The title, coverage, licence and note on sources, what each file holds and how the CSV files are written.',
      type: 'text/plain;charset=utf-8',
      text: readme,
      rows: readme.split('\r\n').length - 1,
      rowsNoun: 'lines',
      bytes: utf8Bytes(readme),
    },
    ...csvFiles.map((file) => ({
      name: file.name,
      description: describeKind(file),
      type: 'text/csv;charset=utf-8',
      text: file.text,
      rows: file.rows,
      rowsNoun: 'rows',
      bytes: utf8Bytes(file.text),
    })),
  ];
}
