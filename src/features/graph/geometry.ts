/**
 * The map's measurements, in layout units (1 unit = 1 CSS pixel at zoom 1): glyph sizes, label
 * wrapping, each node's box for the layout, and link paths trimmed to the glyphs they join.
 * Pure: text widths are estimated from character counts, so the layout is the same in every
 * browser and in tests.
 */
import type { MapLevel, MapNode, OrganisationKind } from '../../domain/graph';

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

export const glyphShapeOf = (node: Pick<MapNode, 'type'> & { kind?: OrganisationKind }): GlyphShape =>
  node.type === 'service' ? 'service' : (node.kind ?? 'body');

export function glyphSize(shape: GlyphShape): Size {
  return GLYPHS[shape];
}

/** Label sizes at zoom 1, in layout units. */
export const LABEL_FONT_SIZE = { organisation: 12, service: 11 } as const;
export const LABEL_LINE_HEIGHT = 1.15;
/** Gap between a glyph and its label. */
export const LABEL_GAP = 3;
/** Average advance of a character of Arial, in em (bold organisation labels are wider): estimates, good enough to keep labels apart. */
const CHARACTER_WIDTH_EM = { organisation: 0.6, service: 0.55 } as const;
const MAX_LINE_CHARACTERS = { organisation: 18, service: 16 } as const;
const MAX_LINES = 3;

/**
 * Splits a label at spaces into as few lines as keep each within `maxCharacters` (at most three),
 * choosing the breaks that make the longest line shortest, so lines come out balanced. A label
 * that cannot fit in three lines gets the three most balanced lines.
 */
export function wrapLabel(label: string, maxCharacters: number, maxLines = MAX_LINES): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  let best: string[] = [words.join(' ')];
  for (let lineCount = 1; lineCount <= Math.min(maxLines, words.length); lineCount += 1) {
    best = balancedLines(words, lineCount);
    if (Math.max(...best.map((line) => line.length)) <= maxCharacters) return best;
  }
  return best;
}

/** The split of words into exactly `lineCount` lines whose longest line is shortest (ties: the earlier split). */
function balancedLines(words: readonly string[], lineCount: number): string[] {
  if (lineCount <= 1) return [words.join(' ')];
  let best: string[] | undefined;
  let bestLongest = Infinity;
  for (let first = 1; first <= words.length - (lineCount - 1); first += 1) {
    const head = words.slice(0, first).join(' ');
    const rest = balancedLines(words.slice(first), lineCount - 1);
    const longest = Math.max(head.length, ...rest.map((line) => line.length));
    if (longest < bestLongest) [best, bestLongest] = [[head, ...rest], longest];
  }
  return best ?? [words.join(' ')];
}

export type NodeFamily = 'organisation' | 'service';

export const familyOf = (level: MapLevel): NodeFamily => (level === 'service' ? 'service' : 'organisation');

export function labelLines(label: string, family: NodeFamily): string[] {
  return wrapLabel(label, MAX_LINE_CHARACTERS[family]);
}

/** A node's box for the layout (glyph with its label below), and how far the box's centre sits below the glyph's. */
export function nodeBox(shape: GlyphShape, label: string): Size & { offsetY: number } {
  const glyph = GLYPHS[shape];
  const family: NodeFamily = shape === 'service' ? 'service' : 'organisation';
  const fontSize = LABEL_FONT_SIZE[family];
  const lines = labelLines(label, family);
  const longest = Math.max(0, ...lines.map((line) => line.length));
  const labelWidth = longest * fontSize * CHARACTER_WIDTH_EM[family];
  const labelHeight = lines.length * fontSize * LABEL_LINE_HEIGHT;
  const width = Math.max(glyph.width, labelWidth) + 4;
  const height = glyph.height + LABEL_GAP + labelHeight;
  // The anchor is the glyph's centre, at glyph.height / 2 from the box's top.
  return { width, height, offsetY: height / 2 - glyph.height / 2 };
}

export interface LinkGeometry {
  /** the SVG path */
  d: string;
  /** its ends (trimmed to the glyphs) and control point (the chord's middle, for a straight link) */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  controlX: number;
  controlY: number;
}

/** Where a ray from a box's centre, heading (dx, dy), leaves the box (plus a gap). */
function exitPoint(x: number, y: number, dx: number, dy: number, half: Size, gap: number): [number, number] {
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const tx = ux === 0 ? Infinity : half.width / Math.abs(ux);
  const ty = uy === 0 ? Infinity : half.height / Math.abs(uy);
  const t = Math.min(tx, ty) + gap;
  return [x + ux * t, y + uy * t];
}

const fixed = (value: number) => Math.round(value * 10) / 10;

/**
 * A link from one glyph to another: straight, or bowed by `bend` units to one side so that
 * several links between the same two nodes stay apart. Its ends are trimmed to the glyphs' edges,
 * the target end a little further, to leave room for the arrowhead.
 */
export function linkGeometry(
  source: { x: number; y: number; shape: GlyphShape },
  target: { x: number; y: number; shape: GlyphShape },
  bend: number,
  arrowGap = 2,
): LinkGeometry {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.hypot(dx, dy) || 1;
  // The normal, to the left of source → target.
  const nx = -dy / length;
  const ny = dx / length;
  const controlX = (source.x + target.x) / 2 + nx * bend * 2;
  const controlY = (source.y + target.y) / 2 + ny * bend * 2;
  const sourceHalf = halfOf(source.shape);
  const targetHalf = halfOf(target.shape);
  const [x1, y1] = exitPoint(source.x, source.y, controlX - source.x, controlY - source.y, sourceHalf, 1);
  const [x2, y2] = exitPoint(target.x, target.y, controlX - target.x, controlY - target.y, targetHalf, arrowGap);
  const d =
    bend === 0
      ? `M${fixed(x1)},${fixed(y1)}L${fixed(x2)},${fixed(y2)}`
      : `M${fixed(x1)},${fixed(y1)}Q${fixed(controlX)},${fixed(controlY)} ${fixed(x2)},${fixed(y2)}`;
  return { d, x1, y1, x2, y2, controlX, controlY };
}

function halfOf(shape: GlyphShape): Size {
  const glyph = GLYPHS[shape];
  return { width: glyph.width / 2, height: glyph.height / 2 };
}

/**
 * The bend of each link, by id, so that links joining the same two nodes (in either direction) fan
 * out instead of lying on top of each other. Computed once over every month's links, so a link
 * keeps its curve when another appears beside it.
 */
export function linkBends(links: readonly { id: string; source: string; target: string }[], spacing = 14): Map<string, number> {
  const byPair = new Map<string, { id: string; flipped: boolean }[]>();
  for (const link of links) {
    const flipped = link.source > link.target;
    const key = flipped ? `${link.target}\u0000${link.source}` : `${link.source}\u0000${link.target}`;
    byPair.set(key, [...(byPair.get(key) ?? []), { id: link.id, flipped }]);
  }
  const bends = new Map<string, number>();
  for (const group of byPair.values()) {
    group.forEach(({ id, flipped }, index) => {
      const offset = (index - (group.length - 1) / 2) * spacing;
      // The normal flips with the direction; flip the bend too, so that the fan is the same either way.
      bends.set(id, flipped ? -offset : offset);
    });
  }
  return bends;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The point at t (0–1) along a link's curve: straight, or the quadratic with its control point. */
export function pointOnLink(link: LinkGeometry, t: number): { x: number; y: number } {
  const u = 1 - t;
  return {
    x: u * u * link.x1 + 2 * u * t * link.controlX + t * t * link.x2,
    y: u * u * link.y1 + 2 * u * t * link.controlY + t * t * link.y2,
  };
}

const overlapArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** Where along a link to centre its label: the middle if that is clear of the obstacles, else the clearest of a few points nearer the ends. */
const LABEL_STOPS = [0.5, 0.4, 0.6, 0.32, 0.68, 0.25, 0.75];

export function placeLinkLabel(link: LinkGeometry, label: Size, obstacles: readonly Box[]): { x: number; y: number } {
  let best = pointOnLink(link, 0.5);
  let bestOverlap = Infinity;
  for (const t of LABEL_STOPS) {
    const at = pointOnLink(link, t);
    const box = { x: at.x - label.width / 2, y: at.y - label.height / 2, width: label.width, height: label.height };
    const overlap = obstacles.reduce((sum, obstacle) => sum + overlapArea(box, obstacle), 0);
    if (overlap < bestOverlap) [best, bestOverlap] = [at, overlap];
    if (overlap === 0) break;
  }
  return best;
}

/** The estimated size of a block of text lines at a font size, in layout units. */
export function textSize(lines: readonly string[], fontSize: number): Size {
  return {
    width: Math.max(0, ...lines.map((line) => line.length)) * fontSize * CHARACTER_WIDTH_EM.organisation,
    height: lines.length * fontSize * LABEL_LINE_HEIGHT,
  };
}

/** A node's box (glyph and label) on the map, around its anchor. */
export function nodeBoxAt(shape: GlyphShape, label: string, at: { x: number; y: number }): Box {
  const box = nodeBox(shape, label);
  const glyph = GLYPHS[shape];
  return { x: at.x - box.width / 2, y: at.y - glyph.height / 2, width: box.width, height: box.height };
}

const LABEL_TOLERANCE = 3;

const inset = (box: Box, by: number): Box => ({
  x: box.x + by,
  y: box.y + by,
  width: Math.max(0, box.width - 2 * by),
  height: Math.max(0, box.height - 2 * by),
});

export interface LabelCandidate {
  id: string;
  /** where the label would be drawn */
  box: Box;
}

/** The box of a node's glyph, around its anchor. */
export function glyphBoxAt(shape: GlyphShape, at: { x: number; y: number }): Box {
  const glyph = GLYPHS[shape];
  return { x: at.x - glyph.width / 2, y: at.y - glyph.height / 2, width: glyph.width, height: glyph.height };
}

/** The box of a node's label (below its glyph) when labels are drawn `fontScale` times their base size. */
export function nodeLabelBoxAt(shape: GlyphShape, label: string, at: { x: number; y: number }, fontScale: number): Box {
  const family: NodeFamily = shape === 'service' ? 'service' : 'organisation';
  const lines = labelLines(label, family);
  const fontSize = LABEL_FONT_SIZE[family] * fontScale;
  const width = Math.max(0, ...lines.map((line) => line.length)) * fontSize * CHARACTER_WIDTH_EM[family];
  return {
    x: at.x - width / 2,
    y: at.y + GLYPHS[shape].height / 2 + LABEL_GAP,
    width,
    height: lines.length * fontSize * LABEL_LINE_HEIGHT,
  };
}

/**
 * The labels that can be shown without overlapping a glyph or another label: candidates are taken
 * in order (most important first) and each is kept if its box is clear of every glyph and of every
 * label already kept. So when zoomed out, where labels are relatively larger, the map shows fewer
 * legible labels instead of a smudge.
 */
export function labelsThatFit(candidates: readonly LabelCandidate[], glyphs: readonly Box[]): Set<string> {
  const kept: Box[] = [];
  const fits = new Set<string>();
  for (const candidate of candidates) {
    const { id } = candidate;
    // Widths are estimates and a label's halo is forgiving: a graze of a few units is not an overlap.
    const box = inset(candidate.box, LABEL_TOLERANCE);
    if (glyphs.some((glyph) => overlapArea(box, glyph) > 0) || kept.some((other) => overlapArea(box, other) > 0)) continue;
    kept.push(box);
    fits.add(id);
  }
  return fits;
}

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
