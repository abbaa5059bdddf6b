/**
 * The service and organisation panels (and the not-found panel), loaded on demand: the first view
 * is the map, and a panel is not part of it unless the address names one. They are fetched in
 * parallel with the data when it does (preloadPanelsFor, and the loading gate waits for them), and
 * otherwise just after the first map is drawn (preloadPanels from the explorer), so a panel does
 * not lag behind a click or the address.
 *
 * Not React.lazy: a lazy component suspends the first time it renders even when its code is
 * already here, and React then holds the old panel hidden behind a fallback for up to 300 ms.
 * Once loaded, these render at once. The services feature keeps its panels in a second entry
 * (features/services/panels), so the bundler can split them.
 */
import { useEffect, useState } from 'react';

type ServicePanels = typeof import('../features/services/panels');
type OrganisationPanels = typeof import('../features/orgs');

export interface Panels {
  ServicePanel: ServicePanels['ServicePanel'];
  NotFoundPanel: ServicePanels['NotFoundPanel'];
  OrganisationPanel: OrganisationPanels['OrganisationPanel'];
}

let loaded: Panels | undefined;
let loading: Promise<void> | undefined;

/** Loads the panels' code (once); resolves when it is there, and never rejects. */
export function preloadPanels(): Promise<void> {
  loading ??= Promise.all([import('../features/services/panels'), import('../features/orgs')]).then(
    ([services, orgs]) => {
      loaded = {
        ServicePanel: services.ServicePanel,
        NotFoundPanel: services.NotFoundPanel,
        OrganisationPanel: orgs.OrganisationPanel,
      };
    },
    () => {
      // A failed load (offline) may be tried again by the next call.
      loading = undefined;
    },
  );
  return loading;
}

/** Starts loading the panels at once if the address (a hash: "#/service/…") names one. */
export function preloadPanelsFor(hash: string): void {
  if (/^#?\/+(service|org)\//i.test(hash)) void preloadPanels();
}

/**
 * The panels, once their code is here (undefined until then, while it loads). Their code is asked
 * for only when `needed` (a panel is to be shown); otherwise the explorer preloads it once the map
 * is drawn, and the hook picks it up when a panel is next needed.
 */
export function usePanels(needed: boolean): Panels | undefined {
  const [panels, setPanels] = useState(loaded);
  useEffect(() => {
    if (panels || !needed) return;
    let live = true;
    void preloadPanels().then(() => {
      if (live && loaded) setPanels(loaded);
    });
    return () => {
      live = false;
    };
  }, [panels, needed]);
  return panels ?? loaded;
}
