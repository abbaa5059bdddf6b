/**
 * Small measures the map and its key share: the size of each kind of glyph (the key draws them),
 * and which node the arrow keys move to. Pure.
 */
import type { OrganisationKind } from '../../domain/graph';

export type GlyphShape = OrganisationKind | 'service';

export interface Size {
  width: number;
  height: number;
}

const GLYPHS: Record<GlyphShape, Size> = {
  body: { width: 26, height: 18 },
  'body-type': { width: 26, height: 18 },
  part: { width: 26, height: 18 },
  arrangement: { width: 30, height: 20 },
  service: { width: 12, height: 12 },
};

export function glyphSize(shape: GlyphShape): Size {
  return GLYPHS[shape];
}

/** Line height of the funding diagram's labels, in em. */
export const LABEL_LINE_HEIGHT = 1.15;

/** The arrow keys' directions, for moving between nodes with nearestInDirection. */
export const ARROW_DIRECTIONS = {
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
} as const;

/**
 * The node nearest to `fromId` in a direction: among those ahead (within 60° either side), the
 * one with the least distance ahead plus twice the distance aside; ties go to reading order.
 */
export function nearestInDirection(
  fromId: string,
  direction: { x: number; y: number },
  candidates: readonly string[],
  positionOf: (id: string) => { x: number; y: number } | undefined,
): string | undefined {
  const from = positionOf(fromId);
  if (!from) return undefined;
  let best: { id: string; score: number } | undefined;
  for (const id of candidates) {
    if (id === fromId) continue;
    const at = positionOf(id);
    if (!at) continue;
    const dx = at.x - from.x;
    const dy = at.y - from.y;
    const ahead = dx * direction.x + dy * direction.y;
    const aside = Math.abs(dx * direction.y - dy * direction.x);
    if (ahead <= 0 || aside > ahead * Math.tan(Math.PI / 3)) continue;
    const score = ahead + 2 * aside;
    if (!best || score < best.score) best = { id, score };
  }
  return best?.id;
}
