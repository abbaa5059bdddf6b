import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/data/load';
import type { Dataset } from '../../src/data/schema';
import { countByKind, recordsCitingSource } from '../../src/domain/citations';
import { citingRecordHref, describeCounts, filterSources, groupSources } from '../../src/features/sources/sources-model';
import { miniDataset } from '../fixtures/mini-dataset';
import { loadRealDataset } from '../support/real-dataset';

function realDataset(): Dataset {
  const result = loadRealDataset();
  if (!result.dataset) throw new Error('the real dataset does not parse');
  return result.dataset;
}

describe('recordsCitingSource', () => {
  const dataset = realDataset();
  const index = recordsCitingSource(dataset);

  it('has an entry for every source, in the order of the dataset', () => {
    expect([...index.keys()]).toEqual(dataset.sources.map((source) => source.id));
  });

  it('finds every record that cites a source, once per record, with its citations of that source', () => {
    for (const service of dataset.services) {
      for (const sourceId of new Set(service.sources.map((citation) => citation.id))) {
        const entries = (index.get(sourceId) ?? []).filter((record) => record.kind === 'service' && record.id === service.id);
        expect(entries).toHaveLength(1);
        expect(entries[0]?.citations).toEqual(service.sources.filter((citation) => citation.id === sourceId));
      }
    }
    const glossaryCited = dataset.glossary.filter((entry) => entry.sources?.length);
    const glossaryIndexed = [...index.values()].flat().filter((record) => record.kind === 'glossary');
    expect(new Set(glossaryIndexed.map((record) => record.id))).toEqual(new Set(glossaryCited.map((entry) => entry.term)));
  });

  it('counts citations nested in a record (counts, earlier names, uptake) as citations by that record', () => {
    const organisation = dataset.organisations.find((candidate) =>
      (candidate.counts ?? []).some((count) =>
        count.sources.some((citation) => !candidate.sources.some((own) => own.id === citation.id)),
      ),
    );
    expect(organisation).toBeDefined();
    const nestedSource = organisation!
      .counts!.flatMap((count) => count.sources)
      .find((citation) => !organisation!.sources.some((own) => own.id === citation.id))!;
    expect(index.get(nestedSource.id)?.some((record) => record.kind === 'organisation' && record.id === organisation!.id)).toBe(
      true,
    );
  });

  it('links each record to where it can be seen', () => {
    const all = [...index.values()].flat();
    const byKind = (kind: string) => all.find((record) => record.kind === kind)!;
    expect(citingRecordHref(byKind('service'))).toMatch(/^#\/service\/[a-z0-9-]+(\?date=\d{4}-\d{2})?$/);
    expect(citingRecordHref(byKind('organisation'))).toMatch(/^#\/org\/[a-z0-9-]+(\?date=\d{4}-\d{2})?$/);
    expect(citingRecordHref(byKind('commissioning'))).toMatch(/^#\/service\//);
    expect(citingRecordHref(byKind('relationship'))).toMatch(/^#\/org\//);
    expect(citingRecordHref(byKind('event'))).toMatch(/^#\/\?date=\d{4}-\d{2}$/);
    expect(citingRecordHref(byKind('funding'))).toMatch(/^#\/funding\?year=\d{4}-\d{2}$/);
    expect(citingRecordHref(byKind('glossary'))).toMatch(/^#\/glossary\/[a-z0-9-]+$/);
  });

  it('shows an ended record at its last month in force', () => {
    const ended = dataset.organisations.find((organisation) => organisation.to !== null)!;
    const record = [...index.values()].flat().find((entry) => entry.kind === 'organisation' && entry.id === ended.id)!;
    expect(citingRecordHref(record)).toBe(`#/org/${ended.id}?date=${ended.to}`);
  });
});

describe('recordsCitingSource on a small dataset', () => {
  it('keeps a source nobody cites, with no records', () => {
    const data = miniDataset();
    const result = parseDataset(data);
    const dataset = result.dataset!;
    const extra = { ...dataset, sources: [...dataset.sources, { ...dataset.sources[0]!, id: 'uncited-source' }] } as Dataset;
    expect(recordsCitingSource(extra).get('uncited-source')).toEqual([]);
  });
});

describe('the sources page model', () => {
  const dataset = realDataset();

  it('puts the five documents first, then the others by title', () => {
    const { documents, external } = groupSources(dataset.sources);
    expect(documents).toHaveLength(5);
    expect(documents.every((source) => source.kind === 'document')).toBe(true);
    expect(external).toHaveLength(dataset.sources.length - 5);
  });

  it('searches titles, publishers and descriptions, every word', () => {
    expect(filterSources(dataset.sources, 'aidsmap').map((source) => source.id)).toEqual(['ext-aidsmap-hiv-commissioning-2010']);
    expect(filterSources(dataset.sources, '')).toHaveLength(dataset.sources.length);
    expect(filterSources(dataset.sources, 'zzzz nothing')).toEqual([]);
  });

  it('says what cites a source in words', () => {
    expect(
      describeCounts(
        countByKind([
          { kind: 'service', id: 'a', label: 'A', citations: [], month: null },
          { kind: 'organisation', id: 'b', label: 'B', citations: [], month: null },
          { kind: 'organisation', id: 'c', label: 'C', citations: [], month: null },
          { kind: 'event', id: 'd', label: 'D', citations: [], month: null },
        ]),
      ),
    ).toBe('2 organisations, 1 service and 1 event');
  });
});
