import { describe, expect, it } from 'vitest';
import { resolveAddress, resolveDate, selectionFromPath } from '../../src/app/address';
import { isEmbedSearch, withEmbed, withoutEmbed } from '../../src/components/embed';
import { hrefFor, locationFor } from '../../src/components/routing';

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
      dateNotice: null,
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
      dateNotice: 'The address had parts the explorer does not use (“utm_source”, “DATE”), now left out.',
      canonical: '/?date=2015-10',
    });
    const many = Array.from({ length: 50 }, (_, index) => `p${index}=1`).join('&');
    expect(resolveAddress('/', `?${many}`, coverage)?.dateNotice).toBe(
      'The address had parts the explorer does not use (“p0”, “p1”, “p2” and 47 more), now left out.',
    );
  });

  it('takes the first of differing dates, and says so', () => {
    expect(resolveAddress('/service/health-visiting', '?date=2015-10&date=2012-01', coverage)).toMatchObject({
      month: '2015-10',
      dateNotice: 'The address gave 2 dates; only the first, “2015-10”, counts.',
    });
    expect(resolveAddress('/', '?date=2030-01&date=2012-01', coverage)?.dateNotice).toMatch(
      /January 2030, which is outside the dataset.* The address gave 2 dates; only the first, “2030-01”, counts\.$/,
    );
  });
});

describe('the embed mode in the address', () => {
  it('keeps embed=1 in the canonical address, after the date', () => {
    expect(resolveAddress('/service/health-visiting', '?embed=1&date=2015-10', coverage)).toEqual({
      selection: { kind: 'service', id: 'health-visiting' },
      month: '2015-10',
      dateNotice: null,
      canonical: '/service/health-visiting?date=2015-10&embed=1',
      embed: true,
    });
    expect(resolveAddress('/', '?embed=1', coverage)).toMatchObject({ canonical: '/?date=2018-04&embed=1', dateNotice: null });
    expect(resolveAddress('/', '?date=2015-10', coverage)).toMatchObject({ canonical: '/?date=2015-10', embed: false });
  });

  it('still corrects the date of an embedded view, and says so', () => {
    expect(resolveAddress('/org/nhs-england', '?date=2030-01&embed=1', coverage)).toMatchObject({
      month: '2018-04',
      canonical: '/org/nhs-england?date=2018-04&embed=1',
      dateNotice: expect.stringContaining('January 2030, which is outside'),
    });
  });

  it('leaves out an embed parameter with any other value, and says so', () => {
    expect(resolveAddress('/', '?date=2015-10&embed=yes', coverage)).toMatchObject({
      canonical: '/?date=2015-10',
      embed: false,
      dateNotice: 'The address had a part the explorer does not use (“embed”), now left out.',
    });
    expect(resolveAddress('/', '?date=2015-10&embed=1&utm=x', coverage)).toMatchObject({
      canonical: '/?date=2015-10&embed=1',
      dateNotice: 'The address had a part the explorer does not use (“utm”), now left out.',
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
