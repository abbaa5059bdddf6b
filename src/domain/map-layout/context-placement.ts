/**
 * Where the context bodies go (government, regulators, oversight, providers, partnerships…): each
 * once for all months. d3-force finds where each would like to be (near what it is linked with,
 * with the commissioners held still), then each is packed into rows so that no two labels of the
 * same month touch. Part of the ahead-of-time layout (compute.ts); runs in Node at build time.
 */
import { forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3';
import type { Dataset } from '../../data/schema';
import type { MapModel } from '../graph';
import { CONTEXT_GAP, CONTEXT_GLYPH, CONTEXT_ROW_PITCH, type ContextNode, placeInRows, type RowBox } from './row-packing';
import { textWidth } from '../../lib/text-width';

export interface ContextPlacementInput {
  dataset: Dataset;
  /** the map at each month of the coverage */
  models: readonly MapModel[];
  /** every organisation on the map in some month, in the data's order */
  organisationIds: readonly string[];
  /** each commissioner's place in its row */
  commissionerX: ReadonlyMap<string, number>;
  /** predecessors and successors, both ways */
  related: ReadonlyMap<string, ReadonlySet<string>>;
  labelOf: ReadonlyMap<string, string>;
  /** the first and last month index each organisation is on the map */
  span: ReadonlyMap<string, [number, number]>;
  width: number;
  fontSize: number;
}

export function placeContextBodies({
  dataset,
  models,
  organisationIds,
  commissionerX,
  related,
  labelOf,
  span,
  width,
  fontSize,
}: ContextPlacementInput): { rows: RowBox[][]; contextPlace: Map<string, { row: number; x: number }> } {
  const commissionerSet = new Set(commissionerX.keys());
  const levelRow = { national: 0, regional: 1, local: 1 } as const;
  const levelOf = new Map(dataset.organisations.map((org) => [org.id, org.level]));
  const contextNodes: ContextNode[] = organisationIds.map((id, index) => {
    const fixed = commissionerSet.has(id);
    return {
      id,
      width: Math.max(textWidth(labelOf.get(id) ?? id, fontSize), CONTEXT_GLYPH) + CONTEXT_GAP,
      preferredRow: levelRow[levelOf.get(id) ?? 'local'],
      span: span.get(id) ?? [0, 0],
      fixed,
      x: fixed ? (commissionerX.get(id) ?? 0) : width / 2 + (index - organisationIds.length / 2) * 12,
      y: fixed ? 3 * CONTEXT_ROW_PITCH : levelRow[levelOf.get(id) ?? 'local'] * CONTEXT_ROW_PITCH,
      ...(fixed ? { fx: commissionerX.get(id), fy: 3 * CONTEXT_ROW_PITCH } : {}),
    };
  });
  const byId = new Map(contextNodes.map((node) => [node.id, node]));
  const linkKeys = new Set<string>();
  const links: { source: string; target: string; strength: number }[] = [];
  const addLink = (source: string, target: string, strength: number) => {
    const key = source < target ? `${source} ${target}` : `${target} ${source}`;
    if (source === target || linkKeys.has(key) || !byId.has(source) || !byId.has(target)) return;
    linkKeys.add(key);
    links.push({ source, target, strength });
  };
  for (const [id, others] of related) for (const other of others) addLink(id, other, 0.8);
  for (const model of models)
    for (const link of model.links) if (link.kind !== 'commissions') addLink(link.source, link.target, 0.3);
  // Each context body is drawn towards the commissioners it deals with (or the middle, if none).
  const anchorSums = new Map<string, { sum: number; count: number }>();
  for (const model of models)
    for (const link of model.links) {
      if (link.kind === 'commissions') continue;
      for (const [end, other] of [
        [link.source, link.target],
        [link.target, link.source],
      ] as const) {
        const x = commissionerX.get(other);
        if (x === undefined || commissionerSet.has(end)) continue;
        const known = anchorSums.get(end) ?? { sum: 0, count: 0 };
        anchorSums.set(end, { sum: known.sum + x, count: known.count + 1 });
      }
    }
  const anchorOf = (node: ContextNode) => {
    const known = anchorSums.get(node.id);
    return known ? known.sum / known.count : width / 2;
  };
  // The simulation moves x only: each node's row is held by a strong pull to its row's height.
  // d3-force writes x, y, vx and vy into the nodes; they are this function's own objects.
  const simulation = forceSimulation<ContextNode>(contextNodes)
    .force(
      'link',
      forceLink<ContextNode, { source: string | ContextNode; target: string | ContextNode; strength: number }>(
        links.map((link) => ({ ...link })),
      )
        .id((node) => node.id)
        .distance(60)
        .strength((link) => link.strength),
    )
    .force('charge', forceManyBody<ContextNode>().strength(-12))
    .force('x', forceX<ContextNode>(anchorOf).strength(0.15))
    .force('y', forceY<ContextNode>((node) => node.preferredRow * CONTEXT_ROW_PITCH).strength(1))
    .stop();
  simulation.tick(300);

  const rows: RowBox[][] = [];
  const contextPlace = new Map<string, { row: number; x: number }>();
  // Busier bodies (the Treasury, the Department) choose their places first.
  const degree = new Map<string, number>();
  for (const link of links) for (const end of [link.source, link.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const rowOrder = contextNodes
    .filter((node) => !node.fixed)
    .sort(
      (a, b) =>
        a.preferredRow - b.preferredRow ||
        (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) ||
        a.x - b.x ||
        a.id.localeCompare(b.id),
    );
  // A body whose successor or forerunner is a commissioner wants to be straight above it (the NHS
  // Commissioning Board Authority above NHS England); the rest where the forces left them.
  const wishOf = (node: ContextNode) => {
    const kin = [...(related.get(node.id) ?? [])].find((id) => commissionerX.has(id));
    return kin === undefined ? node.x : (commissionerX.get(kin) ?? node.x);
  };
  for (const node of rowOrder) contextPlace.set(node.id, placeInRows(rows, node, wishOf(node), width));
  return { rows, contextPlace };
}
