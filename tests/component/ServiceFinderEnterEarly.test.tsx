/**
 * Enter pressed in the service finder before its search has loaded (a quick typist on a slow
 * connection) still opens the top match, once the search arrives. The search module is held back
 * here until the test lets it through, as a slow connection would (in a file of its own: the
 * search, once loaded, stays loaded for the module graph).
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ServiceFinder } from '../../src/features/services';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset } from '../support/real-dataset';

const gate = vi.hoisted(() => {
  let release = () => {};
  const opened = new Promise<void>((resolve) => (release = resolve));
  return { opened, release: () => release() };
});

vi.mock('../../src/features/services/service-search', async (importOriginal) => {
  await gate.opened;
  return importOriginal();
});

describe('ServiceFinder, with its search still loading', () => {
  it('remembers Enter and opens the top match for that query once the search is in', async () => {
    const user = userEvent.setup();
    const store = createExplorerStore({ month: '2015-10' });
    store.getState().receiveLoadResult(loadRealDataset());
    render(
      <ExplorerStoreProvider store={store}>
        <ServiceFinder browse />
      </ExplorerStoreProvider>,
    );
    await user.type(screen.getByRole('searchbox', { name: 'Find a service' }), 'health visiting{Enter}');
    expect(store.getState().selection).toBeNull();
    await act(async () => {
      gate.release();
      await gate.opened;
    });
    await vi.waitFor(() => expect(store.getState().selection).toEqual({ kind: 'service', id: 'health-visiting' }));
  });
});
