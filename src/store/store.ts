/**
 * One store made of typed slices: the dataset (as loaded) and the view (month, selection, filters).
 * Derived facts (what is in force at the month) are never stored: they come from src/domain.
 * The store is created per app (and per test) and handed down through context, as xyflow does.
 */
import { createStore, type StateCreator } from 'zustand/vanilla';
import type { LoadResult } from '../data/load';
import type { DataProblem } from '../data/problems';
import { RELATIONSHIP_KINDS } from '../data/vocabulary';
import type { Category, Dataset, RelationshipKind } from '../data/schema';
import type { MapLayoutFile } from '../domain/map-layout/layout-file';
import type { MonthString } from '../domain/months';
import type { Selection } from '../domain/selection';

/**
 * What the loader delivered. An invalid dataset keeps its parsed records when every file matched
 * the schema and only the cross-file integrity rules failed: the explorer still shows them, under
 * the list of problems, rather than nothing. When a file is missing, is not JSON or breaks the
 * schema there is no dataset to show.
 */
export type DataState =
  | { status: 'loading' }
  | { status: 'ready'; dataset: Dataset }
  | { status: 'invalid'; problems: DataProblem[]; dataset?: Dataset };

export interface DataSlice {
  data: DataState;
  /**
   * Takes the loader's verdict. Any dataset it delivers (valid, or parsed but failing integrity
   * rules) also sets the month to its last month if none is chosen.
   */
  receiveLoadResult: (result: LoadResult) => void;
  /**
   * The map's positions for every month, computed ahead of time (data/map-layout.json), or null
   * (the map then computes its own). The app's loader delivers it before the dataset, so the map
   * never starts computing a layout that is about to arrive.
   */
  mapLayout: MapLayoutFile | null;
  receiveMapLayout: (layout: MapLayoutFile | null) => void;
}

export type { Selection } from '../domain/selection';

export interface ViewFilters {
  /** categories hidden from the map; empty means all are shown */
  hiddenCategories: Category[];
  /** relationship kinds hidden from the map */
  hiddenRelationshipKinds: RelationshipKind[];
  /** whether services are drawn on the map, each linked to its commissioners */
  showServices: boolean;
}

export interface ViewSlice {
  month: MonthString | null;
  selection: Selection;
  filters: ViewFilters;
  setMonth: (month: MonthString) => void;
  select: (selection: Selection) => void;
  setFilters: (filters: Partial<ViewFilters>) => void;
}

export type ExplorerState = DataSlice & ViewSlice;

/**
 * The map opens showing money and commissioning: funding, commissioning care and who commissions
 * each service. Oversight, regulation, advice and the rest are one click away in the filters.
 */
export const DEFAULT_FILTERS: ViewFilters = {
  hiddenCategories: [],
  hiddenRelationshipKinds: RELATIONSHIP_KINDS.filter((kind) => kind !== 'funds' && kind !== 'commissions-from'),
  showServices: true,
};

const createDataSlice: StateCreator<ExplorerState, [], [], DataSlice> = (set, get) => ({
  data: { status: 'loading' },
  mapLayout: null,
  receiveMapLayout: (mapLayout) => set({ mapLayout }),
  receiveLoadResult: (result) => {
    if (!result.ok) {
      const { problems, dataset } = result;
      if (!dataset) {
        set({ data: { status: 'invalid', problems } });
        return;
      }
      set({ data: { status: 'invalid', problems, dataset }, month: get().month ?? dataset.meta.coverage.to });
      return;
    }
    set({
      data: { status: 'ready', dataset: result.dataset },
      month: get().month ?? result.dataset.meta.coverage.to,
    });
  },
});

const createViewSlice: StateCreator<ExplorerState, [], [], ViewSlice> = (set) => ({
  month: null,
  selection: null,
  filters: DEFAULT_FILTERS,
  setMonth: (month) => set({ month }),
  select: (selection) => set({ selection }),
  setFilters: (filters) => set((state) => ({ filters: { ...state.filters, ...filters } })),
});

export type ExplorerStore = ReturnType<typeof createExplorerStore>;

export function createExplorerStore(initial: Partial<Pick<ExplorerState, 'month' | 'selection' | 'data' | 'mapLayout'>> = {}) {
  return createStore<ExplorerState>()((...args) => ({
    ...createDataSlice(...args),
    ...createViewSlice(...args),
    ...initial,
  }));
}
