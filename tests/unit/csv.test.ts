import { csvParseRows } from 'd3';
import { describe, expect, it } from 'vitest';
import { CITATIONS_HEADER, csvCell, datasetCsvFiles, toCsv } from '../../src/features/downloads/csv';
import type { Dataset } from '../../src/data/schema';
import { loadRealDataset } from '../support/real-dataset';

function realDataset(): Dataset {
  const result = loadRealDataset();
  if (!result.dataset) throw new Error('the real dataset does not parse');
  return result.dataset;
}

/** Every citation object anywhere in a value: an object with an id inside a "sources" list. */
function countCitations(value: unknown, key = ''): number {
  if (Array.isArray(value)) {
    if (key === 'sources') return value.length;
    return value.reduce<number>((total, item) => total + countCitations(item), 0);
  }
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).reduce((total, [field, inner]) => total + countCitations(inner, field), 0);
  return 0;
}

describe('csvCell', () => {
  it('leaves plain text, numbers and true/false as they are, and writes an absent value as an empty field', () => {
    expect(csvCell('NHS England')).toBe('NHS England');
    expect(csvCell(116.4)).toBe('116.4');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes a field with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('the "offer"')).toBe('"the ""offer"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvCell('"')).toBe('""""');
  });

  it('makes text that starts like a formula inert with a leading apostrophe', () => {
    expect(csvCell('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(csvCell('+44 20')).toBe("'+44 20");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('=HYPERLINK("http://x", "y")')).toBe('"\'=HYPERLINK(""http://x"", ""y"")"');
    // a formula sign anywhere else is harmless, and numbers are numbers
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-1)).toBe('-1');
  });
});

describe('toCsv', () => {
  it('writes a header row, then one CRLF-ended line per row, that a CSV parser reads back', () => {
    const text = toCsv(
      ['id', 'note'],
      [
        ['a', 'one, two'],
        ['b', 'line\nbreak "quoted"'],
      ],
    );
    expect(text).toBe('id,note\r\na,"one, two"\r\nb,"line\nbreak ""quoted"""\r\n');
    expect(csvParseRows(text)).toEqual([
      ['id', 'note'],
      ['a', 'one, two'],
      ['b', 'line\nbreak "quoted"'],
    ]);
  });
});

describe('datasetCsvFiles on the real dataset', () => {
  const dataset = realDataset();
  const files = datasetCsvFiles(dataset);
  const byName = new Map(files.map((file) => [file.name, file]));
  const parsed = (name: string) => csvParseRows(byName.get(name)?.text ?? '');

  it('has one file per kind of record, with a row per record', () => {
    const kinds = Object.keys(dataset).filter((key) => key !== 'meta');
    for (const kind of kinds) {
      const records = (dataset as unknown as Record<string, unknown>)[kind];
      const file = byName.get(`${kind}.csv`);
      expect(file, kind).toBeDefined();
      expect(file?.rows).toBe(Array.isArray(records) ? records.length : 1);
      expect(parsed(`${kind}.csv`)).toHaveLength((file?.rows ?? 0) + 1);
    }
    expect(byName.get('organisations.csv')?.rows).toBe(dataset.organisations.length);
    expect(byName.get('glossary.csv')?.rows).toBe(175);
    expect(files.at(-1)?.name).toBe('citations.csv');
  });

  it('puts nested lists in files of their own, tied to their record', () => {
    const counts = dataset.organisations.flatMap((organisation) => organisation.counts ?? []);
    expect(byName.get('organisations-counts.csv')?.rows).toBe(counts.length);
    const uptake = dataset.commissioning.flatMap((record) => record.uptake ?? []);
    expect(byName.get('commissioning-uptake.csv')?.rows).toBe(uptake.length);
    const [header, first] = parsed('organisations-counts.csv');
    expect(header?.slice(0, 3)).toEqual(['record_id', 'position', 'count']);
    const owner = dataset.organisations.find((organisation) => (organisation.counts ?? []).length > 0);
    expect(first?.[0]).toBe(owner?.id);
    expect(first?.[1]).toBe('1');
  });

  it('writes every citation as a row of citations.csv', () => {
    const rows = parsed('citations.csv');
    expect(rows[0]).toEqual(CITATIONS_HEADER);
    // the top-level "sources" is the list of sources, not citations
    const { sources: _sources, ...records } = dataset;
    expect(rows.length - 1).toBe(countCitations(records));
    expect(rows.length - 1).toBeGreaterThan(900);
    const service = dataset.services[0]!;
    const serviceRows = rows.filter((row) => row[0] === 'services' && row[1] === service.id);
    expect(serviceRows.map((row) => row[3])).toEqual(service.sources.map((citation) => citation.id));
    expect(serviceRows.map((row) => row[4])).toEqual(service.sources.map((citation) => citation.quote ?? ''));
  });

  it('writes lists of values joined by "; " and fields of fields as parent.field', () => {
    const [header, ...rows] = parsed('services.csv');
    const synonyms = header?.indexOf('synonyms') ?? -1;
    const withSynonyms = dataset.services.findIndex((service) => service.synonyms.length > 1);
    expect(rows[withSynonyms]?.[synonyms]).toBe(dataset.services[withSynonyms]?.synonyms.join('; '));
    const [orgHeader] = parsed('organisations.csv');
    expect(orgHeader).toContain('contested.reason');
    expect(orgHeader).not.toContain('counts');
  });

  it('gives a kind of record it has never seen a file of its own', () => {
    const withNewKind = { ...dataset, extras: [{ id: 'x', label: '=1+1', sources: [{ id: 'brief-intro-2015' }] }] };
    const extra = datasetCsvFiles(withNewKind).find((file) => file.name === 'extras.csv');
    expect(extra?.text).toBe("id,label,sources\r\nx,'=1+1,brief-intro-2015\r\n");
  });
});
