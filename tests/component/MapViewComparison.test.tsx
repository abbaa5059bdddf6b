/**
 * The map comparing two months: the heading names them, each node is marked (in its accessible name,
 * not only by colour), the key explains the marks and the text alternative lists them grouped.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems';
import type { Dataset } from '../../src/data/schema';
import { comparisonCounts, mapComparisonModel } from '../../src/domain/graph';
import { computeMapLayout } from '../../src/domain/map-layout/compute';
import type { MapLayoutFile } from '../../src/domain/map-layout/layout-file';
import { formatMonth } from '../../src/domain/months';
import { MapView } from '../../src/features/graph';
import { createExplorerStore, DEFAULT_FILTERS, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset } from '../support/real-dataset';

const loaded = loadRealDataset();

function dataset(): Dataset {
  if (!loaded.ok) throw new Error(`the real dataset is invalid:\n${loaded.problems.map(formatProblem).join('\n')}`);
  return loaded.dataset;
}

let layout: MapLayoutFile;
beforeAll(() => {
  layout = computeMapLayout(dataset());
});

async function renderComparison(from = '2012-06', to = '2016-06', month: string | null = '2015-10') {
  const store = createExplorerStore({ data: { status: 'ready', dataset: dataset() }, month, mapLayout: layout });
  const view = render(
    <ExplorerStoreProvider store={store}>
      <MapView comparison={{ from, to }} />
    </ExplorerStoreProvider>,
  );
  // The comparison map loads on demand, opens at the first month, then plays the change to the second.
  await screen.findByRole('heading', { name: /^Changes from/ });
  return { store, ...view };
}

const map = () => screen.getByRole('group', { name: /^Map of the changes to the health and care system from .*, showing/ });
const nodeElement = (id: string) => {
  const element = map().querySelector<SVGGElement>(`[data-node-id="${id}"]:not([aria-hidden])`);
  if (!element) throw new Error(`no node ${id}`);
  return element;
};
const showing = (month: string) =>
  screen.findByRole('heading', { name: new RegExp(`showing ${formatMonth(month)}$`) }, { timeout: 10_000 });

describe('MapView comparing two months', { timeout: 30_000 }, () => {
  it('opens at the first month, plays the change to the second, and switches between them', async () => {
    await renderComparison();
    expect(screen.getByRole('heading', { name: /^Changes from June 2012 to June 2016: showing June 2012/ })).toBeInTheDocument();
    await showing('2016-06');
    expect(map()).toHaveAccessibleName(
      'Map of the changes to the health and care system from June 2012 to June 2016, showing June 2016',
    );
    const counts = comparisonCounts(mapComparisonModel(dataset(), '2012-06', '2016-06', DEFAULT_FILTERS));
    expect(map()).toHaveAccessibleDescription(
      expect.stringContaining(
        `Of these, ${counts.added} added, ${counts.removed} removed, ${counts.changed} changed and ${counts.unchanged} unchanged.`,
      ),
    );
    expect(nodeElement('service:health-visiting')).toHaveAttribute('data-commissioner', 'local-authorities');
    await userEvent.setup().click(screen.getByRole('button', { name: 'June 2012' }));
    expect(screen.getByRole('button', { name: 'June 2012' })).toHaveAttribute('aria-pressed', 'true');
    expect(nodeElement('service:health-visiting')).toHaveAttribute('data-commissioner', 'primary-care-trusts');
  });

  it('marks what changed, in each node’s name and with a sign', async () => {
    await renderComparison();
    await showing('2016-06');
    await userEvent.setup().click(screen.getByRole('button', { name: 'June 2012' }));
    expect(nodeElement('primary-care-trusts')).toHaveAttribute('data-change', 'removed');
    expect(nodeElement('primary-care-trusts')).toHaveAccessibleName(
      expect.stringMatching(/removed: on the map in June 2012, not in June 2016$/),
    );
    expect(nodeElement('primary-care-trusts').querySelector('.app-graph__change-badge')).toHaveTextContent('−');
    await userEvent.setup().click(screen.getByRole('button', { name: 'June 2016' }));
    expect(nodeElement('clinical-commissioning-groups')).toHaveAccessibleName(
      expect.stringMatching(/^CCGs · 209, .*added: on the map in June 2016, not in June 2012$/),
    );
    expect(nodeElement('clinical-commissioning-groups').querySelector('.app-graph__change-badge')).toHaveTextContent('+');
    expect(nodeElement('service:health-visiting')).toHaveAccessibleName(
      expect.stringMatching(
        /changed; commissioned by Primary care trusts .* in June 2012; by Local authorities .* in June 2016$/,
      ),
    );
    expect(nodeElement('service:health-visiting').querySelector('.app-graph__change-badge')).toHaveTextContent('~');
    expect(nodeElement('service:health-visiting')).toHaveClass('is-moved');
    expect(nodeElement('department-of-health')).toHaveAttribute('data-change', 'unchanged');
    expect(nodeElement('department-of-health').querySelector('.app-graph__change-badge')).toBeNull();
  });

  it('explains the marks in its key', async () => {
    await renderComparison();
    const key = await screen.findByRole('region', { name: 'Key to the map' });
    const changes = within(within(key).getByRole('list', { name: 'Changes' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(changes).toEqual([
      expect.stringMatching(/^\+Added: on the map in June 2016, not in June 2012/),
      expect.stringMatching(/^−Removed: on the map in June 2012, not in June 2016; a red dashed outline/),
      expect.stringMatching(/^~Changed: /),
      expect.stringMatching(/^Unchanged: /),
    ]);
  });

  it('lists the changes as text, grouped by change', async () => {
    const user = userEvent.setup();
    await renderComparison('2013-06', '2016-06');
    await user.click(await screen.findByText('Changes as text'));
    const text = within(screen.getByTestId('map-text-alternative'));
    const group = (name: RegExp) => within(text.getByRole('region', { name }));
    expect(group(/^Changed \(\d+\)$/).getByText(/^Clinical commissioning groups/)).toHaveTextContent(
      'Clinical commissioning groups: 211 in June 2013 → 209 in June 2016',
    );
    expect(group(/^Added \(\d+\)$/).getByText('Sustainability and transformation partnerships')).toBeInTheDocument();
    expect(group(/^Unchanged \(\d+\)$/).getByText('Department of Health')).toBeInTheDocument();
  });

  it('starts again from the first month when the months change', async () => {
    const store = createExplorerStore({ data: { status: 'ready', dataset: dataset() }, month: '2015-10', mapLayout: layout });
    const { rerender } = render(
      <ExplorerStoreProvider store={store}>
        <MapView comparison={{ from: '2012-06', to: '2016-06' }} />
      </ExplorerStoreProvider>,
    );
    await showing('2016-06');
    rerender(
      <ExplorerStoreProvider store={store}>
        <MapView comparison={{ from: '2013-06', to: '2016-06' }} />
      </ExplorerStoreProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Changes from June 2013 to June 2016: showing June 2013' })).toBeInTheDocument();
    await showing('2016-06');
    expect(nodeElement('clinical-commissioning-groups')).toHaveAttribute('data-change', 'changed');
  });
});
