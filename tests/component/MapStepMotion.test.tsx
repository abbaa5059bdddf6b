/**
 * Whether a month's change on the map is played as movement: steps taken one by one move, a scrub
 * (months a few tens of milliseconds apart) shows each month at once, and reduced motion never
 * moves. The gap between changes is measured where a change is applied, after the paint.
 */
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useChangeAfterPaint } from '../../src/components/after-paint';
import { movesOnChange, SCRUB_GAP_MS } from '../../src/features/graph/hooks';
import { afterPaint } from '../support/after-paint';

let now = 10_000;

afterEach(() => vi.restoreAllMocks());

function Shown({ value }: { value: string }) {
  const { value: shown, gapMs } = useChangeAfterPaint(value);
  return <p>{`${shown}: ${movesOnChange(gapMs, false) ? 'moves' : 'at once'}`}</p>;
}

describe('a change of month on the map', () => {
  it('moves on the first step and on steps taken on their own; shows each month at once while scrubbing', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const { rerender } = render(<Shown value="2013-03" />);
    await afterPaint();
    expect(screen.getByText('2013-03: moves')).toBeInTheDocument();
    now += 1000;
    rerender(<Shown value="2013-04" />);
    await afterPaint();
    expect(screen.getByText('2013-04: moves'), 'the first step').toBeInTheDocument();
    for (const month of ['2013-05', '2013-06', '2013-07']) {
      now += 40;
      rerender(<Shown value={month} />);
      await afterPaint();
      expect(screen.getByText(`${month}: at once`), `${month}, 40 ms after the month before`).toBeInTheDocument();
    }
    now += SCRUB_GAP_MS;
    rerender(<Shown value="2013-08" />);
    await afterPaint();
    expect(screen.getByText('2013-08: moves'), 'a step once the scrub has stopped').toBeInTheDocument();
  });

  it('never moves with reduced motion', () => {
    expect(movesOnChange(Number.POSITIVE_INFINITY, true)).toBe(false);
    expect(movesOnChange(1000, true)).toBe(false);
    expect(movesOnChange(1000, false)).toBe(true);
    expect(movesOnChange(SCRUB_GAP_MS - 1, false)).toBe(false);
  });
});
