import { describe, expect, it } from 'vitest';
import { checkQuotes, INTEGRITY_RULES } from '../../src/data/integrity';
import { parseDataset, parseDatasetTexts } from '../../src/data/load';
import { datasetSchema, type DatasetInput } from '../../src/data/schema';
import { BAD_DATA_CASES, type Mutation, withTour } from '../fixtures/bad-datasets';
import { miniDataset } from '../fixtures/mini-dataset';

function problemsAfter(mutate: Mutation) {
  const data = miniDataset();
  mutate(data);
  const result = parseDataset(data);
  return result.ok ? [] : result.problems;
}

describe('the fixture', () => {
  it('is valid, so each failure below comes from its one mutation', () => {
    expect(parseDataset(miniDataset())).toMatchObject({ ok: true });
  });

  it('is valid with a guided tour, and without one (the tour defaults to none)', () => {
    const data = miniDataset();
    withTour(data);
    expect(parseDataset(data)).toMatchObject({ ok: true, dataset: { tour: [{ id: 'tour-2013' }, { id: 'tour-hv' }] } });
    expect(parseDataset(miniDataset())).toMatchObject({ ok: true, dataset: { tour: [] } });
  });
});

const cases = BAD_DATA_CASES;

describe('each integrity rule catches its kind of bad data', () => {
  it.each(cases)('$rule', ({ mutate, file, path, reason, catchesBy }) => {
    const expected = expect.objectContaining({ file, path, reason: expect.stringMatching(reason) });
    expect(problemsAfter(mutate)).toContainEqual(expected);
    if (catchesBy) {
      // The named rule, run on its own, is the one that finds it.
      const data = miniDataset();
      mutate(data);
      expect(INTEGRITY_RULES[catchesBy](datasetSchema.parse(data))).toContainEqual(expected);
    }
  });

  it('has at least one row for every integrity rule', () => {
    const covered = new Set(cases.map((row) => row.catchesBy).filter(Boolean));
    expect([...covered].sort()).toEqual(Object.keys(INTEGRITY_RULES).sort());
  });
});

describe('split services', () => {
  /** Health visiting shared out, October 2015 to December 2015, between NHS England and local authorities. */
  function split(nhseScope: string | undefined, lasScope: string | undefined): DatasetInput {
    const data = miniDataset();
    data.commissioning[1]!.to = '2015-12';
    data.events[1]!.ends = [];
    if (nhseScope !== undefined) data.commissioning[1]!.scope = nhseScope;
    if (lasScope !== undefined) data.commissioning[2]!.scope = lasScope;
    return data;
  }

  it('accepts two sole commissioners at once when each says which part it covers', () => {
    expect(parseDataset(split('for serving personnel', 'for veterans'))).toMatchObject({ ok: true });
  });

  it('rejects two sole commissioners that claim the same part, whatever its case', () => {
    const result = parseDataset(split('Tier 3', 'tier 3'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.reason).join(' ')).toMatch(/do not split it by scope/);
  });

  it('lets one commissioner hold two parts of a service at once, each with its own scope', () => {
    const data = split('tier 3', 'tiers 1 and 2');
    data.commissioning[1]!.commissioner = 'las';
    expect(parseDataset(data)).toMatchObject({ ok: true });
  });
});

describe('loading', () => {
  it('reports a file that is not JSON by its name, and still checks the others', () => {
    const texts = Object.fromEntries(Object.entries(miniDataset()).map(([key, value]) => [key, JSON.stringify(value)]));
    texts.events = '{ not json';
    texts.services = JSON.stringify([{ id: 'x' }]);
    const result = parseDatasetTexts(texts);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({
      file: 'data/events.json',
      path: '',
      reason: expect.stringMatching(/not valid JSON/),
    });
    expect(result.problems.some((p) => p.file === 'data/services.json')).toBe(true);
  });

  it('reports a missing file', () => {
    const { glossary: _omitted, ...rest } = miniDataset();
    const result = parseDataset(rest);
    expect(result).toMatchObject({ ok: false, problems: [{ file: 'data/glossary.json', reason: 'the file is missing' }] });
  });
});

describe('quotes', () => {
  it('must appear in the cited document, ignoring white space and curly quotes', () => {
    const data = datasetSchema.parse(miniDataset());
    data.services[0]!.sources = [{ id: 'doc', quote: 'health   visitor services' }];
    data.organisations[0]!.sources = [{ id: 'doc', quote: 'services for the moon' }];
    const documents = new Map([['000_41f3f7701da5024c.txt', 'the commissioning of health visitor services for children']]);
    const problems = checkQuotes(data, documents);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'data/organisations.json',
        path: '[0].sources[0].quote',
        reason: expect.stringMatching(/not in 000_/),
      }),
    ]);
  });

  it('covers the guided tour’s citations', () => {
    const input = miniDataset();
    withTour(input)[1]!.sources = [
      { id: 'doc', quote: 'health visitor services' },
      { id: 'doc', quote: 'services for the moon' },
    ];
    const documents = new Map([['000_41f3f7701da5024c.txt', 'the commissioning of health visitor services for children']]);
    expect(checkQuotes(datasetSchema.parse(input), documents)).toEqual([
      expect.objectContaining({ file: 'data/tour.json', path: '[1].sources[1].quote', reason: expect.stringMatching(/moon/) }),
    ]);
  });
});
