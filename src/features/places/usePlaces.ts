/**
 * Loads the place data on demand (data/places/places.json), once per base address, and indexes it.
 * The place data is not part of the first view: only the place page and finder ask for it.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DataProblem } from '../../data/problems';
import { fetchPlaces, parsePlaces, PLACES_FILE_PATH, type PlacesLoadResult } from '../../data/places-load';
import type { PlacesFile } from '../../data/places-schema';
import { indexPlaces, type PlacesIndex } from '../../domain/places';
import { askWorkerOnce } from '../../lib/worker-once';

export type PlacesState =
  { status: 'loading' } | { status: 'ready'; index: PlacesIndex } | { status: 'failed'; problems: DataProblem[] };

const loads = new Map<string, Promise<PlacesState>>();

/** Fetches, validates and indexes the place data for `baseUrl` once; later calls share the load (a failed one is retried). */
export function loadPlaces(baseUrl: string): Promise<PlacesState> {
  let load = loads.get(baseUrl);
  if (!load) {
    load = typeof Worker === 'undefined' ? fetchPlaces(baseUrl).then(stateOf) : loadOffThread(baseUrl);
    loads.set(baseUrl, load);
    void load.then((loaded) => {
      if (loaded.status === 'failed') loads.delete(baseUrl);
    });
  }
  return load;
}

const stateOf = (result: PlacesLoadResult): PlacesState =>
  result.ok ? { status: 'ready', index: indexPlaces(result.places) } : { status: 'failed', problems: result.problems };

const failed = (reason: string): PlacesState => ({ status: 'failed', problems: [{ file: PLACES_FILE_PATH, path: '', reason }] });

/** The page fetches the file; a worker parses, validates and indexes it (places.worker.ts), or the page does if the worker fails. */
async function loadOffThread(baseUrl: string): Promise<PlacesState> {
  let text: string;
  try {
    const response = await fetch(`${baseUrl}${PLACES_FILE_PATH}`);
    if (!response.ok) return failed(`could not be loaded (HTTP ${response.status})`);
    text = await response.text();
  } catch (error) {
    return failed(`could not be loaded: ${(error as Error).message}`);
  }
  const inPage = () => {
    try {
      return stateOf(parsePlaces(JSON.parse(text)));
    } catch (error) {
      return failed(`is not valid JSON: ${(error as Error).message}`);
    }
  };
  return askWorkerOnce<PlacesState>(
    () => new Worker(new URL('./places.worker.ts', import.meta.url), { type: 'module', name: 'places' }),
    text,
    inPage,
  );
}

/** The place data for `baseUrl` (fetched once, then shared), or the given file (tests, pre-loaded data). */
export function usePlaces(baseUrl: string, given?: PlacesFile): PlacesState {
  const givenIndex = useMemo(() => (given ? indexPlaces(given) : undefined), [given]);
  const [fetched, setFetched] = useState<{ baseUrl: string; state: PlacesState } | undefined>(undefined);
  useEffect(() => {
    if (given) return;
    let cancelled = false;
    const load = loadPlaces(baseUrl);
    void load.then((loaded) => {
      if (!cancelled) setFetched({ baseUrl, state: loaded });
    });
    return () => {
      cancelled = true;
    };
  }, [baseUrl, given]);
  if (givenIndex) return { status: 'ready', index: givenIndex };
  return fetched?.baseUrl === baseUrl ? fetched.state : { status: 'loading' };
}
