/**
 * Who holds each service on the map at a month: the commissioner whose card the service's tile
 * sits in (its lead), and the others, drawn as links to the tile. Pure, and shared by the
 * ahead-of-time layout and the map, so both agree on which card a service belongs to.
 */
import type { MapLink, MapModel } from '../graph';

/** An arrangement in force outranks a proposal, a pause or a reversal. */
const STATUS_RANK: Record<string, number> = { 'in-force': 0, paused: 1, proposed: 2, reversed: 3 };
/** Among arrangements in force: the body that commissions alone, or leads, holds the service. */
const ROLE_RANK: Record<string, number> = { sole: 0, lead: 1, delegated: 2, joint: 3, 'co-commissioning': 4 };
const OTHER_RANK = 9;

const rankOf = (link: MapLink) =>
  (STATUS_RANK[link.status] ?? OTHER_RANK) * 10 + (link.role ? (ROLE_RANK[link.role] ?? OTHER_RANK - 1) : OTHER_RANK);

export interface ServiceHolding {
  /** the service's node id ("service:<id>") */
  nodeId: string;
  serviceId: string;
  /** the commissioner whose card holds the service */
  lead: string;
  /** its commissioning links, the lead's first (in rank order, then the data's order) */
  links: MapLink[];
}

/**
 * Each service on the map at the model's month, with the commissioner that holds it: the best
 * ranked of its commissioning links (in force before proposed, sole or lead before delegated,
 * joint or co-commissioning); ties go to the first in the data.
 */
export function serviceHoldings(model: Pick<MapModel, 'links'>): Map<string, ServiceHolding> {
  const linksByService = new Map<string, MapLink[]>();
  for (const link of model.links) {
    if (link.kind !== 'commissions') continue;
    const links = linksByService.get(link.target);
    if (links) links.push(link);
    else linksByService.set(link.target, [link]);
  }
  const holdings = new Map<string, ServiceHolding>();
  for (const [nodeId, links] of linksByService) {
    // Array.prototype.sort is stable: equal ranks keep the data's order.
    const ranked = [...links].sort((a, b) => rankOf(a) - rankOf(b));
    const lead = ranked[0];
    if (!lead) continue;
    holdings.set(nodeId, { nodeId, serviceId: nodeId.replace(/^service:/, ''), lead: lead.source, links: ranked });
  }
  return holdings;
}
