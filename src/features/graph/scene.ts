/**
 * What the map draws at a month, and where: a pure function of the month's model (src/domain/graph)
 * and the ahead-of-time layout. The map, its staged transitions and the tests all read it.
 *
 * - Context bodies: a small glyph with the label under it.
 * - Commissioners: a header bar (their glyph) over a card holding the services they commission.
 * - Services: a tile in their commissioner's card, coloured by that commissioner.
 * - Links: between organisations (funding and commissioning care by default), and from each
 *   secondary commissioner of a service (joint, co-commissioning, proposals) to its tile. The card
 *   itself shows the commissioner that holds a service, so that link is not drawn again.
 */
import { headerAt, type MapLayoutFile, placementsAt, type Rect } from '../../domain/map-layout/layout-file';
import { fitText, textWidth } from '../../lib/text-width';
import type { MapLink, MapModel, MapOrganisationNode, MapServiceNode } from '../../domain/graph';
import { compareMonths } from '../../domain/months';
import { commissionerColour } from './map-colours';

/** A context body's glyph: a small square, circle or diamond by kind, as wide as this. */
export const CONTEXT_GLYPH_SIZE = 14;
/** Room left of a tile's label for the commissioner's stripe. */
const TILE_TEXT_INSET = 10;

interface SceneNodeBase {
  id: string;
  /** the glyph's box (its centre and size), in layout units */
  box: Rect;
  /** what is printed (cut to fit, with an ellipsis, where it is too long) */
  text: string;
}

export interface SceneContextNode extends SceneNodeBase {
  type: 'context';
  node: MapOrganisationNode;
}

export interface SceneCommissionerNode extends SceneNodeBase {
  type: 'commissioner';
  node: MapOrganisationNode;
  colour: CommissionerColour;
  /** how many services its card holds this month */
  serviceCount: number;
}

export interface SceneServiceNode extends SceneNodeBase {
  type: 'service';
  node: MapServiceNode;
  /** the commissioner whose card holds it */
  card: string;
  colour: CommissionerColour;
  /** the holding commissioner's link: its role and status */
  holding: MapLink | undefined;
  /** its other commissioners' links */
  others: MapLink[];
}

export type SceneNode = SceneContextNode | SceneCommissionerNode | SceneServiceNode;

export interface SceneCard {
  id: string;
  body: Rect;
  colour: CommissionerColour;
}

export interface SceneLink {
  id: string;
  link: MapLink;
  from: { x: number; y: number };
  to: { x: number; y: number };
}

export interface Scene {
  width: number;
  height: number;
  fontSize: number;
  nodes: SceneNode[];
  nodeById: ReadonlyMap<string, SceneNode>;
  cards: SceneCard[];
  links: SceneLink[];
  /** nodes of the model the layout has no place for (a layout older than the data) */
  unplaced: string[];
}

export interface CommissionerColour {
  /** the header's fill (white text on it meets 4.5:1) */
  strong: string;
  /** the tiles' fill (dark text on it meets 4.5:1) */
  tint: string;
  /** the card body's fill */
  wash: string;
}

const centre = (box: Rect) => ({ x: box.x, y: box.y });

/** Words a tile can do without when its name is too long: "Sexual health services" reads as "Sexual health". */
const DISPENSABLE_ENDING = /\s+(services|service|programmes|programme)$/i;

/** A tile's text: the name; if too long, without a dispensable last word; if still too long, cut with an ellipsis. */
export function tileText(label: string, fontSize: number, maxWidth: number): string {
  if (textWidth(label, fontSize) <= maxWidth) return label;
  // A tile drawn for a kind of service keeps its count ("Health visiting · 100"): the name is cut.
  const count = / · [\d,]+$/.exec(label)?.[0];
  if (count) return `${tileText(label.slice(0, -count.length), fontSize, maxWidth - textWidth(count, fontSize))}${count}`;
  return fitText(label.replace(DISPENSABLE_ENDING, ''), fontSize, maxWidth);
}

export function sceneAt(layout: MapLayoutFile, model: MapModel): Scene {
  const placements = placementsAt(layout, model.month);
  const fontSize = layout.fontSize;
  const nodes: SceneNode[] = [];
  const unplaced: string[] = [];
  const cardCounts = new Map<string, number>();
  for (const service of placements.services.values()) cardCounts.set(service.card, (cardCounts.get(service.card) ?? 0) + 1);

  const linksByService = new Map<string, MapLink[]>();
  for (const link of model.links)
    if (link.kind === 'commissions') linksByService.set(link.target, [...(linksByService.get(link.target) ?? []), link]);

  for (const node of model.nodes) {
    if (node.type === 'organisation') {
      const place = placements.organisations.get(node.id);
      if (!place) {
        unplaced.push(node.id);
        continue;
      }
      const waiting = place.early !== undefined && compareMonths(model.month, place.early.to) <= 0;
      if (place.row === 'commissioner' && !waiting) {
        const header = headerAt(layout, placements, node.id);
        if (!header) {
          unplaced.push(node.id);
          continue;
        }
        nodes.push({
          type: 'commissioner',
          id: node.id,
          node,
          box: header,
          text: fitText(node.label, fontSize, header.width - 12, true),
          colour: commissionerColour(node),
          serviceCount: placements.cards.has(node.id) ? (cardCounts.get(node.id) ?? 0) : 0,
        });
      } else {
        nodes.push({
          type: 'context',
          id: node.id,
          node,
          box: {
            x: place.x,
            y: waiting && place.early ? place.early.y : place.y,
            width: CONTEXT_GLYPH_SIZE,
            height: CONTEXT_GLYPH_SIZE,
          },
          text: node.label,
        });
      }
    }
  }
  const organisations = new Map<string, MapOrganisationNode>();
  for (const node of model.nodes) if (node.type === 'organisation') organisations.set(node.id, node);

  for (const node of model.nodes) {
    if (node.type !== 'service') continue;
    const place = placements.services.get(node.serviceId);
    if (!place) {
      unplaced.push(node.id);
      continue;
    }
    const links = linksByService.get(node.id) ?? [];
    const holder = organisations.get(place.card);
    nodes.push({
      type: 'service',
      id: node.id,
      node,
      box: { x: place.x, y: place.y, width: layout.tile.width, height: layout.tile.height },
      text: tileText(node.label, fontSize, layout.tile.width - TILE_TEXT_INSET - 6),
      card: place.card,
      colour: holder ? commissionerColour(holder) : commissionerColour(undefined),
      holding: links.find((link) => link.source === place.card),
      others: links.filter((link) => link.source !== place.card),
    });
  }

  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const cards: SceneCard[] = [];
  for (const [id, card] of placements.cards) {
    const holder = organisations.get(id);
    if (holder) cards.push({ id, body: card.body, colour: commissionerColour(holder) });
  }

  const links: SceneLink[] = [];
  for (const link of model.links) {
    const source = nodeById.get(link.source);
    const target = nodeById.get(link.target);
    if (!source || !target) continue;
    // The card shows who holds a service: only its other commissioners get a line.
    if (link.kind === 'commissions' && target.type === 'service' && target.card === link.source) continue;
    links.push({ id: link.id, link, from: centre(source.box), to: centre(target.box) });
  }
  return { width: layout.width, height: layout.height, fontSize, nodes, nodeById, cards, links, unplaced };
}
