/**
 * The map's positions: the ahead-of-time layout the app loaded (data/map-layout.json) when it was
 * computed from this dataset; otherwise (a dataset edited since, a test's fixture) the layout is
 * computed here, once per dataset, by the same code loaded on demand, so the first view does not
 * carry d3-force.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '../../data/schema';
import { layoutFingerprintOf } from '../../domain/derived-cache';
import type { MapLayoutFile } from '../../domain/map-layout/layout-file';
import { selectMapLayout, useExplorerStore } from '../../store';

const computed = new WeakMap<Dataset, MapLayoutFile>();
export function useMapLayout(dataset: Dataset): MapLayoutFile | undefined {
  const loaded = useExplorerStore(selectMapLayout);
  const fits = useMemo(() => (loaded ? loaded.fingerprint === layoutFingerprintOf(dataset) : false), [loaded, dataset]);
  // A layout computed here is kept per dataset (outside React); the counter re-renders when it arrives.
  const [, setArrivals] = useState(0);
  const needOwn = !fits;
  useEffect(() => {
    if (!needOwn || computed.has(dataset)) return;
    let live = true;
    void import('../../domain/map-layout/compute').then(({ computeMapLayout }) => {
      if (!computed.has(dataset)) computed.set(dataset, computeMapLayout(dataset));
      if (live) setArrivals((count) => count + 1);
    });
    return () => {
      live = false;
    };
  }, [needOwn, dataset]);
  if (fits && loaded) return loaded;
  return needOwn ? computed.get(dataset) : undefined;
}
