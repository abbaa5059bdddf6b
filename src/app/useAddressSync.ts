/**
 * Keeps the address and the store in agreement. The address is the state a person can share:
 * reading it sets the store's month and selection; a change in the store (the slider, a click on
 * a service) writes the address. A new selection adds a history entry (so Back returns to the
 * previous view); a new month replaces the current one (scrubbing would otherwise flood history).
 * The embed mode (`embed=1`) is part of the view and is kept in every address written.
 */
import { useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { isEmbedSearch } from '../components/embed';
import { locationFor } from '../components/routing';
import { selectDataset, useExplorerStore } from '../store';
import type { ExplorerState, Selection } from '../store/store';
import { resolveAddress } from './address';
import { type AddressReading, type AddressWrite, useStoreAddressSync } from './useStoreAddressSync';

export const sameSelection = (a: Selection, b: Selection) =>
  a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);

export function useAddressSync(): { dateNotice: string | null; dismissDateNotice: () => void } {
  const dataset = useExplorerStore(selectDataset);
  const location = useLocation();
  const [dateNotice, setDateNotice] = useState<string | null>(null);

  const reading = useMemo(() => {
    const resolved = dataset ? resolveAddress(location.pathname, location.search, dataset.meta.coverage) : undefined;
    if (!resolved) return undefined;
    return (): AddressReading => ({
      apply: (state) => {
        if (state.month !== resolved.month) state.setMonth(resolved.month);
        if (!sameSelection(state.selection, resolved.selection)) state.select(resolved.selection);
      },
      notice: resolved.dateNotice,
      canonical: resolved.canonical,
    });
  }, [dataset, location.pathname, location.search]);

  // Whether the view is embedded (`embed=1`): kept in every address written, so scrubbing or
  // choosing a service inside a frame does not bring back the full page.
  const embed = isEmbedSearch(location.search);
  const writeFor = (state: ExplorerState, previous: ExplorerState): AddressWrite | null => {
    const sameView = sameSelection(state.selection, previous.selection);
    if (state.month === previous.month && sameView) return null;
    return {
      to: locationFor(state.selection, state.month, embed),
      replace: sameView,
      clearsNotice: state.month !== previous.month,
    };
  };

  useStoreAddressSync({ reading, writeFor, writing: dataset !== undefined, onNotice: setDateNotice });
  return { dateNotice, dismissDateNotice: () => setDateNotice(null) };
}
