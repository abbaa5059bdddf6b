/** The words the service views use for the dataset's codes; role and status words are in components/commissioning-words. */
import type { CommissioningRole } from '../../data/schema';

export { compactName, joinWords, SERVICE_CATEGORY_LABELS } from '../../components/words';

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

/** The badge of an arrangement that the sources do not state for this service: the general pattern of the time, inferred. */
export const INFERRED_WORD = 'Inferred';
/** Grey, not the green of "In force": the words carry the meaning, the colour only repeats it. */
export const INFERRED_TAG_CLASS = 'nhsuk-tag--grey';
