import { describe, expect, it } from 'vitest';
import { resolveAddress, resolveDate, resolvePlaceAddress, selectionFromPath } from '../../src/app/address';
import { resolveFundingAddress } from '../../src/app/funding-address';
import { isEmbedSearch, withEmbed, withoutEmbed } from '../../src/components/embed';
import {
  comparisonLocation,
  fundingLocation,
  hrefFor,
  locationFor,
  placeLocation,
  tourLocation,
} from '../../src/components/routing';

const coverage = { from: '2010-07', to: '2018-04' };

describe('resolveDate', () => {
  it('takes a month in range as it is', () => {
    expect(resolveDate('2015-10', coverage)).toEqual({ month: '2015-10', notice: null });
  });

  it('uses the latest month when no date is given', () => {
    expect(resolveDate(null, coverage)).toEqual({ month: '2018-04', notice: null });
  });

  it('moves an out-of-range month to the nearest end, and says so', () => {
    expect(resolveDate('2009-01', coverage)).toEqual({
      month: '2010-07',
      notice: expect.stringContaining('January 2009, which is outside'),
    });
    expect(resolveDate('2030-12', coverage).month).toBe('2018-04');
  });

  it('reads a malformed date as the nearest real month, and says so', () => {
    expect(resolveDate('2015-13', coverage)).toMatchObject({ month: '2015-12', notice: expect.stringContaining('“2015-13”') });
    expect(resolveDate('2015-0', coverage).month).toBe('2015-01');
    expect(resolveDate('2014', coverage).month).toBe('2014-01');
    expect(resolveDate('1999', coverage).month).toBe('2010-07');
  });

  it('falls back to the latest month for nonsense, echoing at most 40 characters of it', () => {
    const result = resolveDate('<script>'.repeat(100), coverage);
    expect(result.month).toBe('2018-04');
    expect(result.notice).toContain('“<script><script><script><script><script>…”');
  });
});

describe('selectionFromPath', () => {
  it('names the view', () => {
    expect(selectionFromPath('/')).toBeNull();
    expect(selectionFromPath('/service/health-visiting')).toEqual({ kind: 'service', id: 'health-visiting' });
    expect(selectionFromPath('/org/nhs-england')).toEqual({ kind: 'organisation', id: 'nhs-england' });
    expect(selectionFromPath('/org/%E2%9C%93')).toEqual({ kind: 'organisation', id: '✓' });
    expect(selectionFromPath('/org/%E0%A4%A')).toEqual({ kind: 'organisation', id: '%E0%A4%A' });
  });

  it('does not recognise other paths', () => {
    expect(selectionFromPath('/services')).toBeUndefined();
    expect(selectionFromPath('/service/a/b')).toBeUndefined();
    expect(selectionFromPath('/service/')).toBeUndefined();
    expect(selectionFromPath('/org//x')).toBeUndefined();
  });

  it('reads every path the router sends to the explorer (it ignores case and extra slashes)', () => {
    expect(selectionFromPath('//')).toBeNull();
    expect(selectionFromPath('/SERVICE/health-visiting')).toEqual({ kind: 'service', id: 'health-visiting' });
    expect(selectionFromPath('/Org/nhs-england//')).toEqual({ kind: 'organisation', id: 'nhs-england' });
  });
});

describe('resolveAddress', () => {
  it('gives the canonical address of a view', () => {
    expect(resolveAddress('/service/health-visiting', '?date=2015-10&date=2015-10', coverage)).toEqual({
      selection: { kind: 'service', id: 'health-visiting' },
      month: '2015-10',
      members: null,
      notice: null,
      canonical: '/service/health-visiting?date=2015-10',
      embed: false,
    });
    expect(resolveAddress('/', '', coverage)?.canonical).toBe('/?date=2018-04');
    expect(resolveAddress('//', '', coverage)?.canonical).toBe('/?date=2018-04');
    expect(resolveAddress('/SERVICE/health-visiting/', '', coverage)?.canonical).toBe('/service/health-visiting?date=2018-04');
  });

  it('leaves out parameters it does not use, and says so', () => {
    expect(resolveAddress('/', '?date=2015-10&utm_source=x&DATE=2012-01', coverage)).toMatchObject({
      month: '2015-10',
      notice: 'The address had parts the explorer does not use (“utm_source”, “DATE”), now left out.',
      canonical: '/?date=2015-10',
    });
    const many = Array.from({ length: 50 }, (_, index) => `p${index}=1`).join('&');
    expect(resolveAddress('/', `?${many}`, coverage)?.notice).toBe(
      'The address had parts the explorer does not use (“p0”, “p1”, “p2” and 47 more), now left out.',
    );
  });

  it('takes the first of differing dates, and says so', () => {
    expect(resolveAddress('/service/health-visiting', '?date=2015-10&date=2012-01', coverage)).toMatchObject({
      month: '2015-10',
      notice: 'The address gave 2 dates; only the first, “2015-10”, counts.',
    });
    expect(resolveAddress('/', '?date=2030-01&date=2012-01', coverage)?.notice).toMatch(
      /January 2030, which is outside the dataset.* The address gave 2 dates; only the first, “2030-01”, counts\.$/,
    );
  });
});

describe('the embed mode in the address', () => {
  it('keeps embed=1 in the canonical address, after the date', () => {
    expect(resolveAddress('/service/health-visiting', '?embed=1&date=2015-10', coverage)).toEqual({
      selection: { kind: 'service', id: 'health-visiting' },
      month: '2015-10',
      members: null,
      notice: null,
      canonical: '/service/health-visiting?date=2015-10&embed=1',
      embed: true,
    });
    expect(resolveAddress('/', '?embed=1', coverage)).toMatchObject({ canonical: '/?date=2018-04&embed=1', notice: null });
    expect(resolveAddress('/', '?date=2015-10', coverage)).toMatchObject({ canonical: '/?date=2015-10', embed: false });
  });

  it('still corrects the date of an embedded view, and says so', () => {
    expect(resolveAddress('/org/nhs-england', '?date=2030-01&embed=1', coverage)).toMatchObject({
      month: '2018-04',
      canonical: '/org/nhs-england?date=2018-04&embed=1',
      notice: expect.stringContaining('January 2030, which is outside'),
    });
  });

  it('leaves out an embed parameter with any other value, and says so', () => {
    expect(resolveAddress('/', '?date=2015-10&embed=yes', coverage)).toMatchObject({
      canonical: '/?date=2015-10',
      embed: false,
      notice: 'The address had a part the explorer does not use (“embed”), now left out.',
    });
    expect(resolveAddress('/', '?date=2015-10&embed=1&utm=x', coverage)).toMatchObject({
      canonical: '/?date=2015-10&embed=1',
      notice: 'The address had a part the explorer does not use (“utm”), now left out.',
    });
  });
});

describe('embed helpers and routing keep the embed mode', () => {
  it('adds, reads and removes embed=1', () => {
    expect(isEmbedSearch('?date=2015-10&embed=1')).toBe(true);
    expect(isEmbedSearch('embed=1')).toBe(true);
    expect(isEmbedSearch('?embed=0')).toBe(false);
    expect(withEmbed('/funding?year=2015-16', true)).toBe('/funding?year=2015-16&embed=1');
    expect(withEmbed('/tour/3', true)).toBe('/tour/3?embed=1');
    expect(withEmbed('/tour/3', false)).toBe('/tour/3');
    expect(withoutEmbed('/service/x?date=2015-10&embed=1')).toBe('/service/x?date=2015-10');
    expect(withoutEmbed('/compare?embed=1&from=2012-06&to=2016-06')).toBe('/compare?from=2012-06&to=2016-06');
    expect(withoutEmbed('/tour/3?embed=1')).toBe('/tour/3');
    expect(withoutEmbed('/about')).toBe('/about');
  });

  it('writes view addresses with the embed mode when asked', () => {
    expect(locationFor({ kind: 'service', id: 'health-visiting' }, '2015-10', true)).toBe(
      '/service/health-visiting?date=2015-10&embed=1',
    );
    expect(locationFor(null, '2015-10')).toBe('/?date=2015-10');
    expect(hrefFor({ kind: 'organisation', id: 'nhs-england' }, '2012-11', true)).toBe('#/org/nhs-england?date=2012-11&embed=1');
  });
});

describe('the typed link builders', () => {
  it('write each view’s address, keeping the embed mode when asked', () => {
    expect(fundingLocation('2015/16')).toBe('/funding?year=2015-16');
    expect(fundingLocation('2015/16', true)).toBe('/funding?year=2015-16&embed=1');
    expect(comparisonLocation('2012-06', '2016-06')).toBe('/compare?from=2012-06&to=2016-06');
    expect(tourLocation(3, true)).toBe('/tour/3?embed=1');
    expect(placeLocation('E08000035', '2016-06')).toBe('/place/E08000035?date=2016-06');
    expect(placeLocation('E08000035', null)).toBe('/place/E08000035');
  });
});

describe('reading the funding view’s ?year= (the words are the page’s; the domain gives the facts)', () => {
  const years = ['2013/14', '2014/15', '2015/16', '2016/17', '2017/18'];
  const listed = '(the dataset has figures for 2013/14, 2014/15, 2015/16, 2016/17, 2017/18)';

  it('takes a year as asked, keeping the embed mode', () => {
    expect(resolveFundingAddress('?year=2015-16&embed=1', '2018-04', coverage, years, '2015/16')).toEqual({
      financialYear: '2015/16',
      month: '2015-04',
      notice: null,
      canonical: '/funding?year=2015-16&embed=1',
      embed: true,
    });
  });

  it('says why it shows another year', () => {
    expect(resolveFundingAddress('', '2018-04', coverage, years, '2015/16').notice).toBe(
      'There are no funding figures in the dataset for 2018/19, the financial year of the chosen month. Showing 2015/16, the year with the most figures.',
    );
    expect(resolveFundingAddress('', '2018-04', coverage, years, undefined).notice).toBe(
      'There are no funding figures in the dataset for 2018/19, the financial year of the chosen month. Showing 2017/18, the nearest year with figures.',
    );
    expect(resolveFundingAddress('?year=2030-31', '2015-06', coverage, years, undefined).notice).toBe(
      `The address asked for the financial year 2030/31, which is outside the dataset ${listed}. Showing 2017/18, the nearest year with figures.`,
    );
    const words = resolveFundingAddress(`?year=${'<script>'.repeat(10)}`, '2015-06', coverage, years, undefined);
    expect(words.notice).toBe(
      `The address asked for the year “${'<script>'.repeat(5)}…”, which is not a financial year written like 2015-16 ${listed}. Showing 2015/16, the nearest year with figures.`,
    );
    expect(words.canonical).toBe('/funding?year=2015-16');
  });
});

describe('reading a place’s address', () => {
  it('reads the month as the explorer reads it, and follows the month shown when there is none', () => {
    expect(resolvePlaceAddress('E08000035', '?date=2016-06', coverage, '2018-04')).toEqual({
      code: 'E08000035',
      month: '2016-06',
      notice: null,
      canonical: '/place/E08000035?date=2016-06',
      embed: false,
    });
    expect(resolvePlaceAddress('E08000035', '', coverage, '2013-04').canonical).toBe('/place/E08000035?date=2013-04');
    expect(resolvePlaceAddress('E08000035', '?date=2030-01&x=1', coverage, '2013-04')).toMatchObject({
      month: '2018-04',
      notice: expect.stringMatching(/January 2030, which is outside .* a part this page does not use \(“x”\)/),
    });
  });
});
