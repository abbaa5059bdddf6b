/**
 * The schema of data/places/places.json (issue 13): named CCGs, upper-tier local authorities and
 * primary care trusts, derived by scripts/places/build-places.ts from public code lists. Every type
 * of the place data is derived from it (z.infer), as for the main dataset (src/data/schema.ts).
 *
 * - CCGs are tracked by their ODS code (three characters, e.g. "02V"): ONS codes change when a
 *   boundary changes without a merger. `from`/`to` are the ODS open and close months (inclusive);
 *   `ons` gives, for each ONS list year ("2013" names list; "2015"–"2018" lookups), [ONS code, name]
 *   as that list spells it (the 2013 list leaves out "CCG"). `successors` (ODS codes) is given for
 *   each CCG that closed before the end of the period; `successorBasis` says how it was found:
 *   "lsoa" (the closed CCG's LSOAs in the last lookup before, found in the first lookup after) or
 *   "only-opening" (no lookup before the close: the only CCG that opened in the year up to it).
 *   `stp` gives the CCG's sustainability and transformation partnership in the STP lookups.
 * - Authorities: the 152 English upper-tier authorities. `cover[year]` lists [CCG ODS code, number
 *   of the authority's 2011 LSOAs in that CCG] for each lookup year; `lsoas` is the authority's
 *   number of LSOAs. Shares are shares of LSOAs (small areas), not of people.
 * - PCTs: ONS code, name, last month (March 2013); `ods` and `ccgs` ([CCG ODS code, percent of the
 *   PCT's postcodes]) come from an unofficial, derived mapping whose CCGs are those of
 *   `pctMappingMonth`, and must be shown as such.
 */
import * as z from 'zod/mini';
import { monthSchema } from './schema';

const text = () => z.string().check(z.minLength(1));
const odsCodeSchema = z.string().check(z.regex(/^[0-9A-Z]{3}$/, 'must be a three-character ODS code, e.g. "02V"'));
const sourceIdSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'));

export const placeSourceSchema = z.strictObject({
  id: sourceIdSchema,
  publisher: text(),
  title: text(),
  repository: text(),
  path: text(),
  commit: z.string().check(z.regex(/^[0-9a-f]{40}$/, 'must be a 40-digit commit')),
  licence: text(),
  attribution: z.optional(text()),
  unofficial: z.optional(z.boolean()),
  note: z.optional(text()),
});

export const placeListSchema = z.strictObject({
  /** the list's year label, a key of `ons` and (when `cover`) of an authority's `cover` */
  year: z.string().check(z.regex(/^\d{4}$/)),
  /** the first month the list is used for */
  from: monthSchema,
  source: sourceIdSchema,
  /** whether the list is an LSOA lookup giving coverage of authorities */
  cover: z.boolean(),
});

export const ccgRecordSchema = z.strictObject({
  code: odsCodeSchema,
  from: monthSchema,
  to: z.nullable(monthSchema),
  ons: z.record(z.string(), z.tuple([text(), text()])),
  successors: z.optional(z.array(odsCodeSchema).check(z.minLength(1))),
  successorBasis: z.optional(z.enum(['lsoa', 'only-opening'])),
  /** STP lookup year → [STP code, STP name] (ONS CCG → STP lookups of April 2017 and April 2018) */
  stp: z.optional(z.record(z.string(), z.tuple([text(), text()]))),
});

export const authorityRecordSchema = z.strictObject({
  code: z.string().check(z.regex(/^E(06|07|08|09|10)\d{6}$/, 'must be an English local authority code')),
  name: text(),
  lsoas: z.number().check(z.int(), z.positive()),
  cover: z.record(z.string(), z.array(z.tuple([odsCodeSchema, z.number().check(z.int(), z.positive())]))),
});

export const pctRecordSchema = z.strictObject({
  code: z.string().check(z.regex(/^E1[67]\d{6}$/, 'must be an English PCT or care trust code (E16, E17)')),
  name: text(),
  to: monthSchema,
  /** the PCT's NHS (ODS) code, from the unofficial mapping */
  ods: z.optional(text()),
  /** [CCG ODS code, percent of the PCT's postcodes in it], unofficial and derived */
  ccgs: z.array(z.tuple([odsCodeSchema, z.number()])),
});

/** A news page confirming (or, "planned", foreshadowing) a merger into `successor`, quoted exactly. */
export const mergerNewsSchema = z.strictObject({
  successor: odsCodeSchema,
  status: z.enum(['approved', 'planned']),
  title: text(),
  publisher: text(),
  date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  url: z.string().check(z.regex(/^https:\/\//)),
  quote: text(),
});

export const placesFileSchema = z.strictObject({
  about: text(),
  period: z.strictObject({ from: monthSchema, to: monthSchema }),
  lists: z.array(placeListSchema),
  sources: z.array(placeSourceSchema),
  /** when the PCTs ended, citing a source of the main dataset (data/sources.json) */
  pctEnd: z.strictObject({ month: monthSchema, datasetSource: sourceIdSchema, quote: text() }),
  /** the month whose CCGs the unofficial PCT mapping names */
  pctMappingMonth: monthSchema,
  mergerNews: z.array(mergerNewsSchema),
  ccgs: z.array(ccgRecordSchema),
  authorities: z.array(authorityRecordSchema),
  pcts: z.array(pctRecordSchema),
});

export type PlaceSource = z.infer<typeof placeSourceSchema>;
export type PlaceList = z.infer<typeof placeListSchema>;
export type CcgRecord = z.infer<typeof ccgRecordSchema>;
export type AuthorityRecord = z.infer<typeof authorityRecordSchema>;
export type PctRecord = z.infer<typeof pctRecordSchema>;
export type MergerNews = z.infer<typeof mergerNewsSchema>;
export type PlacesFile = z.infer<typeof placesFileSchema>;

/** The place files under data/places/. */
export const PLACES_FILE = 'places.json';
