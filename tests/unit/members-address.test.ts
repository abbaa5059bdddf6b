/** The map's named CCGs in the address (`members=england` or a council's code): read, kept and corrected. */
import { describe, expect, it } from 'vitest';
import { EXPLORER_ADDRESS, resolveAddress } from '../../src/app/address';
import { locationFor, readMembersScope } from '../../src/components/routing';

const coverage = { from: '2010-07', to: '2018-04' };

describe('the members parameter', () => {
  it('opens the named CCGs for England or a council, and keeps them in the canonical address', () => {
    expect(resolveAddress('/', '?date=2013-04&members=england', coverage)).toMatchObject({
      members: 'england',
      notice: null,
      canonical: '/?date=2013-04&members=england',
    });
    expect(resolveAddress('/', '?members=e08000035&date=2016-06&embed=1', coverage)).toMatchObject({
      members: 'E08000035',
      notice: null,
      canonical: '/?date=2016-06&members=E08000035&embed=1',
    });
    expect(resolveAddress('/', '?date=2016-06', coverage)?.members).toBeNull();
  });

  it('leaves out a value that is not England or a council code, and says so', () => {
    expect(resolveAddress('/', '?date=2016-06&members=Leeds', coverage)).toMatchObject({
      members: null,
      canonical: '/?date=2016-06',
      notice:
        'The address asked for the named CCGs of “Leeds”, which is neither “england” nor a council’s code (such as E08000035 for Leeds), now left out.',
    });
  });

  it('follows the month and keeps the members open when a node is chosen', () => {
    const resolved = resolveAddress('/', '?date=2016-06&members=E08000035', coverage);
    if (!resolved) throw new Error('not an explorer address');
    expect(EXPLORER_ADDRESS.atMonth?.(resolved, '2018-04')).toBe('/?date=2018-04&members=E08000035');
    expect(EXPLORER_ADDRESS.open(resolved, { kind: 'service', id: 'gp-out-of-hours' }, '2016-06')).toBe(
      '/service/gp-out-of-hours?date=2016-06&members=E08000035',
    );
    expect(locationFor(null, '2013-04', false, 'england')).toBe('/?date=2013-04&members=england');
    expect(readMembersScope(' England ')).toBe('england');
    expect(readMembersScope('E12000001')).toBeNull();
  });
});
