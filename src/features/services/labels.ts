/** The words the service views use for the dataset's codes; role and status words are in components/commissioning-words. */
import type { CommissioningRole, Service } from '../../data/schema';

/** What each role means, as the dataset's schema defines it. */
export const ROLE_MEANINGS: Record<CommissioningRole, string> = {
  sole: 'the only commissioner',
  lead: 'leads, others take part',
  joint: 'shares the decision',
  delegated: "holds the function on another body's behalf",
  'co-commissioning': 'the primary care co-commissioning offer',
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

/** A name without its trailing explanation in brackets, for compact lists: "Local authorities (upper-tier…)" → "Local authorities". */
export function compactName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '') || name;
}

/** Joins words as a reader would: "A", "A and B", "A, B and C". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}
