/** The funding view opens on the financial year with the most figures when the month's own year has none. */
import { describe, expect, it } from 'vitest';
import type { FundingFlow } from '../../src/data/schema';
import { resolveFundingYear, yearsWithFigures, yearWithMostFigures } from '../../src/domain/funding';
import { loadRealDataset } from '../support/real-dataset';

const flow = (id: string, financialYear: string): FundingFlow =>
  ({
    id,
    payer: 'a',
    recipient: 'b',
    financialYear,
    amountBn: 1,
    basis: 'allocation',
    description: 'x',
    sources: [{ id: 'doc' }],
  }) as FundingFlow;

const coverage = { from: '2010-07', to: '2018-04' };

describe('yearWithMostFigures', () => {
  it('is the year with the most figures, not the latest', () => {
    const flows = [flow('1', '2013/14'), flow('2', '2015/16'), flow('3', '2015/16'), flow('4', '2017/18')];
    expect(yearWithMostFigures(flows)).toBe('2015/16');
  });

  it('takes the later year on a tie, and has none without figures', () => {
    expect(yearWithMostFigures([flow('1', '2014/15'), flow('2', '2016/17'), flow('3', '2014/15'), flow('4', '2016/17')])).toBe(
      '2016/17',
    );
    expect(yearWithMostFigures([])).toBeUndefined();
  });
});

describe('resolveFundingYear without a year in the address', () => {
  const years = ['2013/14', '2014/15', '2015/16', '2016/17', '2017/18'];

  it('opens on the year with the most figures when the month is in a year without any (the last month, by default)', () => {
    const opened = resolveFundingYear(null, '2018-04', coverage, years, '2015/16');
    expect(opened).toMatchObject({ financialYear: '2015/16', month: '2015-04' });
    expect(opened.correction).toEqual({ kind: 'month-year-without-figures', monthYear: '2018/19', shown: 'most-figures' });
    expect(resolveFundingYear(null, '2011-06', coverage, years, '2015/16').financialYear).toBe('2015/16');
  });

  it('still follows a month whose year has figures, and a year the address asks for', () => {
    expect(resolveFundingYear(null, '2016-06', coverage, years, '2015/16')).toEqual({
      financialYear: '2016/17',
      month: undefined,
      correction: null,
    });
    expect(resolveFundingYear('2017-18', '2018-04', coverage, years, '2015/16').financialYear).toBe('2017/18');
  });
});

describe('the real dataset', () => {
  it('opens on a year with more figures than 2017/18', () => {
    const result = loadRealDataset();
    if (!result.ok) throw new Error('the real dataset must load');
    const { funding } = result.dataset;
    const opening = yearWithMostFigures(funding);
    expect(opening).toBeDefined();
    const count = (year: string) => funding.filter((f) => f.financialYear === year).length;
    for (const year of yearsWithFigures(funding)) expect(count(opening!)).toBeGreaterThanOrEqual(count(year));
    expect(count(opening!)).toBeGreaterThan(count('2017/18'));
  });
});
