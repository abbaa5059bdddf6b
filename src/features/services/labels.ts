/** The words the service views use for the dataset's codes: roles, statuses, categories. */
import type { CommissioningRole, CommissioningStatus, Service } from '../../data/schema';
import { formatMonth, type MonthString } from '../../domain/months';

export const ROLE_WORDS: Record<CommissioningRole, string> = {
  sole: 'sole commissioner',
  lead: 'lead commissioner',
  joint: 'joint commissioner',
  delegated: 'delegated commissioner',
  'co-commissioning': 'co-commissioning',
};

/** What each role means, as the dataset's schema defines it. */
export const ROLE_MEANINGS: Record<CommissioningRole, string> = {
  sole: 'the only commissioner',
  lead: 'leads, others take part',
  joint: 'shares the decision',
  delegated: "holds the function on another body's behalf",
  'co-commissioning': 'the primary care co-commissioning offer',
};

export const STATUS_WORDS: Record<CommissioningStatus, string> = {
  'in-force': 'In force',
  proposed: 'Proposed',
  paused: 'Paused',
  reversed: 'Reversed',
};

/** NHS.UK tag colours; the tag's words carry the meaning, the colour only repeats it. */
export const STATUS_TAG_CLASSES: Record<CommissioningStatus, string> = {
  'in-force': 'nhsuk-tag--green',
  proposed: 'nhsuk-tag--blue',
  paused: 'nhsuk-tag--yellow',
  reversed: 'nhsuk-tag--red',
};

export const UPTAKE_LEVEL_WORDS = {
  'greater-involvement': 'greater involvement',
  joint: 'joint',
  delegated: 'delegated',
} as const;

export const SERVICE_CATEGORY_LABELS: Record<Service['category'], string> = {
  'primary-care': 'Primary care',
  specialised: 'Specialised services',
  'public-health': 'Public health',
  hospital: 'Hospital care',
  'urgent-and-emergency': 'Urgent and emergency care',
  community: 'Community services',
  'mental-health': 'Mental health',
  'social-care': 'Social care',
  'health-and-justice': 'Health and justice',
  other: 'Other services',
};

/** "since April 2013"; a null start means the arrangement was already in place when the dataset begins. */
export function sinceWords(from: MonthString | null, coverageFrom: MonthString): string {
  return from === null ? `since before ${formatMonth(coverageFrom)}` : `since ${formatMonth(from)}`;
}

/** A name without its trailing explanation in brackets, for compact lists: "Local authorities (upper-tier…)" → "Local authorities". */
export function compactName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '') || name;
}

/** Joins words as a reader would: "A", "A and B", "A, B and C". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/** Long ids (from a mistyped or crafted address) are cut so they cannot swamp the page. */
export function truncateText(text: string, maxLength = 60): string {
  const characters = [...text];
  return characters.length <= maxLength ? text : `${characters.slice(0, maxLength - 1).join('')}…`;
}
