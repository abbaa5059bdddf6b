/**
 * A bad dataset, as a person opening the explorer would meet it: each kind of error the loader
 * knows is fed through the real loader (file texts → parseDatasetTexts, or fetchDataset) into a
 * store, and the page must name the file, the JSON path and the reason. A dataset that parses but
 * breaks integrity rules is still explored under the list; one that does not parse shows only the
 * list. Then many random corruptions of the fixture: the loader never throws and never accepts a
 * change it should catch.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DatasetGate } from '../../src/app/DatasetGate';
import { ExplorerPage } from '../../src/app/ExplorerPage';
import { INTEGRITY_RULES } from '../../src/data/integrity';
import { fetchDataset, type LoadResult, parseDataset, parseDatasetTexts } from '../../src/data/load';
import { DATASET_FILES, type DatasetFileKey, type DatasetInput } from '../../src/data/schema';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { BAD_DATA_CASES, type BadDataCase, type Mutation } from '../fixtures/bad-datasets';
import { miniDataset } from '../fixtures/mini-dataset';

type Texts = Partial<Record<DatasetFileKey, string>>;

/** The fixture as the JSON files the site serves. */
function textsOf(data: DatasetInput): Texts {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, JSON.stringify(value, null, 2)])) as Texts;
}

function loadMutated(mutate: Mutation): LoadResult {
  const data = miniDataset();
  mutate(data);
  return parseDatasetTexts(textsOf(data));
}

/** The explorer page with the app's routes and loading gate, in memory, given what the loader returned. */
function renderExplorer(result: LoadResult, address = '/') {
  const store = createExplorerStore();
  store.getState().receiveLoadResult(result);
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <DatasetGate>
            <ExplorerPage />
          </DatasetGate>
        ),
        children: [{ index: true }, { path: 'service/:id' }, { path: 'org/:id' }],
      },
    ],
    { initialEntries: [address] },
  );
  render(
    <ExplorerStoreProvider store={store}>
      <RouterProvider router={router} />
    </ExplorerStoreProvider>,
  );
  return { store, router };
}

const problemSummary = () => screen.getByRole('alert', { name: /^The dataset has \d+ problems?$/ });

/** The summary lists the problem as "<file> at <path>: <reason>" (or "<file>: <reason>" for a whole file). */
function expectProblemShown(file: string, path: string, reason: RegExp) {
  const where = path ? `${file} at ${path}: ` : `${file}: `;
  const items = within(problemSummary())
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
  const matching = items.filter((text) => text.startsWith(where) && reason.test(text.slice(where.length)));
  expect(matching, `no problem "${where}${String(reason)}" among:\n${items.join('\n')}`).not.toHaveLength(0);
}

/** The views that show their error instead of themselves ("Sorry, the map could not be shown"). */
const failedViews = () =>
  screen
    .queryAllByRole('alert')
    .map((alert) => /Sorry, (.+?) could not be shown/.exec(alert.textContent ?? '')?.[1])
    .filter((name) => name !== undefined);

/** The shared table's integrity errors: each dataset parses, so the explorer is still shown under the problems. */
const integrityCases = BAD_DATA_CASES.filter(
  (row): row is BadDataCase & { catchesBy: keyof typeof INTEGRITY_RULES } => row.catchesBy !== undefined,
);

describe('a dataset that parses but breaks an integrity rule', () => {
  it('has a row for every integrity rule the loader runs', () => {
    expect([...new Set(integrityCases.map((row) => row.catchesBy))].sort()).toEqual(Object.keys(INTEGRITY_RULES).sort());
  });

  it.each(integrityCases)('$rule: names file, path and reason, and the explorer still works', async (row) => {
    const { catchesBy: rule, mutate, file, path, reason, failingView } = row;
    const result = loadMutated(mutate);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.dataset, 'an integrity error keeps the parsed dataset').toBeDefined();
    // The named rule is the one that finds it.
    expect(INTEGRITY_RULES[rule](result.dataset!)).toContainEqual(expect.objectContaining({ file, path }));

    const { store } = renderExplorer(result);
    expect(problemSummary()).toHaveTextContent(`The dataset has ${result.problems.length} problem`);
    expect(problemSummary()).toHaveTextContent('The explorer below may be incomplete or wrong where they apply.');
    expectProblemShown(file, path, reason);
    // Every problem is on the page: none is dropped.
    expect(within(problemSummary()).getAllByRole('listitem')).toHaveLength(result.problems.length);

    // The explorer below still works from the dataset it was given.
    expect(screen.getByRole('heading', { level: 1, name: 'Who commissions what in English health and care' })).toBeVisible();
    if (failingView) {
      expect(failedViews()).toEqual([failingView]);
    } else {
      expect(screen.getByRole('slider', { name: 'Month' })).toBeInTheDocument();
      expect(failedViews()).toEqual([]);
    }
    // The map computes its own layout for a dataset it has none for: it appears a moment later.
    expect(
      await screen.findByRole('group', { name: /^Map of the health and care system in / }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Find a service')).toBeInTheDocument();
    expect(store.getState().month).toBe(result.dataset!.meta.coverage.to);
  });

  it('opens a service panel from a dataset with a dangling commissioner', async () => {
    renderExplorer(
      loadMutated((d) => {
        d.commissioning[2]!.commissioner = 'councils';
      }),
      '/service/health-visiting?date=2016-01',
    );
    expect(await screen.findByRole('heading', { level: 2, name: /Health visiting/ })).toBeInTheDocument();
    expectProblemShown('data/commissioning.json', '[2].commissioner', /"councils"/);
    expect(failedViews()).toEqual([]);
  });
});

/**
 * Each row: a dataset that cannot be parsed, and the problem that must be shown instead of the
 * explorer: the shared table's schema errors, then files that are not JSON, not a list, or missing.
 */
const schemaCases: Array<{ name: string; texts: () => Texts; file: string; path: string; reason: RegExp }> = [
  ...BAD_DATA_CASES.filter((row) => row.catchesBy === undefined).map(({ rule, mutate, file, path, reason }) => ({
    name: rule.replace(/^schema: /, ''),
    texts: () => {
      const data = miniDataset();
      mutate(data);
      return textsOf(data);
    },
    file,
    path,
    reason,
  })),
  {
    name: 'a file that is not JSON',
    texts: () => ({ ...textsOf(miniDataset()), events: '[{ "id": "evt-2013", ' }),
    file: 'data/events.json',
    path: '',
    reason: /^is not valid JSON/,
  },
  {
    name: 'a file that is JSON but not a list',
    texts: () => ({ ...textsOf(miniDataset()), services: '{}' }),
    file: 'data/services.json',
    path: '',
    reason: /expected array/,
  },
  {
    name: 'a missing file',
    texts: () => {
      const { glossary: _missing, ...rest } = textsOf(miniDataset());
      return rest;
    },
    file: 'data/glossary.json',
    path: '',
    reason: /^the file is missing$/,
  },
];

describe('a dataset that cannot be parsed', () => {
  it.each(schemaCases)('$name: names file, path and reason, and shows only the problems', ({ texts, file, path, reason }) => {
    const result = parseDatasetTexts(texts());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.dataset).toBeUndefined();
    renderExplorer(result);
    expect(problemSummary()).toHaveTextContent('The explorer cannot show the data until these are fixed.');
    expectProblemShown(file, path, reason);
    expect(within(problemSummary()).getAllByRole('listitem')).toHaveLength(result.problems.length);
    expect(screen.queryByRole('slider')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
  });

  it('a file the server does not send (HTTP 404), through the fetching loader', async () => {
    const texts = textsOf(miniDataset());
    const fakeFetch = (async (url: string) => {
      const key = (Object.keys(DATASET_FILES) as DatasetFileKey[]).find((candidate) =>
        url.endsWith(`/${DATASET_FILES[candidate]}`),
      );
      if (!key || key === 'funding') return new Response('Not found', { status: 404 });
      return new Response(texts[key] ?? '', { status: 200 });
    }) as typeof fetch;
    const result = await fetchDataset('./', fakeFetch);
    renderExplorer(result);
    expectProblemShown('data/funding.json', '', /^could not be loaded \(HTTP 404\)$/);
    expect(screen.queryByRole('slider')).not.toBeInTheDocument();
  });
});

// ---------------------------------------------------------------------------------------------
// Random single-field corruptions

/** A small seeded generator (mulberry32), so every run tries the same corruptions. */
function randomGenerator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Segment = string | number;
interface Slot {
  /** the file it lives in, and the path inside that file */
  file: DatasetFileKey;
  path: Segment[];
  parent: Record<string, unknown> | unknown[];
  key: Segment;
  value: unknown;
}

/** Every value in the dataset, with where it stands. */
function slotsOf(data: DatasetInput): Slot[] {
  const slots: Slot[] = [];
  const walk = (file: DatasetFileKey, node: unknown, path: Segment[]) => {
    if (Array.isArray(node)) {
      node.forEach((value: unknown, index) => {
        slots.push({ file, path: [...path, index], parent: node, key: index, value });
        walk(file, value, [...path, index]);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        slots.push({ file, path: [...path, key], parent: node as Record<string, unknown>, key, value });
        walk(file, value, [...path, key]);
      }
    }
  };
  for (const [file, value] of Object.entries(data)) walk(file as DatasetFileKey, value, []);
  return slots;
}

const REFERENCE_FIELDS = new Set(['subject', 'object', 'service', 'commissioner', 'payer', 'recipient']);
const REFERENCE_LISTS = new Set(['predecessors', 'successors', 'starts', 'ends']);
const MONTH_FIELDS = new Set(['from', 'to', 'asOf']);

/** A field that names another record: the loader must notice when it points at nothing. */
function isReference(slot: Slot): boolean {
  if (typeof slot.value !== 'string') return false;
  const parentKey = slot.path[slot.path.length - 2];
  const inCitation = slot.key === 'id' && slot.path.includes('sources') && slot.file !== 'sources';
  return REFERENCE_FIELDS.has(String(slot.key)) || REFERENCE_LISTS.has(String(parentKey)) || inCitation;
}

const isMonthField = (slot: Slot) => typeof slot.value === 'string' && MONTH_FIELDS.has(String(slot.key));

interface Corruption {
  kind: 'empty-string' | 'bad-month' | 'dangling-reference' | 'delete-key' | 'null' | 'wrong-type';
  /** must the loader reject it, or may it accept it (an optional field deleted, a nullable one nulled) */
  mustReject: boolean;
  apply: (slot: Slot) => void;
  applies: (slot: Slot) => boolean;
}

const set = (slot: Slot, value: unknown) => {
  (slot.parent as Record<Segment, unknown>)[slot.key] = value;
};

const CORRUPTIONS: Corruption[] = [
  { kind: 'empty-string', mustReject: true, applies: (s) => typeof s.value === 'string', apply: (s) => set(s, '') },
  { kind: 'bad-month', mustReject: true, applies: isMonthField, apply: (s) => set(s, '2015-13') },
  { kind: 'dangling-reference', mustReject: true, applies: isReference, apply: (s) => set(s, 'nope') },
  {
    kind: 'delete-key',
    mustReject: false,
    applies: (s) => !Array.isArray(s.parent),
    apply: (s) => {
      delete (s.parent as Record<string, unknown>)[s.key as string];
    },
  },
  { kind: 'null', mustReject: false, applies: () => true, apply: (s) => set(s, null) },
  {
    kind: 'wrong-type',
    mustReject: true,
    applies: (s) => typeof s.value === 'string' || typeof s.value === 'number' || Array.isArray(s.value),
    apply: (s) => set(s, typeof s.value === 'string' ? 42 : typeof s.value === 'number' ? 'forty-two' : {}),
  },
];

/** The slot's path as the loader writes it: "[2].sources[0].id", "coverage.to". */
function formatSlotPath(path: readonly Segment[]): string {
  return path
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`))
    .join('')
    .replace(/^\./, '');
}

/** A problem "points at" a change when its path is the changed field or one of its parents. */
const pointsAt = (problemPath: string, changedPath: string) =>
  problemPath === '' ||
  changedPath === problemPath ||
  changedPath.startsWith(`${problemPath}.`) ||
  changedPath.startsWith(`${problemPath}[`);

describe('random single-field corruptions of the fixture (seeded)', () => {
  const random = randomGenerator(20260410);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const cases = Array.from({ length: 200 }, (_, index) => {
    const corruption = CORRUPTIONS[index % CORRUPTIONS.length]!;
    const data = miniDataset();
    const slot = pick(slotsOf(data).filter(corruption.applies));
    const description = `${corruption.kind} at data/${DATASET_FILES[slot.file]} ${formatSlotPath(slot.path)}`;
    corruption.apply(slot);
    return { name: `#${index + 1} ${description}`, corruption, slot, data };
  });

  it('tries every kind of corruption', () => {
    expect(new Set(cases.map((c) => c.corruption.kind)).size).toBe(CORRUPTIONS.length);
  });

  it.each(cases)('$name: never throws; accepts it or reports where and why', ({ corruption, slot, data }) => {
    const file = `data/${DATASET_FILES[slot.file]}`;
    const changedPath = formatSlotPath(slot.path);
    let result: LoadResult | undefined;
    expect(() => {
      result = parseDatasetTexts(textsOf(data));
    }).not.toThrow();
    // The same files as parsed objects give the same verdict.
    expect(parseDataset(JSON.parse(JSON.stringify(data)) as DatasetInput)).toEqual(result);
    if (!result || result.ok) {
      expect(corruption.mustReject, `${corruption.kind} at ${file} ${changedPath} was accepted`).toBe(false);
      return;
    }
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(problem.file).toMatch(/^data\/[a-z]+\.json$/);
      expect(problem.reason.trim()).not.toBe('');
      expect(typeof problem.path).toBe('string');
    }
    // At least one problem is in the changed file, at the changed field or a parent of it.
    const located = result.problems.filter((problem) => problem.file === file && pointsAt(problem.path, changedPath));
    expect(located, `no problem at ${file} ${changedPath}: ${JSON.stringify(result.problems)}`).not.toHaveLength(0);
  });

  it('renders the page for each corrupted dataset that still parses: problems on top, the explorer below', () => {
    const parsedButInvalid = cases
      .map((c) => parseDatasetTexts(textsOf(c.data)))
      .filter((result): result is Extract<LoadResult, { ok: false }> => !result.ok && result.dataset !== undefined);
    expect(parsedButInvalid.length).toBeGreaterThan(5);
    for (const result of parsedButInvalid) {
      renderExplorer(result);
      expect(within(problemSummary()).getAllByRole('listitem')).toHaveLength(result.problems.length);
      expect(screen.getByRole('slider', { name: 'Month' })).toBeInTheDocument();
      expect(failedViews()).toEqual([]);
      cleanup();
    }
    // One full explorer render per corrupted dataset (a dozen or more): seconds, more on a loaded machine.
  }, 30_000);
});
