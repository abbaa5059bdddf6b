import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { GlossaryPage } from '../../src/app/pages/GlossaryPage';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { parseDataset } from '../../src/data/load';
import { REFERENCE_COUNTS, referenceDataset } from '../fixtures/reference-dataset';

const { terms } = REFERENCE_COUNTS;

function renderAt(address: string) {
  const store = createExplorerStore();
  store.getState().receiveLoadResult(parseDataset(referenceDataset()));
  const router = createMemoryRouter([{ path: '/glossary/:term?', element: <GlossaryPage /> }], { initialEntries: [address] });
  render(
    <ExplorerStoreProvider store={store}>
      <RouterProvider router={router} />
    </ExplorerStoreProvider>,
  );
  return { store, router };
}

// Plain selectors, as for the real glossary's many entries role queries are slow in jsdom.
const termHeadings = () => [...document.querySelectorAll<HTMLHeadingElement>('.app-glossary__term')];

describe('GlossaryPage', { timeout: 30_000 }, () => {
  it('lists every term in alphabetical order under letters, with a jump list', () => {
    renderAt('/glossary');
    expect(screen.getByRole('heading', { level: 1, name: 'Glossary' })).toBeInTheDocument();
    expect(termHeadings()).toHaveLength(terms);
    expect(screen.getByRole('status')).toHaveTextContent(`${terms} terms.`);
    const names = termHeadings().map((heading) => heading.textContent ?? '');
    expect(names[0]).toMatch(/^A&E/);
    const jump = within(screen.getByRole('navigation', { name: 'Jump to a letter' }));
    expect(jump.getByRole('button', { name: /^Terms starting with\s?C$/ })).toBeInTheDocument();
    // no term starts with X, so X is not a control
    expect(jump.queryByRole('button', { name: /with X$/ })).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'C' })).toBeInTheDocument();
  });

  it('jumps to a letter and moves focus there', async () => {
    const user = userEvent.setup();
    renderAt('/glossary');
    await user.click(screen.getByRole('button', { name: /^Terms starting with\s?P$/ }));
    expect(screen.getByRole('heading', { level: 2, name: 'P' })).toHaveFocus();
  });

  it('searches terms, expansions and meanings, says how many match, and can be cleared', async () => {
    const user = userEvent.setup();
    renderAt('/glossary');
    const search = screen.getByRole('searchbox', { name: 'Search the glossary' });
    await user.click(search);
    await user.paste('clinical commissioning group');
    expect(screen.getByRole('status')).toHaveTextContent(`1 of ${terms} terms match “clinical commissioning group”.`);
    expect(termHeadings().some((heading) => /^CCG/.test(heading.textContent ?? ''))).toBe(true);

    await user.clear(search);
    await user.paste('zzqx');
    expect(screen.getByRole('status')).toHaveTextContent('No terms match “zzqx”.');
    expect(termHeadings()).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect(search).toHaveValue('');
    expect(search).toHaveFocus();
    expect(termHeadings()).toHaveLength(terms);

    await user.type(search, 'pct{Escape}');
    expect(search).toHaveValue('');
  });

  it("opens at a term's address: the entry is highlighted and focused, with its sources", () => {
    renderAt('/glossary/ccg');
    const heading = termHeadings().find((candidate) => /^CCG/.test(candidate.textContent ?? ''))!;
    expect(heading).toHaveFocus();
    const item = heading.closest('li')!;
    expect(item).toHaveClass('app-glossary__entry--chosen');
    expect(within(item).getByText('Clinical commissioning group')).toBeInTheDocument();
    expect(within(item).getByText(/Sources \(1\)/)).toBeInTheDocument();
    expect(within(item).getByRole('link', { name: /^Link to this term:\s?CCG$/ })).toHaveAttribute('href', '#/glossary/ccg');
  });

  it('links the terms in a meaning to their own entries', async () => {
    renderAt('/glossary/chc');
    const item = termHeadings()
      .find((candidate) => /^CHC/.test(candidate.textContent ?? ''))!
      .closest('li')!;
    expect(await within(item).findByRole('link', { name: 'CCGs (glossary)' })).toHaveAttribute('href', '#/glossary/ccg');
  });

  it('explains an unknown term and still lists every term', () => {
    renderAt('/glossary/no-such-term');
    const notice = screen.getByText(/The glossary has no term/);
    expect(notice).toHaveTextContent('“no-such-term”');
    expect(notice.closest('div')).toHaveFocus();
    expect(termHeadings()).toHaveLength(terms);
  });

  it('clears the search when another term is opened', async () => {
    const user = userEvent.setup();
    const { router } = renderAt('/glossary');
    await user.type(screen.getByRole('searchbox', { name: 'Search the glossary' }), 'zzqx');
    await act(() => router.navigate('/glossary/pct'));
    expect(screen.getByRole('searchbox', { name: 'Search the glossary' })).toHaveValue('');
    expect(termHeadings().find((candidate) => /^PCT/.test(candidate.textContent ?? ''))).toHaveFocus();
  });
});
