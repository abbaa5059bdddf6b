/**
 * The embed mode (`?embed=1`): just the view, for other sites to frame. The frame (Layout) drops the
 * header, navigation and footer and adds a one-line link to the full view; pages may hide their
 * introductions with `useEmbedMode()`. Pages that rewrite their own query must keep `embed=1` in it
 * (`withEmbed`); the explorer's address handling does so for the map, services and organisations.
 */
import { useLocation } from 'react-router';

export const EMBED_PARAM = 'embed';

/** Whether a query string (with or without "?") asks for the embed mode. */
export function isEmbedSearch(search: string): boolean {
  return new URLSearchParams(search).get(EMBED_PARAM) === '1';
}

/** Whether the current address asks for the embed mode: pages use it to hide their introductions. */
export function useEmbedMode(): boolean {
  return isEmbedSearch(useLocation().search);
}

/** Adds `embed=1` to a router location ("/funding?year=2015-16") when embedding, else returns it as is. */
export function withEmbed(location: string, embed: boolean): string {
  if (!embed) return location;
  return `${location}${location.includes('?') ? '&' : '?'}${EMBED_PARAM}=1`;
}

/**
 * A router location ("/service/x?date=2015-10&embed=1") without the embed mode: the same view on
 * the full page. Other parameters keep their order.
 */
export function withoutEmbed(location: string): string {
  const queryAt = location.indexOf('?');
  if (queryAt < 0) return location;
  const params = new URLSearchParams(location.slice(queryAt + 1));
  params.delete(EMBED_PARAM);
  const query = params.toString();
  return `${location.slice(0, queryAt)}${query ? `?${query}` : ''}`;
}
