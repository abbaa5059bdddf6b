/**
 * The bench's load budgets read loads made with no DevTools Runtime session (a visitor's browser):
 * their median longest task until the map settled, their median blocking time, and the largest
 * layout shift of all; with no such loads, the driven load's figures as before.
 */
import { describe, expect, it } from 'vitest';
import { type BenchReport, evaluateBudgets, visitorLoadFigures } from '../../scripts/bench/report';
import type { VisitorLoad } from '../../scripts/bench/visitor-load';

const load = (longestTaskUntilSettledMs: number, totalBlockingTimeMs = 0, cumulativeLayoutShift = 0): VisitorLoad => ({
  longestTaskUntilDrawnMs: 0,
  longestTaskUntilSettledMs,
  totalBlockingTimeMs,
  cumulativeLayoutShift,
  firstContentfulPaintMs: 400,
  mapDrawnMs: 1200,
  mapSettledMs: 1300,
  drawnMs: null,
  longTasks: [],
  longFrames: [],
  longestTaskFrame: null,
});

const drivenRun = {
  id: 'real',
  label: 'real',
  factor: null,
  measures: {
    load: { longestTaskUntilDrawnMs: 58, totalBlockingTimeMs: 8, cumulativeLayoutShift: 0.001 },
    scrub: { eventTiming: null, inputToPaintMs: { p50: 20, p95: 30, max: 40, count: 10 } },
    memory: { growthPercent: 5 },
  },
} as unknown as BenchReport['runs'][number];

const reportWith = (visitorLoads: BenchReport['visitorLoads']) =>
  ({
    bundle: { firstViewJs: null, firstViewCss: null, firstViewWorkerJs: null },
    runs: [drivenRun],
    lighthouse: null,
    visitorLoads,
  }) as unknown as Pick<BenchReport, 'bundle' | 'runs' | 'lighthouse' | 'visitorLoads'>;

const budget = (report: ReturnType<typeof reportWith>, name: string) => {
  const found = evaluateBudgets(report).find((result) => result.name === name);
  if (!found) throw new Error(`no budget ${name}`);
  return found;
};

describe('the bench’s visitor loads', () => {
  it('takes the median longest task and blocking time, and the largest layout shift', () => {
    const figures = visitorLoadFigures({ loads: [load(62, 12, 0), load(41, 0, 0.004), load(47, 3, 0)], error: null });
    expect(figures).toMatchObject({ longestTaskMs: 47, totalBlockingTimeMs: 3, cumulativeLayoutShift: 0.004 });
    expect(figures?.each).toBe('62 ms (settled at 1300 ms), 41 ms (settled at 1300 ms), 47 ms (settled at 1300 ms)');
  });

  it('has no figures without loads', () => {
    expect(visitorLoadFigures(null)).toBeNull();
    expect(visitorLoadFigures({ loads: [], error: 'Chromium did not start' })).toBeNull();
  });

  it('judges the load budgets by the visitor loads, naming the driven figure beside them', () => {
    const report = reportWith({ loads: [load(62), load(41), load(47)], error: null });
    const longest = budget(report, 'Longest task until the first map is drawn (real data)');
    expect(longest).toMatchObject({ measured: 47, status: 'PASS' });
    expect(longest.how).toContain('Driven by Playwright, until the first map node: 58 ms');
    // The layout shift is the largest of the visitor loads and the driven one.
    expect(budget(report, 'Cumulative layout shift (real data)')).toMatchObject({ measured: 0.001 });
  });

  it('falls back to the driven load when no visitor load could be made', () => {
    const report = reportWith({ loads: [], error: 'Chromium did not start' });
    expect(budget(report, 'Longest task until the first map is drawn (real data)')).toMatchObject({
      measured: 58,
      status: 'FAIL',
    });
  });
});
