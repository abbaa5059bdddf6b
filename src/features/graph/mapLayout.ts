/**
 * The map's one layout for a dataset: computed over the union of every month, so a node present
 * in two months is in the same place in both, and memoised per dataset and box size, so scrubbing
 * through time never recomputes it.
 */
import type { Dataset } from '../../data/schema';
import { type MapLinkKind, type MapUnion, mapModelUnion } from '../../domain/graph';
import { glyphShapeOf, linkBends, nodeBox } from './geometry';
import {
  type Band,
  computeMapLayout,
  type LayoutLinkInput,
  type LayoutNodeInput,
  levelBands,
  levelNeeds,
  type Point,
} from './layout';

export interface MapLayout {
  union: MapUnion;
  width: number;
  height: number;
  bands: Band[];
  positions: Map<string, Point>;
  /** each link's bend, by id, so parallel links fan out */
  bends: Map<string, number>;
  /** how long the layout took to compute, in milliseconds */
  elapsedMs: number;
}

/** Links many bodies share pull less, so they do not drag the map into a knot. */
const LINK_WEIGHTS: Partial<Record<MapLinkKind, number>> = {
  'part-of': 0.5,
  'partners-with': 0.3,
  commissions: 0.6,
  'commissions-from': 0.5,
};

/** Services sit on a tidy grid in their band: forty labels laid by forces alone would jostle. */
const GRID_LEVELS = ['service'] as const;

const MARGIN = 16;
/** Room at the top of each band for its title ("National", "Services"), in layout units. */
export const BAND_TITLE_ROOM = 14;

const unions = new WeakMap<Dataset, MapUnion>();
const layouts = new WeakMap<Dataset, Map<string, MapLayout>>();

export function unionOf(dataset: Dataset): MapUnion {
  let union = unions.get(dataset);
  if (!union) {
    union = mapModelUnion(dataset);
    unions.set(dataset, union);
  }
  return union;
}

export function layoutInputOf(union: MapUnion): { nodes: LayoutNodeInput[]; links: LayoutLinkInput[] } {
  return {
    nodes: union.nodes.map(({ node, longestLabel, span }) => {
      const box = nodeBox(glyphShapeOf(node), longestLabel);
      return { id: node.id, level: node.level, width: box.width, height: box.height, offsetY: box.offsetY, span };
    }),
    links: union.links.map(({ link }) => ({
      source: link.source,
      target: link.target,
      weight: LINK_WEIGHTS[link.kind] ?? 1,
      // Funding links carry a label ("£104.4bn 2015/16"): they need the length to show it clear of the nodes.
      length: link.kind === 'funds' ? 150 : 80,
    })),
  };
}

/**
 * The layout of a dataset's map in a box `width` layout units wide and at least `minHeight` high:
 * taller if the bands need more room, so that no two labels overlap at zoom 1.
 */
export function mapLayoutFor(dataset: Dataset, width: number, minHeight: number): MapLayout {
  let byBox = layouts.get(dataset);
  if (!byBox) {
    byBox = new Map();
    layouts.set(dataset, byBox);
  }
  const key = `${width}x${minHeight}`;
  const known = byBox.get(key);
  if (known) return known;
  const started = performance.now();
  const union = unionOf(dataset);
  const input = layoutInputOf(union);
  const need = levelNeeds(input.nodes, width, GRID_LEVELS, MARGIN, BAND_TITLE_ROOM).reduce((sum, level) => sum + level.need, 0);
  const height = Math.max(minHeight, Math.ceil(need / 20) * 20);
  const positions = computeMapLayout(input, {
    width,
    height,
    gridLevels: GRID_LEVELS,
    margin: MARGIN,
    bandTitleRoom: BAND_TITLE_ROOM,
  });
  const layout: MapLayout = {
    union,
    width,
    height,
    bands: levelBands(input.nodes, width, height, GRID_LEVELS, MARGIN, BAND_TITLE_ROOM),
    positions,
    bends: linkBends(union.links.map(({ link }) => link)),
    elapsedMs: performance.now() - started,
  };
  byBox.set(key, layout);
  return layout;
}
