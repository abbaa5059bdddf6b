/** The sources page's pure parts: grouping and searching the sources, and where each citing record can be seen. */
import { glossaryHref } from '../../domain/glossary';
import { fundingLocation, href, hrefFor } from '../../components/routing';
import type { Source } from '../../data/schema';
import type { CitingKind, CitingRecord } from '../../domain/citations';

export const CITING_KIND_HEADINGS: Record<CitingKind, string> = {
  organisation: 'Organisations',
  relationship: 'Relationships',
  service: 'Services',
  commissioning: 'Commissioning records',
  funding: 'Funding figures',
  event: 'Events',
  glossary: 'Glossary terms',
};

export const CITING_KIND_NOUNS: Record<CitingKind, [singular: string, plural: string]> = {
  organisation: ['organisation', 'organisations'],
  relationship: ['relationship', 'relationships'],
  service: ['service', 'services'],
  commissioning: ['commissioning record', 'commissioning records'],
  funding: ['funding figure', 'funding figures'],
  event: ['event', 'events'],
  glossary: ['glossary term', 'glossary terms'],
};

/** Where a person can see a record: its service or organisation view, its month on the map, its year of funding, its glossary entry. */
export function citingRecordHref(record: CitingRecord): string {
  switch (record.kind) {
    case 'organisation':
      return hrefFor({ kind: 'organisation', id: record.id }, record.month);
    case 'service':
      return hrefFor({ kind: 'service', id: record.id }, record.month);
    case 'relationship':
    case 'commissioning':
      return hrefFor(record.target ?? null, record.month);
    case 'funding':
      return href(fundingLocation(record.financialYear ?? ''));
    case 'event':
      return hrefFor(null, record.month);
    case 'glossary':
      return glossaryHref(record.id);
  }
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** The five documents first (in the dataset's order), then the other sources by title. */
export function groupSources(sources: readonly Source[]): { documents: Source[]; external: Source[] } {
  return {
    documents: sources.filter((source) => source.kind === 'document'),
    external: sources
      .filter((source) => source.kind === 'external')
      .sort((a, b) => collator.compare(a.title.replace(/^(the|a|an)\s+/i, ''), b.title.replace(/^(the|a|an)\s+/i, ''))),
  };
}

export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The sources whose title, publisher, date, description or id contain every word of the search. */
export function filterSources<T extends Source>(sources: readonly T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...sources];
  return sources.filter((source) => {
    const haystack = fold([source.title, source.publisher, source.date, source.description, source.id].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

/** "12 organisations, 1 service and 30 commissioning records" */
export function describeCounts(counts: ReadonlyArray<{ kind: CitingKind; count: number }>): string {
  const parts = counts.map(({ kind, count }) => `${count} ${CITING_KIND_NOUNS[kind][count === 1 ? 0 : 1]}`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}
