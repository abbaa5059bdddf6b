/** Pure helpers that shape the domain's answers for the service panel. */
import type { Citation, Commissioning, Dataset, Organisation } from '../../data/schema';
import { CO_COMMISSIONING_LEVELS } from '../../data/vocabulary';
import { compareMonths, isInPeriod, type MonthString } from '../../domain/months';
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

/**
 * The words by which a commissioning record's note says that its commissioner is inferred rather
 * than named by a source: "treat this as an inference", "the sources do not say who commissioned
 * this service", "… do not name this service", "do not list this service by name". The schema
 * has no field for it, so the note is read; a record whose dates alone are inferred is not matched.
 */
const INFERENCE_NOTES: readonly RegExp[] = [
  /\btreat this as (?:an inference|the general pattern)\b/i,
  /\bsources do not (?:say|name) who\b/i,
  /\bsources do not describe how\b/i,
  /\bdo not name this service\b/i,
  /\bdo not list this service by name\b/i,
  /\bnot a (?:confirmed|sourced) fact\b/i,
];

/** Is this arrangement inferred (the general pattern of the time) rather than stated by a source for this service? */
export function isInferred(record: Commissioning): boolean {
  return (
    record.status === 'in-force' && record.note !== undefined && INFERENCE_NOTES.some((words) => words.test(record.note ?? ''))
  );
}

/** Is the in-force arrangement of this commissioner, in this role, for the service at the month an inferred one? */
export function isInferredAt(
  dataset: Dataset,
  serviceId: string,
  ref: { organisationId: string; role: Commissioning['role'] },
  month: MonthString,
): boolean {
  return dataset.commissioning.some(
    (record) =>
      record.service === serviceId &&
      record.commissioner === ref.organisationId &&
      record.role === ref.role &&
      isInPeriod(record, month) &&
      isInferred(record),
  );
}
