export { type MapComparison, MapView, type MapViewProps, mapSummary } from './MapView';
