/**
 * Where each node of the map goes: a pure function of the nodes, links and box, computed with
 * d3-force run synchronously (no animation, no DOM). The map calls it once over the union of every
 * month, so a node present in two months is drawn at the same place in both.
 *
 * Forces:
 * - each level is held in a horizontal band (national at the top, then regional, local, services);
 * - links pull linked nodes together, many-body charge spreads them out, a weak pull to the centre
 *   keeps the map compact;
 * - a rectangle collision keeps the boxes of two nodes (glyph and label) apart, but only for nodes
 *   that are on the map in the same month: a body and its successor (PCTs, then CCGs) never show
 *   together, so they may share ground, which keeps the union as compact as any single month.
 * Then the levels asked for (the map's services) are set out in tidy columns in the order the
 * forces gave them, and a last pass of collision settles what overlap is left.
 */
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';
import type { MapLevel } from '../../domain/graph';
import { MAP_LEVELS } from '../../domain/graph';

export interface LayoutNodeInput {
  id: string;
  level: MapLevel;
  /** the node's box (glyph and label), in layout units; default 40 × 30 */
  width?: number;
  height?: number;
  /** where the box's centre is below the node's anchor (the glyph's centre); default 0 */
  offsetY?: number;
  /** the first and last month index the node is on the map; nodes whose spans do not overlap never collide */
  span?: readonly [number, number];
}

export interface LayoutLinkInput {
  source: string;
  target: string;
  /** how hard the link pulls, 0–1; default 1 */
  weight?: number;
  /** the length it pulls towards, in layout units; default 80 */
  length?: number;
}

export interface LayoutOptions {
  width: number;
  height: number;
  /** simulation steps; default 300 (alpha decays from 1 to its minimum) */
  iterations?: number;
  /** space kept clear at the box's edges; default 16 */
  margin?: number;
  /** levels laid out on a tidy grid (in the order the forces give them) rather than left where the forces put them */
  gridLevels?: readonly MapLevel[];
  /** room kept clear at the top of each band, for its title; default 0 */
  bandTitleRoom?: number;
  /** how overlapping boxes are found; default 'auto' (all methods give the same positions) */
  collision?: CollisionMethod;
}

export interface Point {
  x: number;
  y: number;
}

export type Band = { level: MapLevel; top: number; bottom: number };

interface SimNode extends SimulationNodeDatum {
  id: string;
  level: MapLevel;
  width: number;
  height: number;
  offsetY: number;
  span: readonly [number, number];
  /** index into the simulation's node array */
  index: number;
  /** placed on its level's grid: no longer moved by collision */
  fixedInGrid: boolean;
  x: number;
  y: number;
  vx: number;
  vy: number;
}

interface SimLink {
  source: string | SimNode;
  target: string | SimNode;
  weight: number;
  length: number;
}

const DEFAULT_LINK_LENGTH = 80;
const DEFAULT_WIDTH = 40;
const DEFAULT_HEIGHT = 30;
const ALWAYS: readonly [number, number] = [-Infinity, Infinity];
const COLLISION_PADDING = 6;
/** How much of a force-laid band's area its boxes may fill: more, and a force layout cannot untangle them. */
const FORCE_BAND_DENSITY = 0.4;
const GRID_PADDING = { x: 8, y: 6 } as const;
/** Overlapping boxes are pushed sideways unless they overlap this many times more across than down. */
const SIDEWAYS_PREFERENCE = 2.5;

const spansOverlap = (a: readonly [number, number], b: readonly [number, number]) => a[0] <= b[1] && b[0] <= a[1];

const widthOf = (node: LayoutNodeInput) => node.width ?? DEFAULT_WIDTH;
const heightOf = (node: LayoutNodeInput) => node.height ?? DEFAULT_HEIGHT;

/** The nodes of a level on the map together at its busiest time (the month with the largest total box area). */
function busiest(members: readonly LayoutNodeInput[]): LayoutNodeInput[] {
  let best: LayoutNodeInput[] = [];
  let bestArea = -1;
  for (const start of new Set(members.map((node) => (node.span ?? ALWAYS)[0]))) {
    const together = members.filter((node) => {
      const span = node.span ?? ALWAYS;
      return span[0] <= start && start <= span[1];
    });
    const area = together.reduce((sum, node) => sum + widthOf(node) * heightOf(node), 0);
    if (area > bestArea) [best, bestArea] = [together, area];
  }
  return best;
}

interface GridColumns<T> {
  /** the members of each column, top to bottom in the order given */
  columns: T[][];
  widths: number[];
  /** the height of the tallest column */
  height: number;
}

/**
 * Columns for a grid level: members, in the order given (left to right), dealt into columns of
 * `rows` each, with the fewest rows whose columns fit side by side in the width. Each column is as
 * wide as its widest box; boxes stack down a column at their own heights.
 */
function gridColumns<T extends LayoutNodeInput>(members: readonly T[], innerWidth: number): GridColumns<T> {
  let chosen: GridColumns<T> | undefined;
  for (let rows = 1; rows <= members.length; rows += 1) {
    const columns: T[][] = [];
    for (let start = 0; start < members.length; start += rows) columns.push(members.slice(start, start + rows));
    const widths = columns.map((column) => Math.max(...column.map(widthOf)) + GRID_PADDING.x);
    const height = Math.max(...columns.map((column) => column.reduce((sum, node) => sum + heightOf(node) + GRID_PADDING.y, 0)));
    chosen = { columns, widths, height };
    if (widths.reduce((sum, width) => sum + width, 0) <= innerWidth) break;
  }
  return chosen ?? { columns: [], widths: [], height: 0 };
}

/**
 * The room each level needs, top to bottom: a grid level the height of its columns; a force-laid
 * level the box area of its nodes at its busiest time (at a density a force layout can resolve),
 * and at least room to stack two of its tallest boxes. Levels with no node are left out.
 */
export function levelNeeds(
  nodes: readonly LayoutNodeInput[],
  width: number,
  gridLevels: readonly MapLevel[] = [],
  margin = 16,
  titleRoom = 0,
): { level: MapLevel; need: number }[] {
  const innerWidth = Math.max(1, width - 2 * margin);
  return MAP_LEVELS.flatMap((level) => {
    const members = nodes.filter((node) => node.level === level);
    if (members.length === 0) return [];
    if (gridLevels.includes(level)) return [{ level, need: gridColumns(members, innerWidth).height + 2 * margin + titleRoom }];
    const together = busiest(members);
    const area = together.reduce(
      (sum, node) => sum + (widthOf(node) + COLLISION_PADDING) * (heightOf(node) + COLLISION_PADDING),
      0,
    );
    const tallest = Math.max(...members.map(heightOf));
    // Room for two rows of the tallest box, so two nodes can stack; a band of a few nodes needs less.
    const rows = together.length > 4 ? 2 : 1.6;
    const floor = rows * tallest + COLLISION_PADDING + 2 * margin;
    return [{ level, need: Math.max(area / (innerWidth * FORCE_BAND_DENSITY), floor) + titleRoom }];
  });
}

/**
 * The band of each level, top to bottom, sharing the height in proportion to each level's need.
 * Exported so the map can shade and name the bands.
 */
export function levelBands(
  nodes: readonly LayoutNodeInput[],
  width: number,
  height: number,
  gridLevels: readonly MapLevel[] = [],
  margin = 16,
  titleRoom = 0,
): Band[] {
  const needs = levelNeeds(nodes, width, gridLevels, margin, titleRoom);
  const total = needs.reduce((sum, { need }) => sum + need, 0);
  const bands: Band[] = [];
  let top = 0;
  for (const { level, need } of needs) {
    const bandHeight = (need / total) * height;
    bands.push({ level, top, bottom: top + bandHeight });
    top += bandHeight;
  }
  const last = bands[bands.length - 1];
  if (last) last.bottom = height;
  return bands;
}

/** Keeps each box inside its band and the map's box; positions are set directly and speed damped. */
function forceBounds(bands: Map<MapLevel, Band>, width: number, margin: number, titleRoom: number) {
  let nodes: SimNode[] = [];
  const force = () => {
    for (const node of nodes) {
      const band = bands.get(node.level);
      if (!band) continue;
      const halfWidth = Math.min(node.width / 2, width / 2 - margin);
      const minX = margin + halfWidth;
      const maxX = width - margin - halfWidth;
      // The box's centre is offsetY below the anchor; keep the whole box within the band (or centred, if it cannot fit).
      const halfHeight = node.height / 2;
      const top = band.top + titleRoom;
      const bandInner = band.bottom - top - 2 * margin;
      const centreMin = bandInner >= node.height ? top + margin + halfHeight : (top + band.bottom) / 2;
      const centreMax = bandInner >= node.height ? band.bottom - margin - halfHeight : (top + band.bottom) / 2;
      const centre = node.y + node.offsetY;
      if (node.x < minX) [node.x, node.vx] = [minX, 0];
      if (node.x > maxX) [node.x, node.vx] = [maxX, 0];
      if (centre < centreMin) [node.y, node.vy] = [centreMin - node.offsetY, 0];
      if (centre > centreMax) [node.y, node.vy] = [centreMax - node.offsetY, 0];
    }
  };
  force.initialize = (initial: SimNode[]) => {
    nodes = initial;
  };
  return force;
}

/**
 * Side of the square cells of the spatial hash that finds boxes near each other, in layout units:
 * about a box's height, so a box covers a few cells and a cell holds a few boxes.
 */
const COLLISION_CELL = 48;
/**
 * How much nearer than touching two boxes must be to be tested in a tick. Boxes move while a tick
 * pushes them apart, so a pair apart at the tick's start may overlap by its turn; the slack catches
 * most such pairs, and any other is pushed apart in the next tick.
 */
const COLLISION_SLACK = 24;
/**
 * Up to this many boxes, every pair that shares a month is tested each tick, as it always was (the
 * real map has 83 nodes, so its layout is exactly what it was); above it, only the pairs a spatial
 * hash finds near each other, which grows with the number of boxes, not its square.
 */
const ALL_PAIRS_UP_TO = 200;

/** How the collision force finds overlapping boxes (see ALL_PAIRS_UP_TO); the choice is only for tests. */
export type CollisionMethod = 'auto' | 'all-pairs' | 'spatial-hash';

/**
 * The pairs of boxes within `slack` of overlapping, in the order an all-pairs loop takes them
 * (by lower index, then higher), each encoded as lower × count + higher in a sorted typed array:
 * at 8,000 boxes, arrays of pairs as objects kept the garbage collector busier than the layout.
 * Boxes go into the cells of a uniform grid that their slack-widened extent covers, so a box is
 * tested only against boxes that share a cell: O(n + pairs found), not O(n²). Nodes whose spans
 * do not overlap (never on the map together) are never paired.
 */
function nearbyPairs(nodes: readonly SimNode[], count: number, padding: number, slack: number, buffer: PairBuffer): Float64Array {
  const cells = buffer.emptyCells();
  // The last node each node was tested against, so a pair sharing several cells is tested once.
  const testedWith = buffer.testedWith(count);
  let found = 0;
  const reach = padding / 2 + slack / 2;
  for (const node of nodes) {
    const x = node.x + node.vx;
    const y = node.y + node.offsetY + node.vy;
    const halfWidth = node.width / 2 + reach;
    const halfHeight = node.height / 2 + reach;
    const left = Math.floor((x - halfWidth) / COLLISION_CELL);
    const right = Math.floor((x + halfWidth) / COLLISION_CELL);
    const top = Math.floor((y - halfHeight) / COLLISION_CELL);
    const bottom = Math.floor((y + halfHeight) / COLLISION_CELL);
    for (let column = left; column <= right; column += 1)
      for (let row = top; row <= bottom; row += 1) {
        // A small-integer key (fast to hash); cells far apart may share one, which only adds a candidate.
        const key = ((column & 0x3ff) << 12) | (row & 0xfff);
        let members = cells.get(key);
        if (!members) {
          members = [];
          cells.set(key, members);
        }
        for (const other of members) {
          if (testedWith[other.index] === node.index) continue;
          testedWith[other.index] = node.index;
          const dx = Math.abs(other.x + other.vx - x);
          const dy = Math.abs(other.y + other.offsetY + other.vy - y);
          if (dx >= (node.width + other.width) / 2 + padding + slack) continue;
          if (dy >= (node.height + other.height) / 2 + padding + slack) continue;
          if (!spansOverlap(node.span, other.span)) continue;
          const pair = other.index < node.index ? other.index * count + node.index : node.index * count + other.index;
          found = buffer.push(found, pair);
        }
        members.push(node);
      }
  }
  return buffer.pairs.subarray(0, found).sort();
}

/** Storage nearbyPairs reuses from tick to tick. */
class PairBuffer {
  pairs = new Float64Array(1024);
  /** the grid's cells by key; emptied, not dropped, between ticks */
  private cells = new Map<number, SimNode[]>();
  emptyCells(): Map<number, SimNode[]> {
    for (const members of this.cells.values()) members.length = 0;
    return this.cells;
  }
  private tested = new Int32Array(0);
  testedWith(count: number): Int32Array {
    if (this.tested.length < count) this.tested = new Int32Array(count);
    return this.tested.fill(-1);
  }
  /** Stores a pair at `at`, growing the storage if need be; returns the next free place. */
  push(at: number, pair: number): number {
    if (at === this.pairs.length) {
      const grown = new Float64Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[at] = pair;
    return at + 1;
  }
}

/**
 * Pushes apart the boxes of nodes that share a month. d3's forceCollide uses circles, which suit
 * neither a wide label nor a pair that never coexists. Boxes are pushed sideways unless they
 * overlap far more across than down: bands have room across, not down. Pairs are taken in index
 * order, each push moving the boxes the next pair sees. A few boxes are tested pair by pair; many
 * (the 100× synthetic map has some 8,000) only where a spatial hash finds them near each other.
 */
function forceBoxCollide(strength = 0.7, sidewaysPreference = SIDEWAYS_PREFERENCE, method: CollisionMethod = 'auto') {
  let movable: SimNode[] = [];
  /** every pair that shares a month, when there are few enough boxes to test them all */
  let allPairs: [SimNode, SimNode][] | null = null;
  let byIndex: SimNode[] = [];
  const buffer = new PairBuffer();
  const force = () => {
    if (allPairs) for (const [a, b] of allPairs) pushApart(a, b);
    else {
      const count = byIndex.length;
      for (const pair of nearbyPairs(movable, count, COLLISION_PADDING, COLLISION_SLACK, buffer)) {
        const low = Math.floor(pair / count);
        const a = byIndex[low];
        const b = byIndex[pair - low * count];
        if (a && b) pushApart(a, b);
      }
    }
  };
  const pushApart = (a: SimNode, b: SimNode) => {
    const dx = b.x + b.vx - (a.x + a.vx);
    const dy = b.y + b.offsetY + b.vy - (a.y + a.offsetY + a.vy);
    const overlapX = (a.width + b.width) / 2 + COLLISION_PADDING - Math.abs(dx);
    const overlapY = (a.height + b.height) / 2 + COLLISION_PADDING - Math.abs(dy);
    if (overlapX <= 0 || overlapY <= 0) return;
    // Ties (same coordinate) break by index, so the result never depends on chance.
    if (overlapX < overlapY * sidewaysPreference) {
      const push = (overlapX / 2) * strength * (dx === 0 ? (a.index < b.index ? 1 : -1) : Math.sign(dx));
      a.vx -= push;
      b.vx += push;
    } else {
      const push = (overlapY / 2) * strength * (dy === 0 ? (a.index < b.index ? 1 : -1) : Math.sign(dy));
      a.vy -= push;
      b.vy += push;
    }
  };
  // Nodes on their level's grid when the force is set up stay where the grid put them.
  force.initialize = (nodes: SimNode[]) => {
    movable = nodes.filter((node) => !node.fixedInGrid);
    byIndex = [];
    for (const node of nodes) byIndex[node.index] = node;
    allPairs = null;
    if (method === 'all-pairs' || (method === 'auto' && movable.length <= ALL_PAIRS_UP_TO)) {
      allPairs = [];
      for (let i = 0; i < movable.length; i += 1)
        for (let j = i + 1; j < movable.length; j += 1) {
          const a = movable[i];
          const b = movable[j];
          if (a && b && spansOverlap(a.span, b.span)) allPairs.push([a, b]);
        }
    }
  };
  return force;
}

/**
 * Puts a grid level's nodes in tidy columns in their band, keeping the order the forces gave them:
 * sorted left to right into columns, each column top to bottom. So a service still sits under the
 * bodies that commission it, and no two labels touch.
 */
function snapToGrid(members: SimNode[], band: Band, width: number, margin: number, titleRoom: number) {
  if (members.length === 0) return;
  const innerWidth = width - 2 * margin;
  const byX = [...members].sort((a, b) => a.x - b.x || a.index - b.index);
  const grid = gridColumns(byX, innerWidth);
  const spare = Math.max(0, innerWidth - grid.widths.reduce((sum, columnWidth) => sum + columnWidth, 0));
  const gap = spare / grid.columns.length;
  const top = band.top + titleRoom + Math.max(margin, (band.bottom - band.top - titleRoom - grid.height) / 2);
  let left = margin;
  grid.columns.forEach((column, index) => {
    const columnWidth = (grid.widths[index] ?? 0) + gap;
    let y = top;
    for (const node of [...column].sort((a, b) => a.y - b.y || a.index - b.index)) {
      node.x = left + columnWidth / 2;
      node.y = y + node.height / 2 - node.offsetY;
      node.fixedInGrid = true;
      y += node.height + GRID_PADDING.y;
    }
    left += columnWidth;
  });
}

/**
 * The position of each node's anchor (the centre of its glyph), by id. Deterministic: the same
 * input always gives the same output (nodes start in rows in their band, in input order, and
 * d3-force's own random source is seeded).
 */
export function computeMapLayout(
  input: { nodes: readonly LayoutNodeInput[]; links: readonly LayoutLinkInput[] },
  options: LayoutOptions,
): Map<string, Point> {
  const { width, height, iterations = 300, margin = 16, gridLevels = [], bandTitleRoom = 0, collision = 'auto' } = options;
  const bands = new Map(
    levelBands(input.nodes, width, height, gridLevels, margin, bandTitleRoom).map((band) => [band.level, band]),
  );

  // d3-force writes x, y, vx, vy and index onto the objects it is given and replaces link ends with
  // node objects: it gets fresh copies, never the caller's data.
  const nodes: SimNode[] = [];
  for (const level of MAP_LEVELS) {
    const members = input.nodes.filter((node) => node.level === level);
    const band = bands.get(level);
    members.forEach((node, order) => {
      const offsetY = node.offsetY ?? 0;
      const centreY = band ? (band.top + bandTitleRoom + band.bottom) / 2 : height / 2;
      // Start in three staggered rows across the band, so that a busy band starts untangled.
      const row = order % 3;
      nodes.push({
        id: node.id,
        level: node.level,
        width: widthOf(node),
        height: heightOf(node),
        offsetY,
        span: node.span ?? ALWAYS,
        index: nodes.length,
        fixedInGrid: false,
        x: margin + ((order + 0.5) / members.length) * (width - 2 * margin),
        y: centreY + (row - 1) * Math.min(24, band ? (band.bottom - band.top) / 6 : 24) - offsetY,
        vx: 0,
        vy: 0,
      });
    });
  }
  const ids = new Set(nodes.map((node) => node.id));
  const links: SimLink[] = input.links
    .filter((link) => ids.has(link.source) && ids.has(link.target) && link.source !== link.target)
    .map((link) => ({
      source: link.source,
      target: link.target,
      weight: link.weight ?? 1,
      length: link.length ?? DEFAULT_LINK_LENGTH,
    }));
  const degree = new Map<string, number>();
  for (const link of links) {
    for (const end of [link.source, link.target] as string[]) degree.set(end, (degree.get(end) ?? 0) + 1);
  }
  const degreeOf = (end: string | SimNode) => degree.get(typeof end === 'string' ? end : end.id) ?? 1;
  const bandCentre = (node: SimNode) => {
    const band = bands.get(node.level);
    return (band ? (band.top + bandTitleRoom + band.bottom) / 2 : height / 2) - node.offsetY;
  };

  forceSimulation<SimNode>(nodes)
    .stop()
    .force(
      'link',
      forceLink<SimNode, SimLink>(links)
        .id((node) => node.id)
        .distance((link) => link.length)
        // Half d3's default strength (1 / the busier end's degree), scaled by the link's weight: the
        // map is held in its bands, so links need only say who is near whom, not drag nodes in a knot.
        .strength((link) => (0.5 * link.weight) / Math.min(degreeOf(link.source), degreeOf(link.target))),
    )
    .force(
      'charge',
      forceManyBody<SimNode>()
        .strength(-300)
        .distanceMax(Math.max(width, height) / 2),
    )
    .force('x', forceX<SimNode>(width / 2).strength(0.01))
    .force('y', forceY<SimNode>(bandCentre).strength(0.1))
    .force('collide', forceBoxCollide(undefined, undefined, collision))
    .force('bounds', forceBounds(bands, width, margin, bandTitleRoom))
    .tick(iterations);

  // Grid levels are put in order on their grid; then a last pass of collision and bounds at full
  // strength moves the others, so no two boxes are left overlapping by the last, weakest ticks.
  for (const level of gridLevels) {
    const band = bands.get(level);
    if (band)
      snapToGrid(
        nodes.filter((node) => node.level === level),
        band,
        width,
        margin,
        bandTitleRoom,
      );
  }
  // Here boxes move whichever way is shorter: a row too full to part sideways can still part downwards.
  const collide = forceBoxCollide(1, 1, collision);
  const bounds = forceBounds(bands, width, margin, bandTitleRoom);
  collide.initialize(nodes);
  bounds.initialize(nodes);
  for (let pass = 0; pass < 60; pass += 1) {
    for (const node of nodes) [node.vx, node.vy] = [0, 0];
    collide();
    for (const node of nodes) [node.x, node.y] = [node.x + node.vx, node.y + node.vy];
    bounds();
  }

  return new Map(nodes.map((node) => [node.id, { x: round(node.x), y: round(node.y) }]));
}

/** Positions are rounded to a tenth of a unit: invisible on screen, and stable across engines' last bits. */
const round = (value: number) => Math.round(value * 10) / 10;
