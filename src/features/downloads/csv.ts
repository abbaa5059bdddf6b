/**
 * The dataset as CSV files: one file per kind of record, nested lists of records in files of their
 * own, and every citation in citations.csv. Written to RFC 4180 (a header row, fields with commas,
 * quotes or line breaks in double quotes, quotes doubled, CRLF line ends), as UTF-8 text, with
 * text that a spreadsheet would run as a formula made inert.
 *
 * The kinds are read from the dataset itself (every key but meta), so a new kind of record gets
 * its own file without any change here.
 */

export type CellValue = string | number | boolean | null | undefined;

/** A character that makes a spreadsheet read a cell as a formula (=SUM(…), +1, -1, @A1, tab, return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field as CSV: text starting like a formula gets a leading apostrophe (spreadsheets then show
 * it as text; the README says so); a field with a comma, quote or line break is quoted. Numbers
 * and true/false are written as they are; an absent value is an empty field.
 */
export function csvCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A whole CSV text: the header row, then one line per row, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CellValue[]>): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

export interface CsvFile {
  /** the file name, e.g. "organisations.csv" */
  name: string;
  /** the kind of record, e.g. "organisations", or "organisations-counts" for a nested list */
  kind: string;
  /** the kind it is nested in, for a file of nested records */
  parentKind?: string;
  header: string[];
  /** the number of rows after the header */
  rows: number;
  text: string;
}

type Json = unknown;
type Row = Map<string, CellValue>;

interface Table {
  kind: string;
  parentKind?: string;
  /** columns in the order they were first seen */
  columns: string[];
  rows: Row[];
}

interface CitationRow {
  kind: string;
  recordId: string;
  position: number | null;
  sourceId: CellValue;
  quote: CellValue;
  locator: CellValue;
}

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: Json): value is CellValue {
  return value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);
}

/** A list of citations: objects with a source id ({ id, quote?, locator? }). */
function isCitationList(key: string, value: Json): value is Array<Record<string, Json>> {
  return key === 'sources' && Array.isArray(value) && value.every((item) => isPlainObject(item) && typeof item.id === 'string');
}

/** What a record is called in other files: its id, or a glossary entry's term, or its place in the list. */
function recordKey(record: Json, position: number): string {
  if (isPlainObject(record)) {
    if (typeof record.id === 'string') return record.id;
    if (typeof record.term === 'string') return record.term;
  }
  return String(position);
}

class Flattener {
  readonly tables = new Map<string, Table>();
  readonly citations: CitationRow[] = [];

  private table(kind: string, parentKind?: string): Table {
    let table = this.tables.get(kind);
    if (!table) {
      table = { kind, parentKind, columns: [], rows: [] };
      this.tables.set(kind, table);
    }
    return table;
  }

  /** Adds a list of records of a kind (or, for an object that is not a list, that one record). */
  addKind(kind: string, value: Json) {
    const records = Array.isArray(value) ? value : [value];
    const table = this.table(kind);
    records.forEach((record, index) => this.addRecord(table, record, recordKey(record, index + 1), null));
  }

  /**
   * One record as one row. Within it: a list of citations goes to citations.csv (and its source
   * ids into a "sources" column); a list of plain values becomes one field joined by "; "; a list
   * of records goes to a file of its own; an object's fields become columns "object.field".
   */
  private addRecord(table: Table, record: Json, key: string, position: number | null, parentId?: string) {
    const row: Row = new Map();
    if (parentId !== undefined) {
      row.set('record_id', parentId);
      row.set('position', position);
    }
    const ownKey = parentId ?? key;
    const visit = (prefix: string, value: Json) => {
      if (isCitationList(prefix, value)) {
        for (const citation of value)
          this.citations.push({
            kind: table.kind,
            recordId: ownKey,
            position,
            sourceId: citation.id as CellValue,
            quote: isScalar(citation.quote) ? citation.quote : JSON.stringify(citation.quote),
            locator: isScalar(citation.locator) ? citation.locator : JSON.stringify(citation.locator),
          });
        row.set(prefix, value.map((citation) => String(citation.id)).join('; '));
      } else if (Array.isArray(value) && value.every(isScalar)) {
        row.set(prefix, value.map((item) => (item === null || item === undefined ? '' : String(item))).join('; '));
      } else if (Array.isArray(value)) {
        const child = this.table(`${table.kind}-${prefix.replace(/\./g, '-')}`, table.kind);
        value.forEach((item, index) => this.addRecord(child, item, key, index + 1, ownKey));
      } else if (isPlainObject(value)) {
        for (const [field, inner] of Object.entries(value)) visit(prefix ? `${prefix}.${field}` : field, inner);
      } else {
        row.set(prefix || 'value', isScalar(value) ? value : JSON.stringify(value));
      }
    };
    visit('', record);
    for (const column of row.keys()) if (!table.columns.includes(column)) table.columns.push(column);
    table.rows.push(row);
  }
}

export const CITATIONS_HEADER = ['record_kind', 'record_id', 'position', 'source_id', 'quote', 'locator'];

/**
 * Every CSV file of a dataset: one per kind of record (every key but meta, in the dataset's
 * order), each nested list of records after its kind, then citations.csv.
 */
export function datasetCsvFiles(dataset: object): CsvFile[] {
  const flattener = new Flattener();
  for (const [kind, value] of Object.entries(dataset)) {
    if (kind === 'meta') continue;
    flattener.addKind(kind, value);
  }
  const files: CsvFile[] = [...flattener.tables.values()].map((table) => ({
    name: `${table.kind}.csv`,
    kind: table.kind,
    ...(table.parentKind ? { parentKind: table.parentKind } : {}),
    header: table.columns,
    rows: table.rows.length,
    text: toCsv(
      table.columns,
      table.rows.map((row) => table.columns.map((column) => row.get(column))),
    ),
  }));
  // Nested files sit right after the file of the records they belong to.
  const withNested = (file: CsvFile): CsvFile[] => [
    file,
    ...files.filter((other) => other.parentKind === file.kind).flatMap(withNested),
  ];
  const ordered = files.filter((file) => !file.parentKind).flatMap(withNested);
  const citationRows = flattener.citations.map((row) => [
    row.kind,
    row.recordId,
    row.position,
    row.sourceId,
    row.quote,
    row.locator,
  ]);
  ordered.push({
    name: 'citations.csv',
    kind: 'citations',
    header: CITATIONS_HEADER,
    rows: citationRows.length,
    text: toCsv(CITATIONS_HEADER, citationRows),
  });
  return ordered;
}
