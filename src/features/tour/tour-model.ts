/**
 * The guided tour's pure parts: what the map shows at a step, and the words of a step. (Which
 * step an address names is read in src/app/address.ts.) The steps themselves are data (data/tour.json), with their sources.
 */
import type { Dataset, TourStep } from '../../data/schema';
import { nameAt } from '../../domain/organisations';
import type { Selection } from '../../domain/selection';

/** What the map highlights at a step: the store's selection. */
export function selectionOf(step: TourStep): NonNullable<Selection> {
  return { kind: step.focus.kind, id: step.focus.id };
}

/** The name of what a step highlights, as it was called at the step's month. */
export function focusNameOf(dataset: Dataset, step: TourStep): string {
  if (step.focus.kind === 'service')
    return dataset.services.find((service) => service.id === step.focus.id)?.name ?? step.focus.id;
  const organisation = dataset.organisations.find((org) => org.id === step.focus.id);
  return organisation ? nameAt(organisation, step.month).name : step.focus.id;
}

/** The sentences of a step's text (a full stop, question or exclamation mark, then a space or the end). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}
