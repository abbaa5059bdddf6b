import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NotFoundPanel } from '../../src/features/services/panels';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset } from '../support/real-dataset';
import { afterPaint } from '../support/after-paint';

const realDataset = loadRealDataset();

function renderPanel(kind: 'service' | 'organisation', id: string) {
  const store = createExplorerStore({ month: '2015-10', selection: { kind, id } });
  store.getState().receiveLoadResult(realDataset);
  render(
    <ExplorerStoreProvider store={store}>
      <NotFoundPanel kind={kind} id={id} />
    </ExplorerStoreProvider>,
  );
  return store;
}

describe('NotFoundPanel', () => {
  it('says there is no such service and suggests similar ones', async () => {
    const user = userEvent.setup();
    const store = renderPanel('service', 'helth-visting');
    const heading = screen.getByRole('heading', { level: 2, name: 'No service called “helth-visting”' });
    // The heading takes focus once the panel has been painted.
    await afterPaint();
    expect(heading).toHaveFocus();
    const suggestions = within(screen.getByRole('list', { name: 'Did you mean' }));
    await user.click(suggestions.getByRole('link', { name: 'Health visiting (children aged 0 to 5)' }));
    expect(store.getState().selection).toEqual({ kind: 'service', id: 'health-visiting' });
  });

  it('suggests organisations for an unknown organisation', async () => {
    renderPanel('organisation', 'nhs-englnd');
    expect(screen.getByRole('heading', { name: 'No organisation called “nhs-englnd”' })).toBeInTheDocument();
    const suggestions = within(screen.getByRole('list', { name: 'Did you mean' }));
    expect(suggestions.getAllByRole('link')[0]).toHaveTextContent('NHS England');
  });

  it('says when nothing is similar', () => {
    renderPanel('service', 'zzzz-qqqq');
    expect(screen.getByText('No service has a similar name.')).toBeInTheDocument();
  });

  it('shows the id as text, never as HTML, and cuts a very long one short', () => {
    const hostile = `<img src=x onerror="alert(1)">${'a'.repeat(300)}`;
    renderPanel('service', hostile);
    const heading = screen.getByRole('heading', { level: 2 });
    expect(heading.querySelector('img')).toBeNull();
    expect(heading.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(heading.textContent!.length).toBeLessThan(100);
    expect(heading.textContent).toContain('…');
  });

  it('leads back to the map', async () => {
    const user = userEvent.setup();
    const store = renderPanel('service', 'nothing-here');
    await user.click(screen.getByRole('link', { name: 'Back to the map' }));
    expect(store.getState().selection).toBeNull();
  });
});
