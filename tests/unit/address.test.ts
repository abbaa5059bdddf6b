import { describe, expect, it } from 'vitest';
import { resolveAddress, resolveDate, selectionFromPath } from '../../src/app/address';

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
  });
});

describe('resolveAddress', () => {
  it('gives the canonical address of a view', () => {
    expect(resolveAddress('/service/health-visiting', '?date=2015-10&date=2012-01', coverage)).toEqual({
      selection: { kind: 'service', id: 'health-visiting' },
      month: '2015-10',
      dateNotice: null,
      canonical: '/service/health-visiting?date=2015-10',
    });
    expect(resolveAddress('/', '', coverage)?.canonical).toBe('/?date=2018-04');
  });
});
