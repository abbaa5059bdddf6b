/**
 * Facts derived from a whole dataset that take tens of milliseconds to work out (the layout's
 * fingerprint, everything the map shows in any month), kept once per dataset object. The worker
 * that validates the data works them out too (src/app/dataset.worker.ts), and the page remembers
 * its answers here for the dataset it receives, so the main thread never computes them at load.
 */
import type { Dataset } from '../data/schema';
import { type MapUnion, mapModelUnion } from './graph';
import { layoutInputFingerprint } from './map-layout/fingerprint';

const fingerprints = new WeakMap<Dataset, string>();
const unions = new WeakMap<Dataset, MapUnion>();

export interface DerivedFacts {
  layoutFingerprint: string;
  mapUnion: MapUnion;
}

/** Works out the facts (in the worker). */
export function deriveFacts(dataset: Dataset): DerivedFacts {
  return { layoutFingerprint: layoutInputFingerprint(dataset), mapUnion: mapModelUnion(dataset) };
}

/** Keeps the facts the worker worked out for this dataset object. */
export function rememberFacts(dataset: Dataset, facts: DerivedFacts): void {
  fingerprints.set(dataset, facts.layoutFingerprint);
  unions.set(dataset, facts.mapUnion);
}

export function layoutFingerprintOf(dataset: Dataset): string {
  let fingerprint = fingerprints.get(dataset);
  if (fingerprint === undefined) {
    fingerprint = layoutInputFingerprint(dataset);
    fingerprints.set(dataset, fingerprint);
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
