/**
 * When the bench presses a key, relative to the display's refresh.
 *
 * Why: each step of a key scrub ends in the page's frame callbacks (finishKeyStep waits for two
 * frames and then for any animation), and the next key is sent a few fixed round trips after
 * that. So the presses of one run keep nearly the same phase within the 60 Hz refresh, and the
 * run's input-to-paint figures depend on where that phase happens to fall: in paired probe scrubs
 * of the place page (6 December 2026), every run read p50 24 and p95 32 ms with presses sent at
 * once, and p50 16 ms (p95 24 in most runs, 32 in some) with each press sent after a random pause
 * of up to one refresh.
 * A person's key presses are not timed to the display, so the bench spreads its own over the
 * refresh: a pause drawn uniformly from [0, one refresh) before each press, from a seeded sequence
 * so that two runs pause alike.
 */
import type { Page } from 'playwright-core';

/** The seed of every scrub's pauses: each scrub pauses alike, run after run. */
export const PRESS_SEED = 1;

/** One refresh at 60 Hz. */
export const REFRESH_MS = 1000 / 60;

/** A seeded sequence of numbers uniform in [0, 1) (mulberry32: small, fast, and the same on every machine). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** The pauses before a scrub's presses: each uniform in [0, REFRESH_MS). */
export function pressPauses(seed: number): () => number {
  const random = seededRandom(seed);
  return () => random() * REFRESH_MS;
}

/** Presses `key` after the next pause of `pauses` (the page's step must already be armed). */
export async function pressAtRandomPhase(page: Page, key: string, pauses: () => number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, pauses()));
  await page.keyboard.press(key);
}
