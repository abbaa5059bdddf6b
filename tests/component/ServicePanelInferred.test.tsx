/** An arrangement the sources do not state for the service is badged "Inferred", not a green "In force". */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ServicePanel } from '../../src/features/services/panels';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset } from '../support/real-dataset';

const realDataset = loadRealDataset();

function renderPanel(serviceId: string, month: string) {
  const store = createExplorerStore({ month, selection: { kind: 'service', id: serviceId } });
  store.getState().receiveLoadResult(realDataset);
  render(
    <ExplorerStoreProvider store={store}>
      <ServicePanel serviceId={serviceId} />
    </ExplorerStoreProvider>,
  );
}

const commissionerItems = () =>
  within(screen.getByRole('list', { name: 'Commissioners' }))
    .getAllByRole('listitem')
    .filter((item) => item.parentElement?.getAttribute('aria-label') === 'Commissioners');

describe('an inferred commissioner in the service panel', () => {
  it('badges who commissioned prison health care in 2011 as inferred, not in force', () => {
    renderPanel('prison-health-care', '2011-06');
    const [item] = commissionerItems();
    expect(item?.textContent).toMatch(/^Primary care trusts/);
    const badge = within(item!).getByText('Inferred');
    expect(badge).toHaveClass('nhsuk-tag', 'nhsuk-tag--grey');
    expect(badge).not.toHaveClass('nhsuk-tag--green');
    expect(within(item!).queryByText('In force')).not.toBeInTheDocument();
    // The note says why.
    expect(item).toHaveTextContent(/The sources do not say who commissioned this service before April 2013/);
  });

  it('keeps "In force" for a commissioner the sources name', () => {
    renderPanel('prison-health-care', '2014-06');
    const [item] = commissionerItems();
    expect(item?.textContent).toMatch(/^NHS England/);
    expect(within(item!).getByText('In force')).toHaveClass('nhsuk-tag--green');
    expect(within(item!).queryByText('Inferred')).not.toBeInTheDocument();
  });

  it('badges the inferred arrangement in the history too, and only that one', () => {
    renderPanel('prison-health-care', '2014-06');
    const history = within(screen.getByRole('list', { name: 'History' }));
    const items = history.getAllByRole('listitem');
    const first = items[0]!;
    expect(first).toHaveTextContent(
      /Already in place before the dataset begins: Primary care trusts \(sole commissioner\) Inferred/,
    );
    const handover = items.find((item) => /From Primary care trusts/.test(item.textContent ?? ''))!;
    expect(handover).toHaveTextContent(
      /From Primary care trusts \(sole commissioner\) Inferred to NHS England \(sole commissioner\)\./,
    );
    expect(within(handover).getAllByText('Inferred')).toHaveLength(1);
  });
});
