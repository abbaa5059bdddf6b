/**
 * The boxes and bands of the funding picture, placed by d3-sankey through its own options alone:
 * each box in the column of its longest path from the first payer (nodeAlign: sankeyLeft), boxes
 * in the given order within a column (nodeSort), and each box's bands in the order of where the
 * boxes at their other ends sit (linkSort). d3 only calculates positions here.
 */
import { sankey, sankeyLeft, sankeyLinkHorizontal, type SankeyGraph, type SankeyLink, type SankeyNode } from 'd3-sankey';

export interface ColumnInputNode {
  id: string;
  /** the order within a column, top first */
  rank: number;
}

export interface ColumnInputLink {
  source: string;
  target: string;
  /** £bn, or 0 for a band that is not to scale (it adds nothing to either box) */
  value: number;
  key: string;
}

export type PlacedNode = SankeyNode<ColumnInputNode, ColumnInputLink>;
export type PlacedLink = SankeyLink<ColumnInputNode, ColumnInputLink>;

export interface PlacedGraph {
  nodes: PlacedNode[];
  links: PlacedLink[];
}

export interface ColumnOptions {
  extent: [[number, number], [number, number]];
  nodeWidth: number;
  nodePadding: number;
  /** every box the same nominal size: nothing is drawn to scale (a year of shares or gaps alone) */
  nominal: boolean;
}

/** One column as d3-sankey makes it: how many boxes, and the money they hold (each the larger of its money in and out). */
export interface SankeyColumn {
  boxes: number;
  sumBn: number;
}

type LinkOrder = (a: PlacedLink, b: PlacedLink) => number;

/**
 * One run of d3-sankey, on fresh objects: it writes positions into the nodes and links it is given
 * and swaps each link's source and target ids for node objects, so the caller's are never handed to it.
 */
function run(
  nodes: readonly ColumnInputNode[],
  links: readonly ColumnInputLink[],
  options: ColumnOptions,
  linkOrder?: LinkOrder,
): PlacedGraph {
  const graph: SankeyGraph<ColumnInputNode, ColumnInputLink> = {
    nodes: nodes.map((node) => (options.nominal ? { ...node, fixedValue: 1 } : { ...node })),
    links: links.map((link) => ({ ...link })),
  };
  const generator = sankey<ColumnInputNode, ColumnInputLink>()
    .nodeId((node) => node.id)
    .nodeAlign(sankeyLeft)
    .nodeSort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id))
    .nodeWidth(options.nodeWidth)
    .nodePadding(options.nodePadding)
    .extent(options.extent);
  if (linkOrder) generator.linkSort(linkOrder);
  return generator(graph);
}

/** The columns d3-sankey puts the boxes in, left to right: read from a run of its own, before the picture's size is known. */
export function sankeyColumns(
  nodes: readonly ColumnInputNode[],
  links: readonly ColumnInputLink[],
  nominal: boolean,
): SankeyColumn[] {
  const graph = run(nodes, links, {
    extent: [
      [0, 0],
      [1, 1],
    ],
    nodeWidth: 1,
    nodePadding: 0,
    nominal,
  });
  const columns: SankeyColumn[] = [];
  for (const node of graph.nodes) {
    const depth = node.depth ?? 0;
    while (columns.length <= depth) columns.push({ boxes: 0, sumBn: 0 });
    const column = columns[depth] as SankeyColumn;
    column.boxes += 1;
    column.sumBn += node.value ?? 0;
  }
  return columns;
}

const idOf = (end: PlacedLink['source']) => (typeof end === 'object' ? (end as PlacedNode).id : String(end));

/**
 * The boxes and bands placed. Left to order the bands itself, d3-sankey orders them before its last
 * nudge of the boxes, so two bands can cross where they leave a box. So the first run only finds
 * where the boxes go; the second is given, as its linkSort, each band's order by where the box at
 * its other end sat, and keeps to it while it settles the boxes (which can then sit a little
 * differently from the first run). tests/unit/funding-layout.test.ts checks every year's bands
 * leave their boxes uncrossed.
 */
export function placeColumns(
  nodes: readonly ColumnInputNode[],
  links: readonly ColumnInputLink[],
  options: ColumnOptions,
): PlacedGraph {
  const first = run(nodes, links, options);
  const top = new Map(first.nodes.map((node) => [node.id, node.y0 ?? 0]));
  const order = new Map(links.map((link, index) => [link.key, index]));
  const topOf = (end: PlacedLink['source']) => top.get(idOf(end)) ?? 0;
  return run(nodes, links, options, (a, b) => {
    // Bands leaving one box share their source: order them by their targets; bands arriving, by their sources.
    const sameSource = idOf(a.source) === idOf(b.source);
    const difference = sameSource ? topOf(a.target) - topOf(b.target) : topOf(a.source) - topOf(b.source);
    return difference || (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0);
  });
}

/** SVG path data along the middle of a band, from its source box to its target box. */
export const bandPath: (link: PlacedLink) => string | null = sankeyLinkHorizontal<ColumnInputNode, ColumnInputLink>();
