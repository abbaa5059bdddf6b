import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SourcesPage } from '../../src/app/pages/SourcesPage';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { parseDataset } from '../../src/data/load';
import { REFERENCE_COUNTS, referenceDataset, TRANSFER_SOURCE } from '../fixtures/reference-dataset';

const { sources, documents, external } = REFERENCE_COUNTS;

function renderAt(address: string) {
  const store = createExplorerStore();
  store.getState().receiveLoadResult(parseDataset(referenceDataset()));
  const router = createMemoryRouter([{ path: '/sources/:id?', element: <SourcesPage /> }], { initialEntries: [address] });
  render(
    <ExplorerStoreProvider store={store}>
      <RouterProvider router={router} />
    </ExplorerStoreProvider>,
  );
}

// Plain selectors, as for the real dataset's many sources role queries are slow in jsdom.
const sourceHeadings = () => [...document.querySelectorAll<HTMLHeadingElement>('.app-sources__title')];
const itemOf = (title: RegExp) =>
  sourceHeadings()
    .find((heading) => title.test(heading.textContent ?? ''))!
    .closest('li')!;

describe('SourcesPage', { timeout: 30_000 }, () => {
  it('lists every source, the documents first', () => {
    renderAt('/sources');
    expect(screen.getByRole('heading', { level: 1, name: 'Sources' })).toBeInTheDocument();
    expect(sourceHeadings()).toHaveLength(sources);
    const documentList = screen.getByRole('heading', { level: 2, name: /five documents/ }).closest('section')!;
    expect(documentList.querySelectorAll('.app-sources__title')).toHaveLength(documents);
    expect(sourceHeadings()[0]).toHaveTextContent('A document');
    expect(screen.getByRole('status')).toHaveTextContent(
      `${sources} sources: ${documents} documents and ${external} other public sources.`,
    );
  });

  it("opens at a source's address: focused, highlighted, with the records that cite it as links", () => {
    renderAt(`/sources/${TRANSFER_SOURCE}`);
    const heading = sourceHeadings().find((candidate) => candidate === document.activeElement);
    expect(heading).toBeDefined();
    const item = heading!.closest('li')!;
    expect(item).toHaveClass('app-sources__item--chosen');
    const details = item.querySelector('details')!;
    expect(details).toHaveAttribute('open');
    const links = within(details).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.getAttribute('href')).toMatch(/^#\/(service|org|funding|glossary|\?date=)/);
    expect(
      within(details)
        .getAllByRole('link')
        .some((link) => /health-visiting/.test(link.getAttribute('href') ?? '')),
    ).toBe(true);
  });

  it('links glossary terms and funding figures that cite a source to their pages', () => {
    renderAt('/sources');
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.app-sources__record a')].map((link) =>
      link.getAttribute('href'),
    );
    expect(links).toContain('#/glossary/ccg');
    expect(links.some((href) => /^#\/funding\?year=\d{4}-\d{2}$/.test(href ?? ''))).toBe(true);
    expect(links.some((href) => /^#\/\?date=\d{4}-\d{2}$/.test(href ?? ''))).toBe(true);
  });

  it('says how many records cite a source, by kind', () => {
    renderAt('/sources');
    const item = itemOf(/aidsmap|HIV/i);
    expect(item.querySelector('summary')).toHaveTextContent(/^Cited by 1 record: /);
  });

  it('searches the sources and says how many match', async () => {
    const user = userEvent.setup();
    renderAt('/sources');
    await user.click(screen.getByRole('searchbox', { name: 'Search the sources' }));
    await user.paste('aidsmap');
    expect(screen.getByRole('status')).toHaveTextContent(`1 of ${sources} sources match “aidsmap”.`);
    expect(sourceHeadings()).toHaveLength(1);
    await user.clear(screen.getByRole('searchbox', { name: 'Search the sources' }));
    await user.paste('zzqx');
    expect(screen.getByRole('status')).toHaveTextContent('No sources match “zzqx”.');
    await user.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect(sourceHeadings()).toHaveLength(sources);
  });

  it('explains an unknown source and lists them all', () => {
    renderAt('/sources/not-a-source');
    expect(screen.getByText(/The dataset has no source/)).toHaveTextContent('“not-a-source”');
    expect(sourceHeadings()).toHaveLength(sources);
  });
});
