import { describe, expect, it } from 'vitest';
import { pressPauses, REFRESH_MS, seededRandom } from '../../scripts/bench/press-phase';

describe('the bench’s pauses before key presses', () => {
  it('are the same sequence for the same seed, and another for another seed', () => {
    const first = pressPauses(11);
    const again = pressPauses(11);
    const other = pressPauses(12);
    const a = Array.from({ length: 20 }, first);
    expect(Array.from({ length: 20 }, again)).toEqual(a);
    expect(Array.from({ length: 20 }, other)).not.toEqual(a);
  });

  it('spread the presses over a whole refresh, never a refresh or more', () => {
    const pauses = Array.from({ length: 2000 }, pressPauses(7));
    expect(Math.min(...pauses)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...pauses)).toBeLessThan(REFRESH_MS);
    // Uniform: each quarter of the refresh gets about a quarter of the presses.
    for (let quarter = 0; quarter < 4; quarter += 1) {
      const inQuarter = pauses.filter((pause) => Math.floor((pause / REFRESH_MS) * 4) === quarter).length;
      expect(inQuarter).toBeGreaterThan(400);
      expect(inQuarter).toBeLessThan(600);
    }
  });

  it('draws numbers in [0, 1)', () => {
    const random = seededRandom(0);
    for (let draw = 0; draw < 1000; draw += 1) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
