/** Browser facts the map needs, each guarded for environments without them (jsdom, old browsers). */
import { useLayoutEffect, useState, useSyncExternalStore, type RefObject } from 'react';

const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

function subscribeToReducedMotion(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(REDUCED_MOTION_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function prefersReducedMotion(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return false;
  return window.matchMedia(REDUCED_MOTION_QUERY).matches;
}

/** Whether the person has asked for less motion; follows the setting if it changes. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribeToReducedMotion, prefersReducedMotion, () => false);
}

/**
 * The width of an element in CSS pixels, following resizes (to the nearest 10 px, so a scrollbar
 * appearing does not re-render the map). Where layout is unknown (jsdom), the fallback stands.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  // Start from the window's width where it is narrower than the fallback, so a phone's first render
  // already has about the right width (and the map's layout is not computed twice).
  const [width, setWidth] = useState(() =>
    typeof window !== 'undefined' && window.innerWidth > 0 ? Math.min(window.innerWidth, fallback) : fallback,
  );
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const measured = element.getBoundingClientRect().width;
      if (measured > 0) setWidth(Math.round(measured / 10) * 10);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
