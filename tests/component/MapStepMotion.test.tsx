/**
 * Whether a change on the map is played as movement: a change that comes on its own moves; changes
 * a few tens of milliseconds apart (a held arrow key, a dragged slider) are shown at once, and the
 * next one after a pause moves again. The clock is read as each change is applied.
 */
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isStepOnItsOwn, SCRUB_GAP_MS, useStepClock } from '../../src/features/graph/hooks';
import { PLAYBACK_STEP_MS } from '../../src/features/timeline/usePlayback';

let now = 10_000;

afterEach(() => vi.restoreAllMocks());

describe('the map tells a step from a scrub', () => {
  it('a first change moves; changes 40 ms apart do not; the next after a pause does', () => {
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const { result } = renderHook(() => useStepClock());
    const change = result.current;
    expect(change(), 'the first change').toBe(true);
    const scrub: boolean[] = [];
    for (let step = 0; step < 4; step += 1) {
      now += 40;
      scrub.push(change());
    }
    expect(scrub, 'four changes 40 ms apart').toEqual([false, false, false, false]);
    now += SCRUB_GAP_MS;
    expect(change(), 'a change after the scrub has stopped').toBe(true);
    now += SCRUB_GAP_MS + 500;
    expect(change(), 'a step taken half a second later').toBe(true);
  });

  it('draws the line at SCRUB_GAP_MS', () => {
    expect(isStepOnItsOwn(Number.POSITIVE_INFINITY)).toBe(true);
    expect(isStepOnItsOwn(SCRUB_GAP_MS)).toBe(true);
    expect(isStepOnItsOwn(SCRUB_GAP_MS - 1)).toBe(false);
    expect(isStepOnItsOwn(40)).toBe(false);
  });

  it('moves at every month of Play, whose months come further apart than a scrub', () => {
    expect(isStepOnItsOwn(PLAYBACK_STEP_MS)).toBe(true);
  });
});
