/** The words the organisation panel uses for the dataset's codes; role and status words are in components/commissioning-words. */
import type { Category, FundingFlow, Level, Organisation, OrganisationCount, RelationshipKind } from '../../data/schema';
import { formatMonth, type MonthString } from '../../domain/months';

export const KIND_CAPTIONS: Record<Organisation['kind'], string> = {
  body: 'Organisation',
  'body-type': 'Kind of body',
  part: 'Part of an organisation',
  arrangement: 'Arrangement',
};

/** What the schema says each kind is. */
export const KIND_WORDS: Record<Organisation['kind'], string> = {
  body: 'One named organisation',
  'body-type': 'A kind of body with many local members',
  part: 'A part of another organisation',
  arrangement: 'A joint or pooled arrangement rather than an organisation',
};

/** How the panel refers to the thing itself in a sentence: "this organisation did not exist yet". */
export const KIND_NOUNS: Record<Organisation['kind'], string> = {
  body: 'organisation',
  'body-type': 'kind of body',
  part: 'part of an organisation',
  arrangement: 'arrangement',
};

export const LEVEL_WORDS: Record<Level, string> = {
  national: 'National',
  regional: 'Regional',
  local: 'Local',
};

export const CATEGORY_WORDS: Record<Category, string> = {
  government: 'Government',
  commissioner: 'Commissioner',
  'public-health': 'Public health',
  regulator: 'Regulator',
  provider: 'Provider',
  support: 'Support',
  advice: 'Advice',
  voice: 'Patient and public voice',
  partnership: 'Partnership',
  oversight: 'Oversight',
};

/** Each relationship read from its subject (outgoing) and from its object (incoming). */
export const RELATIONSHIP_WORDS: Record<RelationshipKind, { outgoing: string; incoming: string }> = {
  funds: { outgoing: 'Funds', incoming: 'Funded by' },
  'commissions-from': { outgoing: 'Commissions services from', incoming: 'Commissioned by' },
  'accountable-to': { outgoing: 'Accountable to', incoming: 'Holds to account' },
  oversees: { outgoing: 'Oversees', incoming: 'Overseen by' },
  regulates: { outgoing: 'Regulates', incoming: 'Regulated by' },
  advises: { outgoing: 'Advises', incoming: 'Advised by' },
  supports: { outgoing: 'Supports', incoming: 'Supported by' },
  hosts: { outgoing: 'Hosts', incoming: 'Hosted by' },
  'part-of': { outgoing: 'Part of', incoming: 'Includes' },
  'sits-on': { outgoing: 'Sits on', incoming: 'Members include' },
  scrutinises: { outgoing: 'Scrutinises', incoming: 'Scrutinised by' },
  'partners-with': { outgoing: 'Partners with', incoming: 'Partners with' },
};

export const COUNT_STATUS_WORDS: Record<OrganisationCount['status'], string> = {
  actual: 'Counted',
  planned: 'Planned',
  proposed: 'Proposed',
};

/** The schema's meaning of each basis of a funding figure. */
export const FUNDING_BASIS_WORDS: Record<FundingFlow['basis'], string> = {
  allocation: 'allocation',
  grant: 'ring-fenced grant',
  pledge: 'pledge',
  pooled: 'pooled budget',
  spend: 'spending',
};

/** "from April 2013 to March 2016"; open ends are said in terms of the dataset's coverage. */
export function lifeWords(organisation: Organisation, coverage: { from: MonthString; to: MonthString }): string {
  const from =
    organisation.from === null ? `from before ${formatMonth(coverage.from)}` : `from ${formatMonth(organisation.from)}`;
  const to =
    organisation.to === null ? `, and was still in place in ${formatMonth(coverage.to)}` : ` to ${formatMonth(organisation.to)}`;
  return `${from}${to}`;
}

/** "Known as NHS Commissioning Board from October 2012 until March 2013", for each name other than the current one. */
export function otherNames(organisation: Organisation, currentName: string): string[] {
  return (organisation.names ?? [])
    .filter((entry) => entry.name !== currentName)
    .map((entry) => {
      const from = entry.from === null ? '' : ` from ${formatMonth(entry.from)}`;
      const to = entry.to === null ? '' : ` until ${formatMonth(entry.to)}`;
      return `Known as ${entry.name}${from}${to}`;
    });
}
