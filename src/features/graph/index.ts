export { sourceIdsDrawnAt, sourcesDrawnAt } from './map-sources';
export { type MapComparison, MapView, type MapViewProps, mapSummary } from './MapView';
