/**
 * One store made of typed slices: the dataset (as loaded) and the view (month, selection, filters),
 * which mirrors the address (see ViewSlice).
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

/** What the address asks the store to show: the month (undefined keeps the one shown) and the selection. */
export interface AddressView {
  month?: MonthString;
  selection?: Selection;
  /** why the view shown is not exactly the one the address asked for, in words; null when it is */
  notice: string | null;
}

/**
 * How a wish to see another month or another view becomes a navigation: installed by the page that
 * owns the address (src/app/useAddressState.ts), so features ask for a view without knowing routes.
 */
export interface ViewNavigation {
  /** the store already shows this month; the page writes it to its address once the months stop changing */
  monthChanged: (month: MonthString) => void;
  /** opens a service or organisation (or, with null, the map alone): a navigation to its address */
  open: (selection: Selection) => void;
}

/**
 * The view. The address owns the month and the selection (what a shared link reproduces); the store
 * mirrors them for the components that draw them, and is written only by `showView`, which the page
 * calls with what its address says. The one exception is scrubbing: `setMonth` shows a month at
 * once and the address follows when the months stop changing (so a step never waits for the
 * router). `select` does not change the selection itself: it asks the page to navigate, and the
 * selection follows the address. With no page installed (a component on its own, in tests), both
 * simply set the store.
 */
export interface ViewSlice {
  month: MonthString | null;
  selection: Selection;
  filters: ViewFilters;
  /** why the view is not exactly what the address asked for; cleared by a new month or by dismissing it */
  addressNotice: string | null;
  /** how wishes become navigations; null when no page owns the address */
  navigation: ViewNavigation | null;
  /** shows a month at once (scrubbing); the address follows */
  setMonth: (month: MonthString) => void;
  /** asks to open a service or organisation, or the map alone with null */
  select: (selection: Selection) => void;
  setFilters: (filters: Partial<ViewFilters>) => void;
  dismissAddressNotice: () => void;
  /** the address's view, mirrored into the store: only the page reading its address calls this */
  showView: (view: AddressView) => void;
  installNavigation: (navigation: ViewNavigation | null) => void;
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

const createViewSlice: StateCreator<ExplorerState, [], [], ViewSlice> = (set, get) => ({
  month: null,
  selection: null,
  filters: DEFAULT_FILTERS,
  addressNotice: null,
  navigation: null,
  setMonth: (month) => {
    if (get().month === month) return;
    // A new month leaves behind the notice, which was about the address as it was asked for.
    set(get().addressNotice === null ? { month } : { month, addressNotice: null });
    get().navigation?.monthChanged(month);
  },
  select: (selection) => {
    const navigation = get().navigation;
    if (navigation) navigation.open(selection);
    else set({ selection });
  },
  setFilters: (filters) => set((state) => ({ filters: { ...state.filters, ...filters } })),
  dismissAddressNotice: () => set({ addressNotice: null }),
  showView: ({ month, selection, notice }) => {
    const state = get();
    const next: Partial<ViewSlice> = {};
    if (month !== undefined && month !== state.month) next.month = month;
    if (selection !== undefined && !sameSelection(selection, state.selection)) next.selection = selection;
    if (notice !== state.addressNotice) next.addressNotice = notice;
    if (Object.keys(next).length > 0) set(next);
  },
  installNavigation: (navigation) => set({ navigation }),
});

/** Whether two selections name the same view. */
export const sameSelection = (a: Selection, b: Selection) =>
  a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);

export type ExplorerStore = ReturnType<typeof createExplorerStore>;

export function createExplorerStore(initial: Partial<Pick<ExplorerState, 'month' | 'selection' | 'data' | 'mapLayout'>> = {}) {
  return createStore<ExplorerState>()((...args) => ({
    ...createDataSlice(...args),
    ...createViewSlice(...args),
    ...initial,
  }));
}
