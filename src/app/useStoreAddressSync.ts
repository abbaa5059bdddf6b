/**
 * The mechanism that keeps one route's address and the store in agreement, shared by the map's
 * routes (useAddressSync) and the funding view (`?year=`): reading the address moves the store,
 * and a change in the store rewrites the address.
 *
 * Its one subtlety: the router applies an address a moment after it is written, and by then the
 * store may have moved on (fast scrubbing). So the addresses this hook wrote are remembered until
 * the router shows them and are never read back into the store; and while the address is being
 * copied into the store, that copy is not written back.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useExplorerStoreApi } from '../store';
import type { ExplorerState } from '../store/store';

/** How long after the last month step its address is written, and how long at most while steps keep coming. */
const MONTH_WRITE_DELAY_MS = 150;
const MONTH_WRITE_MAX_WAIT_MS = 1000;

export interface AddressReading {
  /** moves the store to what the address asks for */
  apply: (state: ExplorerState) => void;
  /** why the view shown is not exactly the one asked for, in words; null when it is */
  notice: string | null;
  /** the address as it should read; an odd one is corrected in place, keeping the notice */
  canonical: string;
}

export interface AddressWrite {
  /** the router location the store's new state should show */
  to: string;
  /** replace the current history entry (a new month) rather than add one (a new view) */
  replace: boolean;
  /** the notice was about the address as it was asked for, which this write leaves behind */
  clearsNotice: boolean;
}

export interface StoreAddressSyncOptions {
  /**
   * What the current address asks of the store; undefined while there is nothing to read it
   * against (no dataset). A new function means a new address: keep it memoised on the address.
   */
  reading: ((state: ExplorerState) => AddressReading) | undefined;
  /** where a change in the store takes the address, or null when the change does not concern it */
  writeFor: (state: ExplorerState, previous: ExplorerState) => AddressWrite | null;
  /** whether store changes are written to the address yet (the dataset is loaded) */
  writing: boolean;
  onNotice: (notice: string | null) => void;
}

export function useStoreAddressSync({ reading, writeFor, writing, onNotice }: StoreAddressSyncOptions): void {
  const store = useExplorerStoreApi();
  const location = useLocation();
  const navigate = useNavigate();
  const address = `${location.pathname}${location.search}`;
  // The address as the router last showed it, for the store subscription (which outlives renders).
  const currentAddress = useRef(address);
  // The caller's latest callbacks, so the store subscription is made once, not on every render.
  const callbacks = useRef({ writeFor, onNotice });
  useLayoutEffect(() => {
    currentAddress.current = address;
    callbacks.current = { writeFor, onNotice };
  });
  // Addresses this hook wrote itself, oldest first, until the router shows them.
  const written = useRef<string[]>([]);
  // True while the address is being copied into the store, so that copy is not written back.
  const applyingAddress = useRef(false);
  // A new month's address, written a moment later: scrubbing changes the month many times a
  // second, and each history.replaceState takes long enough to slow every step (see flush below).
  const deferred = useRef<{ to: string; since: number; timer: number } | null>(null);
  const { cancelDeferred, flushDeferred } = useMemo(() => {
    const cancel = () => {
      if (deferred.current) window.clearTimeout(deferred.current.timer);
      deferred.current = null;
    };
    const flush = () => {
      const pending = deferred.current;
      if (!pending) return;
      cancel();
      written.current.push(pending.to);
      void navigate(pending.to, { replace: true });
    };
    return { cancelDeferred: cancel, flushDeferred: flush };
  }, [navigate]);

  // address → store
  useEffect(() => {
    if (!reading) return;
    const ownWrite = written.current.indexOf(currentAddress.current);
    if (ownWrite >= 0) {
      written.current.splice(0, ownWrite + 1);
      return;
    }
    // An address from elsewhere (Back, a link) wins over a month still waiting to be written.
    cancelDeferred();
    const state = store.getState();
    const { apply, notice, canonical } = reading(state);
    applyingAddress.current = true;
    try {
      apply(state);
    } finally {
      applyingAddress.current = false;
    }
    callbacks.current.onNotice(notice);
    if (canonical !== currentAddress.current) {
      written.current.push(canonical);
      void navigate(canonical, { replace: true });
    }
  }, [reading, store, navigate, cancelDeferred]);

  // store → address
  useEffect(() => {
    if (!writing) return;
    const unsubscribe = store.subscribe((state, previous) => {
      if (applyingAddress.current) return;
      const write = callbacks.current.writeFor(state, previous);
      if (!write) return;
      // Compared with the address the router will show last: the one waiting to be written, the
      // newest write still pending, or the current one.
      const pending = deferred.current?.to ?? written.current[written.current.length - 1] ?? currentAddress.current;
      if (write.to === pending) return;
      if (write.clearsNotice) callbacks.current.onNotice(null);
      if (write.replace) {
        // A new month replaces the address once the months stop changing (or every MAX_WAIT while they do).
        const now = performance.now();
        const since = deferred.current?.since ?? now;
        if (deferred.current) window.clearTimeout(deferred.current.timer);
        const wait = Math.max(0, Math.min(MONTH_WRITE_DELAY_MS, since + MONTH_WRITE_MAX_WAIT_MS - now));
        deferred.current = { to: write.to, since, timer: window.setTimeout(flushDeferred, wait) };
        return;
      }
      // A new view adds a history entry: the month it leaves is written first, so Back returns to it.
      flushDeferred();
      written.current.push(write.to);
      void navigate(write.to, { replace: false });
    });
    return () => {
      unsubscribe();
      // Leaving the page: a month still waiting must not bring the address back here.
      cancelDeferred();
    };
  }, [writing, store, navigate, cancelDeferred, flushDeferred]);
}
