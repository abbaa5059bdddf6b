/** Words shared by several views: how a reader would join a list, shorten a name, or head a category of services. */
import type { Service } from '../data/schema';

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
