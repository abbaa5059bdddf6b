/**
 * What the layout is computed from, as a fingerprint: check:data compares the committed layout's
 * with the data's, and the browser falls back to computing the layout itself when they differ.
 * No d3 here: the browser reads this module to check the layout it was sent.
 */
import type { Dataset } from '../../data/schema';

export interface MapLayoutOptions {
  /** the width and height the layout aims for (it grows if the data needs more room) */
  width: number;
  height: number;
  fontSize: number;
  tileWidth: number;
  /** the narrow arrangement: the commissioners' cards stacked down the page (stack.ts), not side by side */
  stack?: boolean;
}

export const DEFAULT_LAYOUT_OPTIONS: MapLayoutOptions = { width: 960, height: 680, fontSize: 14.8, tileWidth: 162 };

/**
 * The narrow layout's (stack.ts): 340 units wide, so that on a 390 px phone (a map 356 px wide)
 * a unit is about a pixel and 13-unit labels are drawn at 13.6 px; two 149-unit tiles to a row.
 */
export const NARROW_LAYOUT_OPTIONS: MapLayoutOptions = { width: 340, height: 400, fontSize: 13, tileWidth: 149, stack: true };

/** The algorithm's own version: a change to it makes every committed layout stale. */
const ALGORITHM = 'cards-7';

/**
 * A fingerprint of the data the layout depends on (organisations, relationships, services,
 * commissioning, the coverage): FNV-1a over their JSON. Not a security measure, only a way to say
 * "the layout was computed from other data".
 */
function layoutFingerprint(parts: readonly unknown[]): string {
  let hash = 0x811c9dc5;
  const text = JSON.stringify(parts);
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** What the layout reads from the dataset: check:data compares this fingerprint with the file's. */
export function layoutInputFingerprint(dataset: Dataset, options: MapLayoutOptions = DEFAULT_LAYOUT_OPTIONS): string {
  return layoutFingerprint([
    ALGORITHM,
    options,
    dataset.meta.coverage,
    dataset.organisations.map((org) => [
      org.id,
      org.name,
      org.shortName,
      org.kind,
      org.level,
      org.category,
      org.from,
      org.to,
      org.names?.map((name) => [name.name, name.shortName, name.from, name.to]),
      org.counts?.map((count) => [count.count, count.asOf, count.approximate]),
      org.predecessors,
      org.successors,
    ]),
    dataset.relationships.map((rel) => [rel.subject, rel.kind, rel.object, rel.status, rel.from, rel.to]),
    dataset.services.map((service) => [service.id, service.name, service.category, service.from, service.to]),
    dataset.commissioning.map((record) => [
      record.service,
      record.commissioner,
      record.role,
      record.status,
      record.from,
      record.to,
    ]),
  ]);
}
