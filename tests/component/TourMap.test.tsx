/**
 * The real map beside the tour: at each step it is drawn at the step's month with the step's
 * focus picked out (as the explorer would show that view).
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { TourPage } from '../../src/app/pages/TourPage';
import { formatProblem } from '../../src/data/problems';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset } from '../support/real-dataset';

const real = loadRealDataset();
if (!real.ok) throw new Error(`the real dataset is invalid:\n${real.problems.map(formatProblem).join('\n')}`);
const steps = real.dataset.tour;

describe('the map beside the tour', () => {
  it('follows the step: its month, and the step’s focus highlighted', { timeout: 30_000 }, async () => {
    const healthVisiting = steps.findIndex((step) => step.focus.id === 'health-visiting') + 1;
    const store = createExplorerStore();
    store.getState().receiveLoadResult(real);
    const router = createMemoryRouter([{ path: '/tour/:step?', element: <TourPage /> }], {
      initialEntries: [`/tour/${healthVisiting - 1}`],
    });
    const { container } = render(
      <ExplorerStoreProvider store={store}>
        <RouterProvider router={router} />
      </ExplorerStoreProvider>,
    );
    const before = steps[healthVisiting - 2]!;
    expect(
      await screen.findByRole('group', { name: /^Map of the health and care system in April 2015/ }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(container.querySelector(`[data-node-id="service:${before.focus.id}"]`)).toHaveAttribute(
      'data-emphasis',
      'highlighted',
    );

    await userEvent.setup().click(screen.getByRole('button', { name: 'Next step' }));
    const map = await screen.findByRole('region', { name: 'The system in October 2015' });
    // The map follows the step's month after the step has been painted.
    expect(
      await within(map).findByRole('group', { name: /^Map of the health and care system in October 2015/ }),
    ).toBeInTheDocument();
    const emphasis = (id: string) => container.querySelector(`[data-node-id="${id}"]`)?.getAttribute('data-emphasis');
    expect(emphasis('service:health-visiting')).toBe('highlighted');
    expect(emphasis('local-authorities')).toBe('highlighted');
    expect(emphasis('hm-treasury')).toBe('muted');
  });
});
