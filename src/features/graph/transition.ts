/**
 * The staged change from one month's scene to the next, as GraphDiaries (Bach, Pietriga and
 * Fekete, IEEE TVCG 2014) found people follow best: first what ends is marked and fades out, then
 * what stays moves to its new place, then what begins fades in and is marked. Pure: it says what
 * happens to each element and when; the map plays it with the Web Animations API.
 */
import type { Rect } from '../../domain/map-layout/layout-file';
import type { Scene } from './scene';

/** The three stages, in milliseconds: 750 in all. */
export const STAGES = {
  exit: { delay: 0, duration: 200 },
  move: { delay: 200, duration: 350 },
  entry: { delay: 550, duration: 200 },
} as const;
export const TRANSITION_MS = STAGES.entry.delay + STAGES.entry.duration;

export interface Move {
  id: string;
  from: Rect;
  to: Rect;
}

export interface TransitionPlan {
  /** nodes, cards (as "card:<id>") and links (as "link:<id>") on the map before and not after: marked, then faded out */
  exits: string[];
  /** nodes and cards on both, at a new place or size */
  moves: Move[];
  /** nodes, cards and links after and not before: faded in, then marked */
  entries: string[];
  /** services whose commissioner changed (they move from one card to another) */
  transfers: string[];
}

const sameRect = (a: Rect, b: Rect) =>
  Math.abs(a.x - b.x) < 0.5 &&
  Math.abs(a.y - b.y) < 0.5 &&
  Math.abs(a.width - b.width) < 0.5 &&
  Math.abs(a.height - b.height) < 0.5;

export const cardKey = (id: string) => `card:${id}`;
export const linkKey = (id: string) => `link:${id}`;

export function planTransition(before: Scene, after: Scene): TransitionPlan {
  const exits: string[] = [];
  const moves: Move[] = [];
  const entries: string[] = [];
  const transfers: string[] = [];

  for (const node of before.nodes) if (!after.nodeById.has(node.id)) exits.push(node.id);
  for (const node of after.nodes) {
    const was = before.nodeById.get(node.id);
    if (!was) {
      entries.push(node.id);
      continue;
    }
    if (!sameRect(was.box, node.box)) moves.push({ id: node.id, from: was.box, to: node.box });
    if (was.type === 'service' && node.type === 'service' && was.card !== node.card) transfers.push(node.id);
  }

  const cardsBefore = new Map(before.cards.map((card) => [card.id, card]));
  const cardsAfter = new Map(after.cards.map((card) => [card.id, card]));
  for (const card of before.cards) if (!cardsAfter.has(card.id)) exits.push(cardKey(card.id));
  for (const card of after.cards) {
    const was = cardsBefore.get(card.id);
    if (!was) entries.push(cardKey(card.id));
    else if (!sameRect(was.body, card.body)) moves.push({ id: cardKey(card.id), from: was.body, to: card.body });
  }

  // A link whose ends moved is redrawn rather than stretched: it fades out and back in.
  const moved = new Set(moves.map((move) => move.id));
  const linksAfter = new Set(after.links.map((link) => link.id));
  const linksBefore = new Set(before.links.map((link) => link.id));
  for (const link of before.links) {
    const endsMoved = moved.has(link.link.source) || moved.has(link.link.target);
    if (!linksAfter.has(link.id) || endsMoved) exits.push(linkKey(link.id));
  }
  for (const link of after.links) {
    const endsMoved = moved.has(link.link.source) || moved.has(link.link.target);
    if (!linksBefore.has(link.id) || endsMoved) entries.push(linkKey(link.id));
  }
  return { exits, moves, entries, transfers };
}
