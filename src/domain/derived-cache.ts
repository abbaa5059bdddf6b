/**
 * Facts derived from a whole dataset that take tens of milliseconds to work out (the layout's
 * fingerprint, everything the map shows in any month), kept once per dataset object. The worker
 * that validates the data works them out too (src/app/dataset.worker.ts), and the page remembers
 * its answers here for the dataset it receives, so the main thread never computes them at load.
 */
import type { Dataset } from '../data/schema';
import { type MapUnion, mapModelUnion } from './graph';
import { type DrawnDataset, drawnDataset, rememberDrawnDataset } from './map-detail';
import {
  DEFAULT_LAYOUT_OPTIONS,
  layoutInputFingerprint,
  type MapLayoutOptions,
  NARROW_LAYOUT_OPTIONS,
} from './map-layout/fingerprint';

/** Per dataset, the layout fingerprint for each set of layout options (by their JSON). */
const fingerprints = new WeakMap<Dataset, Map<string, string>>();
const unions = new WeakMap<Dataset, MapUnion>();

export interface DerivedFacts {
  /** the fingerprints of the wide and the narrow layout's inputs, by their options' JSON */
  layoutFingerprints: Record<string, string>;
  mapUnion: MapUnion;
  /**
   * What the map draws (map-detail.ts): at a large dataset's level of detail, its kinds, whose
   * members are the dataset's own records (one message carries both, so they stay the same objects).
   */
  drawn: DrawnDataset;
}

const LAYOUT_OPTIONS = [DEFAULT_LAYOUT_OPTIONS, NARROW_LAYOUT_OPTIONS];

/** Works out the facts (in the worker). */
export function deriveFacts(dataset: Dataset): DerivedFacts {
  const layoutFingerprints = Object.fromEntries(
    LAYOUT_OPTIONS.map((options) => [JSON.stringify(options), layoutInputFingerprint(dataset, options)]),
  );
  return { layoutFingerprints, mapUnion: mapModelUnion(dataset), drawn: drawnDataset(dataset) };
}

/** Keeps the facts the worker worked out for this dataset object. */
export function rememberFacts(dataset: Dataset, facts: DerivedFacts): void {
  fingerprints.set(dataset, new Map(Object.entries(facts.layoutFingerprints)));
  unions.set(dataset, facts.mapUnion);
  // Older workers' facts (a cached worker script) may not carry it: the map then works it out.
  if (facts.drawn as DrawnDataset | undefined) rememberDrawnDataset(dataset, facts.drawn);
}

export function layoutFingerprintOf(dataset: Dataset, options: MapLayoutOptions = DEFAULT_LAYOUT_OPTIONS): string {
  let known = fingerprints.get(dataset);
  if (!known) fingerprints.set(dataset, (known = new Map()));
  const key = JSON.stringify(options);
  let fingerprint = known.get(key);
  if (fingerprint === undefined) {
    fingerprint = layoutInputFingerprint(dataset, options);
    known.set(key, fingerprint);
  }
  return fingerprint;
}

/** Everything on the map in any month (for the key and the filters). */
export function mapUnionOf(dataset: Dataset): MapUnion {
  let union = unions.get(dataset);
  if (!union) {
    union = mapModelUnion(dataset);
    unions.set(dataset, union);
  }
  return union;
}
