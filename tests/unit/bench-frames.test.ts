/**
 * The bench's record of frames while scrubbing leaves out the frames its own work spans (a forced
 * garbage collection between scrubs): paused before that work, a long frame after it is not the app's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type BenchWindow,
  pauseFrames,
  recordedLongFrames,
  startFrameRecording,
  stopFrameRecording,
} from '../../scripts/bench/in-page';
import { stepsOfLongFrames } from '../../scripts/bench/measure-page';

let callbacks: FrameRequestCallback[] = [];
/** Runs the page's next frame at `time` ms. */
const frameAt = (time: number) => {
  const due = callbacks;
  callbacks = [];
  for (const callback of due) callback(time);
};

beforeEach(() => {
  callbacks = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => callbacks.push(callback));
  (window as BenchWindow).__bench = { frames: [], recordingFrames: false, framesPaused: false, lastFrameAt: null } as never;
});
afterEach(() => {
  vi.unstubAllGlobals();
  delete (window as BenchWindow).__bench;
});

describe('frame recording while scrubbing', () => {
  it('records the time between frames', () => {
    startFrameRecording();
    [0, 16, 33, 50].forEach(frameAt);
    expect(stopFrameRecording()).toEqual([16, 17, 17]);
  });

  it('reads a frame of three refreshes as 50 ms, not over it, whichever way the browser rounded its timestamps', () => {
    startFrameRecording();
    // 60 Hz refreshes, each timestamp rounded to 0.1 ms as the browser rounds them: the third frame spans three refreshes.
    [0, 16.7, 33.3, 83.4, 150.1].forEach(frameAt);
    expect(stopFrameRecording()).toEqual([16.5, 16.5, 50, 66.5]);
    expect(recordedLongFrames().map(([, frameMs]) => frameMs)).toEqual([66.5]);
  });

  it('leaves out the frames the benchmark’s own work spans, even one that runs before it is told the work has ended', () => {
    startFrameRecording();
    [0, 16].forEach(frameAt);
    pauseFrames(true);
    // A forced garbage collection of 300 ms, and the first frame after it before the page hears it has ended.
    [316, 333].forEach(frameAt);
    pauseFrames(false);
    [350, 366].forEach(frameAt);
    expect(stopFrameRecording()).toEqual([16, 16]);
  });
});

describe('where the long frames fell', () => {
  it('keeps the frames over 50 ms with the time each ended', () => {
    startFrameRecording();
    [0, 16, 116, 133, 183, 250].forEach(frameAt);
    expect(recordedLongFrames()).toEqual([
      [116, 100],
      [250, 67],
    ]);
  });

  it('places each at the month of the last step before it ended, longest first', () => {
    const windows: Array<[number, number]> = [
      [1000, 1100],
      [1200, 1300],
    ];
    const samples = [{ month: 'March 2013' }, { month: 'April 2013' }];
    expect(
      stepsOfLongFrames(
        [
          [1040, 67],
          [1283.4, 100.2],
          [900, 83],
        ],
        windows,
        samples,
      ),
    ).toEqual([
      { frameMs: 100.2, month: 'April 2013', msAfterInput: 83 },
      { frameMs: 83, month: 'before the first step', msAfterInput: Number.NaN },
      { frameMs: 67, month: 'March 2013', msAfterInput: 40 },
    ]);
  });
});
