import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ServicePanel } from '../../src/features/services/panels';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { parseDataset } from '../../src/data/load';
import { miniDataset } from '../fixtures/mini-dataset';
import { loadRealDataset } from '../support/real-dataset';
import { afterPaint } from '../support/after-paint';

const realDataset = loadRealDataset();

function renderPanel(serviceId: string, month: string) {
  const store = createExplorerStore({ month, selection: { kind: 'service', id: serviceId } });
  store.getState().receiveLoadResult(realDataset);
  render(
    <ExplorerStoreProvider store={store}>
      <ServicePanel serviceId={serviceId} />
    </ExplorerStoreProvider>,
  );
  return store;
}

const commissioners = () => within(screen.getByRole('list', { name: 'Commissioners' }));
const commissionerItems = () =>
  commissioners()
    .getAllByRole('listitem')
    .filter((item) => item.parentElement?.getAttribute('aria-label') === 'Commissioners');

describe('ServicePanel on the real dataset', () => {
  it('opens on the service, with its name as the focused heading', async () => {
    renderPanel('health-visiting', '2015-09');
    const heading = screen.getByRole('heading', { level: 2, name: 'Health visiting (children aged 0 to 5)' });
    // The heading takes focus once the panel has been painted.
    await afterPaint();
    expect(heading).toHaveFocus();
    expect(screen.getByRole('region', { name: 'Health visiting (children aged 0 to 5)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'At September 2015' })).toBeInTheDocument();
  });

  it('lists NHS England as the commissioner of health visiting in September 2015, with role and start', () => {
    renderPanel('health-visiting', '2015-09');
    const items = commissionerItems();
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item.textContent).toMatch(/^NHS England/);
    expect(within(item).getAllByRole('link')[0]).toHaveTextContent('NHS England');
    expect(item).toHaveTextContent('In force');
    expect(item).toHaveTextContent('Sole commissioner, since April 2013, until September 2015');
    // the sources disagree on the date, and the panel says so
    expect(within(item).getByText('Sources differ')).toBeInTheDocument();
    expect(item).toHaveTextContent(/councils took health visiting over from NHS England on 1 October 2015/);
  });

  it('lists local authorities from October 2015', () => {
    renderPanel('health-visiting', '2015-10');
    const items = commissionerItems();
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toMatch(/^Local authorities \(upper-tier and unitary councils\)/);
    expect(items[0]).toHaveTextContent('Sole commissioner, since October 2015');
  });

  it('says "since before July 2010" for an arrangement already in place when the dataset begins', () => {
    renderPanel('health-visiting', '2011-01');
    expect(commissionerItems()[0]).toHaveTextContent('Sole commissioner, since before July 2010, until March 2013');
  });

  it('shows general practice co-commissioning in April 2016 with the uptake by level, and who commissioned it in most of England', () => {
    renderPanel('general-practice', '2016-04');
    const items = commissionerItems();
    expect(items.map((item) => within(item).getAllByRole('link')[0]!.textContent)).toEqual([
      'NHS England',
      'Clinical commissioning groups',
    ]);
    expect(items[0]).toHaveTextContent('Joint commissioner (scope-limited), since April 2016');
    expect(items[0]).toHaveTextContent('Scope: outside the areas with delegated commissioning');
    expect(items[0]).toHaveTextContent(
      'From April 2016 clinical commissioning groups commissioned general practice in most of England',
    );
    const ccgs = items[1]!;
    expect(ccgs).toHaveTextContent('Co-commissioning, since April 2015');
    expect(within(ccgs).getByText('delegated: 114 CCGs (April 2016)')).toBeInTheDocument();
    expect(within(ccgs).getByText('joint: 87 CCGs (April 2015)')).toBeInTheDocument();
  });

  it('shows each commissioner’s sources with their quotes', () => {
    renderPanel('health-visiting', '2015-10');
    const item = commissionerItems()[0]!;
    expect(within(item).getByText(/^Sources \(\d+\)$/)).toBeInTheDocument();
    expect(within(item).getByText('Commissioning Health Services: a Brief Introduction')).toBeInTheDocument();
    expect(
      within(item).getByText(
        'From 1 October 2015 local authorities have responsibility from NHS England for the commissioning of health visitor services for children aged 5 and under.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Sources for this service' })).toBeInTheDocument();
  });

  it('tells the history of health visiting in words, with the April 2013 and October 2015 changes', () => {
    renderPanel('health-visiting', '2015-10');
    const history = within(screen.getByRole('list', { name: 'History' }));
    const items = history.getAllByRole('listitem');
    const april = items.find((item) => within(item).queryByRole('button', { name: 'Go to April 2013' }));
    const october = items.find((item) => within(item).queryByRole('button', { name: 'Go to October 2015' }));
    expect(april).toHaveTextContent('From Primary care trusts (sole commissioner) to NHS England (sole commissioner).');
    expect(october).toHaveTextContent(
      'From NHS England (sole commissioner) to Local authorities (upper-tier and unitary councils) (sole commissioner).',
    );
    expect(october).toHaveTextContent('Event: Health visiting moves to local government (1 October 2015)');
    expect(october).toHaveAttribute('aria-current', 'true');
    expect(within(october!).getByText(/^Sources \(\d+\)$/)).toBeInTheDocument();
  });

  it('moves the timeline to a change chosen in the history list', async () => {
    const user = userEvent.setup();
    const store = renderPanel('health-visiting', '2017-01');
    await user.click(screen.getByRole('button', { name: 'Go to April 2013' }));
    expect(store.getState().month).toBe('2013-04');
    expect(screen.getByRole('heading', { name: 'At April 2013' })).toBeInTheDocument();
    expect(commissionerItems()[0]!.textContent).toMatch(/^NHS England/);
  });

  it('moves the timeline to a change clicked on the history strip', async () => {
    const user = userEvent.setup();
    const store = renderPanel('health-visiting', '2017-01');
    const strip = screen.getByTestId('history-strip');
    expect(strip).toHaveAttribute('aria-hidden', 'true');
    const segment = within(strip).getByTitle(/^NHS England, sole commissioner, in force: April 2013 to September 2015/, {
      exact: false,
    });
    await user.click(segment);
    expect(store.getState().month).toBe('2013-04');
    const [, october] = within(strip).getAllByTitle(/The commissioners changed in/);
    await user.click(october!);
    expect(store.getState().month).toBe('2015-10');
  });

  it('lists proposals apart from the commissioners in force', () => {
    renderPanel('gp-out-of-hours', '2010-12');
    const items = commissionerItems();
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toMatch(/^Primary care trusts/);
    expect(screen.getByRole('heading', { name: 'Plans at this date' })).toBeInTheDocument();
    const plans = within(screen.getByRole('list', { name: 'Plans at this date' }));
    expect(plans.getAllByRole('link')[0]).toHaveTextContent('GP consortia');
    // GP consortia never commissioned: the white paper's plan stood until the listening exercise.
    expect(plans.getByText('Proposed')).toBeInTheDocument();
    expect(plans.getByText(/Sole commissioner, since July 2010, until May 2011/)).toBeInTheDocument();
  });

  it('explains a month before the service is described, and offers to go to its first month', async () => {
    const user = userEvent.setup();
    const store = renderPanel('better-care-fund-services', '2012-06');
    expect(screen.queryByRole('list', { name: 'Commissioners' })).not.toBeInTheDocument();
    const notice = screen.getByText(/describes this service only from April 2015, so it has no commissioner at June 2012/);
    await user.click(within(notice.parentElement!).getByRole('button', { name: 'Go to April 2015' }));
    expect(store.getState().month).toBe('2015-04');
    expect(screen.getByRole('heading', { name: 'At April 2015' })).toHaveFocus();
    expect(commissionerItems()[0]!.textContent).toMatch(/^Clinical commissioning groups/);
  });

  it('closes through the store', async () => {
    const user = userEvent.setup();
    const store = renderPanel('dental', '2015-10');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(store.getState().selection).toBeNull();
  });

  it('opens an organisation from a commissioner link', async () => {
    const user = userEvent.setup();
    const store = renderPanel('dental', '2015-10');
    await user.click(within(commissionerItems()[0]!).getByRole('link', { name: 'NHS England' }));
    expect(store.getState().selection).toEqual({ kind: 'organisation', id: 'nhs-england' });
  });

  it('shows the not-found panel for an unknown service', () => {
    renderPanel('helth-visting', '2015-10');
    expect(screen.getByRole('heading', { name: 'No service called “helth-visting”' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Health visiting (children aged 0 to 5)' })).toBeInTheDocument();
  });

  it('renders for every service at months before, across and after its changes (on a small fixture)', () => {
    // Every month of the real dataset for every service is checked on the pure functions the panel
    // calls (tests/unit/panels-every-month.test.ts); rendering them all would take minutes.
    const mini = parseDataset(miniDataset());
    if (!mini.ok) throw new Error('the mini dataset does not load');
    for (const month of ['2012-01', '2013-03', '2013-04', '2015-10', '2016-12']) {
      for (const service of mini.dataset.services) {
        const store = createExplorerStore({ month });
        store.getState().receiveLoadResult(mini);
        const { unmount } = render(
          <ExplorerStoreProvider store={store}>
            <ServicePanel serviceId={service.id} />
          </ExplorerStoreProvider>,
        );
        expect(screen.getByRole('heading', { level: 2, name: service.name })).toBeInTheDocument();
        unmount();
      }
    }
  });
});
