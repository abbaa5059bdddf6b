export { layoutBoxFor, type MapComparison, MapView, type MapViewProps, mapFrameFor, mapSummary } from './MapView';
export {
  computeMapLayout,
  levelBands,
  levelNeeds,
  type LayoutNodeInput,
  type LayoutLinkInput,
  type LayoutOptions,
  type Point,
} from './layout';
export { mapLayoutFor, type MapLayout } from './mapLayout';
