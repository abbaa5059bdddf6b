/** Small statistics for the benchmark's samples. */

export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** The nearest-rank percentile: the smallest sample at or above p per cent of the samples. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
}

/** The median (the nearest-rank 50th percentile). */
export const median = (values: readonly number[]): number => percentile(values, 50);

export function distribution(values: readonly number[]): Distribution {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    // A loop, not Math.max(...values): a spread of a hundred thousand samples overflows the stack.
    max: values.length === 0 ? Number.NaN : values.reduce((largest, value) => (value > largest ? value : largest), -Infinity),
  };
}

export const round = (value: number, digits = 1): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
