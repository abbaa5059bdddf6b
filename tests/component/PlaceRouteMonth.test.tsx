/**
 * The place page follows the timeline: its month bar steps the month, the page shows the CCGs of
 * the new month and what changed in it, and the address keeps the month (?date=).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlaceRoutePage } from '../../src/app/pages/PlaceRoutePage';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset, ROOT } from '../support/real-dataset';

const placesText = readFileSync(path.join(ROOT, 'data', 'places', 'places.json'), 'utf8');

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(placesText, { status: 200 }))),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderPlace(address: string) {
  const result = loadRealDataset();
  if (!result.ok) throw new Error('the real dataset must load');
  const store = createExplorerStore();
  store.getState().receiveLoadResult(result);
  const router = createMemoryRouter([{ path: '/place/:code', element: <PlaceRoutePage /> }], { initialEntries: [address] });
  render(
    <ExplorerStoreProvider store={store}>
      <RouterProvider router={router} />
    </ExplorerStoreProvider>,
  );
  return { router, store };
}

const ccgNames = () =>
  [...screen.getByRole('region', { name: /^Clinical commissioning groups in/ }).querySelectorAll('li > strong')].map(
    (name) => name.textContent,
  );

describe('the place page and the timeline', { timeout: 20_000 }, () => {
  it('stepping from March to April 2018 in Leeds shows the merger into NHS Leeds CCG and keeps the month in the address', async () => {
    const { router, store } = renderPlace('/place/E08000035?date=2018-03');
    await screen.findByRole('heading', { level: 1, name: /^Leeds/ });
    expect(store.getState().month).toBe('2018-03');
    expect(ccgNames().sort()).toEqual(['NHS Leeds North CCG', 'NHS Leeds South and East CCG', 'NHS Leeds West CCG']);
    expect(screen.queryByRole('heading', { name: /^Changed in/ })).not.toBeInTheDocument();

    const timeline = within(screen.getByRole('region', { name: 'Timeline' }));
    await userEvent.click(timeline.getByRole('button', { name: /Next month/ }));

    expect(await screen.findByRole('heading', { name: 'Changed in April 2018' })).toBeInTheDocument();
    expect(
      screen.getByText(
        'April 2018: NHS Leeds North CCG, NHS Leeds South and East CCG and NHS Leeds West CCG merged into NHS Leeds CCG.',
        { selector: '.app-place__change strong' },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/They closed at the end of March 2018; NHS Leeds CCG opened in April 2018\./)).toBeInTheDocument();
    expect(ccgNames()).toEqual(['NHS Leeds CCG']);
    await vi.waitFor(() => expect(router.state.location.search).toBe('?date=2018-04'));
    expect(router.state.location.pathname).toBe('/place/E08000035');
  });

  it('a date out of range is explained and corrected in the address', async () => {
    const { router } = renderPlace('/place/E08000003?date=2030-01');
    await screen.findByRole('heading', { level: 1, name: /^Manchester/ });
    expect(screen.getByText(/outside the dataset/)).toBeInTheDocument();
    await vi.waitFor(() => expect(router.state.location.search).toBe('?date=2018-04'));
  });
});
