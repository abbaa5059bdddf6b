import { describe, expect, it } from 'vitest';
import { checkQuotes, INTEGRITY_RULES } from '../../src/data/integrity';
import { parseDataset, parseDatasetTexts } from '../../src/data/load';
import { datasetSchema, type DatasetInput } from '../../src/data/schema';
import { miniDataset } from '../fixtures/mini-dataset';

type Mutation = (data: DatasetInput) => void;

function problemsAfter(mutate: Mutation) {
  const data = miniDataset();
  mutate(data);
  const result = parseDataset(data);
  return result.ok ? [] : result.problems;
}

/** Two steps of a guided tour that fit the fixture: the new system in 2013, health visiting in 2015. */
function withTour(data: DatasetInput): NonNullable<DatasetInput['tour']> {
  data.tour = [
    {
      id: 'tour-2013',
      month: '2013-04',
      title: 'The new system',
      text: 'CCGs take over. NHS England commissions health visiting.',
      focus: { kind: 'organisation', id: 'ccgs' },
      events: ['evt-2013'],
      sources: [{ id: 'doc' }],
    },
    {
      id: 'tour-hv',
      month: '2015-10',
      title: 'Health visiting moves',
      text: 'Local authorities take over health visiting. NHS England stops.',
      focus: { kind: 'service', id: 'health-visiting' },
      events: ['evt-hv'],
      sources: [{ id: 'doc', quote: 'health visitor services' }],
    },
  ];
  return data.tour;
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

/** Each row: one kind of bad data, the file and JSON path it must be reported at, and words of the reason. */
const cases: Array<{
  rule: string;
  catchesBy?: keyof typeof INTEGRITY_RULES;
  mutate: Mutation;
  file: string;
  path: string;
  reason: RegExp;
}> = [
  {
    rule: 'schema: a month that is not a real month',
    mutate: (d) => {
      d.commissioning[1]!.to = '2015-13';
    },
    file: 'data/commissioning.json',
    path: '[1].to',
    reason: /YYYY-MM/,
  },
  {
    rule: 'schema: an event day that does not exist',
    mutate: (d) => {
      d.events[0]!.date = '2013-02-30';
    },
    file: 'data/events.json',
    path: '[0].date',
    reason: /real day/,
  },
  {
    rule: 'schema: a record with no source',
    mutate: (d) => {
      d.services[0]!.sources = [];
    },
    file: 'data/services.json',
    path: '[0].sources',
    reason: /at least one source/,
  },
  {
    rule: 'schema: an unknown field (a typo) is not silently dropped',
    mutate: (d) => {
      (d.organisations[0] as Record<string, unknown>).sucessors = [];
    },
    file: 'data/organisations.json',
    path: '[0]',
    reason: /sucessors/,
  },
  {
    rule: 'schema: a financial year written wrongly',
    mutate: (d) => {
      d.funding[0]!.financialYear = '2015/17';
    },
    file: 'data/funding.json',
    path: '[0].financialYear',
    reason: /follow/,
  },
  {
    rule: 'referenced ids exist',
    catchesBy: 'referencesExist',
    mutate: (d) => {
      d.commissioning[2]!.commissioner = 'councils';
    },
    file: 'data/commissioning.json',
    path: '[2].commissioner',
    reason: /"councils", which does not exist/,
  },
  {
    rule: 'event effects point at real records',
    catchesBy: 'referencesExist',
    mutate: (d) => {
      d.events[1]!.starts = ['com-nothing'];
    },
    file: 'data/events.json',
    path: '[1].starts[0]',
    reason: /"com-nothing"/,
  },
  {
    rule: 'ids are unique',
    catchesBy: 'uniqueIds',
    mutate: (d) => {
      d.commissioning[2]!.id = 'com-hv-nhse';
      d.events[1]!.starts = [];
    },
    file: 'data/commissioning.json',
    path: '[2].id',
    reason: /already used/,
  },
  {
    rule: 'from is not after to',
    catchesBy: 'periodsInOrder',
    mutate: (d) => {
      d.relationships[0]!.to = '2013-01';
    },
    file: 'data/relationships.json',
    path: '[0].to',
    reason: /ends \(January 2013\) before it starts \(April 2013\)/,
  },
  {
    rule: 'cited sources exist',
    catchesBy: 'citedSourcesExist',
    mutate: (d) => {
      d.services[0]!.sources = [{ id: 'a-blog' }];
    },
    file: 'data/services.json',
    path: '[0].sources[0].id',
    reason: /"a-blog", which is not in data\/sources.json/,
  },
  {
    rule: 'no month without a commissioner',
    catchesBy: 'servicesAlwaysCommissioned',
    mutate: (d) => {
      d.commissioning[2]!.from = '2016-01';
      d.events[1]!.starts = [];
    },
    file: 'data/services.json',
    path: '[0]',
    reason: /no commissioner in force in October 2015 to December 2015/,
  },
  {
    rule: 'no contradictory overlap: two sole commissioners at once',
    catchesBy: 'noContradictoryCommissioning',
    mutate: (d) => {
      d.commissioning[1]!.to = '2015-12';
      d.events[1]!.ends = [];
    },
    file: 'data/commissioning.json',
    path: '[2].role',
    reason: /sole commissioner/,
  },
  {
    rule: 'no contradictory overlap: the same commissioner twice',
    catchesBy: 'noContradictoryCommissioning',
    mutate: (d) => {
      d.commissioning.push({
        id: 'com-hv-las-2',
        service: 'health-visiting',
        commissioner: 'las',
        role: 'lead',
        from: '2016-01',
        to: null,
        sources: [{ id: 'doc' }],
      });
    },
    file: 'data/commissioning.json',
    path: '[3]',
    reason: /same commissioner/,
  },
  {
    rule: 'no contradictory overlap: a sole commissioner alongside another that does not say which part it covers',
    catchesBy: 'noContradictoryCommissioning',
    mutate: (d) => {
      d.commissioning[1]!.to = '2015-12';
      d.events[1]!.ends = [];
      d.commissioning[1]!.scope = 'for families registered with military medical centres';
    },
    file: 'data/commissioning.json',
    path: '[2].role',
    reason: /do not split it by scope/,
  },
  {
    rule: 'a scope on a record that shares the service with no one, and no note saying why',
    catchesBy: 'scopesDescribeSplits',
    mutate: (d) => {
      d.commissioning[2]!.scope = 'tier 3 (specialist weight management)';
    },
    file: 'data/commissioning.json',
    path: '[2].scope',
    reason: /covers only part of the service "health-visiting".*no other record covers the rest/,
  },
  {
    rule: 'acronyms in a scope are explained like any other text',
    catchesBy: 'acronymsExplained',
    mutate: (d) => {
      d.commissioning[2]!.scope = 'for patients registered with DMS practices';
      d.commissioning[2]!.note = 'The rest is not recorded.';
    },
    file: 'data/commissioning.json',
    path: '[2].scope',
    reason: /"DMS"/,
  },
  {
    rule: 'relationships lie within the lives of their organisations',
    catchesBy: 'withinLifetimes',
    mutate: (d) => {
      d.relationships[0]!.from = '2012-01';
      d.events[0]!.starts = ['ccgs', 'com-hv-nhse'];
    },
    file: 'data/relationships.json',
    path: '[0]',
    reason: /outside the life of "ccgs"/,
  },
  {
    rule: 'events agree with the records they start',
    catchesBy: 'eventsMatchRecords',
    mutate: (d) => {
      d.events[1]!.date = '2015-11';
    },
    file: 'data/events.json',
    path: '[1].starts[0]',
    reason: /"com-hv-las" starts in October 2015/,
  },
  {
    rule: 'funding flows between bodies alive in that year',
    catchesBy: 'fundingBetweenLiveBodies',
    mutate: (d) => {
      d.funding[0]!.financialYear = '2011/12';
    },
    file: 'data/funding.json',
    path: '[0].recipient',
    reason: /"ccgs" does not exist in 2011\/12/,
  },
  {
    rule: 'every acronym has a glossary entry',
    catchesBy: 'acronymsExplained',
    mutate: (d) => {
      d.services[0]!.description = 'Commissioned with the JSNA in mind.';
    },
    file: 'data/services.json',
    path: '[0].description',
    reason: /"JSNA" without a glossary entry/,
  },
  {
    rule: 'schema: a tour step that highlights something other than a service or an organisation',
    mutate: (d) => {
      (withTour(d)[0]!.focus as { kind: string }).kind = 'relationship';
    },
    file: 'data/tour.json',
    path: '[0].focus.kind',
    reason: /service|organisation/,
  },
  {
    rule: 'tour: the highlighted organisation exists',
    catchesBy: 'tourMatchesDataset',
    mutate: (d) => {
      withTour(d)[0]!.focus = { kind: 'organisation', id: 'gp-consortia' };
    },
    file: 'data/tour.json',
    path: '[0].focus.id',
    reason: /the organisation "gp-consortia", which does not exist$/,
  },
  {
    rule: 'tour: a service id is not an organisation id',
    catchesBy: 'tourMatchesDataset',
    mutate: (d) => {
      withTour(d)[1]!.focus = { kind: 'organisation', id: 'health-visiting' };
    },
    file: 'data/tour.json',
    path: '[1].focus.id',
    reason: /the organisation "health-visiting", which does not exist/,
  },
  {
    rule: 'tour: the highlighted organisation exists at the step’s month',
    catchesBy: 'tourMatchesDataset',
    mutate: (d) => {
      withTour(d)[0]!.focus = { kind: 'organisation', id: 'pcts' };
    },
    file: 'data/tour.json',
    path: '[0].focus.id',
    reason: /"pcts", which does not exist in April 2013 \(the start to March 2013\)/,
  },
  {
    rule: 'tour: the events a step names exist',
    catchesBy: 'tourMatchesDataset',
    mutate: (d) => {
      withTour(d)[1]!.events = ['evt-hv', 'evt-nothing'];
    },
    file: 'data/tour.json',
    path: '[1].events[1]',
    reason: /the event "evt-nothing", which does not exist/,
  },
  {
    rule: 'tour: each step is inside the coverage',
    catchesBy: 'tourMatchesDataset',
    mutate: (d) => {
      withTour(d)[1]!.month = '2017-01';
    },
    file: 'data/tour.json',
    path: '[1].month',
    reason: /January 2017 is outside the dataset \(January 2012 to December 2016\)/,
  },
  {
    rule: 'tour: the steps are in date order',
    catchesBy: 'tourMatchesDataset',
    mutate: (d) => {
      const tour = withTour(d);
      tour.reverse();
    },
    file: 'data/tour.json',
    path: '[1].month',
    reason: /in April 2013, before the step it follows \(October 2015\)/,
  },
  {
    rule: 'tour: its cited sources exist',
    catchesBy: 'citedSourcesExist',
    mutate: (d) => {
      withTour(d)[1]!.sources = [{ id: 'a-blog', quote: 'health visiting' }];
    },
    file: 'data/tour.json',
    path: '[1].sources[0].id',
    reason: /"a-blog", which is not in data\/sources.json/,
  },
  {
    rule: 'tour: step ids are unique across the dataset',
    catchesBy: 'uniqueIds',
    mutate: (d) => {
      withTour(d)[1]!.id = 'evt-hv';
    },
    file: 'data/tour.json',
    path: '[1].id',
    reason: /already used \(data\/events.json \[1\]\)/,
  },
  {
    rule: 'tour: its acronyms have glossary entries',
    catchesBy: 'acronymsExplained',
    mutate: (d) => {
      withTour(d)[0]!.text = 'CCGs take over. The JSNA guides them.';
    },
    file: 'data/tour.json',
    path: '[0].text',
    reason: /"JSNA" without a glossary entry/,
  },
];

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
