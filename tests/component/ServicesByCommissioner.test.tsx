import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import {
  groupsListedFirst,
  roleNote,
  SERVICES_LISTED_AT_ONCE,
  ServicesByCommissioner,
  servicesByCommissionerAt,
} from '../../src/features/services';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset } from '../support/real-dataset';
import { showMonth } from '../support/after-paint';

const realDataset = loadRealDataset();
if (!realDataset.ok) throw new Error('the real dataset does not load');
const dataset = realDataset.dataset;

function renderList(month: string, listedAtOnce?: number) {
  const store = createExplorerStore({ data: { status: 'ready', dataset }, month });
  const view = render(
    <ExplorerStoreProvider store={store}>
      <ServicesByCommissioner listedAtOnce={listedAtOnce} />
    </ExplorerStoreProvider>,
  );
  return { store, ...view };
}

/** The commissioner a service is listed under at a month. */
function listedUnder(month: string, serviceId: string): string | undefined {
  return servicesByCommissionerAt(dataset, month).find((group) => group.services.some((entry) => entry.service.id === serviceId))
    ?.organisation?.id;
}

describe('servicesByCommissionerAt on the real dataset', () => {
  it('lists each service described at the month once, under a commissioner in force then', () => {
    for (const month of ['2012-06', '2013-04', '2016-01']) {
      const groups = servicesByCommissionerAt(dataset, month);
      const ids = groups.flatMap((group) => group.services.map((entry) => entry.service.id));
      expect(new Set(ids).size).toBe(ids.length);
      const described = dataset.services.filter(
        (service) => (service.from === null || service.from <= month) && (service.to === null || service.to >= month),
      );
      expect(ids.sort()).toEqual(described.map((service) => service.id).sort());
    }
  });

  it('moves health visiting from NHS England to local authorities in October 2015', () => {
    expect(listedUnder('2015-09', 'health-visiting')).toBe('nhs-england');
    expect(listedUnder('2015-10', 'health-visiting')).toBe('local-authorities');
  });

  it('puts the biggest groups first', () => {
    const sizes = servicesByCommissionerAt(dataset, '2013-04')
      .filter((group) => group.organisation !== null)
      .map((group) => group.services.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('lists whole groups, the biggest first, up to the limit and never none', () => {
    const groups = servicesByCommissionerAt(dataset, '2013-04');
    const sizes = groups.map((group) => group.services.length);
    expect(groupsListedFirst(groups, 1)).toEqual(groups.slice(0, 1));
    expect(groupsListedFirst(groups, sizes[0]! + sizes[1]!)).toEqual(groups.slice(0, 2));
    expect(groupsListedFirst(groups, sizes[0]! + sizes[1]! - 1)).toEqual(groups.slice(0, 1));
    expect(groupsListedFirst(groups, Number.POSITIVE_INFINITY)).toBe(groups);
  });

  it('words the role and the other commissioners', () => {
    expect(roleNote({ role: 'sole', alongside: [] })).toBe('');
    expect(roleNote({ role: 'lead', alongside: ['Local authorities'] })).toBe('lead, with Local authorities');
    expect(roleNote({ role: 'joint', alongside: ['CCGs', 'NHS England'] })).toBe('jointly with CCGs and NHS England');
  });
});

describe('ServicesByCommissioner', () => {
  it('groups the services under headings naming each commissioner, and follows the month', async () => {
    const { store } = renderList('2015-09');
    expect(screen.getByRole('heading', { name: 'Who commissions each service in September 2015' })).toBeInTheDocument();
    const nhsEngland = within(screen.getByRole('list', { name: /^NHS England \d+ services$/ }));
    expect(nhsEngland.getByRole('link', { name: /^Health visiting/ })).toBeInTheDocument();
    await showMonth(store, '2015-10');
    const localAuthorities = within(screen.getByRole('list', { name: /^Local authorities \d+ services$/ }));
    expect(localAuthorities.getByRole('link', { name: /^Health visiting/ })).toBeInTheDocument();
  });

  it('opens a service or a commissioner when chosen', async () => {
    const user = userEvent.setup();
    const { store } = renderList('2016-01');
    await user.click(screen.getAllByRole('link', { name: /^Health visiting/ })[0]!);
    expect(store.getState().selection).toEqual({ kind: 'service', id: 'health-visiting' });
    await user.click(screen.getByRole('link', { name: 'Local authorities' }));
    expect(store.getState().selection).toEqual({ kind: 'organisation', id: 'local-authorities' });
  });

  it('lists every group of the real dataset at once', () => {
    renderList('2013-04');
    const groups = servicesByCommissionerAt(dataset, '2013-04');
    expect(groups.reduce((total, group) => total + group.services.length, 0)).toBeLessThan(SERVICES_LISTED_AT_ONCE);
    expect(screen.getAllByRole('list')).toHaveLength(groups.length);
    expect(screen.queryByRole('button', { name: /^Show the other/ })).not.toBeInTheDocument();
  });

  it('at scale lists the biggest groups first and the rest on request, moving the focus to the first of them', async () => {
    const user = userEvent.setup();
    const groups = servicesByCommissionerAt(dataset, '2013-04');
    const [first, second] = groups;
    if (!first || !second) throw new Error('the real dataset has fewer than two commissioners in April 2013');
    // A limit that holds the biggest group but not the next: the rest wait behind the button.
    const limit = first.services.length + second.services.length - 1;
    renderList('2013-04', limit);
    expect(screen.getAllByRole('list')).toHaveLength(1);
    const total = groups.reduce((sum, group) => sum + group.services.length, 0);
    expect(
      screen.getByText(
        `${total} services under ${groups.length} commissioners; those with the most services come first. Choose one for its details and history.`,
      ),
    ).toBeInTheDocument();
    const more = screen.getByRole('button', {
      name: `Show the other ${groups.length - 1} commissioners (${total - first.services.length} services)`,
    });
    await user.click(more);
    expect(screen.getAllByRole('list')).toHaveLength(groups.length);
    expect(screen.queryByRole('button', { name: /^Show the other/ })).not.toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: new RegExp(`^${second.name}`) }));
  });

  it('has no axe violations', async () => {
    const { container } = renderList('2013-04');
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
});
