/**
 * The month that links carry in their addresses (`?date=`), a moment behind the month shown. While
 * the months are scrubbed, a step's input renders only the slider and the map's shell; the page's
 * many links (lists, panels, navigation) take the new month after it has painted, in an interruptible render, so a
 * step is not held up by re-rendering every link. Outside a provider (a component rendered on its
 * own in a test) links read the store's month directly.
 */
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { MonthString } from '../domain/months';
import { type ExplorerState, selectMonth, useExplorerStore } from '../store';
import { useValueAfterPaint } from './after-paint';

const LinkMonthContext = createContext<{ month: MonthString | null } | undefined>(undefined);

export function LinkMonthProvider({ children }: { children: ReactNode }) {
  const month = useValueAfterPaint(useExplorerStore(selectMonth));
  // A new value only when the month changes, so the links re-render only then.
  const value = useMemo(() => ({ month }), [month]);
  return <LinkMonthContext.Provider value={value}>{children}</LinkMonthContext.Provider>;
}

const selectNothing = (_state: ExplorerState) => null;

/** The month for a link's address: the provider's (deferred), or the store's outside one. */
export function useLinkMonth(): MonthString | null {
  const provided = useContext(LinkMonthContext);
  const storeMonth = useExplorerStore(provided ? selectNothing : selectMonth);
  return provided ? provided.month : storeMonth;
}
