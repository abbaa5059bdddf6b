/**
 * The map in a browser-like DOM (jsdom, which has no layout, ResizeObserver or SVG geometry):
 * what a person can find, focus, choose and filter, and that its text alternative says the same.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems';
import type { Dataset } from '../../src/data/schema';
import { DEFAULT_MAP_OPTIONS, mapModelAt, neighboursOf } from '../../src/domain/graph';
import { MapView } from '../../src/features/graph';
import { CATEGORY_STYLES } from '../../src/features/graph/encodings';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset } from '../support/real-dataset';

const loaded = loadRealDataset();

function dataset(): Dataset {
  if (!loaded.ok) throw new Error(`the real dataset is invalid:\n${loaded.problems.map(formatProblem).join('\n')}`);
  return loaded.dataset;
}

function renderMap(month = '2015-10') {
  const store = createExplorerStore({ data: { status: 'ready', dataset: dataset() }, month });
  const view = render(
    <ExplorerStoreProvider store={store}>
      <MapView />
    </ExplorerStoreProvider>,
  );
  return { store, ...view };
}

const map = () => screen.getByRole('group', { name: /^Map of the health and care system in/ });
const nodeElement = (id: string) => {
  const element = map().querySelector<SVGGElement>(`[data-node-id="${id}"]`);
  if (!element) throw new Error(`no node ${id}`);
  return element;
};

describe('MapView', () => {
  it('draws the month’s bodies and services as named, focusable nodes', () => {
    renderMap();
    expect(map()).toHaveAccessibleDescription('29 organisations and 60 services; 142 links.');
    // The name starts with what the node shows (label in name), then says what it is.
    const ccgs = within(map()).getByRole('button', {
      name: 'CCGs · 211, Clinical commissioning groups (211), kind of body, local commissioner',
    });
    expect(ccgs).toHaveAttribute('data-node-id', 'clinical-commissioning-groups');
    expect(
      within(map()).getByRole('button', {
        name: /^Health visiting \(children aged 0 to 5\), service, commissioned by Local authorities/,
      }),
    ).toBeInTheDocument();
    const model = mapModelAt(dataset(), '2015-10');
    expect(within(map()).getAllByRole('button')).toHaveLength(model.nodes.length);
    // One tab stop for the whole map; the arrow keys move within it.
    expect(
      within(map())
        .getAllByRole('button')
        .filter((button) => button.tabIndex === 0),
    ).toHaveLength(1);
  });

  it('hides bodies not in force that month, and keeps every other body where it was', () => {
    const { store } = renderMap('2013-03');
    const where = (id: string) => nodeElement(id).getAttribute('transform');
    const localAuthorities = where('local-authorities');
    expect(nodeElement('primary-care-trusts')).not.toHaveAttribute('aria-hidden');
    expect(nodeElement('clinical-commissioning-groups')).toHaveAttribute('aria-hidden', 'true');
    act(() => store.getState().setMonth('2013-04'));
    expect(screen.getByRole('heading', { name: 'The system in April 2013' })).toBeInTheDocument();
    expect(nodeElement('primary-care-trusts')).toHaveAttribute('aria-hidden', 'true');
    expect(nodeElement('clinical-commissioning-groups')).not.toHaveAttribute('aria-hidden');
    expect(where('local-authorities')).toBe(localAuthorities);
  });

  it('moves a service’s commissioning link when responsibility moves', () => {
    const { store } = renderMap('2015-09');
    const present = () =>
      [...map().querySelectorAll('[data-link-kind="commissions"][data-present="true"] title')]
        .map((title) => title.textContent ?? '')
        .filter((title) => title.includes('Health visiting'));
    expect(present()).toEqual([expect.stringMatching(/^NHS England commissions Health visiting/)]);
    act(() => store.getState().setMonth('2015-10'));
    expect(present()).toEqual([
      expect.stringMatching(/^Local authorities \(upper-tier and unitary councils\) commission Health visiting/),
    ]);
  });

  it('shows funding with its amount and financial year', () => {
    renderMap('2015-10');
    // A figure whose label would overlap another shows when its link is picked out.
    fireEvent.focus(nodeElement('department-of-health'));
    const labels = [...map().querySelectorAll('.app-graph__link-label')].map((label) => label.textContent);
    expect(labels).toContain('£104.4bn 2015/16');
    const titles = [...map().querySelectorAll('[data-link-kind="funds"][data-present="true"] title')].map(
      (title) => title.textContent,
    );
    expect(titles).toContain(
      "Department of Health funds NHS England: £104.4bn allocation; over 80 per cent of the Department of Health's total spend, 2015/16",
    );
  });

  it('highlights a focused node and its neighbours, and dims the rest', () => {
    renderMap();
    const model = mapModelAt(dataset(), '2015-10');
    const neighbours = neighboursOf(model, 'public-health-england');
    fireEvent.focus(nodeElement('public-health-england'));
    expect(nodeElement('public-health-england')).toHaveAttribute('data-emphasis', 'focus');
    for (const node of model.nodes) {
      if (node.id === 'public-health-england') continue;
      expect(nodeElement(node.id), node.id).toHaveAttribute('data-emphasis', neighbours.has(node.id) ? 'highlighted' : 'dimmed');
    }
    expect(screen.getByText('Public Health England', { selector: '.app-graph__caption strong' })).toBeInTheDocument();
    fireEvent.blur(nodeElement('public-health-england'));
    expect(nodeElement('clinical-commissioning-groups')).toHaveAttribute('data-emphasis', 'normal');
  });

  it('selects a node that is clicked, or chosen with Enter', async () => {
    const user = userEvent.setup();
    const { store } = renderMap();
    await user.click(within(map()).getByRole('button', { name: 'NHS England, national commissioner' }));
    expect(store.getState().selection).toEqual({ kind: 'organisation', id: 'nhs-england' });
    nodeElement('service:dental').focus();
    await user.keyboard('{Enter}');
    expect(store.getState().selection).toEqual({ kind: 'service', id: 'dental' });
  });

  it('moves between nodes with the arrow keys', async () => {
    const user = userEvent.setup();
    renderMap();
    // Past the "Show services" box and the zoom buttons, the map is one tab stop.
    for (let step = 0; step < 8 && !document.activeElement?.hasAttribute('data-node-id'); step += 1) await user.tab();
    const first = document.activeElement;
    expect(first).toHaveAttribute('data-node-id');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).not.toBe(first);
    expect(document.activeElement).toHaveAttribute('data-node-id');
    expect(document.activeElement).toHaveAttribute('tabindex', '0');
    expect(first).toHaveAttribute('tabindex', '-1');
  });

  it('outlines the selected service and its commissioners', () => {
    const { store } = renderMap('2015-10');
    act(() => store.getState().select({ kind: 'service', id: 'health-visiting' }));
    expect(nodeElement('service:health-visiting')).toHaveClass('is-selected');
    expect(nodeElement('service:health-visiting')).toHaveAttribute('aria-current', 'true');
    expect(nodeElement('local-authorities')).toHaveClass('is-related');
    expect(nodeElement('nhs-england')).not.toHaveClass('is-related');
    expect(screen.getByText(/commissioned by Local authorities/, { selector: '.app-graph__caption' })).toBeInTheDocument();
  });

  it('has a key that names every category on the map, and every kind of line', () => {
    renderMap();
    const key = screen.getByRole('region', { name: 'Key to the map' });
    const colours = within(within(key).getByRole('list', { name: 'Colours' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    const model = mapModelAt(dataset(), '2015-10');
    for (const node of model.nodes) {
      if (node.type === 'organisation') expect(colours).toContain(CATEGORY_STYLES[node.category].label);
    }
    const lines = within(within(key).getByRole('list', { name: 'Lines' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^Funds/), 'Regulates', 'Commissions a service']));
  });

  it('takes the services off the map, and out of its text, when "Show services" is unticked', async () => {
    const user = userEvent.setup();
    const { store } = renderMap();
    await user.click(screen.getByRole('checkbox', { name: 'Show services' }));
    expect(store.getState().filters.showServices).toBe(false);
    expect(within(map()).queryAllByRole('button', { name: /, service/ })).toHaveLength(0);
    const links = mapModelAt(dataset(), '2015-10', { ...DEFAULT_MAP_OPTIONS, showServices: false }).links.length;
    expect(map()).toHaveAccessibleDescription(`29 organisations; ${links} links.`);
    expect(within(screen.getByTestId('map-text-alternative')).queryByRole('table')).not.toBeInTheDocument();
  });

  it('filters bodies by category and links by kind', async () => {
    const user = userEvent.setup();
    const { store } = renderMap();
    await user.click(screen.getByText('Filter the map'));
    await user.click(screen.getByRole('checkbox', { name: 'Regulators' }));
    expect(store.getState().filters.hiddenCategories).toEqual(['regulator']);
    expect(within(map()).queryByRole('button', { name: /^Care Quality Commission/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Funds' }));
    expect(store.getState().filters.hiddenRelationshipKinds).toEqual(['funds']);
    expect(map().querySelectorAll('[data-link-kind="funds"][data-present="true"]')).toHaveLength(0);
    expect(screen.getByText('Filter the map (2 hidden)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show everything' }));
    expect(store.getState().filters).toEqual(DEFAULT_MAP_OPTIONS);
  });

  it('says the same in its text alternative, and follows the month', () => {
    const { store } = renderMap('2015-10');
    const text = () => within(screen.getByTestId('map-text-alternative'));
    const model = mapModelAt(dataset(), '2015-10');
    for (const node of model.nodes) expect(text().getByRole('link', { name: node.name })).toBeInTheDocument();
    expect(text().getByText(/^Department of Health funds NHS England: £104\.4bn allocation/)).toBeInTheDocument();
    const row = text().getByRole('rowheader', { name: 'Health visiting (children aged 0 to 5)' }).closest('tr')!;
    expect(row).toHaveTextContent('Local authorities (upper-tier and unitary councils) (sole commissioner)');
    act(() => store.getState().setMonth('2012-06'));
    expect(text().getByRole('link', { name: 'Primary care trusts' })).toBeInTheDocument();
    expect(text().queryByRole('link', { name: 'Clinical commissioning groups' })).not.toBeInTheDocument();
  });

  it('has zoom buttons for keyboard users', async () => {
    const user = userEvent.setup();
    renderMap();
    const layer = () => map().querySelector('.app-graph__layer')!.getAttribute('transform');
    expect(layer()).toBe('translate(0,0) scale(1)');
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    await waitFor(() => expect(layer()).toMatch(/scale\(1\.5\)$/));
    await user.click(screen.getByRole('button', { name: 'Reset view' }));
    await waitFor(() => expect(layer()).toBe('translate(0,0) scale(1)'));
  });
});
