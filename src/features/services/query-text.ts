/** The query as searched: spaces collapsed, trimmed, and cut to a length no real question needs. */
const MAX_QUERY_LENGTH = 100;

export function normaliseQuery(query: string): string {
  return query.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
}
