/** A search with no match says what the dataset covers and suggests the nearest services. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../src/data/load';
import { ServiceFinder } from '../../src/features/services';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset } from '../support/real-dataset';

/** The real dataset cut down to a few services, so the test does not depend on which services it has. */
function fewServices(): LoadResult {
  const result = loadRealDataset();
  if (!result.ok) throw new Error('the real dataset does not load');
  const keep = new Set(['acute-hospital-care', 'elective-hospital-care', 'dental', 'health-visiting', 'specialist-camhs']);
  return { ok: true, dataset: { ...result.dataset, services: result.dataset.services.filter((s) => keep.has(s.id)) } };
}

function renderFinder() {
  const store = createExplorerStore({ month: '2015-10' });
  store.getState().receiveLoadResult(fewServices());
  render(
    <ExplorerStoreProvider store={store}>
      <ServiceFinder />
    </ExplorerStoreProvider>,
  );
}

const field = () => screen.getByRole('searchbox', { name: 'Find a service' });

describe('ServiceFinder when nothing matches', () => {
  it('says what the dataset covers and lists the nearest services, which the arrow keys reach', async () => {
    const user = userEvent.setup();
    renderFinder();
    await user.type(field(), 'hospice');
    expect(screen.getByRole('status')).toHaveTextContent("No services match 'hospice'");
    expect(
      screen.getByText(
        /No service in the dataset is called ‘hospice’ or anything like it\. The dataset covers 5 services commissioned in England from July 2010 to April 2018, in primary care, specialised services, public health and hospital care; it may not include this one/,
      ),
    ).toBeInTheDocument();
    const nearest = within(screen.getByRole('list', { name: 'Nearest services' }));
    const links = nearest.getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      expect.stringMatching(/^Acute hospital care/),
      expect.stringMatching(/^Elective \(planned\) hospital care/),
    ]);
    await user.keyboard('{ArrowDown}');
    expect(links[0]).toHaveFocus();
  });

  it('suggests nothing unrelated for IVF, but says what to try', async () => {
    const user = userEvent.setup();
    renderFinder();
    await user.type(field(), 'IVF');
    expect(screen.getByText(/No service in the dataset is called ‘IVF’ or anything like it/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Nearest services' })).not.toBeInTheDocument();
    expect(screen.getByText(/Try another word, or part of a name/)).toBeInTheDocument();
  });

  it('does not list residential care for "dentist"', async () => {
    const user = userEvent.setup();
    renderFinder();
    await user.type(field(), 'dentist');
    const found = within(screen.getByRole('list', { name: 'Matching services' }));
    expect(found.getAllByRole('link').map((link) => link.textContent)).toEqual([expect.stringMatching(/^NHS dental services/)]);
  });
});
