/**
 * The typed link builders: the address of every view that takes parameters. Routes live in the
 * URL hash so that the built site works from any static host or folder without server rewrites:
 *   #/                                  the map
 *   #/service/<id>?date=YYYY-MM          a service
 *   #/org/<id>?date=YYYY-MM              an organisation
 *   #/funding?year=YYYY-YY               the funding view
 *   #/compare?from=YYYY-MM&to=YYYY-MM    two months compared
 *   #/tour/<step>                        a step of the guided tour (counted from 1)
 *   #/place/<code>?date=YYYY-MM          a council's area
 * The map's addresses (#/, a service, an organisation) may add `&members=england` or
 * `&members=<council code>`: the map's "CCGs" opened into its named members, for England or a council.
 * Any of them may end in `&embed=1`, the embed mode (see embed.ts), which each builder keeps when
 * asked. A builder returns the router location ("/compare?from=…"); `href` makes it a plain href
 * ("#/compare?from=…") for an <a>, so links open in a new tab and "copy link address" works.
 * The route table and the reading of each address (with its notice) are in src/app (routes.tsx,
 * address.ts); these builders sit here, below the features, so that every view can link.
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

/** The address parameter of the map's named CCGs: `england` or a council's code. */
export const MEMBERS_PARAM = 'members';
export const MEMBERS_ENGLAND = 'england';

/** A `members` value as the address may give it, read loosely ("England", "e08000035"); null when it is not one. */
export function readMembersScope(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  if (trimmed.toLowerCase() === MEMBERS_ENGLAND) return MEMBERS_ENGLAND;
  return /^E(06|07|08|09|10)\d{6}$/i.test(trimmed) ? trimmed.toUpperCase() : null;
}

/**
 * The router location (path and query) for a view; `embed` keeps the embed mode (`&embed=1`, after
 * the date); `members` opens the map's CCGs into their named members (after the date).
 */
export function locationFor(
  selection: Selection,
  month: MonthString | null,
  embed = false,
  members: string | null = null,
): string {
  const path = pathFor(selection);
  const query = [month ? `date=${month}` : '', members ? `${MEMBERS_PARAM}=${encodeURIComponent(members)}` : '']
    .filter(Boolean)
    .join('&');
  return withEmbed(query ? `${path}?${query}` : path, embed);
}

/** An href that works as a plain link (open in a new tab, copy the address). */
export function hrefFor(selection: Selection, month: MonthString | null, embed = false): string {
  return href(locationFor(selection, month, embed));
}

/** A router location as an href. */
export function href(location: string): string {
  return `#${location}`;
}

/** The funding view of a financial year, written as the data writes it ("2015/16"). */
export function fundingLocation(financialYear: string, embed = false): string {
  return withEmbed(`/funding?year=${financialYear.replace('/', '-')}`, embed);
}

/** The comparison of two months. */
export function comparisonLocation(from: MonthString, to: MonthString, embed = false): string {
  return withEmbed(`/compare?from=${from}&to=${to}`, embed);
}

/** A step of the guided tour, counted from 1. */
export function tourLocation(stepNumber: number, embed = false): string {
  return withEmbed(`/tour/${stepNumber}`, embed);
}

/** A council's area at a month. */
export function placeLocation(code: string, month: MonthString | null, embed = false): string {
  const path = `/place/${encodeURIComponent(code)}`;
  return withEmbed(month ? `${path}?date=${month}` : path, embed);
}
