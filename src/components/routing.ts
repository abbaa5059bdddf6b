/**
 * The address is the state. Routes live in the URL hash so that the built site works from any
 * static host or folder without server rewrites:
 *   #/                          the map
 *   #/service/<id>?date=YYYY-MM  a service
 *   #/org/<id>?date=YYYY-MM      an organisation
 * Shared by the app (which reads and writes the address) and features (which link).
 */
import type { MonthString } from '../domain/months';
import type { Selection } from '../store/store';

export function pathFor(selection: Selection): string {
  if (!selection) return '/';
  return selection.kind === 'service'
    ? `/service/${encodeURIComponent(selection.id)}`
    : `/org/${encodeURIComponent(selection.id)}`;
}

/** The router location (path and query) for a view. */
export function locationFor(selection: Selection, month: MonthString | null): string {
  const path = pathFor(selection);
  return month ? `${path}?date=${month}` : path;
}

/** An href that works as a plain link (open in a new tab, copy the address). */
export function hrefFor(selection: Selection, month: MonthString | null): string {
  return `#${locationFor(selection, month)}`;
}
