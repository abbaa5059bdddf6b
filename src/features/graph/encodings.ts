/**
 * How the map encodes the data: a colour for each category of organisation, a line style for each
 * kind of link, and the words for both. The legend, the filters, the map and its text alternative
 * all read from here, so they cannot disagree.
 *
 * Colours are from the NHS.UK palette. Glyphs carry a dark outline, so light fills (yellow,
 * orange) still stand out from the page; line colours are all at least 3:1 against the map's
 * backgrounds. Every colour comes with a second signal: a shape, a dash pattern, or words.
 */
import { RELATIONSHIP_KINDS } from '../../data/vocabulary';
import { ROLE_WORDS, STATUS_WORDS } from '../../components/commissioning-words';
import type { Category, FundingFlow } from '../../data/schema';
import type { MapChange, MapFunding, MapLink, MapLinkKind, MapNode, OrganisationKind } from '../../domain/graph';
import { capitalise, formatBillions } from '../../lib/words';

export interface CategoryStyle {
  /** the filter's and legend's name for the category */
  label: string;
  /** one member, in a sentence: "a national commissioner" */
  noun: string;
  fill: string;
}

export const CATEGORY_STYLES: Record<Category, CategoryStyle> = {
  government: { label: 'Government', noun: 'government', fill: '#003087' },
  commissioner: { label: 'Commissioners', noun: 'commissioner', fill: '#005eb8' },
  'public-health': { label: 'Public health', noun: 'public health body', fill: '#00a499' },
  regulator: { label: 'Regulators', noun: 'regulator', fill: '#d5281b' },
  provider: { label: 'Providers', noun: 'provider', fill: '#007f3b' },
  support: { label: 'Support', noun: 'support body', fill: '#4c6272' },
  advice: { label: 'Advice', noun: 'advisory body', fill: '#330072' },
  voice: { label: 'Patient and public voice', noun: 'patient and public voice', fill: '#ffb81c' },
  partnership: { label: 'Partnerships', noun: 'partnership', fill: '#ed8b00' },
  oversight: { label: 'Oversight', noun: 'oversight body', fill: '#7c2855' },
};

export const SERVICE_FILL = '#ffffff';
export const GLYPH_STROKE = '#212b32';

export const SHAPE_LABELS: Record<OrganisationKind | 'service', { label: string; description: string }> = {
  body: { label: 'A body', description: 'one named organisation' },
  'body-type': { label: 'A kind of body', description: 'many local members, with how many there were that month' },
  part: { label: 'Part of a body', description: 'dashed outline' },
  arrangement: { label: 'An arrangement', description: 'a joint or pooled arrangement, not an organisation' },
  service: { label: 'A service', description: 'linked to whoever commissions it' },
};

export interface LinkStyle {
  /** the legend's and filter's name */
  label: string;
  /** the verb, singular and plural subject: "funds" / "fund" */
  verb: [string, string];
  stroke: string;
  width: number;
  dash: string | undefined;
  /** round caps turn a dash pattern of short dashes into dots */
  dotted?: boolean;
  /** drawn lighter and thinner: links many bodies share, that would otherwise crowd the map */
  subtle?: boolean;
}

export const LINK_STYLES: Record<MapLinkKind, LinkStyle> = {
  funds: { label: 'Funds', verb: ['funds', 'fund'], stroke: '#007f3b', width: 3, dash: undefined },
  commissions: {
    label: 'Commissions a service',
    verb: ['commissions', 'commission'],
    stroke: '#005eb8',
    width: 1.5,
    dash: undefined,
  },
  'commissions-from': {
    label: 'Commissions care from',
    verb: ['commissions care from', 'commission care from'],
    stroke: '#003087',
    width: 1.3,
    dash: '10 4',
  },
  'accountable-to': {
    label: 'Is accountable to',
    verb: ['is accountable to', 'are accountable to'],
    stroke: '#425563',
    width: 1.6,
    dash: '12 3 2 3',
  },
  oversees: { label: 'Oversees', verb: ['oversees', 'oversee'], stroke: '#425563', width: 1.8, dash: undefined },
  regulates: { label: 'Regulates', verb: ['regulates', 'regulate'], stroke: '#d5281b', width: 1.5, dash: '6 3' },
  advises: { label: 'Advises', verb: ['advises', 'advise'], stroke: '#330072', width: 2, dash: '0.1 4', dotted: true },
  supports: { label: 'Supports', verb: ['supports', 'support'], stroke: '#7c2855', width: 1.4, dash: '4 3' },
  hosts: { label: 'Hosts', verb: ['hosts', 'host'], stroke: '#7c2855', width: 1.4, dash: undefined },
  'part-of': {
    label: 'Is part of',
    verb: ['is part of', 'are part of'],
    stroke: '#768692',
    width: 1,
    dash: undefined,
    subtle: true,
  },
  'sits-on': { label: 'Sits on', verb: ['sits on', 'sit on'], stroke: '#330072', width: 1.2, dash: '8 3' },
  scrutinises: {
    label: 'Scrutinises',
    verb: ['scrutinises', 'scrutinise'],
    stroke: '#d5281b',
    width: 1.6,
    dash: '0.1 3.5',
    dotted: true,
  },
  'partners-with': {
    label: 'Works in partnership with',
    verb: ['works in partnership with', 'work in partnership with'],
    stroke: '#768692',
    width: 1,
    dash: '3 3',
    subtle: true,
  },
};

/**
 * Link kinds in the order the legend and filters list them: money and commissioning first, then
 * oversight, then the rest. The relationship kinds come from the schema in its order (funds
 * first), so a kind added there is listed here too; 'commissions' (service links) follows funds.
 */
export const LINK_KINDS_IN_ORDER: readonly MapLinkKind[] = [
  'funds',
  'commissions',
  ...RELATIONSHIP_KINDS.filter((kind) => kind !== 'funds'),
];

/** A commissioning arrangement that is not in force (proposed, paused, reversed) is drawn dashed and lighter. */
export const PLANNED_COMMISSIONING_DASH = '5 4';

const BASIS_WORDS: Record<FundingFlow['basis'], string> = {
  allocation: 'allocation',
  grant: 'grant',
  pledge: 'pledged',
  pooled: 'pooled',
  spend: 'spent',
};

/** The figure in words: "£104.4bn allocation" or "over 80 per cent of the Department of Health's total spend". */
export function fundingPhrase(figure: MapFunding): string {
  if (figure.amountBn !== undefined)
    return `${formatBillions(figure.amountBn)} ${BASIS_WORDS[figure.basis]}${figure.share ? ` (${figure.share})` : ''}`;
  return figure.share ?? BASIS_WORDS[figure.basis];
}

/**
 * The short label printed on a funding link, as lines: the amount, then the financial year
 * (["£104.4bn", "2015/16"]); with two amounts, each with its basis (["£3.8bn pledged", "£5.3bn
 * pooled", "2015/16"]); with only a share, none (the share is in the link's title and the text).
 */
export function fundingLabel(funding: readonly MapFunding[]): string[] | undefined {
  const amounts = funding.filter((figure) => figure.amountBn !== undefined);
  const first = amounts[0];
  if (!first || first.amountBn === undefined) return undefined;
  const lines =
    amounts.length === 1
      ? [formatBillions(first.amountBn)]
      : amounts.map((figure) => `${formatBillions(figure.amountBn ?? 0)} ${BASIS_WORDS[figure.basis]}`);
  return [...lines, first.financialYear];
}

/** Does a name read as plural ("Clinical commissioning groups fund…")? Kinds of body do; arrangements named in the plural do. */
export function isPluralName(node: MapNode): boolean {
  if (node.type === 'service') return false;
  if (node.kind === 'body') return false;
  if (node.kind === 'body-type' || node.kind === 'part') return true;
  return /s$/.test(node.name.replace(/\s*\([^)]*\)\s*$/, ''));
}

/**
 * A link as a sentence, for its tooltip and the text alternative:
 * "Department of Health funds NHS England: £104.4bn allocation, 2015/16".
 */
export function linkSentence(link: MapLink, source: MapNode, target: MapNode): string {
  const style = LINK_STYLES[link.kind];
  const verb = style.verb[isPluralName(source) ? 1 : 0];
  let sentence = `${source.name} ${verb} ${target.name}`;
  if (link.kind === 'commissions' && link.role) sentence += ` (${ROLE_WORDS[link.role]})`;
  if (link.status !== 'in-force') sentence = `${capitalise(STATUS_WORDS[link.status])}, not in force: ${sentence}`;
  if (link.funding.length > 0) {
    const year = link.funding[0]?.financialYear ?? '';
    sentence += `: ${link.funding.map(fundingPhrase).join('; ')}, ${year}`;
  }
  const contested = link.contested ?? link.funding.find((figure) => figure.contested)?.contested;
  if (contested) sentence += `. Sources disagree: ${contested}`;
  return sentence;
}

/** What a node is, in words, for its accessible name: "Clinical commissioning groups (211), kind of body, local commissioner". */
export function nodeDescription(node: MapNode): string {
  if (node.type === 'service') return `${node.name}, service`;
  const count = node.count === undefined ? '' : ` (${node.countApproximate ? 'about ' : ''}${node.count})`;
  const kind =
    node.kind === 'body'
      ? ''
      : node.kind === 'body-type'
        ? 'kind of body, '
        : node.kind === 'part'
          ? 'part of a body, '
          : 'arrangement, ';
  return `${node.name}${count}, ${kind}${node.level} ${CATEGORY_STYLES[node.category].noun}`;
}

/**
 * A node's accessible name: what it shows, then what it is. It starts with the visible label
 * (WCAG 2.5.3, label in name: a speech user says what they see, "CCGs"), then the full name where
 * that differs: "CCGs · 211, Clinical commissioning groups (211), kind of body, local commissioner".
 */
export function nodeAccessibleName(node: MapNode): string {
  const description = nodeDescription(node);
  return description.startsWith(node.label) ? description : `${node.label}, ${description}`;
}

/** The mark drawn on a node (and beside a changed link): a sign, so colour is never the only signal. */
export const CHANGE_BADGES: Record<Exclude<MapChange, 'unchanged'>, string> = {
  added: '+',
  removed: '−',
  changed: '~',
};
