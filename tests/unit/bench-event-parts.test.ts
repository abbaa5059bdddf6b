// @vitest-environment jsdom
/**
 * The bench's account of where a key press's Event Timing went: the slower of its keydown and keyup
 * (the one the budget reads), split into input delay, processing and presentation delay.
 */
import { describe, expect, it } from 'vitest';
import { describeEventParts, eventPartsOf, summariseEventParts } from '../../scripts/bench/event-parts';
import { type BenchWindow, type EventEntry, finishKeyStep } from '../../scripts/bench/in-page';

const entry = (
  name: string,
  startTime: number,
  processingStart: number,
  processingEnd: number,
  duration: number,
): EventEntry => ({
  name,
  startTime,
  processingStart,
  processingEnd,
  duration,
  interactionId: 7,
});

describe('where a key press’s Event Timing went', () => {
  it('takes the slower entry, a keyup shown a frame after its keydown, and splits it into its three parts', () => {
    const keydown = entry('keydown', 1000, 1000.5, 1002.5, 16);
    // The keyup came 7 ms later, waited 5 ms for the keydown's frame, and was shown in the next one.
    const keyup = entry('keyup', 1007, 1012, 1012.5, 24);
    expect(eventPartsOf([keydown, keyup])).toEqual({
      slowest: 'keyup',
      durationMs: 24,
      inputDelayMs: 5,
      processingMs: 0.5,
      presentationMs: 18.5,
      keydownMs: 16,
    });
  });

  it('reads nothing when neither entry was reported, and no keydown when only the keyup was', () => {
    expect(eventPartsOf([])).toBeNull();
    expect(eventPartsOf([entry('keyup', 10, 10, 11, 16)])).toMatchObject({ slowest: 'keyup', keydownMs: null });
  });

  it('counts which entry was the slower over a scrub and gives the keydown alone, unreported presses counting as 8 ms', () => {
    const presses = [
      eventPartsOf([entry('keydown', 0, 1, 3, 16), entry('keyup', 7, 12, 13, 24)]),
      eventPartsOf([entry('keydown', 100, 101, 103, 24)]),
      eventPartsOf([entry('keyup', 207, 208, 209, 16)]),
      null,
    ];
    const summary = summariseEventParts(presses, 8);
    expect(summary.reported).toBe(3);
    expect(summary.steps).toBe(4);
    expect(summary.slowest).toEqual({ keyup: 2, keydown: 1 });
    expect(summary.keydownMs).toMatchObject({ count: 4, p50: 8, max: 24 });
    expect(describeEventParts(summary)).toMatch(/^keyup slower in 2, keydown in 1 \(3 of 4 presses reported\); input delay /);
  });

  it('says so when no press was reported', () => {
    expect(describeEventParts(summariseEventParts([null, null], 8))).toBe('none reported (all 2 presses under 16 ms)');
  });
});

describe('a key press’s entries, as the bench collects them', () => {
  it('keeps a keyup the API reported although its keydown was under the threshold, and leaves out earlier presses', async () => {
    const slider = document.createElement('input');
    slider.type = 'range';
    document.body.append(slider);
    const earlier = entry('keydown', 50, 50, 52, 40);
    const keyup = entry('keyup', 107, 112, 113, 24);
    const window_ = window as BenchWindow & { __benchStep?: unknown };
    window_.__bench = { events: [earlier, keyup], lastFrameAt: null } as never;
    window_.__benchStep = { measured: Promise.resolve({ start: 100, paintedMs: 30, nextFrameMs: 20 }) };
    const getAnimations = (document as Partial<Document>).getAnimations;
    document.getAnimations = () => [];
    try {
      const result = await finishKeyStep();
      expect(result.eventEntries).toEqual([keyup]);
      expect(result.eventMs).toBe(24);
    } finally {
      if (getAnimations) document.getAnimations = getAnimations;
      delete window_.__bench;
      delete window_.__benchStep;
      slider.remove();
    }
  });
});
