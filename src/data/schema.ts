/**
 * The one schema of the commissioning dataset. Every TypeScript type of the data is derived
 * from it (z.infer), so the JSON in data/, the loader and the domain functions cannot drift apart.
 *
 * Conventions shared by every record:
 * - ids are unique across the whole dataset (lower-case words joined by hyphens), so an event
 *   can point at any record it starts or ends;
 * - `from` and `to` are months ("YYYY-MM"), both inclusive: `to: "2013-03"` means the record
 *   was last in force in March 2013. `from: null` means "already in force before the dataset
 *   begins" (its start is not recorded here); `to: null` means "still in force at its end";
 * - every record cites at least one source, optionally quoting the words that support it.
 */
// zod/mini: the same validation as zod with functions instead of methods, so the bundler keeps
// only what the schema uses (about a fifth of the bytes of classic zod in the page).
import * as z from 'zod/mini';
import {
  CATEGORIES,
  CO_COMMISSIONING_LEVELS,
  COMMISSIONING_ROLES,
  COMMISSIONING_STATUSES,
  EVENT_KINDS,
  LEVELS,
  ORGANISATION_KINDS,
  RELATIONSHIP_KINDS,
  SERVICE_CATEGORIES,
} from './vocabulary';

// The vocabularies live without the schema library (see vocabulary.ts); importers of the schema still find them here.
export * from './vocabulary';

// zod/mini has no messages of its own until a locale is chosen: English, as the data is written.
z.config(z.locales.en());

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const monthSchema = z.string().check(z.regex(MONTH_PATTERN, 'must be a month written YYYY-MM, e.g. "2013-04"'));

/** An event's date: a month ("2015-10") or, where the day is known, a day ("2015-10-01"). */
export const eventDateSchema = z
  .string()
  .check(z.refine((value) => MONTH_PATTERN.test(value) || isRealDay(value), 'must be a month YYYY-MM or a real day YYYY-MM-DD'));

function isRealDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const idSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'));

/** Text a person reads: never empty. */
function text() {
  return z.string().check(z.minLength(1));
}

/** A financial year, April to March, written "2015/16". */
export const financialYearSchema = z.string().check(
  z.regex(/^\d{4}\/\d{2}$/, 'must be a financial year written YYYY/YY, e.g. "2015/16"'),
  z.refine((value) => {
    const start = Number(value.slice(0, 4));
    const end = Number(value.slice(5, 7));
    return (start + 1) % 100 === end;
  }, 'the second year must follow the first, e.g. "2015/16"'),
);

export const citationSchema = z.strictObject({
  /** id of an entry in sources.json */
  id: idSchema,
  /** the words of the source that support the record, copied exactly */
  quote: z.optional(text()),
  /** where in the source, when a quote would be too long (a heading, a section) */
  locator: z.optional(text()),
});

const citationsSchema = z.array(citationSchema).check(z.minLength(1, 'every record must cite at least one source'));

/** Where sources disagree, the record says so and why, instead of silently picking one. */
const contestedSchema = z.strictObject({ reason: text() });

const periodFields = {
  from: z.nullable(monthSchema),
  to: z.nullable(monthSchema),
};

// ---------------------------------------------------------------------------------------------
// Sources

export const sourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: idSchema,
    /** one of the five documents in ../shared/sources/, cited by file name */
    kind: z.literal('document'),
    file: z.string().check(z.regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'must be a file name in shared/sources/')),
    title: text(),
    publisher: text(),
    /** as the source README gives it, e.g. "2017" or "8 December 2014" */
    date: text(),
    description: text(),
  }),
  z.strictObject({
    id: idSchema,
    /** public material outside the five documents */
    kind: z.literal('external'),
    title: text(),
    publisher: text(),
    date: text(),
    url: z.url({ protocol: /^https?$/ }),
    description: text(),
  }),
]);

// ---------------------------------------------------------------------------------------------
// Organisations

export const organisationCountSchema = z.strictObject({
  count: z.int().check(z.nonnegative()),
  /** the earliest month the source supports this count for */
  asOf: monthSchema,
  status: z._default(z.enum(['actual', 'planned', 'proposed']), 'actual'),
  approximate: z.optional(z.boolean()),
  /** why this month, when the source gives only a year or a range */
  dateNote: z.optional(text()),
  sources: citationsSchema,
});

export const organisationNameSchema = z.strictObject({
  name: text(),
  shortName: z.optional(text()),
  ...periodFields,
  sources: citationsSchema,
});

export const organisationSchema = z.strictObject({
  id: idSchema,
  name: text(),
  shortName: text(),
  /**
   * body: one named organisation (Monitor); body-type: a kind of body with many local members
   * (CCGs, shown with their count); part: a part of another body (NHS England's regional teams);
   * arrangement: a joint or pooled arrangement rather than an organisation (section 75, BCF).
   */
  kind: z.enum(ORGANISATION_KINDS),
  level: z.enum(LEVELS),
  category: z.enum(CATEGORIES),
  /** one or two plain-English sentences: what it does */
  role: text(),
  ...periodFields,
  /** earlier and later names of the same body (e.g. NHS Commissioning Board → NHS England) */
  names: z.optional(z.array(organisationNameSchema)),
  predecessors: z._default(z.array(idSchema), []),
  successors: z._default(z.array(idSchema), []),
  counts: z.optional(z.array(organisationCountSchema)),
  contested: z.optional(contestedSchema),
  sources: citationsSchema,
});

// ---------------------------------------------------------------------------------------------
// Relationships

export const relationshipSchema = z.strictObject({
  id: idSchema,
  /** read as a sentence: subject <kind> object, e.g. "department-of-health funds nhs-england" */
  subject: idSchema,
  kind: z.enum(RELATIONSHIP_KINDS),
  object: idSchema,
  ...periodFields,
  status: z._default(z.enum(['in-force', 'proposed']), 'in-force'),
  note: z.optional(text()),
  contested: z.optional(contestedSchema),
  sources: citationsSchema,
});

// ---------------------------------------------------------------------------------------------
// Services and who commissions them

export const serviceSchema = z.strictObject({
  id: idSchema,
  name: text(),
  /** other names and acronyms people search by */
  synonyms: z._default(z.array(text()), []),
  category: z.enum(SERVICE_CATEGORIES),
  description: text(),
  /** the months the service is described for; null = the whole range */
  ...periodFields,
  sources: citationsSchema,
});

export const coCommissioningUptakeSchema = z.strictObject({
  level: z.enum(CO_COMMISSIONING_LEVELS),
  /** how many CCGs worked at this level */
  count: z.int().check(z.nonnegative()),
  asOf: monthSchema,
  sources: citationsSchema,
});

export const commissioningSchema = z.strictObject({
  id: idSchema,
  service: idSchema,
  commissioner: idSchema,
  /**
   * sole: the only commissioner; lead: leads, others take part; joint: shares the decision;
   * delegated: holds the function on another body's behalf; co-commissioning: the primary care
   * co-commissioning offer, with its levels in `uptake`.
   */
  role: z.enum(COMMISSIONING_ROLES),
  ...periodFields,
  /**
   * in-force: it operated in these months; proposed: announced, not in force; paused: a proposal
   * on hold; reversed: announced or begun, then halted (from/to: announcement to halt).
   */
  status: z._default(z.enum(COMMISSIONING_STATUSES), 'in-force'),
  /**
   * For whom or for which part of the service this commissioner acts, when it is not all of it:
   * "primary care for serving personnel", "tier 3 (specialist weight management)". A service split
   * between commissioners shows each with its scope; a record with a scope is scope-limited.
   */
  scope: z.optional(text()),
  uptake: z.optional(z.array(coCommissioningUptakeSchema)),
  note: z.optional(text()),
  contested: z.optional(contestedSchema),
  sources: citationsSchema,
});

// ---------------------------------------------------------------------------------------------
// Money

export const fundingFlowSchema = z.strictObject({
  id: idSchema,
  payer: idSchema,
  recipient: idSchema,
  financialYear: financialYearSchema,
  /** £ billions, exactly as the source gives it; absent when the source gives only a share */
  amountBn: z.optional(z.number().check(z.positive())),
  /** a share as the source words it, e.g. "over 80 per cent of the Department's spend" */
  share: z.optional(text()),
  /** allocation: money given to spend; grant: a ring-fenced grant; pledge: promised; pooled: put into a shared budget; spend: what was spent */
  basis: z.enum(['allocation', 'grant', 'pledge', 'pooled', 'spend']),
  description: text(),
  contested: z.optional(contestedSchema),
  sources: citationsSchema,
});

// ---------------------------------------------------------------------------------------------
// Events

export const eventSchema = z.strictObject({
  id: idSchema,
  date: eventDateSchema,
  title: text(),
  /** one plain-English line */
  summary: text(),
  kind: z.enum(EVENT_KINDS),
  /** ids of organisations, relationships or commissioning records whose `from` is this month */
  starts: z._default(z.array(idSchema), []),
  /** ids of records whose `to` is the month before this one (the last month they were in force) */
  ends: z._default(z.array(idSchema), []),
  sources: citationsSchema,
});

// ---------------------------------------------------------------------------------------------
// Glossary

export const glossaryEntrySchema = z.strictObject({
  /** the term as it appears in the data: "CCG", "section 75" */
  term: text(),
  /** what an acronym stands for */
  expansion: z.optional(text()),
  /** one plain-English line */
  meaning: text(),
  sources: z.optional(citationsSchema),
});

// ---------------------------------------------------------------------------------------------
// The guided tour

/**
 * One step of the guided tour of the reforms: a month, the part of the map it picks out (the
 * store's selection) and two or three plain sentences, every one of them supported by the quotes
 * it cites. The facts come from the records above; a step adds none of its own.
 */
export const tourStepSchema = z.strictObject({
  id: idSchema,
  month: monthSchema,
  title: text(),
  /** two or three plain sentences */
  text: text(),
  /** what the map highlights at this step */
  focus: z.strictObject({ kind: z.enum(['service', 'organisation']), id: idSchema }),
  /** ids of the events the step tells of */
  events: z._default(z.array(idSchema), []),
  sources: citationsSchema,
});

export const metaSchema = z.strictObject({
  title: text(),
  /** the first and last month the dataset describes */
  coverage: z.strictObject({ from: monthSchema, to: monthSchema }),
  licence: text(),
  note: text(),
});

/** data/ as files: each key is one JSON file, data/<key>.json. */

export const datasetSchema = z.strictObject({
  meta: metaSchema,
  sources: z.array(sourceSchema),
  organisations: z.array(organisationSchema),
  relationships: z.array(relationshipSchema),
  services: z.array(serviceSchema),
  commissioning: z.array(commissioningSchema),
  funding: z.array(fundingFlowSchema),
  events: z.array(eventSchema),
  glossary: z.array(glossaryEntrySchema),
  /** the guided tour, in order; a dataset without one (older copies, test fixtures) has none */
  tour: z._default(z.array(tourStepSchema), []),
});

export type Month = z.infer<typeof monthSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type OrganisationCount = z.infer<typeof organisationCountSchema>;
export type Relationship = z.infer<typeof relationshipSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type Commissioning = z.infer<typeof commissioningSchema>;
export type FundingFlow = z.infer<typeof fundingFlowSchema>;
export type DatasetEvent = z.infer<typeof eventSchema>;
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type TourStep = z.infer<typeof tourStepSchema>;
export type Meta = z.infer<typeof metaSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
/** The dataset as it is written in data/, before defaults are filled in. */
export type DatasetInput = z.input<typeof datasetSchema>;
