/**
 * The derivations of scripts/places/build-places.ts on a tiny invented fixture
 * (tests/fixtures/places/): hubs left out, dates read as months, names joined across lists,
 * successors found, and authorities' CCGs counted in LSOAs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  authorityCover,
  onsNamesByOds,
  parseCsv,
  pctSuccessors,
  readEccg,
  readLsoaLookup,
  readStpLookup,
  readUpperTier,
  successors,
  type UnofficialPct,
} from '../../scripts/places/derive';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'places', name), 'utf8');

const eccg = readEccg(fixture('eccg.csv'));
const lookups = [
  { ...readLsoaLookup(fixture('lookup-2016.csv'), '2016'), from: '2016-04' },
  { ...readLsoaLookup(fixture('lookup-2017.csv'), '2017'), from: '2017-04' },
];

describe('reading the raw files', () => {
  it('reads quoted CSV fields with commas and doubled quotes', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\nd,,e\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['d', '', 'e'],
    ]);
  });

  it('leaves out commissioning hubs and reads open and close dates as months', () => {
    expect(eccg.hubs).toEqual(['H01']);
    expect(eccg.ccgs.map((ccg) => ccg.code)).toEqual(['A01', 'A02', 'A03', 'A04', 'B01', 'B02']);
    expect(eccg.ccgs.find((ccg) => ccg.code === 'A02')).toMatchObject({
      odsName: 'NHS BETA, GAMMA AND DELTA CCG',
      from: '2013-04',
      to: '2015-03',
    });
    expect(eccg.ccgs.find((ccg) => ccg.code === 'B01')).toMatchObject({ from: '2014-11', to: null });
  });

  it('reads the STP of each CCG', () => {
    const stps = readStpLookup(fixture('stp-2017.csv'), '2017');
    expect(stps.get('B02')).toEqual(['E54000902', 'Vale, Shire and Beyond']);
    expect(stps.size).toBe(2);
  });

  it('keeps only English upper-tier authorities', () => {
    const upper = readUpperTier(fixture('upper-tier.csv'));
    expect([...upper.keys()]).toEqual(['E08000901', 'E08000902', 'E07000901', 'E07000902']);
    expect(upper.get('E07000902')).toEqual({ code: 'E10000901', name: 'Valeshire' });
  });
});

describe('deriving the records', () => {
  it('joins the 2013 names to ODS codes by ONS code, or by name when the code was not used again', () => {
    const list2013 = JSON.parse(fixture('ccg-2013.json')) as Record<string, string>;
    const { names, unplaced } = onsNamesByOds(list2013, lookups, eccg.ccgs);
    expect(unplaced).toEqual([]);
    expect(names.get('A02')).toEqual({ '2013': ['E38000002', 'NHS Beta, Gamma & Delta'] });
    expect(names.get('A03')).toEqual({
      '2013': ['E38000003', 'NHS Epsilon'],
      '2016': ['E38000003', 'NHS Epsilon CCG'],
    });
    expect(names.get('B02')).toEqual({ '2017': ['E38000902', 'NHS Epsilon Zeta CCG'] });
  });

  it('finds successors by LSOA where lookups surround the close, else the only CCG that opened', () => {
    const found = successors(eccg.ccgs, lookups);
    expect(found.get('A01')).toEqual({ to: ['B01'], basis: 'only-opening' });
    expect(found.get('A02')).toEqual({ to: ['B01'], basis: 'only-opening' });
    expect(found.get('A03')).toEqual({ to: ['B02'], basis: 'lsoa' });
    expect(found.get('A04')).toEqual({ to: ['B02'], basis: 'lsoa' });
    expect(found.has('B01')).toBe(false);
  });

  it('counts the LSOAs of each authority in each CCG, per lookup year', () => {
    const { authorities, unknownDistricts } = authorityCover(lookups, readUpperTier(fixture('upper-tier.csv')));
    expect(unknownDistricts).toEqual([]);
    expect(authorities.find((authority) => authority.code === 'E10000901')).toEqual({
      code: 'E10000901',
      name: 'Valeshire',
      lsoas: 4,
      cover: {
        '2016': [
          ['A03', 2],
          ['A04', 2],
        ],
        '2017': [['B02', 4]],
      },
    });
    expect(authorities.find((authority) => authority.code === 'E08000902')?.cover['2016']).toEqual([['B01', 1]]);
  });

  it('reads the unofficial PCT mapping, one CCG or several, largest share first', () => {
    const mapping = pctSuccessors(JSON.parse(fixture('pct-ccg.json')) as UnofficialPct[]);
    expect(mapping.get('E16000901')).toEqual({ ods: '5X1', ccgs: [['B01', 100]] });
    expect(mapping.get('E16000902')).toEqual({
      ccgs: [
        ['A04', 59.5],
        ['A03', 40.5],
      ],
    });
  });
});
