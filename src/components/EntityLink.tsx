import type { MouseEvent, ReactNode } from 'react';
import { selectMonth, useExplorerStore, useExplorerStoreApi } from '../store';
import type { Selection } from '../domain/selection';
import { hrefFor } from './routing';

/**
 * A link to a service or organisation (or back to the map) at the current month. A plain click selects it through the
 * store (the app mirrors the selection into the address); the href still works for a new tab.
 */
export function EntityLink({
  to,
  children,
  className,
}: {
  /** a service or organisation, or null for the map itself */
  to: Selection;
  children: ReactNode;
  className?: string;
}) {
  const store = useExplorerStoreApi();
  const month = useExplorerStore(selectMonth);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    store.getState().select(to);
  };
  return (
    <a href={hrefFor(to, month)} onClick={onClick} className={className}>
      {children}
    </a>
  );
}
