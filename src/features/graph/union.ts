/** Everything on the map in any month (for the key and the filters), computed once per dataset. */
import type { Dataset } from '../../data/schema';
import { type MapUnion, mapModelUnion } from '../../domain/graph';

const unions = new WeakMap<Dataset, MapUnion>();

export function unionOf(dataset: Dataset): MapUnion {
  let union = unions.get(dataset);
  if (!union) {
    union = mapModelUnion(dataset);
    unions.set(dataset, union);
  }
  return union;
}
