import { describe, expect, it } from 'vitest';
import {
  addMonths,
  clampMonth,
  financialYearMonths,
  financialYearOf,
  formatEventDate,
  formatMonth,
  isInPeriod,
  monthRange,
  periodsOverlap,
} from '../../src/domain/months';

describe('months', () => {
  it('reads as a person would say it', () => {
    expect(formatMonth('2015-10')).toBe('October 2015');
    expect(formatEventDate('2013-04-01')).toBe('1 April 2013');
    expect(formatEventDate('2012-05')).toBe('May 2012');
  });

  it('steps across year ends', () => {
    expect(addMonths('2012-12', 1)).toBe('2013-01');
    expect(addMonths('2013-01', -1)).toBe('2012-12');
    expect(addMonths('2010-07', 12 * 8 - 3)).toBe('2018-04');
    expect(monthRange('2012-11', '2013-02')).toEqual(['2012-11', '2012-12', '2013-01', '2013-02']);
  });

  it('knows the NHS financial year runs April to March', () => {
    expect(financialYearOf('2015-03')).toBe('2014/15');
    expect(financialYearOf('2015-04')).toBe('2015/16');
    expect(financialYearOf('1999-12')).toBe('1999/00');
    expect(financialYearMonths('2015/16')).toEqual(['2015-04', '2016-03']);
  });

  it('treats periods as inclusive, with null as open', () => {
    expect(isInPeriod({ from: null, to: '2013-03' }, '2013-03')).toBe(true);
    expect(isInPeriod({ from: null, to: '2013-03' }, '2013-04')).toBe(false);
    expect(isInPeriod({ from: '2015-10', to: null }, '2030-01')).toBe(true);
    expect(periodsOverlap({ from: null, to: '2013-03' }, { from: '2013-04', to: null })).toBe(false);
    expect(periodsOverlap({ from: '2013-04', to: '2015-09' }, { from: '2015-09', to: null })).toBe(true);
  });

  it('clamps to a range', () => {
    expect(clampMonth('2009-01', '2010-07', '2018-04')).toBe('2010-07');
    expect(clampMonth('2030-01', '2010-07', '2018-04')).toBe('2018-04');
    expect(clampMonth('2014-06', '2010-07', '2018-04')).toBe('2014-06');
  });
});
