/**
 * Parses, validates and indexes the place data off the page's main thread (JSON, the schema, the
 * code checks and the lookups together take a few hundred milliseconds on a small machine, which
 * would otherwise be one long task on the page). The page fetches the text and sends it; the reply
 * is the indexed data (its Maps survive the structured clone) or the problems.
 */
import { parsePlaces, PLACES_FILE_PATH } from '../../data/places-load';
import { indexPlaces } from '../../domain/places';
import type { PlacesState } from './usePlaces';

self.addEventListener('message', (event: MessageEvent<string>) => {
  let reply: PlacesState;
  try {
    const result = parsePlaces(JSON.parse(event.data));
    reply = result.ok ? { status: 'ready', index: indexPlaces(result.places) } : { status: 'failed', problems: result.problems };
  } catch (error) {
    reply = {
      status: 'failed',
      problems: [
        {
          file: PLACES_FILE_PATH,
          path: '',
          reason: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
  self.postMessage(reply);
});
