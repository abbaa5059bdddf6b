/**
 * The sources behind the map at a month: every source cited by a record the map draws then (the
 * organisations, with their name and count at that month; the services; the relationships,
 * commissioning arrangements and funding figures linking them). For an exported picture's caption:
 * the page passes them to the export (components/ViewActions) as data.
 */
import { sourceLabels } from '../../components/source-words';
import type { Citation, Dataset } from '../../data/schema';
import { DEFAULT_MAP_OPTIONS, mapModelAt, type MapOptions } from '../../domain/graph';
import { isInPeriod, type MonthString } from '../../domain/months';
import { countAt } from '../../domain/organisations';

/** The ids of the sources cited by what the map draws at the month, in no particular order. */
export function sourceIdsDrawnAt(dataset: Dataset, month: MonthString, options: MapOptions = DEFAULT_MAP_OPTIONS): Set<string> {
  const model = mapModelAt(dataset, month, options);
  const cited = new Set<string>();
  const cite = (citations: readonly Citation[] | undefined) => {
    for (const citation of citations ?? []) cited.add(citation.id);
  };
  const organisations = new Map(dataset.organisations.map((org) => [org.id, org]));
  const services = new Map(dataset.services.map((service) => [service.id, service]));
  const relationships = new Map(dataset.relationships.map((relationship) => [relationship.id, relationship]));
  const commissioning = new Map(dataset.commissioning.map((record) => [`commissioning:${record.id}`, record]));
  const funding = new Map(dataset.funding.map((flow) => [flow.id, flow]));

  for (const node of model.nodes) {
    if (node.type === 'service') {
      cite(services.get(node.serviceId)?.sources);
      continue;
    }
    const org = organisations.get(node.organisationId);
    if (!org) continue;
    cite(org.sources);
    cite(org.names?.find((name) => isInPeriod(name, month))?.sources);
    cite(countAt(org, month)?.sources);
    for (const figure of node.ownFunding) cite(funding.get(figure.id)?.sources);
  }
  for (const link of model.links) {
    cite((relationships.get(link.id) ?? commissioning.get(link.id))?.sources);
    for (const figure of link.funding) cite(funding.get(figure.id)?.sources);
  }
  return cited;
}

/** The sources cited by what the map draws at the month, as a reader should see them, in the dataset's order. */
export function sourcesDrawnAt(dataset: Dataset, month: MonthString, options: MapOptions = DEFAULT_MAP_OPTIONS): string[] {
  const cited = sourceIdsDrawnAt(dataset, month, options);
  return sourceLabels(dataset.sources.filter((source) => cited.has(source.id)));
}
