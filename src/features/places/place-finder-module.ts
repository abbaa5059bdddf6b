/**
 * What the explorer's place finder loads on intent (focus, pointing or typing), not with the first
 * view: the place data (fetched, validated and indexed once, shared with the place page) and the
 * matching.
 */
import { placeOptions, type PlaceOption } from './place-options';
import { loadPlaces } from './usePlaces';

export type PlaceSearch = { ok: true; options: (query: string, month: string) => PlaceOption[] } | { ok: false; reason: string };

export async function loadPlaceSearch(baseUrl: string): Promise<PlaceSearch> {
  const state = await loadPlaces(baseUrl);
  if (state.status !== 'ready') {
    return {
      ok: false,
      reason: state.status === 'failed' ? 'The place list could not be loaded.' : 'The place list is loading.',
    };
  }
  const { index } = state;
  return { ok: true, options: (query, month) => placeOptions(index, query, month) };
}
