/**
 * How a node or link of the map differs between two months: the words of a comparison, apart from
 * the comparison itself (graph-comparison.ts) so that the map's key, on the first view, can name
 * them without bringing in the comparing, which only the comparison page runs.
 */
export type MapChange = 'added' | 'removed' | 'changed' | 'unchanged';

export const MAP_CHANGES: readonly MapChange[] = ['added', 'removed', 'changed', 'unchanged'];
