import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { prepareTermText, TermText } from '../../src/components/TermText';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { loadRealDataset } from '../support/real-dataset';

function renderText(text: string, { loaded = true } = {}) {
  const store = createExplorerStore();
  if (loaded) store.getState().receiveLoadResult(loadRealDataset());
  const { container } = render(
    <ExplorerStoreProvider store={store}>
      <p>
        <TermText text={text} />
      </p>
    </ExplorerStoreProvider>,
  );
  return container;
}

const description =
  'Health visitors work with families of children from birth to 5 years. NHS England commissioned health visiting from April 2013; local authorities took it over on 1 October 2015.';

describe('TermText', () => {
  it('links the terms in its first render once the term finder has been prepared ahead (as the explorer does when idle)', async () => {
    await prepareTermText(loadRealDataset().dataset!.glossary);
    renderText(description);
    expect(screen.getByRole('link', { name: 'local authorities (glossary)' })).toHaveAttribute('href', '#/glossary/la');
  });

  it('links the glossary terms of a text to their entries, keeping the text as it is', async () => {
    const container = renderText(description);
    const link = await screen.findByRole('link', { name: 'local authorities (glossary)' });
    expect(link).toHaveAttribute('href', '#/glossary/la');
    expect(link).toHaveAttribute('title', 'Glossary: Local authority');
    expect(screen.getByRole('link', { name: 'NHS England (glossary)' })).toHaveAttribute('href', '#/glossary/nhse');
    expect(screen.getByRole('link', { name: 'health visiting (glossary)' })).toHaveAttribute(
      'href',
      '#/glossary/health-visiting',
    );
    expect(container).toHaveTextContent(description);
    // "Health visitors" is not "health visiting"
    expect(screen.getAllByRole('link')).toHaveLength(3);
  });

  it('is the plain text while the dataset is loading', () => {
    const container = renderText(description, { loaded: false });
    expect(container).toHaveTextContent(description);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
