/** Reading the comparison's address: every odd address is corrected to the nearest sensible one, and the notice says how. */
import { describe, expect, it } from 'vitest';
import { resolveComparisonAddress } from '../../src/app/address';

const coverage = { from: '2010-07', to: '2018-04' };

describe('resolveComparisonAddress', () => {
  it('takes a good address as it is', () => {
    expect(resolveComparisonAddress('?from=2012-06&to=2016-06', coverage)).toEqual({
      from: '2012-06',
      to: '2016-06',
      notice: null,
      canonical: '/compare?from=2012-06&to=2016-06',
      embed: false,
    });
  });

  it('with no months, compares March with April 2013 (when the 2012 reforms took effect), without a notice', () => {
    expect(resolveComparisonAddress('', coverage)).toMatchObject({
      from: '2013-03',
      to: '2013-04',
      notice: null,
      canonical: '/compare?from=2013-03&to=2013-04',
    });
    expect(resolveComparisonAddress('?embed=1', coverage).canonical).toBe('/compare?from=2013-03&to=2013-04&embed=1');
    // A dataset that does not cover those months is compared from its first month to its last.
    expect(resolveComparisonAddress('', { from: '2014-01', to: '2016-12' }).canonical).toBe('/compare?from=2014-01&to=2016-12');
  });

  it('fills in one missing month with the start or end of the dataset, without a notice', () => {
    expect(resolveComparisonAddress('?to=2014-01', coverage).canonical).toBe('/compare?from=2010-07&to=2014-01');
    expect(resolveComparisonAddress('?from=2014-01', coverage).canonical).toBe('/compare?from=2014-01&to=2018-04');
  });

  it('swaps the later month given first, and says so', () => {
    const resolved = resolveComparisonAddress('?from=2016-06&to=2012-06', coverage);
    expect(resolved.canonical).toBe('/compare?from=2012-06&to=2016-06');
    expect(resolved.notice).toMatch(
      /later month first, so the two were swapped: showing the changes from June 2012 to June 2016/,
    );
  });

  it('keeps the same month twice, as asked', () => {
    expect(resolveComparisonAddress('?from=2015-10&to=2015-10', coverage)).toMatchObject({
      from: '2015-10',
      to: '2015-10',
      notice: null,
    });
  });

  it('clamps months outside the dataset, and reads malformed ones as the nearest month, with a notice', () => {
    const outside = resolveComparisonAddress('?from=2001-01&to=2030-12', coverage);
    expect(outside.canonical).toBe('/compare?from=2010-07&to=2018-04');
    expect(outside.notice).toMatch(/For “from”: The address asked for January 2001, which is outside the dataset/);
    expect(outside.notice).toMatch(/For “to”: The address asked for December 2030/);
    const loose = resolveComparisonAddress('?from=2013&to=banana', coverage);
    expect(loose.canonical).toBe('/compare?from=2013-01&to=2018-04');
    expect(loose.notice).toMatch(/“2013”, which is not a month written as YYYY-MM/);
    expect(loose.notice).toMatch(/“banana”/);
  });

  it('keeps the embed mode, and drops parameters it does not use with a notice', () => {
    const resolved = resolveComparisonAddress('?embed=1&to=2016-06&from=2012-06&date=2015-10', coverage);
    expect(resolved.canonical).toBe('/compare?from=2012-06&to=2016-06&embed=1');
    expect(resolved.notice).toBe('The address had a part this page does not use (“date”), now left out.');
  });

  it('lets the first of repeated months count, and says so when they differ', () => {
    const resolved = resolveComparisonAddress('?from=2012-06&from=2013-06&to=2016-06', coverage);
    expect(resolved.from).toBe('2012-06');
    expect(resolved.notice).toMatch(/gave “from” 2 times; only the first counts/);
  });
});
