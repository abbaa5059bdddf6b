/**
 * The map in a browser-like DOM (jsdom, which has no layout or SVG geometry): what a person can
 * find, focus, choose and filter, that each service sits in the card of whoever commissions it,
 * and that its text alternative says the same. Positions come from the same layout the build writes.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems';
import type { Dataset } from '../../src/data/schema';
import { mapModelAt } from '../../src/domain/graph';
import { computeMapLayout } from '../../src/domain/map-layout/compute';
import type { MapLayoutFile } from '../../src/domain/map-layout/layout-file';
import { MapView } from '../../src/features/graph';
import { createExplorerStore, DEFAULT_FILTERS, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset } from '../support/real-dataset';
import { afterPaint, showMonth } from '../support/after-paint';

const loaded = loadRealDataset();

function dataset(): Dataset {
  if (!loaded.ok) throw new Error(`the real dataset is invalid:\n${loaded.problems.map(formatProblem).join('\n')}`);
  return loaded.dataset;
}

let layout: MapLayoutFile;
beforeAll(() => {
  layout = computeMapLayout(dataset());
});

/** Renders the map at a month; the map is drawn a frame after the page around it (MapSection). */
async function renderMap(month = '2015-10') {
  const store = createExplorerStore({ data: { status: 'ready', dataset: dataset() }, month, mapLayout: layout });
  const view = render(
    <ExplorerStoreProvider store={store}>
      <MapView />
    </ExplorerStoreProvider>,
  );
  await afterPaint();
  return { store, ...view };
}

const map = () => screen.getByRole('group', { name: /^Map of the health and care system in/ });
const nodeElement = (id: string) => {
  const element = map().querySelector<SVGGElement>(`[data-node-id="${id}"]:not([aria-hidden])`);
  if (!element) throw new Error(`no node ${id}`);
  return element;
};
const cardOf = (serviceId: string) => nodeElement(`service:${serviceId}`).getAttribute('data-commissioner');

// Accessible names are worked out for every node of a real map: slow in jsdom on a shared machine.
describe('MapView', { timeout: 30_000 }, () => {
  it('draws the month’s bodies and services as named nodes, one tab stop for the whole map', async () => {
    await renderMap();
    const model = mapModelAt(dataset(), '2015-10', DEFAULT_FILTERS);
    expect(map().querySelectorAll('[data-node-id][role="button"]:not([aria-hidden])')).toHaveLength(model.nodes.length);
    // The name starts with what the node shows (label in name), then spells it out.
    const ccgs = within(map()).getByRole('button', { name: /^CCGs · 211, Clinical commissioning groups \(211\)/ });
    expect(ccgs).toHaveAttribute('data-node-id', 'clinical-commissioning-groups');
    expect(ccgs).toHaveAccessibleName(expect.stringMatching(/commissions \d+ services on the map$/));
    expect(
      within(map()).getByRole('button', {
        name: /^Health visiting \(children aged 0 to 5\), service; commissioned by Local authorities/,
      }),
    ).toBeInTheDocument();
    expect(map().querySelectorAll('[data-node-id][tabindex="0"]')).toHaveLength(1);
  });

  it('draws the page first, then the map in the place kept for it, then the key below it', async () => {
    // Three frames of a third of the work each, rather than one long task on a small machine.
    const store = createExplorerStore({ data: { status: 'ready', dataset: dataset() }, month: '2015-10', mapLayout: layout });
    render(
      <ExplorerStoreProvider store={store}>
        <MapView />
      </ExplorerStoreProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Drawing the map…');
    expect(screen.queryByRole('group', { name: /^Map of the health and care system in/ })).toBeNull();
    await afterPaint();
    expect(map()).toBeInTheDocument();
    expect(screen.queryByText('Drawing the map…')).toBeNull();
    expect(screen.queryByRole('heading', { name: /^Key/ })).toBeNull();
    await afterPaint();
    expect(screen.getByRole('heading', { name: /^Key/ })).toBeInTheDocument();
  });

  it('puts each service in the card of whoever commissions it, and moves it when that changes', async () => {
    const { store } = await renderMap('2015-06');
    expect(cardOf('health-visiting')).toBe('nhs-england');
    expect(map().querySelector('[data-commissioner="nhs-england"].app-graph__cluster')).not.toBeNull();
    await showMonth(store, '2016-01');
    expect(cardOf('health-visiting')).toBe('local-authorities');
    expect(cardOf('family-nurse-partnership')).toBe('local-authorities');

    await showMonth(store, '2013-03');
    expect(cardOf('general-practice')).toBe('primary-care-trusts');
    await showMonth(store, '2013-04');
    expect(cardOf('general-practice')).toBe('nhs-england');
    expect(cardOf('maternity')).toBe('clinical-commissioning-groups');
    expect(cardOf('sexual-health')).toBe('local-authorities');
    // The primary care trusts are gone, and their card with them.
    expect(map().querySelector('[data-node-id="primary-care-trusts"]:not([aria-hidden])')).toBeNull();
  });

  it('follows a month step only after the step has been painted, so the slider never waits for the map', async () => {
    const { store } = await renderMap('2015-06');
    await act(async () => store.getState().setMonth('2016-01'));
    // The step is rendered (the store has it), the map not yet: it is drawn after the next paint.
    expect(cardOf('health-visiting')).toBe('nhs-england');
    await afterPaint();
    expect(cardOf('health-visiting')).toBe('local-authorities');
  });

  it('tells what changed this month, with the moves and a link to compare with the month before', async () => {
    const { store } = await renderMap('2013-04');
    const strip = screen.getByText(/services changed commissioner/).closest('details');
    expect(strip).not.toBeNull();
    expect(strip).toHaveTextContent(/April 2013: \d+ services changed commissioner/);
    await userEvent.setup().click(screen.getByText(/services changed commissioner/));
    expect(
      within(strip as HTMLElement)
        .getByText(/General practice/)
        .closest('li'),
    ).toHaveTextContent('General practice (GP services): Primary care trusts → NHS England');
    expect(within(strip as HTMLElement).getByRole('link', { name: 'Compare March 2013 with April 2013' })).toHaveAttribute(
      'href',
      '#/compare?from=2013-03&to=2013-04',
    );
    await showMonth(store, '2013-05');
    expect(screen.queryByText(/services? changed commissioner/)).toBeNull();
  });

  it('draws funding and commissioning links by default; the other kinds are one click away', async () => {
    const { store } = await renderMap('2015-10');
    const kinds = () =>
      new Set(
        [...map().querySelectorAll('[data-link-kind]:not([aria-hidden])')].map((link) => link.getAttribute('data-link-kind')),
      );
    expect([...kinds()].sort()).toEqual(expect.arrayContaining(['funds']));
    expect(kinds().has('regulates')).toBe(false);
    expect(kinds().has('oversees')).toBe(false);
    await act(async () => store.getState().setFilters({ hiddenRelationshipKinds: [] }));
    expect(kinds().has('regulates')).toBe(true);
  });

  it('chooses a node that is clicked, or focused and chosen with Enter', async () => {
    const { store } = await renderMap();
    fireEvent.click(nodeElement('service:health-visiting'));
    expect(store.getState().selection).toEqual({ kind: 'service', id: 'health-visiting' });
    act(() => nodeElement('nhs-england').focus());
    fireEvent.keyDown(nodeElement('nhs-england'), { key: 'Enter' });
    expect(store.getState().selection).toEqual({ kind: 'organisation', id: 'nhs-england' });
  });

  it('moves between nodes with the arrow keys and picks out the focused node’s links', async () => {
    await renderMap();
    const first = map().querySelector<SVGGElement>('[data-node-id][tabindex="0"]');
    if (!first) throw new Error('no node to tab to');
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).not.toBe(first);
    expect(document.activeElement).toHaveAttribute('data-node-id');
    act(() => nodeElement('local-authorities').focus());
    expect(nodeElement('local-authorities')).toHaveAttribute('data-emphasis', 'focus');
    // Its services are picked out with it; the rest of the map is dimmed.
    expect(nodeElement('service:health-visiting')).toHaveAttribute('data-emphasis', 'highlighted');
    expect(nodeElement('service:dental')).toHaveAttribute('data-emphasis', 'dimmed');
    expect(document.querySelector('.app-graph__caption')).toHaveTextContent(
      /^Local authorities.*commissions \d+ services on the map$/,
    );
  });

  it('rings the focused node, and keeps the ring while focus stays there after Escape', async () => {
    await renderMap();
    const ring = (id: string) => nodeElement(id).querySelector('.app-graph__focus-ring');
    act(() => nodeElement('local-authorities').focus());
    expect(ring('local-authorities')).not.toBeNull();
    // Only the focused node has one, not every node of the map.
    expect(map().querySelectorAll('.app-graph__focus-ring')).toHaveLength(1);
    fireEvent.keyDown(nodeElement('local-authorities'), { key: 'Escape' });
    expect(ring('local-authorities')).not.toBeNull();
    act(() => nodeElement('nhs-england').focus());
    expect(ring('local-authorities')).toBeNull();
    expect(ring('nhs-england')).not.toBeNull();
  });

  it('outlines the chosen service and what it is linked to', async () => {
    const store = createExplorerStore({
      data: { status: 'ready', dataset: dataset() },
      month: '2015-10',
      mapLayout: layout,
      selection: { kind: 'service', id: 'general-practice' },
    });
    render(
      <ExplorerStoreProvider store={store}>
        <MapView />
      </ExplorerStoreProvider>,
    );
    await afterPaint();
    expect(nodeElement('service:general-practice')).toHaveAttribute('aria-current', 'true');
    expect(nodeElement('service:general-practice').querySelector('.app-graph__focus-ring')).not.toBeNull();
    expect(nodeElement('nhs-england')).toHaveAttribute('data-emphasis', 'highlighted');
    expect(nodeElement('clinical-commissioning-groups')).toHaveAttribute('data-emphasis', 'highlighted');
    expect(nodeElement('service:dental')).toHaveAttribute('data-emphasis', 'muted');
  });

  it('takes the services off the map when "Show services" is unticked', async () => {
    await renderMap();
    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'Show services' }));
    expect(map().querySelector('[data-node-type="service"]:not([aria-hidden])')).toBeNull();
    expect(nodeElement('nhs-england')).toBeInTheDocument();
  });

  it('has zoom buttons for keyboard users, and a key that explains the cards', async () => {
    await renderMap();
    expect(screen.getByRole('button', { name: 'Zoom in' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Zoom out' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reset' })).toBeInTheDocument();
    // The key is drawn just after the map's first paint.
    expect(await screen.findByText(/sits in the card of the body that commissions it/)).toBeInTheDocument();
  });

  it('computes its own layout when none was loaded (a dataset edited since the build)', async () => {
    const store = createExplorerStore({ data: { status: 'ready', dataset: dataset() }, month: '2013-04' });
    render(
      <ExplorerStoreProvider store={store}>
        <MapView />
      </ExplorerStoreProvider>,
    );
    expect(
      await screen.findByRole('group', { name: /^Map of the health and care system in/ }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(cardOf('general-practice')).toBe('nhs-england');
  });
});
