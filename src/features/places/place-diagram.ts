/**
 * The place page's small diagram (pure, deterministic): the council at the top and, below it, the
 * bodies that commissioned its local NHS services at the month: its CCGs from April 2013, its
 * primary care trust(s) before (derived, unofficial). Positions come from the month's bodies
 * alone, sorted by name, so the same month always draws the same picture. Between two months,
 * `diagramTransition` says what stays (and where it moves), what ends (and which successor it
 * moves into, for a merger) and what begins.
 */
import type { MonthString } from '../../domain/months';
import { ccgsCoveringAuthority, type PlacesIndex, pctsOfAuthority, successorsAt } from '../../domain/places';

export interface DiagramNode {
  /** "council", "ccg-<ODS code>" or "pct-<ONS code>" */
  id: string;
  kind: 'council' | 'ccg' | 'pct';
  label: string;
  /** the label cut into lines that fit the box */
  lines: string[];
  /** top left corner, in the diagram's units */
  x: number;
  y: number;
  width: number;
  height: number;
  /** a PCT: from the unofficial PCT → CCG mapping */
  unofficial: boolean;
}

export interface PlaceDiagram {
  width: number;
  height: number;
  nodes: DiagramNode[];
}

export const DIAGRAM_WIDTH = 640;
/** The width for a phone: fewer columns, so the words stay legible when the drawing is scaled to the screen. */
export const NARROW_DIAGRAM_WIDTH = 360;
const GAP = 16;
const COUNCIL_HEIGHT = 44;
const BODY_HEIGHT = 64;
const ROW_Y = COUNCIL_HEIGHT + 48;
/** Characters per line for a box `width` wide at the diagram's type size (about 7.4 units a character). */
const charsFor = (width: number) => Math.max(8, Math.floor((width - 16) / 7.4));

/** Cuts a label into lines of at most `max` characters, at spaces (a longer word stays whole), at most three lines. */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= 3) return lines;
  return [
    ...lines.slice(0, 2),
    `${lines
      .slice(2)
      .join(' ')
      .slice(0, Math.max(1, max - 1))}…`,
  ];
}

/** The diagram of an authority at a month, `diagramWidth` units wide; undefined for an unknown code. */
export function placeDiagram(
  index: PlacesIndex,
  code: string,
  month: MonthString,
  diagramWidth: number = DIAGRAM_WIDTH,
): PlaceDiagram | undefined {
  const authority = index.authorities.get(code);
  if (!authority) return undefined;
  const bodies: Array<Pick<DiagramNode, 'id' | 'kind' | 'label' | 'unofficial'>> =
    month < index.file.period.from
      ? month <= index.file.pctEnd.month
        ? pctsOfAuthority(index, code).map((entry) => ({
            id: `pct-${entry.pct.code}`,
            kind: 'pct' as const,
            label: `${entry.pct.name} PCT`,
            unofficial: true,
          }))
        : []
      : (ccgsCoveringAuthority(index, code, month)?.ccgs ?? []).map((cover) => ({
          id: `ccg-${cover.ccg.code}`,
          kind: 'ccg' as const,
          label: cover.name,
          unofficial: false,
        }));
  bodies.sort((a, b) => a.label.localeCompare(b.label));
  const columns = Math.max(1, Math.min(diagramWidth < DIAGRAM_WIDTH ? 2 : 4, bodies.length));
  const rows = Math.ceil(bodies.length / columns);
  const width = (diagramWidth - GAP * (columns - 1)) / columns;
  const council = { width: Math.min(280, diagramWidth * 0.7), height: COUNCIL_HEIGHT };
  const nodes: DiagramNode[] = [
    {
      id: 'council',
      kind: 'council',
      label: `${authority.name} (council)`,
      lines: wrapLabel(`${authority.name} (council)`, charsFor(council.width)),
      x: (diagramWidth - council.width) / 2,
      y: 0,
      width: council.width,
      height: council.height,
      unofficial: false,
    },
  ];
  bodies.forEach((body, at) => {
    const row = Math.floor(at / columns);
    const inRow = Math.min(columns, bodies.length - row * columns);
    // A short last row is centred.
    const offset = ((columns - inRow) * (width + GAP)) / 2;
    nodes.push({
      ...body,
      lines: wrapLabel(body.label, charsFor(width)),
      x: offset + (at % columns) * (width + GAP),
      y: ROW_Y + row * (BODY_HEIGHT + GAP),
      width,
      height: BODY_HEIGHT,
    });
  });
  return { width: diagramWidth, height: ROW_Y + Math.max(1, rows) * (BODY_HEIGHT + GAP) - GAP, nodes };
}

export interface TransitionNode extends DiagramNode {
  /** stays: in both months (perhaps moved); begins: new at `to`; ends: gone at `to` */
  state: 'stays' | 'begins' | 'ends';
  /** for an ending node: where it goes (its successor's box, for a merger), else its own place */
  toX: number;
  toY: number;
  /** for an ending CCG: the successor it moves into, if drawn */
  into?: string;
}

/**
 * From one month's diagram to another's: every node of `to` (staying or beginning) and every node
 * of `from` that ends, an ending CCG moving into its successor's box where the successor is drawn.
 */
export function diagramTransition(
  index: PlacesIndex,
  code: string,
  from: MonthString,
  to: MonthString,
  diagramWidth: number = DIAGRAM_WIDTH,
): { diagram: PlaceDiagram; nodes: TransitionNode[] } | undefined {
  const after = placeDiagram(index, code, to, diagramWidth);
  if (!after) return undefined;
  const before = from === to ? after : placeDiagram(index, code, from, diagramWidth);
  const afterIds = new Set(after.nodes.map((node) => node.id));
  const beforeIds = new Set((before?.nodes ?? []).map((node) => node.id));
  const byId = new Map(after.nodes.map((node) => [node.id, node]));
  const nodes: TransitionNode[] = after.nodes.map((node) => ({
    ...node,
    state: beforeIds.has(node.id) ? 'stays' : 'begins',
    toX: node.x,
    toY: node.y,
  }));
  for (const node of before?.nodes ?? []) {
    if (afterIds.has(node.id)) continue;
    let target: DiagramNode | undefined;
    if (node.kind === 'ccg' && to > from) {
      for (const successor of successorsAt(index, node.id.slice('ccg-'.length), to)) {
        target ??= byId.get(`ccg-${successor.code}`);
      }
    }
    nodes.push({
      ...node,
      state: 'ends',
      toX: target ? target.x : node.x,
      toY: target ? target.y : node.y,
      ...(target ? { into: target.id } : {}),
    });
  }
  return {
    diagram: { ...after, height: Math.max(after.height, before?.height ?? 0) },
    nodes,
  };
}
