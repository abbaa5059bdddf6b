/**
 * Whether the map's "CCGs" is opened into its named members, and for which scope: the address's
 * `members` parameter (`england` or a council's code), which the explorer's address keeps (see
 * src/app/address.ts). Opening or closing is a navigation to the same view with the parameter
 * changed, so Back undoes it and a copied link reproduces it. Only the explorer's map (the map, a
 * service or an organisation) offers it; the tour and the comparison do not, nor a map drawn
 * outside a router (a test's, an embed's picture): the router's contexts are read directly, as
 * useLocation would throw there.
 */
import { useCallback, useContext } from 'react';
import { UNSAFE_LocationContext as LocationContext, UNSAFE_NavigationContext as NavigationContext } from 'react-router';
import { isEmbedSearch } from '../../../components/embed';
import { locationFor, MEMBERS_PARAM, readMembersScope } from '../../../components/routing';
import { selectSelection, useExplorerStore, useExplorerStoreApi } from '../../../store';

const EXPLORER_PATH = /^\/*$|^\/(service|org)\/[^/]+\/*$/i;

export interface MembersScope {
  /** whether this page's map can open its CCGs into members */
  available: boolean;
  /** "england", a council's code, or null when closed */
  scope: string | null;
  /** opens the members for a scope, or closes them (null) */
  show: (scope: string | null) => void;
}

export function useMembersScope(): MembersScope {
  const location = useContext(LocationContext)?.location;
  const navigator = useContext(NavigationContext)?.navigator;
  const selection = useExplorerStore(selectSelection);
  // The month is read when the members are opened or closed, not subscribed to: a month step
  // would otherwise re-render the whole map (this hook's caller) at once, before the step paints.
  const store = useExplorerStoreApi();
  const available = location !== undefined && navigator !== undefined && EXPLORER_PATH.test(location.pathname);
  const search = location?.search ?? '';
  const scope = available ? readMembersScope(new URLSearchParams(search).get(MEMBERS_PARAM)) : null;
  const embed = isEmbedSearch(search);
  const show = useCallback(
    (next: string | null) => navigator?.push(locationFor(selection, store.getState().month, embed, next)),
    [navigator, selection, store, embed],
  );
  return { available, scope, show };
}
