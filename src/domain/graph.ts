/**
 * The map of the system, as plain data: the public entry of graph-model.ts (the map at one month),
 * graph-union.ts (every month's nodes and links, for the layout) and graph-comparison.ts (two
 * months compared).
 */
export * from './graph-model';
export * from './graph-union';
export * from './graph-comparison';
