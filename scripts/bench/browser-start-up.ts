/**
 * How long a freshly launched Chromium is left to finish starting before a measured load.
 *
 * Why: each measured load launches Chromium with a fresh profile, and for a second or two after
 * launch the browser process creates that profile (its databases, caches and preferences) and starts
 * its services, on the same two cores as the page. A visitor's browser has done this long before
 * they open the page. Measured on this project's 2-core machine (5 December 2026), loading the
 * explorer at once after launch gave one or more tasks over 50 ms in 10 of 36 loads; after 1.5 s or
 * 3 s of waiting, in none of 36. What the page itself does is the same in both.
 */
export const BROWSER_START_UP_MS = 2000;

/** Waits for a freshly launched browser to finish starting (BROWSER_START_UP_MS). */
export function afterBrowserStartUp(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, BROWSER_START_UP_MS));
}
