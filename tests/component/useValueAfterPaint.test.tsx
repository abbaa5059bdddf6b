/**
 * useValueAfterPaint: what follows the month a moment behind (the map, the lists, the place page).
 * Once painted, a new value waits for the next paint, so a month step paints its slider first; a
 * value that changes before the first paint (a page's month set from its address) is shown at
 * once, so the page never paints a stale month first.
 */
import { act, render, screen } from '@testing-library/react';
import { useLayoutEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useValueAfterPaint } from '../../src/components/after-paint';
import { afterPaint } from '../support/after-paint';

function Shown({ value }: { value: string }) {
  return <p>{`shown: ${useValueAfterPaint(value)}`}</p>;
}

/** Starts at "stale" and, in a layout effect (before the browser paints), moves to "from the address". */
function SetBeforePaint() {
  const [value, setValue] = useState('stale');
  // As a page sets its month from its address before it paints (useAddressState, through the store).
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useLayoutEffect(() => setValue('from the address'), []);
  return <Shown value={value} />;
}

describe('useValueAfterPaint', () => {
  it('follows a change only after the next paint once the component has been painted', async () => {
    const { rerender } = render(<Shown value="March 2013" />);
    await afterPaint();
    expect(screen.getByText('shown: March 2013')).toBeInTheDocument();
    rerender(<Shown value="April 2013" />);
    expect(screen.getByText('shown: March 2013')).toBeInTheDocument();
    await afterPaint();
    expect(screen.getByText('shown: April 2013')).toBeInTheDocument();
  });

  it('skips values passed over before a paint', async () => {
    const { rerender } = render(<Shown value="2013-01" />);
    await afterPaint();
    rerender(<Shown value="2013-02" />);
    rerender(<Shown value="2013-03" />);
    await afterPaint();
    expect(screen.getByText('shown: 2013-03')).toBeInTheDocument();
  });

  it('shows a value changed before the first paint at once, not the stale one first', async () => {
    await act(async () => {
      render(<SetBeforePaint />);
    });
    // Nothing has been painted yet (no frame has run): the value set in the layout effect is already shown.
    expect(screen.getByText('shown: from the address')).toBeInTheDocument();
  });
});
