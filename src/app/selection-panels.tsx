/**
 * The service and organisation panels (and the not-found panel), loaded on demand: the first view
 * is the map, and a panel is not part of it unless the address names one. They are fetched in
 * parallel with the data when it does (preloadPanelsFor), and otherwise once the first map is drawn
 * (preloadPanels from the explorer), so a panel does not lag behind a click or the address.
 * The services feature keeps its panels in a second entry (features/services/panels), so the bundler can split them.
 */
import { lazy } from 'react';

const importServicePanels = () => import('../features/services/panels');
const importOrganisationPanel = () => import('../features/orgs');

export const ServicePanel = lazy(() => importServicePanels().then((module) => ({ default: module.ServicePanel })));
export const OrganisationPanel = lazy(() => importOrganisationPanel().then((module) => ({ default: module.OrganisationPanel })));
export const NotFoundPanel = lazy(() => importServicePanels().then((module) => ({ default: module.NotFoundPanel })));

/** Loads the panels' code (once); resolves when it is there, and never rejects (a failure shows in the panel). */
export function preloadPanels(): Promise<void> {
  return Promise.all([importServicePanels(), importOrganisationPanel()]).then(
    () => undefined,
    () => undefined,
  );
}

/** Starts loading the panels at once if the address (a hash: "#/service/…") names one. */
export function preloadPanelsFor(hash: string): void {
  if (/^#?\/+(service|org)\//i.test(hash)) void preloadPanels();
}
