/**
 * The words for a commissioning arrangement's role and status, as they read inside a sentence
 * ("NHS England (delegated commissioner)", "proposed, not in force"). Every view says them (the
 * map, its text alternative, the panels, the compare page and the export), from here alone; a tag
 * or the start of a sentence capitalises them (lib/words.ts).
 */
import type { CommissioningRole, CommissioningStatus } from '../data/schema';
import { formatMonth, type MonthString } from '../domain/months';

export const ROLE_WORDS: Record<CommissioningRole, string> = {
  sole: 'sole commissioner',
  lead: 'lead commissioner',
  joint: 'joint commissioner',
  delegated: 'delegated commissioner',
  'co-commissioning': 'co-commissioning',
};

export const STATUS_WORDS: Record<CommissioningStatus, string> = {
  'in-force': 'in force',
  proposed: 'proposed',
  paused: 'paused',
  reversed: 'reversed',
};

/** NHS.UK tag colours; the tag's words carry the meaning, the colour only repeats it. */
export const STATUS_TAG_CLASSES: Record<CommissioningStatus, string> = {
  'in-force': 'nhsuk-tag--green',
  proposed: 'nhsuk-tag--blue',
  paused: 'nhsuk-tag--yellow',
  reversed: 'nhsuk-tag--red',
};

/** "since April 2013"; a null start means the arrangement was already in place when the dataset begins. */
export function sinceWords(from: MonthString | null, coverageFrom: MonthString): string {
  return from === null ? `since before ${formatMonth(coverageFrom)}` : `since ${formatMonth(from)}`;
}
