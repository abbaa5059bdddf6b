/**
 * Whether the map's "CCGs" is opened into its named members, and for which scope: the address's
 * `members` parameter (`england` or a council's code), which the explorer's address keeps (see
 * src/app/address.ts). Opening or closing is a navigation to the same view with the parameter
 * changed, so Back undoes it and a copied link reproduces it. Only the explorer's map (the map, a
 * service or an organisation) offers it; the tour and the comparison do not.
 */
import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isEmbedSearch } from '../../../components/embed';
import { locationFor, MEMBERS_PARAM, readMembersScope } from '../../../components/routing';
import { selectMonth, selectSelection, useExplorerStore } from '../../../store';

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
  const location = useLocation();
  const navigate = useNavigate();
  const selection = useExplorerStore(selectSelection);
  const month = useExplorerStore(selectMonth);
  const available = EXPLORER_PATH.test(location.pathname);
  const scope = available ? readMembersScope(new URLSearchParams(location.search).get(MEMBERS_PARAM)) : null;
  const embed = isEmbedSearch(location.search);
  const show = useCallback(
    (next: string | null) => void navigate(locationFor(selection, month, embed, next)),
    [navigate, selection, month, embed],
  );
  return { available, scope, show };
}
