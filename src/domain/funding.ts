/**
 * Funding flows by financial year: which years the dataset has figures for, the figures of one
 * year grouped by who pays whom, and the step between a month, a financial year and the way a
 * year is written in an address. Pure, so every awkward case of the data is tested without a page.
 *
 * The figures come from different sources, each with its own basis (an allocation, a grant, a
 * pledge, a pooled budget, what was spent). Nothing here adds figures of different records for the
 * same payer and recipient, and nothing fills a gap with a guess: a missing figure stays missing.
 */
import type { FundingFlow, Organisation } from '../data/schema';
import { clampMonth, compareMonths, financialYearMonths, financialYearOf, type MonthString, periodsOverlap } from './months';

export type FundingBasis = FundingFlow['basis'];

/** The basis of a figure in a few words a reader can follow (after the schema's own definitions). */
export const BASIS_LABELS: Record<FundingBasis, string> = {
  allocation: 'allocation (money given to spend)',
  grant: 'ring-fenced grant',
  pledge: 'pledge (money promised)',
  pooled: 'pooled budget (put into a shared fund)',
  spend: 'spending (what was spent)',
};

const FINANCIAL_YEAR_PATTERN = /^(\d{4})\/(\d{2})$/;
const YEAR_PARAM_PATTERN = /^(\d{4})-(\d{2})$/;

function isFinancialYear(value: string): boolean {
  const match = FINANCIAL_YEAR_PATTERN.exec(value);
  return !!match && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

/** "2015/16" (as the data writes it) → "2015-16" (as an address writes it). */
export function financialYearToParam(financialYear: string): string {
  return financialYear.replace('/', '-');
}

/** "2015-16" → "2015/16"; undefined for anything else (a lone year, "2015-17", words). */
export function financialYearFromParam(param: string): string | undefined {
  const match = YEAR_PARAM_PATTERN.exec(param.trim());
  if (!match) return undefined;
  const year = `${match[1]}/${match[2]}`;
  return isFinancialYear(year) ? year : undefined;
}

/** The year a financial year starts in: "2015/16" → 2015. */
export function startYearOf(financialYear: string): number {
  return Number(financialYear.slice(0, 4));
}

/** "2015" → "2015/16": the financial year that starts in a calendar year. */
export function financialYearStartingIn(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The financial years with at least one figure, earliest first. */
export function yearsWithFigures(flows: readonly FundingFlow[]): string[] {
  return [...new Set(flows.map((flow) => flow.financialYear))].sort((a, b) => startYearOf(a) - startYearOf(b));
}

/**
 * The financial year with the most figures (the one that shows the most of the picture), the later
 * year on a tie; undefined when there are none. The funding view opens on it when the month's year has none.
 */
export function yearWithMostFigures(flows: readonly FundingFlow[]): string | undefined {
  const counts = new Map<string, number>();
  for (const flow of flows) counts.set(flow.financialYear, (counts.get(flow.financialYear) ?? 0) + 1);
  let best: string | undefined;
  for (const [year, count] of counts) {
    const bestCount = best === undefined ? -1 : (counts.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && best !== undefined && startYearOf(year) > startYearOf(best))) best = year;
  }
  return best;
}

/** The figures given for one financial year, in the order the data lists them. */
export function flowsForYear(flows: readonly FundingFlow[], financialYear: string): FundingFlow[] {
  return flows.filter((flow) => flow.financialYear === financialYear);
}

/** Does a month fall in a financial year? */
export function isMonthInFinancialYear(month: MonthString, financialYear: string): boolean {
  return financialYearOf(month) === financialYear;
}

/**
 * The first month of a financial year that the dataset covers (April, or the first covered month
 * when the year began before the coverage); undefined when the year lies wholly outside it.
 */
export function firstMonthOfFinancialYear(
  financialYear: string,
  coverage: { from: MonthString; to: MonthString },
): MonthString | undefined {
  const [first, last] = financialYearMonths(financialYear);
  if (compareMonths(last, coverage.from) < 0 || compareMonths(first, coverage.to) > 0) return undefined;
  return clampMonth(first, coverage.from, coverage.to);
}

/** Of the years given, the one nearest to a financial year (the earlier one on a tie); undefined when none. */
export function nearestYear(financialYear: string, years: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const year of years) {
    const distance = Math.abs(startYearOf(year) - startYearOf(financialYear));
    if (best === undefined || distance < Math.abs(startYearOf(best) - startYearOf(financialYear))) best = year;
  }
  return best;
}

/**
 * Which of several figures for the same payer and recipient in one year is drawn. What happened
 * (spent, pooled) comes before what was given to spend, and that before what was promised; an
 * amount always comes before a share alone. Equal ranks keep the data's order.
 */
const BASIS_RANK: Record<FundingBasis, number> = { spend: 0, pooled: 1, grant: 2, allocation: 3, pledge: 4 };

function drawingRank(flow: FundingFlow): number {
  return (flow.amountBn === undefined ? 10 : 0) + BASIS_RANK[flow.basis];
}

/** Every figure the dataset gives for one payer → recipient in one year. */
export interface FundingPair {
  /** "payer→recipient" */
  key: string;
  payer: string;
  recipient: string;
  /**
   * payer and recipient are the same: money a body keeps to commission services itself, or its own
   * spending. It cannot be a link of a flow diagram (a link from a body to itself is a cycle).
   */
  self: boolean;
  /** the figures, the one drawn first; never added together (their bases differ) */
  flows: FundingFlow[];
  /** the figure whose amount sets the drawn width; undefined when every figure is a share alone */
  drawn: FundingFlow | undefined;
  /** the share a source gives when no figure here has an amount ("over 80 per cent …") */
  shareOnly: string | undefined;
}

export function pairKey(payer: string, recipient: string): string {
  return `${payer}→${recipient}`;
}

/**
 * A year's figures grouped by payer → recipient, in the order each pair first appears. Where a pair
 * has several figures (a pledge and what was pooled; an amount and a share) one is drawn and the
 * others are listed beside it: adding them would count the same money twice.
 */
export function fundingPairs(flowsOfYear: readonly FundingFlow[]): FundingPair[] {
  const byKey = new Map<string, FundingFlow[]>();
  for (const flow of flowsOfYear) {
    const key = pairKey(flow.payer, flow.recipient);
    byKey.set(key, [...(byKey.get(key) ?? []), flow]);
  }
  return [...byKey.entries()].map(([key, flows]) => {
    // A stable sort: equal ranks keep the data's order.
    const ordered = [...flows].sort((a, b) => drawingRank(a) - drawingRank(b));
    const first = ordered[0] as FundingFlow;
    const drawn = first.amountBn === undefined ? undefined : first;
    return {
      key,
      payer: first.payer,
      recipient: first.recipient,
      self: first.payer === first.recipient,
      flows: ordered,
      drawn,
      shareOnly: drawn ? undefined : first.share,
    };
  });
}

/** A payer → recipient with figures in other years but none in this one. */
export interface MissingFlow {
  key: string;
  payer: string;
  recipient: string;
  /** the years that do have a figure for it, earliest first */
  yearsWithFigures: string[];
}

/**
 * The flows between bodies the dataset gives a figure for in some year but not in this one, when
 * both bodies existed during the year: the view says there is no figure rather than draw a guess.
 * A body's own money (payer = recipient) is a figure of its own, not a flow that could be missing.
 */
export function missingFlows(
  allFlows: readonly FundingFlow[],
  financialYear: string,
  organisations: readonly Organisation[],
): MissingFlow[] {
  const [first, last] = financialYearMonths(financialYear);
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const existed = (id: string) => {
    const organisation = byId.get(id);
    return !!organisation && periodsOverlap(organisation, { from: first, to: last });
  };
  const present = new Set(flowsForYear(allFlows, financialYear).map((flow) => pairKey(flow.payer, flow.recipient)));
  const missing = new Map<string, MissingFlow>();
  for (const flow of allFlows) {
    if (flow.payer === flow.recipient) continue;
    const key = pairKey(flow.payer, flow.recipient);
    if (present.has(key) || !existed(flow.payer) || !existed(flow.recipient)) continue;
    const entry = missing.get(key) ?? { key, payer: flow.payer, recipient: flow.recipient, yearsWithFigures: [] };
    if (!entry.yearsWithFigures.includes(flow.financialYear)) entry.yearsWithFigures.push(flow.financialYear);
    missing.set(key, entry);
  }
  for (const entry of missing.values()) entry.yearsWithFigures.sort((a, b) => startYearOf(a) - startYearOf(b));
  return [...missing.values()];
}

/** Money into and out of one body in the drawn figures of a year, when the two differ. */
export interface FundingImbalance {
  organisation: string;
  inBn: number;
  outBn: number;
}

/**
 * Where the drawn figures into a body and out of it do not match. The figures come from different
 * sources, on different bases, and a body also spends money the dataset has no figure for, so they
 * need not add up: the view says so rather than force them to. Sums are rounded to the 0.001bn
 * the figures are given in, so floating-point dust is not reported as a difference.
 */
export function fundingImbalances(pairs: readonly FundingPair[]): FundingImbalance[] {
  const totals = new Map<string, { inBn: number; outBn: number; hasIn: boolean; hasOut: boolean }>();
  const entry = (id: string) => {
    const found = totals.get(id) ?? { inBn: 0, outBn: 0, hasIn: false, hasOut: false };
    totals.set(id, found);
    return found;
  };
  for (const pair of pairs) {
    const amount = pair.drawn?.amountBn;
    if (amount === undefined) continue;
    const payer = entry(pair.payer);
    payer.outBn += amount;
    payer.hasOut = true;
    // A body's own money leaves it (to its own services); it does not also arrive.
    if (pair.self) continue;
    const recipient = entry(pair.recipient);
    recipient.inBn += amount;
    recipient.hasIn = true;
  }
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return [...totals.entries()]
    .filter(([, total]) => total.hasIn && total.hasOut && round(total.inBn) !== round(total.outBn))
    .map(([organisation, total]) => ({ organisation, inBn: round(total.inBn), outBn: round(total.outBn) }));
}

/**
 * The bodies in the order they first appear in the funding data (payer before recipient), for a
 * picture that keeps each body in the same place from year to year.
 */
export function fundingOrganisationOrder(flows: readonly FundingFlow[]): string[] {
  const order: string[] = [];
  for (const flow of flows) {
    if (!order.includes(flow.payer)) order.push(flow.payer);
    if (!order.includes(flow.recipient)) order.push(flow.recipient);
  }
  return order;
}

/**
 * Why the year shown is not the one asked for, as facts (the page puts them in words):
 * - `month-year-without-figures`: no year was asked for and the chosen month's year has no figures;
 *   shown instead is the year with the most figures (`most-figures`) or the nearest with some
 * - `outside-coverage`: the year asked for lies outside the dataset
 * - `not-a-financial-year`: what was asked for is not a year written like 2015-16 (`asked`, trimmed)
 */
export type FundingYearCorrection =
  | { kind: 'month-year-without-figures'; monthYear: string; shown: 'most-figures' | 'nearest' }
  | { kind: 'outside-coverage'; asked: string }
  | { kind: 'not-a-financial-year'; asked: string };

/** What a `year` address parameter resolves to, and why, when it is not what was asked. */
export interface ResolvedFundingYear {
  /** the financial year to show ("2015/16") */
  financialYear: string;
  /** the month to move to, or undefined when the current month already lies in that year */
  month: MonthString | undefined;
  correction: FundingYearCorrection | null;
}

/**
 * Reads `?year=`: a well-formed year inside the coverage is shown as asked, with or without
 * figures (a year without them says so). A malformed year, or one outside the coverage, shows the
 * nearest year with figures, with the correction. No parameter follows the current month, unless its
 * year has no figures: then `opening` (the year with the most figures) where given, else the
 * nearest year that has them.
 */
export function resolveFundingYear(
  raw: string | null,
  currentMonth: MonthString,
  coverage: { from: MonthString; to: MonthString },
  years: readonly string[],
  opening?: string,
): ResolvedFundingYear {
  const currentYear = financialYearOf(currentMonth);
  const show = (financialYear: string, correction: FundingYearCorrection | null): ResolvedFundingYear => ({
    financialYear,
    month: isMonthInFinancialYear(currentMonth, financialYear) ? undefined : firstMonthOfFinancialYear(financialYear, coverage),
    correction,
  });
  const nearestTo = (year: string) => nearestYear(year, years) ?? currentYear;

  if (raw === null || raw.trim() === '') {
    if (years.length === 0 || years.includes(currentYear)) return show(currentYear, null);
    if (opening !== undefined && years.includes(opening))
      return show(opening, { kind: 'month-year-without-figures', monthYear: currentYear, shown: 'most-figures' });
    return show(nearestTo(currentYear), { kind: 'month-year-without-figures', monthYear: currentYear, shown: 'nearest' });
  }
  const asked = financialYearFromParam(raw);
  if (asked !== undefined) {
    if (firstMonthOfFinancialYear(asked, coverage) !== undefined) return show(asked, null);
    return show(nearestTo(asked), { kind: 'outside-coverage', asked });
  }
  // A lone year ("2015") or a slip ("2015-17") is read as the financial year starting that year.
  const loose = /^(\d{4})/.exec(raw.trim());
  const guess = loose ? financialYearStartingIn(Number(loose[1])) : currentYear;
  return show(nearestTo(guess), { kind: 'not-a-financial-year', asked: raw.trim() });
}
