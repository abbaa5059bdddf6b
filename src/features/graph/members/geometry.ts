/**
 * Where the named CCGs are drawn: the ahead-of-time cells (src/domain/member-layout.ts) placed in
 * the body of the map's "CCGs" card, and the scene without that card's service tiles (the card
 * shows its members instead while they are open). Pure.
 */
import type { Rect } from '../../../domain/map-layout/layout-file';
import type { MemberCell } from '../../../domain/member-transition';
import type { MemberGrid } from '../../../domain/member-layout';
import type { Scene } from '../scene';

/** The map's node for the kind "Clinical commissioning groups". */
export const CCG_KIND_ID = 'clinical-commissioning-groups';

/** Room at the top of the card for the title, and around the cells. */
const PAD = 6;
const LARGEST_DOT_CELL = 26;

export interface MemberGeometry {
  /** dots (a grid of many) or labelled rows (a council's few) */
  mode: 'dots' | 'rows';
  /** the title's first baseline (it has two lines) and the line height */
  title: { x: number; y: number; width: number; line: number };
  /** a cell's size */
  cell: { width: number; height: number };
  /** the centre of a cell */
  centre: (cell: MemberCell) => { x: number; y: number };
  /** below the cells: where a note can go */
  bottom: number;
}

/** The cells of `grid` fitted into the card's body, under a title line of `fontSize`. */
export function memberGeometry(grid: MemberGrid, body: Rect, fontSize: number): MemberGeometry {
  const left = body.x - body.width / 2 + PAD;
  const top = body.y - body.height / 2 + PAD;
  const width = body.width - 2 * PAD;
  const titleHeight = fontSize * 2.9;
  const room = body.height - 2 * PAD - titleHeight - fontSize * 1.6;
  const mode = grid.columns > 1 ? 'dots' : 'rows';
  const cellWidth = mode === 'dots' ? Math.min(width / grid.columns, room / grid.rows, LARGEST_DOT_CELL) : width;
  const cellHeight = mode === 'dots' ? cellWidth : Math.max(fontSize * 1.3, Math.min(fontSize * 2.2, room / grid.rows));
  const gridLeft = mode === 'dots' ? body.x - (grid.columns * cellWidth) / 2 : left;
  const gridTop = top + titleHeight;
  return {
    mode,
    title: { x: left, y: top + fontSize, width, line: fontSize * 1.25 },
    cell: { width: cellWidth, height: cellHeight },
    centre: ({ column, row }) => ({ x: gridLeft + (column + 0.5) * cellWidth, y: gridTop + (row + 0.5) * cellHeight }),
    bottom: gridTop + grid.rows * cellHeight,
  };
}

/** The scene without the service tiles of one card (and the links to them): the card holds its members instead. */
export function withoutCardServices(scene: Scene, cardId: string): Scene {
  const nodes = scene.nodes.filter((node) => !(node.type === 'service' && node.card === cardId));
  if (nodes.length === scene.nodes.length) return scene;
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const links = scene.links.filter((link) => nodeById.has(link.link.source) && nodeById.has(link.link.target));
  return { ...scene, nodes, nodeById, links };
}
