/**
 * While the data loads, the explorer's skeleton stands still: an animation has a frame drawn at
 * every refresh, which on a small machine takes a core from the page while it builds. Only once the
 * data has taken over a second (a slow connection) does the skeleton say it is still loading, and
 * its blocks pulse beside those words (the pulse's CSS hangs on the class checked here; the e2e
 * suite checks that the browser runs it).
 */
import { act, render, screen } from '@testing-library/react';
import { HashRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DatasetGate, SLOW_LOAD_MS } from '../../src/app/DatasetGate';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';

describe('the skeleton while the data loads', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    window.location.hash = '#/';
  });
  afterEach(() => vi.useRealTimers());

  it('stands still for the first second, then says the data is still coming and pulses', () => {
    const { container } = render(
      <ExplorerStoreProvider store={createExplorerStore()}>
        <HashRouter>
          <DatasetGate>
            <p>The explorer</p>
          </DatasetGate>
        </HashRouter>
      </ExplorerStoreProvider>,
    );
    const skeleton = () => container.querySelector('.app-explorer--skeleton');
    expect(screen.getByRole('status')).toHaveTextContent('Loading the map…');
    expect(skeleton()).not.toHaveClass('app-explorer--loading-slowly');
    act(() => void vi.advanceTimersByTime(SLOW_LOAD_MS - 10));
    expect(skeleton()).not.toHaveClass('app-explorer--loading-slowly');
    act(() => void vi.advanceTimersByTime(20));
    expect(screen.getByRole('status')).toHaveTextContent('Still loading the data: this can take a while on a slow connection…');
    expect(skeleton()).toHaveClass('app-explorer--loading-slowly');
    expect(screen.queryByText('The explorer')).toBeNull();
  });
});
