/**
 * The map comparing two months: the heading names them, each node is marked (in its accessible name,
 * not only by colour), the key explains the marks and the text alternative lists them grouped.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems';
import type { Dataset } from '../../src/data/schema';
import { comparisonCounts, mapComparisonModel } from '../../src/domain/graph';
import { MapView } from '../../src/features/graph';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset } from '../support/real-dataset';

const loaded = loadRealDataset();

function dataset(): Dataset {
  if (!loaded.ok) throw new Error(`the real dataset is invalid:\n${loaded.problems.map(formatProblem).join('\n')}`);
  return loaded.dataset;
}

async function renderComparison(from = '2012-06', to = '2016-06', month: string | null = '2015-10') {
  const store = createExplorerStore({ data: { status: 'ready', dataset: dataset() }, month });
  const view = render(
    <ExplorerStoreProvider store={store}>
      <MapView comparison={{ from, to }} />
    </ExplorerStoreProvider>,
  );
  // The comparison map loads on demand.
  await screen.findByRole('group', { name: /^Map of the changes to the health and care system from/ });
  return { store, ...view };
}

const map = () => screen.getByRole('group', { name: /^Map of the changes to the health and care system from/ });
const nodeElement = (id: string) => {
  const element = map().querySelector<SVGGElement>(`[data-node-id="${id}"]`);
  if (!element) throw new Error(`no node ${id}`);
  return element;
};

describe('MapView comparing two months', () => {
  it('names the two months in its heading and the map, whatever the store’s month', async () => {
    await renderComparison();
    expect(screen.getByRole('heading', { name: 'Changes from June 2012 to June 2016' })).toBeInTheDocument();
    expect(map()).toHaveAccessibleName('Map of the changes to the health and care system from June 2012 to June 2016');
    const counts = comparisonCounts(mapComparisonModel(dataset(), '2012-06', '2016-06'));
    expect(map()).toHaveAccessibleDescription(
      expect.stringContaining(
        `Of these, ${counts.added} added, ${counts.removed} removed, ${counts.changed} changed and ${counts.unchanged} unchanged.`,
      ),
    );
  });

  it('shows what is on the map at either month, each marked in its name and with a sign', async () => {
    await renderComparison();
    const model = mapComparisonModel(dataset(), '2012-06', '2016-06').model;
    expect(within(map()).getAllByRole('button')).toHaveLength(model.nodes.length);
    expect(
      within(map()).getByRole('button', {
        name: /^PCTs, Primary care trusts, .*, removed: on the map in June 2012, not in June 2016$/,
      }),
    ).toBeInTheDocument();
    expect(
      within(map()).getByRole('button', { name: /^CCGs · 209, .*, added: on the map in June 2016, not in June 2012$/ }),
    ).toBeInTheDocument();
    expect(
      within(map()).getByRole('button', {
        name: /^Health visiting .*, service, changed; commissioned by Primary care trusts .* in June 2012; by Local authorities .* in June 2016$/,
      }),
    ).toBeInTheDocument();
    expect(nodeElement('primary-care-trusts')).toHaveAttribute('data-change', 'removed');
    expect(nodeElement('primary-care-trusts').querySelector('.app-graph__change-badge')).toHaveTextContent('−');
    expect(nodeElement('clinical-commissioning-groups').querySelector('.app-graph__change-badge')).toHaveTextContent('+');
    expect(nodeElement('service:health-visiting').querySelector('.app-graph__change-badge')).toHaveTextContent('~');
    expect(nodeElement('department-of-health')).toHaveAttribute('data-change', 'unchanged');
    expect(nodeElement('department-of-health').querySelector('.app-graph__change-badge')).toBeNull();
    // Removed links are drawn broken, as well as marked.
    const removed = map().querySelectorAll('[data-change="removed"][data-link-kind]');
    expect(removed.length).toBeGreaterThan(0);
    for (const link of removed) expect(link.querySelector('.app-graph__link-break')).not.toBeNull();
    // Nothing not on the map at either month is shown.
    expect(nodeElement('nhs-improvement')).not.toHaveAttribute('aria-hidden');
    expect(nodeElement('accountable-care-systems')).toHaveAttribute('aria-hidden', 'true');
  });

  it('explains the marks in its key', async () => {
    await renderComparison();
    const key = screen.getByRole('region', { name: 'Key to the map' });
    const changes = within(within(key).getByRole('list', { name: 'Changes' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(changes).toEqual([
      expect.stringMatching(/^\+Added: on the map in June 2016, not in June 2012/),
      expect.stringMatching(/^−Removed: on the map in June 2012, not in June 2016; dashed outline/),
      expect.stringMatching(/^~Changed: /),
      expect.stringMatching(/^Unchanged: /),
    ]);
  });

  it('lists the changes as text, grouped by change', async () => {
    const user = userEvent.setup();
    await renderComparison('2013-06', '2016-06');
    await user.click(screen.getByText('Changes as text'));
    const text = within(screen.getByTestId('map-text-alternative'));
    const group = (name: RegExp) => within(text.getByRole('region', { name }));
    expect(group(/^Changed \(\d+\)$/).getByText(/^Clinical commissioning groups/)).toHaveTextContent(
      'Clinical commissioning groups: 211 in June 2013 → 209 in June 2016',
    );
    expect(group(/^Added \(\d+\)$/).getByText('Sustainability and transformation partnerships')).toBeInTheDocument();
    expect(group(/^Unchanged \(\d+\)$/).getByText('Department of Health')).toBeInTheDocument();
  });

  it('follows new months', async () => {
    const store = createExplorerStore({ data: { status: 'ready', dataset: dataset() }, month: '2015-10' });
    const { rerender } = render(
      <ExplorerStoreProvider store={store}>
        <MapView comparison={{ from: '2012-06', to: '2016-06' }} />
      </ExplorerStoreProvider>,
    );
    await screen.findByRole('heading', { name: 'Changes from June 2012 to June 2016' });
    rerender(
      <ExplorerStoreProvider store={store}>
        <MapView comparison={{ from: '2013-06', to: '2016-06' }} />
      </ExplorerStoreProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Changes from June 2013 to June 2016' })).toBeInTheDocument();
    expect(nodeElement('clinical-commissioning-groups')).toHaveAttribute('data-change', 'changed');
  });
});
