/**
 * The dataset's fixed vocabularies and file names, with no schema library: the first view reads
 * these (filters, legend, file names) without loading the schema, which validates the data in a
 * worker (src/data/dataset.worker.ts). src/data/schema.ts builds its enums from them.
 */
export const LEVELS = ['national', 'regional', 'local'] as const;

export const ORGANISATION_KINDS = ['body', 'body-type', 'part', 'arrangement'] as const;

export const CATEGORIES = [
  'government',
  'commissioner',
  'public-health',
  'regulator',
  'provider',
  'support',
  'advice',
  'voice',
  'partnership',
  'oversight',
] as const;

export const RELATIONSHIP_KINDS = [
  'funds',
  'commissions-from',
  'accountable-to',
  'oversees',
  'regulates',
  'advises',
  'supports',
  'hosts',
  'part-of',
  'sits-on',
  'scrutinises',
  'partners-with',
] as const;

export const SERVICE_CATEGORIES = [
  'primary-care',
  'specialised',
  'public-health',
  'hospital',
  'urgent-and-emergency',
  'community',
  'mental-health',
  'social-care',
  'health-and-justice',
  'other',
] as const;

export const COMMISSIONING_ROLES = ['sole', 'lead', 'joint', 'delegated', 'co-commissioning'] as const;

export const COMMISSIONING_STATUSES = ['in-force', 'proposed', 'paused', 'reversed'] as const;

export const CO_COMMISSIONING_LEVELS = ['greater-involvement', 'joint', 'delegated'] as const;

export const EVENT_KINDS = ['law', 'policy', 'reform', 'transfer', 'establishment', 'abolition', 'merger', 'programme'] as const;

export const DATASET_FILES = {
  meta: 'meta.json',
  sources: 'sources.json',
  organisations: 'organisations.json',
  relationships: 'relationships.json',
  services: 'services.json',
  commissioning: 'commissioning.json',
  funding: 'funding.json',
  events: 'events.json',
  glossary: 'glossary.json',
  tour: 'tour.json',
} as const;

export type Level = (typeof LEVELS)[number];
export type Category = (typeof CATEGORIES)[number];
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];
export type CommissioningRole = (typeof COMMISSIONING_ROLES)[number];
export type CommissioningStatus = (typeof COMMISSIONING_STATUSES)[number];
export type DatasetFileKey = keyof typeof DATASET_FILES;
