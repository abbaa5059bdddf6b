/**
 * Which records cite which source: the index behind the sources page. Citations nested inside a
 * record (an organisation's counts and earlier names, a commissioning record's uptake figures)
 * count as citations by that record.
 */
import type { Citation, Dataset } from '../data/schema';

export const CITING_KINDS = ['organisation', 'relationship', 'service', 'commissioning', 'funding', 'event', 'glossary'] as const;
export type CitingKind = (typeof CITING_KINDS)[number];

/** A record that cites a source, with what it quotes from it and a month at which it can be seen. */
export interface CitingRecord {
  kind: CitingKind;
  /** the record's id; a glossary entry's term */
  id: string;
  /** a short name a person reads: the organisation's name, "NHS England commissions from …" */
  label: string;
  /** the citations of this source by this record (quotes and locators) */
  citations: Citation[];
  /** a month at which the record is in force, for links (null: any month, e.g. the latest) */
  month: string | null;
  /** for relationships and commissioning: the organisation or service to open */
  target?: { kind: 'organisation' | 'service'; id: string };
  /** for funding: the financial year, "2015/16" */
  financialYear?: string;
}

/** The month to show a record at: its last month in force, else its first, else none. */
function monthOf(record: { from: string | null; to: string | null }): string | null {
  return record.to ?? record.from ?? null;
}

/**
 * For every source in the dataset (in its order), the records that cite it, in the order of the
 * dataset's files. A source nobody cites maps to an empty list; a citation of an unknown source
 * gets an entry of its own, so nothing is lost.
 */
export function recordsCitingSource(dataset: Dataset): Map<string, CitingRecord[]> {
  const index = new Map<string, CitingRecord[]>(dataset.sources.map((source) => [source.id, []]));
  const organisationNames = new Map(dataset.organisations.map((organisation) => [organisation.id, organisation.name]));
  const serviceNames = new Map(dataset.services.map((service) => [service.id, service.name]));
  const nameOf = (id: string) => organisationNames.get(id) ?? id;

  const add = (record: Omit<CitingRecord, 'citations'>, citations: readonly Citation[]) => {
    const bySource = new Map<string, Citation[]>();
    for (const citation of citations) bySource.set(citation.id, [...(bySource.get(citation.id) ?? []), citation]);
    for (const [sourceId, cited] of bySource) {
      const list = index.get(sourceId) ?? [];
      list.push({ ...record, citations: cited });
      index.set(sourceId, list);
    }
  };

  for (const organisation of dataset.organisations) {
    add({ kind: 'organisation', id: organisation.id, label: organisation.name, month: organisation.to }, [
      ...organisation.sources,
      ...(organisation.names ?? []).flatMap((name) => name.sources),
      ...(organisation.counts ?? []).flatMap((count) => count.sources),
    ]);
  }
  for (const relationship of dataset.relationships) {
    add(
      {
        kind: 'relationship',
        id: relationship.id,
        label: `${nameOf(relationship.subject)} ${relationship.kind.replace(/-/g, ' ')} ${nameOf(relationship.object)}`,
        month: monthOf(relationship),
        target: { kind: 'organisation', id: relationship.subject },
      },
      relationship.sources,
    );
  }
  for (const service of dataset.services) {
    add({ kind: 'service', id: service.id, label: service.name, month: service.to }, service.sources);
  }
  for (const record of dataset.commissioning) {
    add(
      {
        kind: 'commissioning',
        id: record.id,
        label: `${serviceNames.get(record.service) ?? record.service}: ${nameOf(record.commissioner)} (${record.role.replace(/-/g, ' ')})`,
        month: monthOf(record),
        target: { kind: 'service', id: record.service },
      },
      [...record.sources, ...(record.uptake ?? []).flatMap((figure) => figure.sources)],
    );
  }
  for (const flow of dataset.funding) {
    add(
      {
        kind: 'funding',
        id: flow.id,
        label: `${nameOf(flow.payer)} to ${nameOf(flow.recipient)}, ${flow.financialYear}`,
        month: null,
        financialYear: flow.financialYear,
      },
      flow.sources,
    );
  }
  for (const event of dataset.events) {
    add({ kind: 'event', id: event.id, label: event.title, month: event.date.slice(0, 7) }, event.sources);
  }
  for (const entry of dataset.glossary) {
    add({ kind: 'glossary', id: entry.term, label: entry.term, month: null }, entry.sources ?? []);
  }
  return index;
}

/** How many records of each kind cite a source, in the order of CITING_KINDS, leaving out kinds with none. */
export function countByKind(records: readonly CitingRecord[]): Array<{ kind: CitingKind; count: number }> {
  return CITING_KINDS.map((kind) => ({ kind, count: records.filter((record) => record.kind === kind).length })).filter(
    (entry) => entry.count > 0,
  );
}
