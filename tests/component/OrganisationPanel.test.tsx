import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OrganisationPanel } from '../../src/features/orgs';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { parseDataset } from '../../src/data/load';
import { miniDataset } from '../fixtures/mini-dataset';
import { loadRealDataset } from '../support/real-dataset';
import { afterPaint } from '../support/after-paint';

const realDataset = loadRealDataset();

function renderPanel(organisationId: string, month: string) {
  const store = createExplorerStore({ month, selection: { kind: 'organisation', id: organisationId } });
  store.getState().receiveLoadResult(realDataset);
  render(
    <ExplorerStoreProvider store={store}>
      <OrganisationPanel organisationId={organisationId} />
    </ExplorerStoreProvider>,
  );
  return store;
}

const section = (name: string | RegExp) => within(screen.getByRole('region', { name }));

describe('OrganisationPanel on the real dataset', () => {
  it('names NHS England the NHS Commissioning Board in November 2012, and gives its other name', async () => {
    renderPanel('nhs-england', '2012-11');
    const heading = screen.getByRole('heading', { level: 2, name: 'NHS Commissioning Board' });
    // The heading takes focus once the panel has been painted.
    await afterPaint();
    expect(heading).toHaveFocus();
    expect(screen.getByText('Known as NHS England from April 2013')).toBeInTheDocument();
    expect(screen.getByText('Sources differ')).toBeInTheDocument();
  });

  it('names it NHS England from April 2013', () => {
    renderPanel('nhs-england', '2013-04');
    expect(screen.getByRole('heading', { level: 2, name: 'NHS England' })).toBeInTheDocument();
    expect(screen.getByText('Known as NHS Commissioning Board from October 2012 until March 2013')).toBeInTheDocument();
  });

  it('gives the role, kind, level and dates', () => {
    renderPanel('primary-care-trusts', '2012-01');
    expect(screen.getByText(/^Type/).nextSibling).toHaveTextContent('A kind of body with many local members');
    expect(screen.getByText('Level').nextSibling).toHaveTextContent('Local');
    expect(screen.getByText('From').nextSibling).toHaveTextContent('In place before July 2010, when the dataset begins');
    expect(screen.getByText('Until').nextSibling).toHaveTextContent('Last in force in March 2013');
  });

  it('counts 211 clinical commissioning groups in April 2013, and lists every count', () => {
    renderPanel('clinical-commissioning-groups', '2013-04');
    const count = section('Number at April 2013');
    expect(count.getByText(/counted for April 2013/)).toHaveTextContent('211 counted for April 2013');
    const table = count.getByRole('table', { name: 'Every count the sources give' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'May 2012212Proposed',
      'April 2013 (the count shown above)211Counted',
      'April 2016209Counted',
      'April 2017207Counted',
      'April 2018195Counted',
    ]);
  });

  it('gives the latest count by the month, with its date and the note on its date', () => {
    renderPanel('clinical-commissioning-groups', '2016-10');
    const count = section('Number at October 2016');
    expect(count.getByText(/the latest count given by then/)).toHaveTextContent(
      '209 the latest count given by then, for April 2016',
    );
    expect(count.getAllByText(/The Health Foundation gives 209 CCGs/).length).toBeGreaterThan(0);
  });

  it('links predecessors and successors', async () => {
    const user = userEvent.setup();
    const store = renderPanel('clinical-commissioning-groups', '2015-10');
    const predecessors = within(screen.getByRole('list', { name: 'Predecessors' }));
    expect(predecessors.getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Primary care trusts',
      'GP consortia (proposed; later pathfinder CCGs)',
    ]);
    await user.click(predecessors.getByRole('link', { name: 'Primary care trusts' }));
    expect(store.getState().selection).toEqual({ kind: 'organisation', id: 'primary-care-trusts' });
  });

  it('lists successors of an ended body: those recorded, and those that took over the services it commissioned', () => {
    renderPanel('primary-care-trusts', '2012-01');
    const successors = within(screen.getByRole('list', { name: 'Successors' }));
    expect(successors.getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Clinical commissioning groups',
      'NHS England local area teams',
      'NHS England',
      'Local authorities (upper-tier and unitary councils)',
    ]);
    // Local authorities took over public health from the primary care trusts, as the commissioning records show.
    const councils = successors.getByRole('link', { name: /^Local authorities/ }).closest('li');
    expect(councils).toHaveTextContent(/\(took over commissioning of \d+ public health services\)$/);
    expect(successors.getByRole('link', { name: 'NHS England' }).closest('li')).toHaveTextContent(/\d+ primary care/);
  });

  it('lists no derived successor for a body that still exists', () => {
    renderPanel('nhs-england', '2016-01');
    expect(screen.queryByRole('list', { name: 'Successors' })).not.toBeInTheDocument();
  });

  it('shows an unknown organisation the same notice as an unknown service', async () => {
    renderPanel('no-such-body', '2013-04');
    // The heading takes focus once the panel has been painted.
    await afterPaint();
    expect(screen.getByRole('heading', { level: 2, name: 'No organisation called “no-such-body”' })).toHaveFocus();
    expect(
      screen.getByText(
        'The explorer has no organisation with this name. The address may have been mistyped, or copied only in part.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the map' })).toBeInTheDocument();
  });

  it('lists what it commissions at the month, with the role', () => {
    renderPanel('local-authorities', '2015-10');
    const commissions = within(screen.getByRole('list', { name: 'Commissions at October 2015' }));
    const visiting = commissions.getByRole('link', { name: 'Health visiting (children aged 0 to 5)' });
    expect(visiting.closest('li')).toHaveTextContent('Sole commissioner, since October 2015');
    expect(commissions.getByRole('link', { name: 'Adult social care' }).closest('li')).toHaveTextContent(
      'Sole commissioner, since before July 2010',
    );
  });

  it('does not list health visiting for councils before October 2015', () => {
    renderPanel('local-authorities', '2015-09');
    const commissions = within(screen.getByRole('list', { name: 'Commissions at September 2015' }));
    expect(commissions.queryByRole('link', { name: /Health visiting/ })).not.toBeInTheDocument();
  });

  it('gives its relationships at the month in both directions', () => {
    renderPanel('nhs-england', '2015-10');
    const relationships = section('Relationships at October 2015');
    const fundedBy = relationships.getByText('Funded by').nextSibling as HTMLElement;
    expect(within(fundedBy).getByRole('link', { name: 'Department of Health' })).toBeInTheDocument();
    const funds = relationships.getByText('Funds').nextSibling as HTMLElement;
    expect(within(funds).getByRole('link', { name: 'Clinical commissioning groups' })).toBeInTheDocument();
  });

  it('gives the money of the financial year', () => {
    renderPanel('nhs-england', '2015-10');
    const money = section('Money in 2015/16');
    expect(money.getByText('£104.4bn')).toBeInTheDocument();
    expect(money.getByText('£104.4bn').closest('p')).toHaveTextContent(
      'From Department of Health to NHS England: £104.4bn (allocation)',
    );
  });

  it('explains a month before the body existed, and offers to go to its first month', async () => {
    const user = userEvent.setup();
    const store = renderPanel('clinical-commissioning-groups', '2012-06');
    expect(
      screen.getByText(
        'At June 2012 this kind of body did not exist yet. It existed from April 2013, and was still in place in April 2018.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go to April 2013' }));
    expect(store.getState().month).toBe('2013-04');
    expect(screen.queryByText(/did not exist yet/)).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Clinical commissioning groups' })).toHaveFocus();
  });

  it('explains a month after the body ended', async () => {
    const user = userEvent.setup();
    const store = renderPanel('monitor', '2017-01');
    expect(
      screen.getByText(/At January 2017 this organisation had ended. It existed from before July 2010 to March 2016./),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go to March 2016' }));
    expect(store.getState().month).toBe('2016-03');
  });

  it('shows its sources and closes through the store', async () => {
    const user = userEvent.setup();
    const store = renderPanel('clinical-commissioning-groups', '2015-10');
    expect(screen.getByRole('heading', { name: 'Sources' })).toBeInTheDocument();
    expect(screen.getAllByText('What is commissioning and how is it changing?').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(store.getState().selection).toBeNull();
  });

  it('renders for every body before it exists, while it exists and after it ends (on a small fixture)', () => {
    // Every month of the real dataset for every body is checked on the pure functions the panel
    // calls (tests/unit/panels-every-month.test.ts); rendering them all would take minutes.
    const mini = parseDataset(miniDataset());
    if (!mini.ok) throw new Error('the mini dataset does not load');
    for (const month of ['2012-01', '2012-11', '2013-04', '2015-10', '2016-12']) {
      for (const organisation of mini.dataset.organisations) {
        const store = createExplorerStore({ month });
        store.getState().receiveLoadResult(mini);
        const { unmount } = render(
          <ExplorerStoreProvider store={store}>
            <OrganisationPanel organisationId={organisation.id} />
          </ExplorerStoreProvider>,
        );
        expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(1);
        unmount();
      }
    }
  });
});
