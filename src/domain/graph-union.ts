/** Every node and link the map draws in any month, for a layout computed once for all months. */
import { DEFAULT_MAP_OPTIONS, type MapLink, type MapModel, mapModelAt, type MapNode } from './graph-model';
import type { Dataset } from '../data/schema';
import { monthIndex, monthRange, type MonthString } from './months';

/** A node or link of every month, with the first and last month (as month indices) it is on the map. */
export interface MapUnionNode {
  node: MapNode;
  /** the longest label it carries in any month, for sizing it once for all months */
  longestLabel: string;
  span: [number, number];
}

export interface MapUnionLink {
  link: MapLink;
  span: [number, number];
}

export interface MapUnion {
  months: MonthString[];
  nodes: MapUnionNode[];
  links: MapUnionLink[];
}

/**
 * Every node and link that is on the map in any month of the coverage, with all services and no
 * filters. A layout computed once over this union puts each node in one place for all months, so
 * scrubbing never moves a node. Each entry keeps its latest version and the months it spans.
 */
export function mapModelUnion(dataset: Dataset): MapUnion {
  const months = monthRange(dataset.meta.coverage.from, dataset.meta.coverage.to);
  const nodes = new Map<string, MapUnionNode>();
  const links = new Map<string, MapUnionLink>();
  for (const month of months) {
    const index = monthIndex(month);
    const model = mapModelAt(dataset, month, DEFAULT_MAP_OPTIONS);
    for (const node of model.nodes) {
      const known = nodes.get(node.id);
      if (!known) {
        nodes.set(node.id, { node, longestLabel: node.label, span: [index, index] });
        continue;
      }
      known.node = node;
      known.span[1] = index;
      if (node.label.length > known.longestLabel.length) known.longestLabel = node.label;
    }
    for (const link of model.links) {
      const known = links.get(link.id);
      if (!known) links.set(link.id, { link, span: [index, index] });
      else {
        known.link = link;
        known.span[1] = index;
      }
    }
  }
  return { months, nodes: [...nodes.values()], links: [...links.values()] };
}

/** The ids of a node's neighbours in a model (every node linked to it, either way). */
export function neighboursOf(model: Pick<MapModel, 'links'>, nodeId: string): Set<string> {
  const neighbours = new Set<string>();
  for (const link of model.links) {
    if (link.source === nodeId) neighbours.add(link.target);
    if (link.target === nodeId) neighbours.add(link.source);
  }
  return neighbours;
}
