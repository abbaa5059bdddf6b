/**
 * PLACEHOLDER (issue 5, being built): the embed mode (`?embed=1`), which shows just the view for
 * other sites to frame. Pages that rewrite their own query must keep `embed=1` in it.
 */
import { useLocation } from 'react-router';

export const EMBED_PARAM = 'embed';

/** Whether a query string (with or without "?") asks for the embed mode. */
export function isEmbedSearch(search: string): boolean {
  return new URLSearchParams(search).get(EMBED_PARAM) === '1';
}

/** Whether the current address asks for the embed mode. */
export function useEmbedMode(): boolean {
  return isEmbedSearch(useLocation().search);
}

/** Adds `embed=1` to a router location ("/funding?year=2015-16") when embedding, else returns it as is. */
export function withEmbed(location: string, embed: boolean): string {
  if (!embed) return location;
  return `${location}${location.includes('?') ? '&' : '?'}${EMBED_PARAM}=1`;
}
