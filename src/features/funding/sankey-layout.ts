/**
 * The funding picture's geometry: a pure (flows, options) => { nodes, links, width, height }
 * function over d3-sankey (sankey-columns.ts places the boxes and bands). d3 only calculates
 * positions here; React draws them.
 *
 * How the awkward figures are drawn (see src/domain/funding.ts for how they are grouped):
 * - one link per payer → recipient: its width is one figure's amount; other figures for the same
 *   pair (a pledge beside what was pooled, a share beside an amount) ride on the link as words and
 *   never add to its width, so nothing is counted twice;
 * - a body's own money (payer = recipient) cannot be a link from the body to itself (a cycle), so
 *   it flows into a terminal node of its own, labelled as what it is ("NHS England: commissions
 *   directly");
 * - a share with no amount is a dashed link of nominal width that adds nothing to any node: its
 *   width is not to scale, and the drawing says so in words;
 * - a flow with figures in other years but none in this one is a dotted line marked "no figure",
 *   also adding nothing: the picture says there is no figure rather than draw a guess.
 */
import type { FundingFlow } from '../../data/schema';
import { textWidth } from '../../lib/text-width';
import {
  bandPath,
  type ColumnInputLink,
  type ColumnInputNode,
  type PlacedNode,
  placeColumns,
  type SankeyColumn,
  sankeyColumns,
} from './sankey-columns';

export { type LabelPlace, spreadLabels } from './sankey-labels';
import { type FundingPair, fundingPairs, type MissingFlow, pairKey } from '../../domain/funding';

export type FundingNodeKind = 'organisation' | 'own-money';
export type FundingLinkKind = 'amount' | 'share' | 'missing';

export interface FundingSankeyNode {
  /** the organisation id, or "own:<organisation id>" for a body's own money */
  id: string;
  organisation: string;
  kind: FundingNodeKind;
  /** the label's lines, e.g. ["NHS England:", "commissions directly"] */
  label: string[];
  column: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** the larger of the drawn money in and out, £bn (0 when only shares or gaps touch it) */
  valueBn: number;
  colour: string;
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'end';
}

export interface FundingSankeyLink {
  /** the pair key "payer→recipient" (for a gap too) */
  id: string;
  kind: FundingLinkKind;
  source: string;
  target: string;
  /** the figures behind an amount or share link */
  pair: FundingPair | undefined;
  /** the gap behind a missing link */
  missing: MissingFlow | undefined;
  /** the drawn amount (£bn) of an amount link */
  amountBn: number | undefined;
  /** SVG path data along the middle of the link */
  path: string;
  /** the stroke width to draw: to scale for an amount, nominal for a share or a gap */
  strokeWidth: number;
  colour: string;
  labelX: number;
  labelY: number;
}

export interface FundingSankeyLayout {
  nodes: FundingSankeyNode[];
  links: FundingSankeyLink[];
  width: number;
  height: number;
  /** pixels per £1bn drawn; undefined when nothing is drawn to scale */
  pxPerBn?: number;
}

export interface FundingSankeyOptions {
  width: number;
  /** default: enough for the tallest column */
  height?: number;
  /** gaps to draw (from missingFlows) */
  missing?: readonly MissingFlow[];
  /** the name to show for an organisation id (from the data: nameAt) */
  nameOf?: (organisation: string) => string;
  /** organisation ids in the order to stack them (from fundingOrganisationOrder); others follow */
  order?: readonly string[];
  nodeWidth?: number;
  nodePadding?: number;
  /**
   * Pixels per £1bn. Given the same for every year (see fundingSankeyScale), a band of the same
   * width is the same money in every year; the space between boxes takes up the rest.
   */
  pxPerBn?: number;
}

/** Distinct colours, each at least 4.5:1 on white (so also safe for text and the 3:1 of shapes). */
export const FUNDING_PALETTE = ['#330072', '#005eb8', '#003087', '#007f3b', '#7c2855', '#ae2573', '#425563', '#006747'];
export const SHARE_COLOUR = '#4c6272';
export const MISSING_COLOUR = '#4c6272';
/** Stroke widths of links whose width is not to scale. */
export const SHARE_STROKE = 6;
export const MISSING_STROKE = 2;
/** Thinnest amount link and shortest node drawn, so that a small figure can still be seen and pointed at. */
export const MIN_AMOUNT_STROKE = 2;
export const MIN_NODE_HEIGHT = 6;
/** The type size of the boxes' names (bold) and of the words on the bands, in pixels (see funding.css). */
export const NODE_LABEL_SIZE = 14;
export const LINK_LABEL_SIZE = 13;
/** The line height of labels, in pixels. */
export const LABEL_LINE_HEIGHT = 14;

// Room above the top boxes for their names (two lines for a body's own money).
const MARGIN = { top: 44, right: 8, bottom: 16, left: 8 };

const ownNodeId = (organisation: string) => `own:${organisation}`;

function ownMoneyLabel(name: string, pair: FundingPair): string[] {
  // The source gives the body's own spending, or money it keeps to commission services itself.
  return pair.flows[0]?.basis === 'spend' ? [`${name}:`, 'own spending'] : [`${name}:`, 'commissions directly'];
}

export function fundingSankeyLayout(flows: readonly FundingFlow[], options: FundingSankeyOptions): FundingSankeyLayout {
  const nameOf = options.nameOf ?? ((id: string) => id);
  const order = options.order ?? [];
  const nodeWidth = options.nodeWidth ?? 14;
  const pairs = fundingPairs(flows);
  const missing = options.missing ?? [];
  if (pairs.length === 0 && missing.length === 0) return { nodes: [], links: [], width: options.width, height: 0 };

  const rankOf = (organisation: string) => {
    const index = order.indexOf(organisation);
    return index < 0 ? order.length : index;
  };

  const inputNodes = new Map<string, ColumnInputNode>();
  const addNode = (id: string, rank: number) => {
    if (!inputNodes.has(id)) inputNodes.set(id, { id, rank });
  };
  const inputLinks: ColumnInputLink[] = [];
  const pairByKey = new Map(pairs.map((pair) => [pair.key, pair]));
  const missingByKey = new Map(missing.map((gap) => [gap.key, gap]));

  for (const pair of pairs) {
    addNode(pair.payer, rankOf(pair.payer) * 2);
    const target = pair.self ? ownNodeId(pair.payer) : pair.recipient;
    addNode(target, pair.self ? rankOf(pair.payer) * 2 + 1 : rankOf(pair.recipient) * 2);
    // Shares (no amount) add nothing to any node: their width is nominal, drawn later.
    inputLinks.push({ source: pair.payer, target, value: pair.drawn?.amountBn ?? 0, key: pair.key });
  }
  for (const gap of missing) {
    if (pairByKey.has(gap.key)) continue;
    addNode(gap.payer, rankOf(gap.payer) * 2);
    addNode(gap.recipient, rankOf(gap.recipient) * 2);
    inputLinks.push({ source: gap.payer, target: gap.recipient, value: 0, key: gap.key });
  }

  const nodeList = [...inputNodes.values()];
  const noAmounts = inputLinks.every((link) => link.value === 0);
  // With no amount at all (a year of shares or gaps alone) d3-sankey would divide by zero:
  // every node then gets the same nominal size, and every link stays not to scale.
  const columns = sankeyColumns(nodeList, inputLinks, noAmounts);
  const tallestColumn = Math.max(1, ...columns.map((column) => column.boxes));
  const height = options.height ?? Math.max(440, tallestColumn * 110 + MARGIN.top + MARGIN.bottom);
  const width = Math.max(options.width, columns.length * 40);
  const nodePadding =
    options.pxPerBn !== undefined && !noAmounts
      ? paddingForScale(columns, height - MARGIN.top - MARGIN.bottom, options.pxPerBn, options.nodePadding ?? 28)
      : (options.nodePadding ?? 28);

  const graph = placeColumns(nodeList, inputLinks, {
    nodeWidth,
    nodePadding,
    nominal: noAmounts,
    extent: [
      [MARGIN.left, MARGIN.top],
      [width - MARGIN.right, height - MARGIN.bottom],
    ],
  });
  const lastColumn = Math.max(0, ...graph.nodes.map((node) => node.depth ?? 0));

  const colourOf = (organisation: string) => FUNDING_PALETTE[rankOf(organisation) % FUNDING_PALETTE.length] as string;
  const nodes: FundingSankeyNode[] = graph.nodes.map((node) => {
    const own = node.id.startsWith('own:');
    const organisation = own ? node.id.slice('own:'.length) : node.id;
    const pair = own ? pairByKey.get(pairKey(organisation, organisation)) : undefined;
    const x0 = finite(node.x0);
    const x1 = finite(node.x1);
    const y0 = finite(node.y0);
    const y1 = Math.max(finite(node.y1), y0 + MIN_NODE_HEIGHT);
    const column = node.depth ?? 0;
    const label = own && pair ? ownMoneyLabel(nameOf(organisation), pair) : [nameOf(organisation)];
    // The last column's names end at their box; so does any other that would run off the picture.
    const labelWidth = Math.max(...label.map((line) => textWidth(line, NODE_LABEL_SIZE, true)));
    const labelAtEnd = (column === lastColumn && lastColumn > 0) || x0 + labelWidth > width - MARGIN.right;
    // Names sit above their boxes, clear of the bands and of the amounts written on them. A body's
    // own money is a terminal box with no band leaving it, so its label sits beside it, on the
    // right, unless it is in the last column (then above it, as there is no room on the right).
    const above = !own || labelAtEnd;
    return {
      id: node.id,
      organisation,
      kind: own ? 'own-money' : 'organisation',
      label,
      column,
      x0,
      x1,
      y0,
      y1,
      valueBn: noAmounts ? 0 : finite(node.value),
      colour: colourOf(organisation),
      labelX: above ? (labelAtEnd ? x1 : x0) : labelAtEnd ? x0 - 6 : x1 + 6,
      labelY: above ? y0 - 12 - (label.length - 1) * (LABEL_LINE_HEIGHT / 2) : (y0 + y1) / 2,
      labelAnchor: labelAtEnd ? 'end' : 'start',
    };
  });

  const links: FundingSankeyLink[] = graph.links.map((link) => {
    const source = link.source as PlacedNode;
    const target = link.target as PlacedNode;
    const pair = pairByKey.get(link.key);
    const kind: FundingLinkKind = !pair ? 'missing' : pair.drawn ? 'amount' : 'share';
    const y0 = finite(link.y0);
    const y1 = finite(link.y1);
    const strokeWidth =
      kind === 'amount' ? Math.max(MIN_AMOUNT_STROKE, finite(link.width)) : kind === 'share' ? SHARE_STROKE : MISSING_STROKE;
    const organisationOfTarget = target.id.startsWith('own:') ? target.id.slice('own:'.length) : target.id;
    return {
      id: link.key,
      kind,
      source: source.id,
      target: target.id,
      pair,
      missing: pair ? undefined : missingByKey.get(link.key),
      amountBn: pair?.drawn?.amountBn,
      path: bandPath({ ...link, y0, y1 }) ?? '',
      strokeWidth,
      colour: kind === 'amount' ? colourOf(organisationOfTarget) : kind === 'share' ? SHARE_COLOUR : MISSING_COLOUR,
      labelX: (finite(source.x1) + finite(target.x0)) / 2,
      labelY: (y0 + y1) / 2,
    };
  });

  const scaled = graph.links.find((link) => link.value > 0 && (link.width ?? 0) > 0);
  const pxPerBn = !noAmounts && scaled ? finite(scaled.width) / scaled.value : undefined;
  return { nodes, links, width, height, pxPerBn };
}

/**
 * One scale for every year: the largest number of pixels per £1bn at which each year's picture
 * fits the same height. Years are then comparable by eye (a small year looks small).
 */
export function fundingSankeyScale(
  years: readonly { flows: readonly FundingFlow[]; missing?: readonly MissingFlow[] }[],
  options: Pick<FundingSankeyOptions, 'width' | 'order'>,
): { height: number; pxPerBn: number | undefined } {
  const height = Math.max(
    0,
    ...years.map((year) => fundingSankeyLayout(year.flows, { ...options, missing: year.missing }).height),
  );
  const scales = years
    .map((year) => fundingSankeyLayout(year.flows, { ...options, missing: year.missing, height }).pxPerBn)
    .filter((scale): scale is number => scale !== undefined);
  return { height, pxPerBn: scales.length > 0 ? Math.min(...scales) : undefined };
}

/**
 * The space between boxes that makes d3-sankey draw at pxPerBn. d3-sankey has no option for a
 * scale: it fits its fullest column (the least room per £bn once the gaps are taken out) to the
 * height. So the gaps are chosen to leave exactly pxPerBn there and no less anywhere else, from the
 * columns d3 itself makes (sankeyColumns).
 */
function paddingForScale(columns: readonly SankeyColumn[], innerHeight: number, pxPerBn: number, fallback: number): number {
  const paddings = columns
    .filter((column) => column.boxes > 1)
    .map((column) => (innerHeight - pxPerBn * column.sumBn) / (column.boxes - 1));
  return paddings.length > 0 ? Math.max(1, Math.min(...paddings)) : fallback;
}

function finite(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? value : 0;
}
