import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { csvParseRows } from 'd3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DownloadsPage } from '../../src/app/pages/DownloadsPage';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { parseDataset } from '../../src/data/load';
import { miniDataset } from '../fixtures/mini-dataset';

/** The small fixture: four bodies and five glossary terms. */
const mini = parseDataset(miniDataset());

function renderPage() {
  const store = createExplorerStore();
  store.getState().receiveLoadResult(mini);
  render(
    <ExplorerStoreProvider store={store}>
      <DownloadsPage />
    </ExplorerStoreProvider>,
  );
  return store;
}

/** Records what the page hands to the browser to save: the blob, the file name, and when its URL is released. */
function watchDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const revoked: string[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn((url: string) => void revoked.push(url));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names, revoked };
}

describe('DownloadsPage', { timeout: 30_000 }, () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('shows the licence and the note on sources from the data', () => {
    renderPage();
    const dataset = mini.dataset!;
    expect(screen.getByText(dataset.meta.licence)).toBeInTheDocument();
    expect(screen.getByText(dataset.meta.note)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See every source and what cites it' })).toHaveAttribute('href', '#/sources');
  });

  it('lists each file with its rows and size', () => {
    renderPage();
    const table = screen.getByRole('table', { name: 'CSV files, one per kind of record' });
    const row = within(table).getByRole('row', { name: /organisations\.csv/ });
    expect(row).toHaveTextContent('4 rows');
    expect(row).toHaveTextContent(/\d+(\.\d)? (bytes|KB)/);
    for (const name of [
      'services.csv',
      'commissioning.csv',
      'funding.csv',
      'events.csv',
      'sources.csv',
      'glossary.csv',
      'citations.csv',
    ])
      expect(within(table).getByRole('row', { name: new RegExp(name.replace('.', '\\.')) })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /glossary\.csv/ })).toHaveTextContent('5 rows');
    const whole = screen.getByRole('table', { name: 'The whole dataset and its README' });
    expect(within(whole).getByRole('row', { name: /commissioning-dataset\.json/ })).toBeInTheDocument();
    expect(within(whole).getByRole('row', { name: /README\.txt/ })).toBeInTheDocument();
  });

  it('downloads a CSV file through a temporary link, and releases its address afterwards', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { blobs, names, revoked } = watchDownloads();
    renderPage();
    await user.click(screen.getByRole('button', { name: /^Download\s?organisations\.csv$/ }));
    expect(names).toEqual(['organisations.csv']);
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    const rows = csvParseRows(await blobs[0]!.text());
    expect(rows.map((row) => row[0])).toEqual(['id', 'pcts', 'ccgs', 'nhse', 'las']);
    expect(document.querySelector('a[download]')).toBeNull();
    vi.advanceTimersByTime(10_000);
    expect(revoked).toEqual(['blob:test/1']);
  });

  it('downloads the whole dataset as JSON with its licence, and a README that says what each file holds', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { blobs, names } = watchDownloads();
    renderPage();
    await user.click(screen.getByRole('button', { name: /^Download\s?commissioning-dataset\.json$/ }));
    await user.click(screen.getByRole('button', { name: /^Download\s?README\.txt$/ }));
    expect(names).toEqual(['commissioning-dataset.json', 'README.txt']);
    const json = JSON.parse(await blobs[0]!.text()) as { meta: { licence: string }; organisations: unknown[] };
    expect(json.meta.licence).toMatch(/CC BY 4\.0/);
    expect(json.organisations).toHaveLength(4);
    const readme = await blobs[1]!.text();
    expect(readme.startsWith(mini.dataset!.meta.title)).toBe(true);
    expect(readme).toContain('CC BY 4.0');
    expect(readme).toContain('organisations.csv (4 rows)');
    expect(readme).toContain('citations.csv');
    expect(readme).toMatch(/leading apostrophe/);
  });
});
