export { PlacePage, type PlacePageProps } from './PlacePage';
export { PlaceFinder, placeHref } from './PlaceFinder';
export { usePlaces } from './usePlaces';
