/**
 * Packing in one dimension, month by month: the row of commissioners' columns (each as wide as its
 * card at each month) and the rows of context bodies (each as wide as its label), so that nothing
 * on the map at the same month overlaps. Pure helpers of compute.ts.
 */
import type { SimulationNodeDatum } from 'd3';
import type { MapLayoutOptions } from './fingerprint';

export const MARGIN = 12;
export const TILE_HEIGHT = 18;
export const ROW_PITCH = 21;
export const COLUMN_GAP = 6;
export const CARD_PADDING = 6;
export const CARD_GAP = 20;
export const CONTEXT_ROW_PITCH = 42;
export const CONTEXT_GAP = 10;
/** A context glyph's size; its label sits under it. */
export const CONTEXT_GLYPH = 14;

/** Something placed in a row: its centre, width, and the first and last month index it is there. */
export interface RowBox {
  x: number;
  width: number;
  span: [number, number];
}

export interface CardShape {
  columns: number;
  rows: number;
  width: number;
  height: number;
}

export function cardShape(count: number, maxRows: number, options: MapLayoutOptions): CardShape {
  const columns = Math.max(1, Math.ceil(count / maxRows));
  const rows = Math.ceil(count / columns);
  return {
    columns,
    rows,
    width: columns * options.tileWidth + (columns - 1) * COLUMN_GAP + 2 * CARD_PADDING,
    height: rows * ROW_PITCH - (ROW_PITCH - TILE_HEIGHT) + 2 * CARD_PADDING,
  };
}

/** Every permutation of a short list, in a fixed order (Heap's algorithm). */
export function* permutations<T>(items: readonly T[]): Generator<T[]> {
  const list = [...items];
  const counters = list.map(() => 0);
  yield [...list];
  let index = 1;
  while (index < list.length) {
    const counter = counters[index] ?? 0;
    if (counter < index) {
      const swapWith = index % 2 === 0 ? 0 : counter;
      [list[swapWith], list[index]] = [list[index] as T, list[swapWith] as T];
      yield [...list];
      counters[index] = counter + 1;
      index = 1;
    } else {
      counters[index] = 0;
      index += 1;
    }
  }
}

/**
 * Places columns in a row left to right so that, at every month, the columns present that month
 * (each at its width that month) do not overlap: each column goes as far left as every column
 * before it allows, at every month both are present. Returns each column's centre and the row's extent.
 */
export function packColumns(
  order: readonly string[],
  widthAt: (column: string, monthIndex: number) => number | undefined,
  monthCount: number,
): { x: Map<string, number>; extent: number } {
  const x = new Map<string, number>();
  let extent = 0;
  for (const column of order) {
    let centre = 0;
    for (let month = 0; month < monthCount; month += 1) {
      const width = widthAt(column, month);
      if (width === undefined) continue;
      centre = Math.max(centre, width / 2);
      for (const before of x.keys()) {
        const beforeWidth = widthAt(before, month);
        if (beforeWidth === undefined) continue;
        centre = Math.max(centre, (x.get(before) ?? 0) + beforeWidth / 2 + CARD_GAP + width / 2);
      }
    }
    x.set(column, centre);
    for (let month = 0; month < monthCount; month += 1) {
      const width = widthAt(column, month);
      if (width !== undefined) extent = Math.max(extent, centre + width / 2);
    }
  }
  return { x, extent };
}

export interface ContextNode extends SimulationNodeDatum {
  id: string;
  width: number;
  preferredRow: number;
  span: [number, number];
  fixed: boolean;
  x: number;
  y: number;
}

/** Pack one node into the rows: the free place nearest its wished-for x, in the first row (from its preferred one) that has one. */
export function placeInRows(rows: RowBox[][], node: ContextNode, wish: number, width: number): { row: number; x: number } {
  const half = node.width / 2;
  const low = MARGIN + half;
  const high = width - MARGIN - half;
  // Its own row or a later one; failing those, an earlier one; failing all, a new row at the bottom.
  const existing = rows.length;
  const order = [
    ...Array.from({ length: Math.max(0, existing - node.preferredRow) }, (_, offset) => node.preferredRow + offset),
    ...Array.from({ length: Math.min(node.preferredRow, existing) }, (_, offset) => node.preferredRow - 1 - offset),
  ];
  for (let attempt = 0; ; attempt += 1) {
    const row = order[attempt] ?? Math.max(existing, node.preferredRow) + (attempt - order.length);
    const placed = (rows[row] ??= []);
    const clashes = placed.filter((other) => other.span[0] <= node.span[1] && node.span[0] <= other.span[1]);
    const candidates = [
      Math.min(high, Math.max(low, wish)),
      ...clashes.flatMap((other) => [other.x - other.width / 2 - half, other.x + other.width / 2 + half]),
    ].filter((x) => x >= low - 0.01 && x <= high + 0.01);
    const free = candidates
      .filter((x) => clashes.every((other) => Math.abs(other.x - x) >= other.width / 2 + half - 0.01))
      .sort((a, b) => Math.abs(a - wish) - Math.abs(b - wish) || a - b);
    const best = free[0];
    if (best !== undefined) {
      placed.push({ x: best, width: node.width, span: node.span });
      return { row, x: best };
    }
  }
}
