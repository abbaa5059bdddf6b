/**
 * The guided tour's pure parts: which step an address names, what the map shows at a step, and
 * where leaving the tour goes. The steps themselves are data (data/tour.json), with their sources.
 */
import type { Dataset, TourStep } from '../../data/schema';
import { nameAt } from '../../domain/organisations';
import type { Selection } from '../../domain/selection';

export interface ResolvedStep {
  /** the step to show, counted from 0 */
  index: number;
  /** why this is not the step the address asked for, in words; null when it is */
  notice: string | null;
}

/** The longest part of an address echoed back in a notice. */
const MAX_ECHO = 20;

/**
 * The step an address asks for: `/tour` is step 1; `/tour/3` is step 3 (counted from 1, as a
 * person reads "Step 3 of 9"). Anything else shows step 1, with a notice that says why.
 */
export function resolveStep(param: string | undefined, count: number): ResolvedStep {
  if (param === undefined || param === '') return { index: 0, notice: null };
  const number = /^\d{1,4}$/.test(param) ? Number(param) : NaN;
  if (Number.isInteger(number) && number >= 1 && number <= count) return { index: number - 1, notice: null };
  const asked = param.length > MAX_ECHO ? `${param.slice(0, MAX_ECHO)}…` : param;
  return {
    index: 0,
    notice: `The tour has no step “${asked}”: its steps are numbered 1 to ${count}. Showing step 1.`,
  };
}

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
