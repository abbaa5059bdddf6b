import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ServiceFinder } from '../../src/features/services';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { afterPaint } from '../support/after-paint';
import { loadRealDataset } from '../support/real-dataset';

const realDataset = loadRealDataset();

function renderFinder(month = '2015-10', browse = true) {
  const store = createExplorerStore({ month });
  store.getState().receiveLoadResult(realDataset);
  render(
    <ExplorerStoreProvider store={store}>
      <ServiceFinder browse={browse} />
    </ExplorerStoreProvider>,
  );
  return store;
}

const field = () => screen.getByRole('searchbox', { name: 'Find a service' });

describe('ServiceFinder on the real dataset', () => {
  it('has a labelled search field with a hint', () => {
    renderFinder();
    expect(field()).toHaveAccessibleDescription(/For example: health visiting, dentist, NHS 111, CAMHS/);
    expect(screen.getByRole('search')).toContainElement(field());
  });

  it('lists every service by category while the field is empty, with who commissions it at the month', () => {
    renderFinder('2015-10');
    if (!realDataset.ok) throw new Error('the real dataset does not load');
    expect(screen.getByRole('status')).toHaveTextContent(`${realDataset.dataset.services.length} services, by type of care`);
    const publicHealth = within(screen.getByRole('list', { name: 'Public health' }));
    const link = publicHealth.getByRole('link', { name: /^Health visiting/ });
    expect(link).toHaveAccessibleName('Health visiting (children aged 0 to 5), commissioned by Local authorities');
    expect(screen.getAllByRole('link')).toHaveLength(realDataset.dataset.services.length);
  });

  it('says who commissions each service at the chosen month', () => {
    renderFinder('2015-09');
    expect(screen.getByRole('link', { name: /^Health visiting/ })).toHaveAccessibleName(
      'Health visiting (children aged 0 to 5), commissioned by NHS England',
    );
    expect(screen.getByRole('link', { name: /^General practice/ })).toHaveAccessibleName(
      'General practice (GP services), commissioned by NHS England and Clinical commissioning groups',
    );
  });

  it('follows a month step after the step has painted, so the slider is not held up by the list', async () => {
    const store = renderFinder('2015-09');
    await afterPaint();
    const healthVisiting = () => screen.getByRole('link', { name: /^Health visiting/ });
    await act(async () => store.getState().setMonth('2015-10'));
    // The step is rendered (the store has it), the list not yet: it is drawn after the next paint.
    expect(healthVisiting()).toHaveAccessibleName('Health visiting (children aged 0 to 5), commissioned by NHS England');
    await afterPaint();
    expect(healthVisiting()).toHaveAccessibleName('Health visiting (children aged 0 to 5), commissioned by Local authorities');
  });

  it('says when a service is not described at the month', () => {
    renderFinder('2012-06');
    expect(screen.getByRole('link', { name: /^Services funded through the Better Care Fund/ })).toHaveAccessibleName(
      'Services funded through the Better Care Fund, Not described before April 2015',
    );
  });

  it('finds health visiting despite typos, and announces the count', async () => {
    const user = userEvent.setup();
    renderFinder();
    await user.type(field(), 'helth visting');
    const results = within(screen.getByRole('list', { name: 'Matching services' }));
    expect(results.getAllByRole('link')[0]).toHaveTextContent(/^Health visiting \(children aged 0 to 5\)/);
    expect(screen.getByRole('status')).toHaveTextContent("1 service matches 'helth visting'");
  });

  it('finds the National Child Measurement Programme by its acronym, and says so', async () => {
    const user = userEvent.setup();
    renderFinder();
    await user.type(field(), 'NCMP');
    const [first] = within(screen.getByRole('list', { name: 'Matching services' })).getAllByRole('link');
    expect(first).toHaveTextContent('National Child Measurement Programme');
    expect(first).toHaveTextContent('also called NCMP');
  });

  it('counts several matches in the live region', async () => {
    const user = userEvent.setup();
    renderFinder();
    await user.type(field(), 'mental health');
    expect(screen.getByRole('status')).toHaveTextContent(/^\d+ services match 'mental health'$/);
  });

  it('says when nothing matches', async () => {
    const user = userEvent.setup();
    renderFinder();
    await user.type(field(), 'xyzzy');
    expect(screen.getByRole('status')).toHaveTextContent("No services match 'xyzzy'");
    expect(screen.queryAllByRole('link')).toHaveLength(0);
  });

  it('opens the chosen service through the store', async () => {
    const user = userEvent.setup();
    const store = renderFinder();
    await user.type(field(), 'dentist');
    await user.click(screen.getByRole('link', { name: /^NHS dental services/ }));
    expect(store.getState().selection).toEqual({ kind: 'service', id: 'dental' });
  });

  it('moves between the field and the results by keyboard', async () => {
    const user = userEvent.setup();
    const store = renderFinder();
    await user.type(field(), 'care');
    await user.keyboard('{ArrowDown}');
    const links = within(screen.getByRole('list', { name: 'Matching services' })).getAllByRole('link');
    expect(links[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(links[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(field()).toHaveFocus();
    await user.tab();
    expect(links[0]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(store.getState().selection?.kind).toBe('service');
  });

  it('clears the field with Escape', async () => {
    const user = userEvent.setup();
    renderFinder();
    await user.type(field(), 'gp');
    await user.keyboard('{Escape}');
    expect(field()).toHaveValue('');
    expect(screen.getByRole('list', { name: 'Primary care' })).toBeInTheDocument();
  });

  it('opens the top match with Enter in the field, and does nothing with Enter when nothing matches', async () => {
    const user = userEvent.setup();
    const store = renderFinder();
    await user.type(field(), 'helth visting{Enter}');
    expect(store.getState().selection).toEqual({ kind: 'service', id: 'health-visiting' });
    await user.clear(field());
    store.getState().select(null);
    await user.type(field(), 'zzzzqqq{Enter}');
    expect(store.getState().selection).toBeNull();
    await user.clear(field());
    await user.keyboard('{Enter}');
    expect(store.getState().selection).toBeNull();
  });

  it('without the browsing list (beside the map), shows only the field until something is typed', async () => {
    const user = userEvent.setup();
    renderFinder('2015-10', false);
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    await user.type(field(), 'dentist');
    expect(within(screen.getByRole('list', { name: 'Matching services' })).getAllByRole('link')[0]).toHaveTextContent(/dental/i);
    expect(screen.getByText('Commissioners shown at October 2015.')).toBeInTheDocument();
  });
});
