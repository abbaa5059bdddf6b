/**
 * Keeps the address and the store in agreement. The address is the state a person can share:
 * reading it sets the store's month and selection; a change in the store (the slider, a click on
 * a service) writes the address. A new selection adds a history entry (so Back returns to the
 * previous view); a new month replaces the current one (scrubbing would otherwise flood history).
 * The embed mode (`embed=1`) is part of the view and is kept in every address written.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isEmbedSearch } from '../components/embed';
import { locationFor } from '../components/routing';
import { selectDataset, useExplorerStore, useExplorerStoreApi } from '../store';
import type { Selection } from '../store/store';
import { resolveAddress } from './address';

export const sameSelection = (a: Selection, b: Selection) =>
  a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);

export function useAddressSync(): { dateNotice: string | null; dismissDateNotice: () => void } {
  const store = useExplorerStoreApi();
  const dataset = useExplorerStore(selectDataset);
  const location = useLocation();
  const navigate = useNavigate();
  const [dateNotice, setDateNotice] = useState<string | null>(null);
  const address = `${location.pathname}${location.search}`;
  // The address as the router last showed it, for the store subscription (which outlives renders).
  const currentAddress = useRef(address);
  // Whether the view is embedded (`embed=1`): kept in every address written, so scrubbing or
  // choosing a service inside a frame does not bring back the full page.
  const embed = useRef(isEmbedSearch(location.search));
  useLayoutEffect(() => {
    currentAddress.current = address;
    embed.current = isEmbedSearch(location.search);
  }, [address, location.search]);
  // Addresses this hook wrote itself, oldest first. The router applies them a moment later; by
  // then the store may have moved on (fast scrubbing), so they must not be read back into it.
  const written = useRef<string[]>([]);
  // True while the address is being copied into the store, so that copy is not written back.
  const applyingAddress = useRef(false);

  const resolved = useMemo(
    () => (dataset ? resolveAddress(location.pathname, location.search, dataset.meta.coverage) : undefined),
    [dataset, location.pathname, location.search],
  );

  // address → store
  useEffect(() => {
    if (!resolved) return;
    const ownWrite = written.current.indexOf(currentAddress.current);
    if (ownWrite >= 0) {
      written.current.splice(0, ownWrite + 1);
      return;
    }
    const state = store.getState();
    applyingAddress.current = true;
    try {
      if (state.month !== resolved.month) state.setMonth(resolved.month);
      if (!sameSelection(state.selection, resolved.selection)) state.select(resolved.selection);
    } finally {
      applyingAddress.current = false;
    }
    setDateNotice(resolved.dateNotice);
    // Correct an odd address in place (bad date, repeated or unknown parameters), keeping the notice.
    if (resolved.canonical !== currentAddress.current) {
      written.current.push(resolved.canonical);
      void navigate(resolved.canonical, { replace: true });
    }
  }, [resolved, store, navigate]);

  // store → address
  useEffect(() => {
    if (!dataset) return;
    return store.subscribe((state, previous) => {
      if (applyingAddress.current) return;
      if (state.month === previous.month && sameSelection(state.selection, previous.selection)) return;
      if (state.month !== previous.month) setDateNotice(null);
      const target = locationFor(state.selection, state.month, embed.current);
      if (target === currentAddress.current && written.current.length === 0) return;
      written.current.push(target);
      void navigate(target, { replace: sameSelection(state.selection, previous.selection) });
    });
  }, [dataset, store, navigate]);

  return { dateNotice, dismissDateNotice: () => setDateNotice(null) };
}
