/**
 * The bench names what a page case's longest load task was doing: the long animation frame it lies
 * in, that frame's script (and whose) and its style, layout and paint.
 */
import { describe, expect, it } from 'vitest';
import type { LongFrame } from '../../scripts/bench/in-page';
import { medianTaskFrame } from '../../scripts/bench/key-scrub';
import { describeFrameOfTask, frameOfTask } from '../../scripts/bench/long-frames';

const frame = (start: number, duration: number, renderMs: number, scripts: LongFrame['scripts'] = []): LongFrame => ({
  start,
  duration,
  blockingDuration: 0,
  renderMs,
  scripts,
});

describe('the frame of a long task', () => {
  const frames = [
    frame(100, 60, 10, [{ durationMs: 45, what: 'MessagePort.onmessage, ae in client.js' }]),
    frame(860, 73, 50, [{ durationMs: 19, what: 'MessagePort.onmessage, ae in client.js' }]),
  ];

  it('is the frame that holds most of the task', () => {
    expect(frameOfTask({ start: 862, duration: 67 }, frames)).toBe(frames[1]);
    expect(frameOfTask({ start: 400, duration: 60 }, frames)).toBeNull();
  });

  it('is described by its script and its rendering', () => {
    expect(describeFrameOfTask({ start: 862, duration: 67 }, frames)).toBe(
      'in a 73 ms frame: 19 ms of script (MessagePort.onmessage, ae in client.js), 50 ms of style, layout and paint',
    );
    expect(describeFrameOfTask({ start: 400, duration: 60 }, frames)).toBe('in no reported long animation frame');
  });

  it('is named for the load with the median longest task', () => {
    const load = (longestTaskUntilDrawnMs: number, longestTaskFrame: string | null) => ({
      drawnMs: 900,
      longestTaskUntilDrawnMs,
      totalBlockingTimeMs: 0,
      longestTaskFrame,
    });
    const visitor = {
      loads: [load(90, 'in a 95 ms frame: A'), load(0, null), load(67, 'in a 73 ms frame: B')],
      longestTaskUntilDrawnMs: 67,
      totalBlockingTimeMs: 0,
    };
    expect(medianTaskFrame(visitor)).toBe("; the median load's, 67 ms, was in a 73 ms frame: B");
    expect(medianTaskFrame({ ...visitor, loads: [load(0, null), load(0, null), load(90, 'x')] })).toBe('');
  });
});
