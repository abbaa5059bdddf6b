/**
 * The address is the state. Routes live in the URL hash so that the built site works from any
 * static host or folder without server rewrites:
 *   #/                          the map
 *   #/service/<id>?date=YYYY-MM  a service
 *   #/org/<id>?date=YYYY-MM      an organisation
 * Any of them may end in `&embed=1`, the embed mode (see embed.ts), which writing the address keeps.
 * Shared by the app (which reads and writes the address) and features (which link).
 */
import type { MonthString } from '../domain/months';
import { withEmbed } from './embed';
import type { Selection } from '../domain/selection';

export function pathFor(selection: Selection): string {
  if (!selection) return '/';
  return selection.kind === 'service'
    ? `/service/${encodeURIComponent(selection.id)}`
    : `/org/${encodeURIComponent(selection.id)}`;
}

/** The router location (path and query) for a view; `embed` keeps the embed mode (`&embed=1`, after the date). */
export function locationFor(selection: Selection, month: MonthString | null, embed = false): string {
  const path = pathFor(selection);
  return withEmbed(month ? `${path}?date=${month}` : path, embed);
}

/** An href that works as a plain link (open in a new tab, copy the address). */
export function hrefFor(selection: Selection, month: MonthString | null, embed = false): string {
  return `#${locationFor(selection, month, embed)}`;
}
