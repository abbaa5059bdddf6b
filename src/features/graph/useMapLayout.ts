/**
 * The map's positions: the ahead-of-time layout the app loaded (data/map-layout.json) when it was
 * computed from this dataset; otherwise (a dataset edited since, a test's fixture) the layout is
 * computed here, once per dataset, by the same code loaded on demand, so the first view does not
 * carry d3-force.
 *
 * The file holds two layouts: the wide one, and a narrow one for phones (its `narrow`), whose cards
 * are stacked down the page so that labels keep their size on a small screen. The map's container
 * chooses: narrower than NARROW_MAP_MAX_WIDTH, the narrow one.
 */
import { type RefObject, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { Dataset } from '../../data/schema';
import { layoutFingerprintOf } from '../../domain/derived-cache';
import { DEFAULT_LAYOUT_OPTIONS, NARROW_LAYOUT_OPTIONS } from '../../domain/map-layout/fingerprint';
import { type MapLayoutFile, NARROW_MAP_MAX_WIDTH } from '../../domain/map-layout/layout-file';
import { selectMapLayout, useExplorerStore } from '../../store';

type Kind = 'wide' | 'narrow';
const computed: Record<Kind, WeakMap<Dataset, MapLayoutFile>> = { wide: new WeakMap(), narrow: new WeakMap() };

/**
 * Whether the element (the map's container) is narrow: measured before the first paint and again
 * whenever it is resized. Before it is measured, the window's width stands in for it.
 */
export function useNarrowContainer(ref: RefObject<HTMLElement | null> | undefined): boolean {
  const [narrow, setNarrow] = useState(
    () => typeof window !== 'undefined' && window.innerWidth > 0 && window.innerWidth < NARROW_MAP_MAX_WIDTH,
  );
  useLayoutEffect(() => {
    const element = ref?.current;
    if (!element) return;
    const measure = (width: number) => {
      // jsdom lays nothing out: a width of 0 says nothing about the screen.
      if (width > 0) setNarrow(width < NARROW_MAP_MAX_WIDTH);
    };
    // Measured by the observer, whose first report comes with the first frame's layout: reading the
    // width here would make the browser lay out the whole new page inside React's commit, one long
    // task. Until then the window's width stands in (right on phones and wide screens alike).
    if (typeof ResizeObserver === 'undefined') {
      measure(element.getBoundingClientRect().width);
      return;
    }
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) measure(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return narrow;
}

/** The layout for the map: the narrow one when `container` (the map's container) is narrow. */
export function useMapLayout(dataset: Dataset, container?: RefObject<HTMLElement | null>): MapLayoutFile | undefined {
  const narrow = useNarrowContainer(container);
  const kind: Kind = narrow ? 'narrow' : 'wide';
  const loadedFile = useExplorerStore(selectMapLayout);
  const loaded = narrow ? loadedFile?.narrow : (loadedFile ?? undefined);
  const fits = useMemo(
    () =>
      loaded
        ? loaded.fingerprint === layoutFingerprintOf(dataset, narrow ? NARROW_LAYOUT_OPTIONS : DEFAULT_LAYOUT_OPTIONS)
        : false,
    [loaded, dataset, narrow],
  );
  // A layout computed here is kept per dataset (outside React); the counter re-renders when it arrives.
  const [, setArrivals] = useState(0);
  const needOwn = !fits;
  useEffect(() => {
    if (!needOwn || computed[kind].has(dataset)) return;
    let live = true;
    void import('../../domain/map-layout/compute').then(({ computeLayoutFor }) => {
      if (!computed[kind].has(dataset)) computed[kind].set(dataset, computeLayoutFor(dataset, kind === 'narrow'));
      if (live) setArrivals((count) => count + 1);
    });
    return () => {
      live = false;
    };
  }, [needOwn, dataset, kind]);
  if (fits && loaded) return loaded;
  return needOwn ? computed[kind].get(dataset) : undefined;
}
