/**
 * Loads the named CCGs of a scope on demand (only when someone opens them: the place data is not
 * part of the first view), once per scope: the page fetches data/places/places.json and
 * data/places/members.json, a worker works out every month's frame (members.worker.ts), or the
 * page does where there is no worker.
 */
import { useEffect, useState } from 'react';
import { askWorkerOnce } from '../../../lib/worker-once';
import type { MembersState } from './frames';

export type { MembersReady, MembersState } from './frames';

const loads = new Map<string, Promise<MembersState>>();

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} could not be loaded (HTTP ${response.status})`);
  return response.text();
}

function compute(placesText: string, layoutText: string, scope: string): Promise<MembersState> {
  return askWorkerOnce<MembersState>(
    () => new Worker(new URL('./members.worker.ts', import.meta.url), { type: 'module', name: 'members' }),
    { placesText, layoutText, scope },
    async () => (await import('./compute')).computeMembers(placesText, layoutText, scope),
  );
}

/** The scope's named CCGs at every month, loaded once (a failed load is tried again next time). */
export function loadMembers(baseUrl: string, scope: string): Promise<MembersState> {
  const key = `${baseUrl}|${scope}`;
  let load = loads.get(key);
  if (!load) {
    load = Promise.all([fetchText(`${baseUrl}data/places/places.json`), fetchText(`${baseUrl}data/places/members.json`)])
      .then(([placesText, layoutText]) => compute(placesText, layoutText, scope))
      .catch((error: unknown): MembersState => ({
        status: 'failed',
        reason: error instanceof Error ? error.message : String(error),
      }));
    loads.set(key, load);
    void load.then((state) => {
      if (state.status === 'failed') loads.delete(key);
    });
  }
  return load;
}

/** The named CCGs of the scope (null: closed, nothing loaded). */
export function useMembers(scope: string | null, baseUrl: string = import.meta.env.BASE_URL): MembersState | undefined {
  const [loaded, setLoaded] = useState<{ key: string; state: MembersState } | undefined>(undefined);
  const key = scope ? `${baseUrl}|${scope}` : '';
  useEffect(() => {
    if (!scope) return;
    let live = true;
    const start = () =>
      void loadMembers(baseUrl, scope).then((state) => {
        if (live) setLoaded({ key: `${baseUrl}|${scope}`, state });
      });
    // Started after the next frame is painted: the map (or the page) comes first.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame =
      typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => (timer = setTimeout(start, 0))) : undefined;
    if (frame === undefined) start();
    return () => {
      live = false;
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [scope, baseUrl]);
  if (!scope) return undefined;
  return loaded?.key === key ? loaded.state : { status: 'loading' };
}
