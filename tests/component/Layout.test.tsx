import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { isExplorerPath, Layout } from '../../src/components/Layout';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { afterPaint } from '../support/after-paint';

function renderAt(address: string) {
  const store = createExplorerStore();
  const router = createMemoryRouter([{ path: '*', element: <Layout>the view</Layout> }], { initialEntries: [address] });
  render(
    <ExplorerStoreProvider store={store}>
      <RouterProvider router={router} />
    </ExplorerStoreProvider>,
  );
  return { store, router };
}

const views = ['Map', 'Funding', 'Compare', 'Tour', 'Glossary', 'Sources', 'Data', 'About'];

describe('Layout', () => {
  it('links to every view and marks the current page; the map covers services and organisations', () => {
    renderAt('/service/health-visiting?date=2015-10');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(views);
    expect(within(nav).getByRole('link', { name: 'Map' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Tour' })).not.toHaveAttribute('aria-current');
  });

  it('marks a view with a sub-path (a tour step, a glossary term) as current', () => {
    renderAt('/tour/3');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Tour' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Map' })).not.toHaveAttribute('aria-current');
  });

  it('keeps the month on the way back to the map', async () => {
    const { store } = renderAt('/about');
    const mapLink = () => within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Map' });
    expect(mapLink()).toHaveAttribute('href', '/');
    await act(async () => store.setState({ month: '2013-04' }));
    await afterPaint();
    expect(mapLink()).toHaveAttribute('href', '/?date=2013-04');
  });

  it('has a Menu disclosure for small screens that opens, and closes with Escape', async () => {
    renderAt('/');
    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(document.getElementById(menu.getAttribute('aria-controls')!)).toHaveClass('app-header__nav-list');
    await userEvent.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();
  });

  it('in the embed mode shows just the view, with a line linking to the full view', () => {
    renderAt('/service/health-visiting?date=2015-10&embed=1');
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('banner')).toBeNull();
    expect(screen.queryByRole('contentinfo')).toBeNull();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('the view');
    const full = screen.getByRole('link', { name: /Open the full view/ });
    expect(full).toHaveAttribute('href', '#/service/health-visiting?date=2015-10');
    expect(full).toHaveAttribute('target', '_blank');
    expect(full).toHaveAttribute('rel', 'noopener noreferrer');
    expect(full.closest('p')).toHaveTextContent('From the NHS commissioning explorer, an independent explainer');
  });
});

describe('Layout around the explorer', () => {
  it('on the map, names the site without a link to the page itself (the Map link is there), and keeps the independence line', () => {
    renderAt('/?date=2013-04');
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('NHS commissioning explorer').closest('a')).toBeNull();
    expect(screen.getByText('Independent explainer.')).toBeInTheDocument();
    expect(screen.getByText('Independent explainer.').closest('p')).toHaveTextContent(/affiliated with the NHS/);
    expect(screen.getByRole('main').parentElement).toHaveClass('app-width-container--full');
  });

  it('elsewhere, links the site name to the map, in the usual width', () => {
    renderAt('/about');
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'NHS commissioning explorer' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(screen.getByRole('main').parentElement).not.toHaveClass('app-width-container--full');
  });
});

describe('isExplorerPath', () => {
  it('is true for the map, a service and an organisation', () => {
    expect(['/', '//', '/service/x', '/org/y', '/SERVICE/x'].map(isExplorerPath)).toEqual([true, true, true, true, true]);
    expect(['/about', '/services', '/tour', '/org'].map(isExplorerPath)).toEqual([false, false, false, false]);
  });
});
