/** Pure helpers that shape the domain's answers for the service panel. */
import type { Citation, Commissioning, Dataset, Organisation } from '../../data/schema';
import { CO_COMMISSIONING_LEVELS } from '../../data/schema';
import { compareMonths, type MonthString } from '../../domain/months';
import type { CommissionerAtMonth } from '../../domain/services';

export interface CommissionerGroup {
  organisation: Organisation;
  /** the organisation's name at the month */
  name: string;
  /** its arrangements at the month, in the domain's order */
  entries: CommissionerAtMonth[];
}

/** One item per organisation, in the order the organisations first appear. */
export function groupByOrganisation(commissioners: readonly CommissionerAtMonth[]): CommissionerGroup[] {
  const groups = new Map<string, CommissionerGroup>();
  for (const entry of commissioners) {
    const group = groups.get(entry.organisation.id);
    if (group) group.entries.push(entry);
    else groups.set(entry.organisation.id, { organisation: entry.organisation, name: entry.name, entries: [entry] });
  }
  return [...groups.values()];
}

export type UptakeFigure = NonNullable<Commissioning['uptake']>[number];

/** For each co-commissioning level, the latest figure given by the month (each keeps its own date). */
export function uptakeAt(record: Commissioning, month: MonthString): UptakeFigure[] {
  return CO_COMMISSIONING_LEVELS.flatMap((level) => {
    const latest = (record.uptake ?? [])
      .filter((figure) => figure.level === level && compareMonths(figure.asOf, month) <= 0)
      .sort((a, b) => compareMonths(b.asOf, a.asOf))[0];
    return latest ? [latest] : [];
  });
}

/** A record's own sources and those of the uptake figures shown with it. */
export function citationsOf(record: Commissioning, month: MonthString): Citation[] {
  return [...record.sources, ...uptakeAt(record, month).flatMap((figure) => figure.sources)];
}

/** The month nearest to `month` at which the service is described, to offer a jump there. */
export function nearestDescribedMonth(
  service: { from: MonthString | null; to: MonthString | null },
  month: MonthString,
): MonthString | undefined {
  if (service.from !== null && compareMonths(month, service.from) < 0) return service.from;
  if (service.to !== null && compareMonths(month, service.to) > 0) return service.to;
  return undefined;
}

/** The organisations of a dataset by id. */
export function organisationsById(dataset: Dataset): Map<string, Organisation> {
  return new Map(dataset.organisations.map((organisation) => [organisation.id, organisation]));
}
