import type { MouseEvent, ReactNode } from 'react';
import { useExplorerStoreApi } from '../store';
import type { Selection } from '../domain/selection';
import { useLinkMonth } from './link-month';
import { hrefFor } from './routing';

/**
 * A link to a service or organisation (or back to the map) at the month shown: a real link, its href from the typed
 * builder, so a new tab, a middle-click and "copy link address" get the view's address. A plain click asks the page to
 * open the view (the store's `select`, which the page's address hook turns into a navigation that first writes down a
 * month still being scrubbed, so Back returns to it); the selection then follows the address. Outside a page (a
 * component on its own) the click selects in the store.
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
  const month = useLinkMonth();
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
