/**
 * The service search (fuse.js and its index) is loaded on intent, not with the first view: when the
 * finder's field is focused or pointed at, or a query is typed. Once loaded it stays loaded.
 */
import { useEffect, useState } from 'react';

type ServiceSearchModule = typeof import('./service-search');

let loaded: ServiceSearchModule | undefined;
let loading: Promise<ServiceSearchModule> | undefined;

export function preloadServiceSearch(): Promise<ServiceSearchModule> {
  loading ??= import('./service-search').then((module) => (loaded = module));
  return loading;
}

/** The search module once loaded (undefined until then); `wanted` starts loading it. */
export function useServiceSearchModule(wanted: boolean): ServiceSearchModule | undefined {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    void preloadServiceSearch().then((arrived) => {
      if (live) setModule(arrived);
    });
    return () => {
      live = false;
    };
  }, [wanted, module]);
  return module ?? loaded;
}
