/**
 * The place finder on the explorer's first screen: a combobox that loads the place list when it is
 * focused, and opens a council's place page from the keyboard (Enter: the top option; the arrow
 * keys choose another), at the chosen month.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlaceFinderField } from '../../src/features/places/PlaceFinderField';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset, ROOT } from '../support/real-dataset';

const placesText = readFileSync(path.join(ROOT, 'data', 'places', 'places.json'), 'utf8');
const fetched: string[] = [];

beforeEach(() => {
  fetched.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      fetched.push(String(url));
      return Promise.resolve(new Response(placesText, { status: 200 }));
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderFinder() {
  const result = loadRealDataset();
  if (!result.ok) throw new Error('the real dataset must load');
  const store = createExplorerStore({ month: '2016-06' });
  store.getState().receiveLoadResult(result);
  store.getState().setMonth('2016-06');
  const router = createMemoryRouter(
    [
      { path: '/', element: <PlaceFinderField /> },
      { path: '/place/:code', element: <p>place page</p> },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <ExplorerStoreProvider store={store}>
      <RouterProvider router={router} />
    </ExplorerStoreProvider>,
  );
  return Object.assign(router, { store });
}

describe('the place finder on the first screen', { timeout: 20_000 }, () => {
  it('loads nothing until it is used, then the place list once', async () => {
    renderFinder();
    const field = screen.getByRole('combobox', { name: 'Find a place' });
    expect(fetched).toEqual([]);
    await userEvent.click(field);
    await userEvent.type(field, 'Leeds');
    await screen.findByRole('listbox', { name: 'Places found' });
    expect(fetched.filter((url) => url.endsWith('data/places/places.json'))).toHaveLength(1);
  });

  it('Enter opens the top option: Leeds, at the chosen month', async () => {
    const router = renderFinder();
    const field = screen.getByRole('combobox', { name: 'Find a place' });
    await userEvent.type(field, 'Leeds');
    const list = await screen.findByRole('listbox', { name: 'Places found' });
    expect(within(list).getAllByRole('option')[0]).toHaveTextContent('Leeds council');
    expect(field).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe('/place/E08000035');
    expect(router.state.location.search).toBe('?date=2016-06');
  });

  it('the arrow keys choose an option (a CCG, opening the council it covers), Escape closes the list', async () => {
    const router = renderFinder();
    const field = screen.getByRole('combobox', { name: 'Find a place' });
    await userEvent.type(field, 'Manchester');
    const list = await screen.findByRole('listbox', { name: 'Places found' });
    const options = within(list).getAllByRole('option');
    await userEvent.keyboard('{ArrowDown}');
    expect(field).toHaveAttribute('aria-activedescendant', options[0]?.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Escape}');
    expect(field).toHaveAttribute('aria-expanded', 'false');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    const second = within(screen.getByRole('listbox', { name: 'Places found' })).getAllByRole('option')[1];
    expect(second).toHaveAttribute('aria-selected', 'true');
    const chosen = second?.textContent ?? '';
    await userEvent.keyboard('{Enter}');
    expect(router.state.location.pathname).toMatch(/^\/place\/E\d{8}$/);
    expect(chosen).toMatch(/Manchester/);
  });

  it('opens the place at the month chosen last, whether it changed before or after the typing', async () => {
    const router = renderFinder();
    act(() => router.store.getState().setMonth('2012-06'));
    const field = screen.getByRole('combobox', { name: 'Find a place' });
    await userEvent.type(field, 'Leeds');
    await screen.findByRole('listbox', { name: 'Places found' });
    act(() => router.store.getState().setMonth('2014-01'));
    await userEvent.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe('/place/E08000035');
    expect(router.state.location.search).toBe('?date=2014-01');
  });

  it('says when nothing matches', async () => {
    renderFinder();
    await userEvent.type(screen.getByRole('combobox', { name: 'Find a place' }), 'zzqx');
    expect(await screen.findByText('No council, CCG or primary care trust matches “zzqx”.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Find a place' })).toHaveAttribute('aria-expanded', 'false');
  });
});
