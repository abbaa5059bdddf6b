/**
 * The guided tour as a person uses it: step through by button and by arrow key, stop at the first
 * and last steps, see the map's month and selection follow, jump from the list of steps, and leave
 * the tour for the explorer at the step's view. Rendered on the real dataset, with the app's route.
 * The map here is a stand-in that shows what it reads from the store (the real map is slow in jsdom
 * and has its own tests; TourMap.test.tsx checks the real one beside the tour).
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { DatasetGate } from '../../src/app/DatasetGate';
import { TourPage } from '../../src/app/pages/TourPage';
import { formatProblem } from '../../src/data/problems';
import { parseDataset } from '../../src/data/load';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { miniDataset } from '../fixtures/mini-dataset';
import { loadRealDataset } from '../support/real-dataset';

vi.mock('../../src/features/graph', async () => {
  const { formatMonth } = await import('../../src/domain/months');
  const store = await import('../../src/store');
  return {
    MapView: function StandInMap() {
      const month = store.useExplorerStore(store.selectMonth);
      const selection = store.useExplorerStore(store.selectSelection);
      return (
        <section aria-label="Map">
          <h2>The system in {month ? formatMonth(month) : 'no month'}</h2>
          <p>Selected: {selection ? `${selection.kind} ${selection.id}` : 'nothing'}</p>
          <label>
            <input type="checkbox" defaultChecked /> Show services
          </label>
        </section>
      );
    },
  };
});

const real = loadRealDataset();
if (!real.ok) throw new Error(`the real dataset is invalid:\n${real.problems.map(formatProblem).join('\n')}`);
const steps = real.dataset.tour;
const count = steps.length;

function renderTour(address = '/tour', result = real) {
  const store = createExplorerStore();
  store.getState().receiveLoadResult(result);
  const router = createMemoryRouter(
    [
      { path: '/tour/:step?', element: <TourPage /> },
      { path: '*', element: <p>Another view</p> },
    ],
    { initialEntries: [address] },
  );
  render(
    <ExplorerStoreProvider store={store}>
      <RouterProvider router={router} />
    </ExplorerStoreProvider>,
  );
  const address_ = () => `${router.state.location.pathname}${router.state.location.search}`;
  return { store, router, address: address_, user: userEvent.setup() };
}

const stepHeading = () => screen.getByRole('heading', { level: 2, name: new RegExp(`^${escape(currentTitle())}$`) });
let expectedIndex = 0;
const currentTitle = () => steps[expectedIndex]!.title;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The card shows step n (1-based): its count, title and month, and the store follows it. */
function expectStep(n: number, store: ReturnType<typeof createExplorerStore>) {
  expectedIndex = n - 1;
  const step = steps[n - 1]!;
  expect(screen.getByText(`Step ${n} of ${count}`)).toBeInTheDocument();
  expect(stepHeading()).toBeInTheDocument();
  expect(store.getState().month).toBe(step.month);
  expect(store.getState().selection).toEqual({ kind: step.focus.kind, id: step.focus.id });
}

const nextButton = () => screen.getByRole('button', { name: 'Next step' });
const previousButton = () => screen.getByRole('button', { name: 'Previous step' });

describe('the guided tour', () => {
  it('opens on step 1: its month and focus are the map’s, and there is no step before it', () => {
    const { store } = renderTour('/tour');
    expectStep(1, store);
    expect(screen.getByRole('heading', { level: 1, name: 'A guided tour of the reforms' })).toBeInTheDocument();
    expect(previousButton()).toBeDisabled();
    expect(nextButton()).toBeEnabled();
    // The map beside the card is drawn at the step's month, with the step's focus selected.
    expect(screen.getByRole('heading', { level: 2, name: 'The system in July 2010' })).toBeInTheDocument();
    expect(screen.getByText('Selected: organisation gp-consortia')).toBeInTheDocument();
    // Its sources are shown, with their quotes.
    expect(screen.getByText(/local consortia of GP practices/, { selector: 'q' })).toBeInTheDocument();
  });

  it('moves on and back by button; the address, month and selection follow; focus goes to the new heading', async () => {
    const { store, address, user } = renderTour('/tour');
    await user.click(nextButton());
    expect(address()).toBe('/tour/2');
    expectStep(2, store);
    expect(stepHeading()).toHaveFocus();
    await user.click(nextButton());
    expect(address()).toBe('/tour/3');
    expectStep(3, store);
    await user.click(previousButton());
    expect(address()).toBe('/tour/2');
    expectStep(2, store);
    expect(stepHeading()).toHaveFocus();
  });

  it('moves on and back with the arrow keys, but not while focus is in a form control', async () => {
    const { store, address, user } = renderTour('/tour/4');
    expectStep(4, store);
    await user.keyboard('{ArrowRight}');
    expect(address()).toBe('/tour/5');
    expectStep(5, store);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(address()).toBe('/tour/3');
    expectStep(3, store);
    // The map's "Show services" checkbox is a form control: the arrows are its own there.
    const checkbox = screen.getByRole('checkbox', { name: /show services/i });
    act(() => checkbox.focus());
    await user.keyboard('{ArrowRight}');
    expect(address()).toBe('/tour/3');
    // With a modifier key, the arrows are the browser's (Alt+Left is Back).
    act(() => stepHeading().focus());
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(address()).toBe('/tour/3');
  });

  it('stops at the first and the last step', async () => {
    const { store, address, user } = renderTour('/tour/1');
    await user.keyboard('{ArrowLeft}');
    expect(address()).toBe('/tour/1');
    expectStep(1, store);
    await user.click(screen.getByRole('link', { name: new RegExp(escape(steps[count - 1]!.title)) }));
    expect(address()).toBe(`/tour/${count}`);
    expectStep(count, store);
    expect(nextButton()).toBeDisabled();
    expect(previousButton()).toBeEnabled();
    await user.keyboard('{ArrowRight}');
    expect(address()).toBe(`/tour/${count}`);
  });

  it('lists every step in order, the current one marked, and goes to a step from the list', async () => {
    const { store, address, user } = renderTour('/tour/2');
    const list = within(screen.getByRole('navigation', { name: 'Steps of the tour' })).getByRole('list');
    const links = within(list).getAllByRole('link');
    expect(links).toHaveLength(count);
    links.forEach((link, index) => {
      expect(link).toHaveTextContent(steps[index]!.title);
      expect(link).toHaveAttribute('href', `#/tour/${index + 1}`);
    });
    expect(links[1]).toHaveAttribute('aria-current', 'step');
    expect(links.filter((link) => link.hasAttribute('aria-current'))).toHaveLength(1);
    await user.click(links[6]!);
    expect(address()).toBe('/tour/7');
    expectStep(7, store);
    expect(within(list).getAllByRole('link')[6]).toHaveAttribute('aria-current', 'step');
  });

  it('leaves the tour for the explorer at the step’s view', () => {
    const healthVisiting = steps.findIndex((step) => step.focus.id === 'health-visiting') + 1;
    renderTour(`/tour/${healthVisiting}`);
    const leave = screen.getByRole('link', { name: /^Leave the tour/ });
    expect(leave).toHaveAttribute('href', '#/service/health-visiting?date=2015-10');
    expect(leave).toHaveAccessibleName('Leave the tour: Health visiting (children aged 0 to 5), October 2015');
  });

  it('leaves for an organisation’s view on a step about an organisation', () => {
    renderTour('/tour/1');
    expect(screen.getByRole('link', { name: /^Leave the tour/ })).toHaveAttribute('href', '#/org/gp-consortia?date=2010-07');
  });

  it('keeps the embed mode from step to step and when leaving', async () => {
    const { address, user } = renderTour('/tour/2?embed=1');
    await user.click(nextButton());
    expect(address()).toBe('/tour/3?embed=1');
    expect(screen.getByRole('link', { name: /^Leave the tour/ }).getAttribute('href')).toMatch(/\?date=2012-03&embed=1$/);
    expect(screen.getAllByRole('link', { name: /white paper/ })[0]).toHaveAttribute('href', '#/tour/1?embed=1');
  });

  it('explains an unknown step and shows step 1', () => {
    const { store } = renderTour('/tour/42');
    expect(
      screen.getByText(`The tour has no step “42”: its steps are numbered 1 to ${count}. Showing step 1.`),
    ).toBeInTheDocument();
    expectStep(1, store);
  });

  it('says so when the dataset has no tour', () => {
    const result = parseDataset(miniDataset());
    renderTour('/tour', result);
    expect(screen.getByText(/has no guided tour/)).toBeInTheDocument();
  });

  it('says it is loading until the dataset arrives (the loading gate’s)', () => {
    const store = createExplorerStore();
    const router = createMemoryRouter(
      [
        {
          path: '/tour/:step?',
          element: (
            <DatasetGate>
              <TourPage />
            </DatasetGate>
          ),
        },
      ],
      { initialEntries: ['/tour'] },
    );
    render(
      <ExplorerStoreProvider store={store}>
        <RouterProvider router={router} />
      </ExplorerStoreProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
  });

  it('opens what is chosen on the map in the explorer at the step’s month, as a new history entry', async () => {
    const { store, router, address } = renderTour('/tour/2');
    await act(async () => {});
    await act(async () => store.getState().select({ kind: 'organisation', id: 'nhs-england' }));
    expect(address()).toBe(`/org/nhs-england?date=${steps[1]!.month}`);
    expect(router.state.historyAction).toBe('PUSH');
  });
});
