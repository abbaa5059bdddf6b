/**
 * One failing view must not blank the page: it shows its own error, everything outside it keeps
 * working, and "Try again" renders the view afresh.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ViewErrorBoundary } from '../../src/components/ViewErrorBoundary';

/** A view that fails while `broken.now` is true, as a view given data it cannot draw would. */
const broken = { now: true };

function FragileView() {
  if (broken.now) throw new Error('the layout has no nodes');
  return <p>The map is drawn</p>;
}

function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount((value) => value + 1)}>
      Pressed {count} times
    </button>
  );
}

function Page() {
  return (
    <>
      <ViewErrorBoundary name="the map">
        <FragileView />
      </ViewErrorBoundary>
      <ViewErrorBoundary name="the timeline">
        <p>The timeline is drawn</p>
      </ViewErrorBoundary>
      <Counter />
    </>
  );
}

let consoleError: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  broken.now = true;
  // React reports the caught error on the console too; the boundary adds which view failed.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  consoleError.mockRestore();
});

describe('ViewErrorBoundary', () => {
  it('shows which view failed and why, while the rest of the page still renders and works', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading', { level: 3 })).toHaveTextContent('Sorry, the map could not be shown');
    expect(alert).toHaveTextContent('The rest of the page still works. The error was: the layout has no nodes');
    expect(screen.queryByText('The map is drawn')).not.toBeInTheDocument();

    // A sibling view inside its own boundary, and a control outside any, are untouched.
    expect(screen.getByText('The timeline is drawn')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Pressed 0 times' }));
    await user.click(screen.getByRole('button', { name: 'Pressed 1 times' }));
    expect(screen.getByRole('button', { name: 'Pressed 2 times' })).toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toHaveLength(1);

    expect(consoleError).toHaveBeenCalledWith('The view "the map" failed', expect.any(Error), expect.any(String));
  });

  it('"Try again" renders the view afresh, and shows the error again if it still fails', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Sorry, the map could not be shown');

    broken.now = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('The map is drawn')).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('The timeline is drawn')).toBeVisible();
  });

  it('tells the page when its view has failed (the explorer then shows the map actions all the same)', () => {
    const onError = vi.fn();
    render(
      <ViewErrorBoundary name="the map" onError={onError}>
        <FragileView />
      </ViewErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Sorry, the map could not be shown');
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
