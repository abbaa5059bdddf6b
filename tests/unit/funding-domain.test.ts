import { describe, expect, it } from 'vitest';
import type { FundingFlow, Organisation } from '../../src/data/schema';
import {
  financialYearFromParam,
  financialYearToParam,
  firstMonthOfFinancialYear,
  flowsForYear,
  fundingImbalances,
  fundingOrganisationOrder,
  fundingPairs,
  isMonthInFinancialYear,
  missingFlows,
  nearestYear,
  resolveFundingYear,
  yearsWithFigures,
} from '../../src/domain/funding';
import { financialYearOf } from '../../src/domain/months';
import { loadRealDataset } from '../support/real-dataset';

const cite = [{ id: 'doc' }];

function flow(partial: Partial<FundingFlow> & Pick<FundingFlow, 'id' | 'payer' | 'recipient' | 'financialYear'>): FundingFlow {
  return { basis: 'allocation', description: 'A figure.', sources: cite, ...partial };
}

function organisation(id: string, from: string | null = null, to: string | null = null): Organisation {
  return {
    id,
    name: id,
    shortName: id,
    kind: 'body',
    level: 'national',
    category: 'government',
    role: 'A body.',
    from,
    to,
    predecessors: [],
    successors: [],
    sources: cite,
  };
}

const coverage = { from: '2010-07', to: '2018-04' };

describe('financial years in addresses and months', () => {
  it('writes "2015/16" as "2015-16" and reads it back', () => {
    expect(financialYearToParam('2015/16')).toBe('2015-16');
    expect(financialYearFromParam('2015-16')).toBe('2015/16');
    expect(financialYearFromParam(' 1999-00 ')).toBe('1999/00');
  });

  it('rejects what is not a financial year', () => {
    for (const bad of ['2015', '2015-17', '2015/16', 'last-year', '', '15-16'])
      expect(financialYearFromParam(bad)).toBeUndefined();
  });

  it('moves from a month to its financial year, April to March', () => {
    expect(financialYearOf('2015-04')).toBe('2015/16');
    expect(financialYearOf('2016-03')).toBe('2015/16');
    expect(isMonthInFinancialYear('2016-03', '2015/16')).toBe(true);
    expect(isMonthInFinancialYear('2016-04', '2015/16')).toBe(false);
  });

  it("gives a year's first month within the coverage, or none outside it", () => {
    expect(firstMonthOfFinancialYear('2015/16', coverage)).toBe('2015-04');
    // The dataset starts in July 2010, so 2010/11 starts there.
    expect(firstMonthOfFinancialYear('2010/11', coverage)).toBe('2010-07');
    expect(firstMonthOfFinancialYear('2018/19', coverage)).toBe('2018-04');
    expect(firstMonthOfFinancialYear('2009/10', coverage)).toBeUndefined();
    expect(firstMonthOfFinancialYear('2019/20', coverage)).toBeUndefined();
  });

  it('finds the nearest year, the earlier on a tie', () => {
    const years = ['2013/14', '2015/16', '2017/18'];
    expect(nearestYear('2011/12', years)).toBe('2013/14');
    expect(nearestYear('2014/15', years)).toBe('2013/14');
    expect(nearestYear('2030/31', years)).toBe('2017/18');
    expect(nearestYear('2015/16', [])).toBeUndefined();
  });
});

describe('years with figures and the figures of a year', () => {
  const flows = [
    flow({ id: 'b', payer: 'dh', recipient: 'nhse', financialYear: '2015/16', amountBn: 104.4 }),
    flow({ id: 'a', payer: 'dh', recipient: 'la', financialYear: '2013/14', amountBn: 2.66, basis: 'grant' }),
    flow({ id: 'c', payer: 'dh', recipient: 'la', financialYear: '2015/16', amountBn: 3.23, basis: 'grant' }),
  ];

  it('lists each year once, earliest first', () => {
    expect(yearsWithFigures(flows)).toEqual(['2013/14', '2015/16']);
  });

  it("keeps a year's figures in the data's order", () => {
    expect(flowsForYear(flows, '2015/16').map((f) => f.id)).toEqual(['b', 'c']);
    expect(flowsForYear(flows, '2011/12')).toEqual([]);
  });

  it('orders bodies by first appearance, payer before recipient', () => {
    expect(fundingOrganisationOrder(flows)).toEqual(['dh', 'nhse', 'la']);
  });
});

describe('figures grouped by payer and recipient', () => {
  it('never adds a pledge and a pooled figure for the same flow: one is drawn, the other listed', () => {
    const pairs = fundingPairs([
      flow({ id: 'pledge', payer: 'ccgs', recipient: 'bcf', financialYear: '2015/16', amountBn: 3.8, basis: 'pledge' }),
      flow({ id: 'pooled', payer: 'ccgs', recipient: 'bcf', financialYear: '2015/16', amountBn: 5.3, basis: 'pooled' }),
    ]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.drawn?.id).toBe('pooled');
    expect(pairs[0]?.flows.map((f) => f.id)).toEqual(['pooled', 'pledge']);
    expect(fundingImbalances(pairs)).toEqual([]);
  });

  it('draws an amount rather than a share for the same flow, and keeps the share beside it', () => {
    const pairs = fundingPairs([
      flow({ id: 'share', payer: 'dh', recipient: 'nhse', financialYear: '2015/16', share: 'over 80 per cent' }),
      flow({ id: 'amount', payer: 'dh', recipient: 'nhse', financialYear: '2015/16', amountBn: 104.4 }),
    ]);
    expect(pairs[0]?.drawn?.id).toBe('amount');
    expect(pairs[0]?.shareOnly).toBeUndefined();
    expect(pairs[0]?.flows.map((f) => f.id)).toEqual(['amount', 'share']);
  });

  it('marks a flow given only as a share: nothing drawn to scale', () => {
    const [pair] = fundingPairs([
      flow({ id: 's', payer: 'dh', recipient: 'nhse', financialYear: '2015/16', share: 'over 80 per cent' }),
    ]);
    expect(pair?.drawn).toBeUndefined();
    expect(pair?.shareOnly).toBe('over 80 per cent');
  });

  it("marks a body's own money (payer = recipient) as such", () => {
    const [pair] = fundingPairs([
      flow({ id: 'own', payer: 'nhse', recipient: 'nhse', financialYear: '2013/14', amountBn: 25.4 }),
    ]);
    expect(pair?.self).toBe(true);
  });

  it('keeps the data order among figures of equal rank', () => {
    const pairs = fundingPairs([
      flow({ id: 'first', payer: 'a', recipient: 'b', financialYear: '2015/16', amountBn: 1 }),
      flow({ id: 'second', payer: 'a', recipient: 'b', financialYear: '2015/16', amountBn: 2 }),
    ]);
    expect(pairs[0]?.drawn?.id).toBe('first');
  });
});

describe('gaps and sums', () => {
  const orgs = [organisation('hmt'), organisation('dh'), organisation('nhse', '2012-10'), organisation('bcf', '2015-04')];
  const flows = [
    flow({ id: 't', payer: 'hmt', recipient: 'dh', financialYear: '2015/16', amountBn: 116.4 }),
    flow({ id: 'n', payer: 'dh', recipient: 'nhse', financialYear: '2015/16', amountBn: 104.4 }),
    flow({ id: 'n13', payer: 'dh', recipient: 'nhse', financialYear: '2013/14', amountBn: 95.6 }),
    flow({ id: 'b', payer: 'nhse', recipient: 'bcf', financialYear: '2015/16', amountBn: 5.3 }),
    flow({ id: 'own', payer: 'nhse', recipient: 'nhse', financialYear: '2015/16', amountBn: 14.6 }),
  ];

  it('names the flows with figures in other years but none this year, when both bodies existed', () => {
    const missing = missingFlows(flows, '2013/14', orgs);
    // The Better Care Fund began in April 2015, so it is not missing from 2013/14; own money is never "missing".
    expect(missing.map((gap) => gap.key)).toEqual(['hmt→dh']);
    expect(missing[0]?.yearsWithFigures).toEqual(['2015/16']);
    expect(missingFlows(flows, '2015/16', orgs)).toEqual([]);
  });

  it('says where the figures into and out of a body differ, without forcing them to balance', () => {
    expect(fundingImbalances(fundingPairs(flowsForYear(flows, '2015/16')))).toEqual([
      { organisation: 'dh', inBn: 116.4, outBn: 104.4 },
      { organisation: 'nhse', inBn: 104.4, outBn: 19.9 },
    ]);
  });
});

describe('reading ?year=', () => {
  const years = ['2013/14', '2014/15', '2015/16', '2016/17', '2017/18'];

  it('moves to the first month of the year asked for', () => {
    expect(resolveFundingYear('2015-16', '2018-04', coverage, years)).toEqual({
      financialYear: '2015/16',
      month: '2015-04',
      correction: null,
    });
  });

  it('keeps the month when it is already in the year asked for (no feedback loop)', () => {
    expect(resolveFundingYear('2015-16', '2015-11', coverage, years).month).toBeUndefined();
  });

  it('shows a year inside the coverage without figures as it is (the view says there are none)', () => {
    expect(resolveFundingYear('2011-12', '2018-04', coverage, years)).toEqual({
      financialYear: '2011/12',
      month: '2011-04',
      correction: null,
    });
  });

  it('shows the nearest year with figures, saying why, for a year outside the coverage or malformed', () => {
    const outside = resolveFundingYear('2030-31', '2015-06', coverage, years);
    expect(outside.financialYear).toBe('2017/18');
    expect(outside.correction).toEqual({ kind: 'outside-coverage', asked: '2030/31' });
    const loose = resolveFundingYear('2016', '2013-06', coverage, years);
    expect(loose).toMatchObject({ financialYear: '2016/17', month: '2016-04' });
    expect(loose.correction).toEqual({ kind: 'not-a-financial-year', asked: '2016' });
    const words = resolveFundingYear(' <script> ', '2015-06', coverage, years);
    expect(words.financialYear).toBe('2015/16');
    expect(words.correction).toEqual({ kind: 'not-a-financial-year', asked: '<script>' });
  });

  it('without a year follows the month, or the nearest year with figures with a notice', () => {
    expect(resolveFundingYear(null, '2016-06', coverage, years)).toEqual({
      financialYear: '2016/17',
      month: undefined,
      correction: null,
    });
    const latest = resolveFundingYear(null, '2018-04', coverage, years);
    expect(latest).toMatchObject({ financialYear: '2017/18', month: '2017-04' });
    expect(latest.correction).toEqual({ kind: 'month-year-without-figures', monthYear: '2018/19', shown: 'nearest' });
  });
});

describe('the real dataset', () => {
  const result = loadRealDataset();
  if (!result.ok) throw new Error('the real dataset must load');
  const { funding, organisations } = result.dataset;

  it('has figures for 2013/14 to 2017/18', () => {
    expect(yearsWithFigures(funding)).toEqual(['2013/14', '2014/15', '2015/16', '2016/17', '2017/18']);
  });

  it('in 2015/16 draws £5.3bn pooled for the Better Care Fund, not £9.1bn, and £104.4bn (not the share) to NHS England', () => {
    const pairs = fundingPairs(flowsForYear(funding, '2015/16'));
    const bcf = pairs.find((pair) => pair.recipient === 'better-care-fund');
    expect(bcf?.drawn?.amountBn).toBe(5.3);
    expect(bcf?.flows.map((f) => f.basis)).toEqual(['pooled', 'pledge']);
    const nhse = pairs.find((pair) => pair.payer === 'department-of-health' && pair.recipient === 'nhs-england');
    expect(nhse?.drawn?.amountBn).toBe(104.4);
    expect(nhse?.flows).toHaveLength(2);
  });

  it('in 2015/16 has no figure for NHS England to CCGs', () => {
    const keys = missingFlows(funding, '2015/16', organisations).map((gap) => gap.key);
    expect(keys).toContain('nhs-england→clinical-commissioning-groups');
  });
});
