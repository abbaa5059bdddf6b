/** Derived views of the store, memoised so that components get stable references. */
import { useMemo } from 'react';
import type { Dataset } from '../data/schema';
import { type Snapshot, snapshotAt } from '../domain/snapshot';
import { useExplorerStore } from './context';
import { selectDataset, selectMonth } from './selectors';

/** The dataset and month, once both are known (the dataset loaded and a month chosen). */
export function useDatasetAndMonth(): { dataset: Dataset; month: string } | undefined {
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  return useMemo(() => (dataset && month ? { dataset, month } : undefined), [dataset, month]);
}

/** What is in force at the chosen month: computed from the dataset, never stored. */
export function useSnapshot(): Snapshot | undefined {
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  return useMemo(() => (dataset && month ? snapshotAt(dataset, month) : undefined), [dataset, month]);
}
