/**
 * The committed place data (data/places/places.json) and the domain functions over it: the counts
 * of open CCGs the ODS file gives, the mergers, and the CCGs of Leeds and Manchester over time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchPlaces, parsePlaces } from '../../src/data/places-load';
import type { PlacesFile } from '../../src/data/places-schema';
import { formatProblem } from '../../src/data/problems';
import {
  activeCcgs,
  ccgsCoveringAuthority,
  findPlaces,
  indexPlaces,
  isCcgOpen,
  pctsOfAuthority,
  pctsOfAuthorityAt,
  stpsOfAuthority,
  successorsAt,
} from '../../src/domain/places';

const text = readFileSync(path.join(import.meta.dirname, '..', '..', 'data', 'places', 'places.json'), 'utf8');
const result = parsePlaces(JSON.parse(text));

function places(): PlacesFile {
  if (!result.ok) throw new Error(`the place data is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.places;
}
const index = indexPlaces(places());

const LEEDS = 'E08000035';
const MANCHESTER = 'E08000003';
const NEWCASTLE = 'E08000021';
const GATESHEAD = 'E08000037';

const namesCovering = (authority: string, month: string) =>
  ccgsCoveringAuthority(index, authority, month)
    ?.ccgs.map((cover) => cover.name)
    .sort();

/** The CCGs whose successor is the given one (ODS codes). */
const mergersInto = (successor: string) =>
  places()
    .ccgs.filter((ccg) => ccg.successors?.includes(successor))
    .map((ccg) => ccg.code)
    .sort();

describe('the place data', () => {
  it('passes its schema and its integrity rules', () => {
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('has the 152 English upper-tier authorities and 151 English primary care trusts', () => {
    expect(places().authorities).toHaveLength(152);
    expect(places().pcts).toHaveLength(151);
    expect(places().pcts.every((pct) => pct.to === '2013-03')).toBe(true);
  });

  it('counts 211, 209, 207 and 195 open CCGs in April 2013, 2015, 2017 and 2018', () => {
    expect(activeCcgs(index, '2013-04')).toHaveLength(211);
    expect(activeCcgs(index, '2015-04')).toHaveLength(209);
    expect(activeCcgs(index, '2017-04')).toHaveLength(207);
    expect(activeCcgs(index, '2018-04')).toHaveLength(195);
    expect(activeCcgs(index, '2013-03')).toHaveLength(0);
  });

  it('gives every CCG closed in the period a successor open the month after', () => {
    const closed = places().ccgs.filter((ccg) => ccg.to !== null && ccg.to < places().period.to);
    expect(closed.length).toBe(24);
    for (const ccg of closed) {
      const after = ccg.to === '2015-03' ? '2015-04' : ccg.to === '2017-03' ? '2017-04' : '2018-04';
      expect(ccg.to, ccg.code).toMatch(/^(2015|2017|2018)-03$/);
      expect(ccg.successors?.length, ccg.code).toBeGreaterThan(0);
      for (const code of ccg.successors ?? []) {
        const successor = index.ccgs.get(code);
        expect(successor && isCcgOpen(successor, after), `${ccg.code} → ${code} open in ${after}`).toBe(true);
      }
    }
  });

  it('merges Newcastle and Gateshead from April 2015, Manchester from April 2017 and eighteen into six in April 2018', () => {
    expect(mergersInto('13T')).toEqual(['00F', '00G', '00H']);
    expect(mergersInto('14L')).toEqual(['00W', '01M', '01N']);
    const april2018 = places().ccgs.filter((ccg) => ccg.to === '2018-03');
    expect(april2018).toHaveLength(18);
    expect(new Set(april2018.flatMap((ccg) => ccg.successors ?? [])).size).toBe(6);
    expect(mergersInto('15F')).toEqual(['02V', '03C', '03G']);
    expect(namesCovering(NEWCASTLE, '2015-06')).toEqual(['NHS Newcastle Gateshead CCG']);
    expect(namesCovering(GATESHEAD, '2015-06')).toEqual(['NHS Newcastle Gateshead CCG']);
  });

  it('follows a CCG to its successor', () => {
    expect(successorsAt(index, '02V', '2016-06').map((ccg) => ccg.code)).toEqual(['02V']);
    expect(successorsAt(index, '02V', '2018-06').map((ccg) => ccg.code)).toEqual(['15F']);
    expect(successorsAt(index, '01N', '2017-04').map((ccg) => ccg.code)).toEqual(['14L']);
    expect(successorsAt(index, '15F', '2016-06')).toEqual([]);
  });
});

describe('the CCGs of a local authority', () => {
  it('Leeds: three CCGs in June 2016, NHS Leeds CCG in June 2018', () => {
    expect(namesCovering(LEEDS, '2016-06')).toEqual([
      'NHS Leeds North CCG',
      'NHS Leeds South and East CCG',
      'NHS Leeds West CCG',
    ]);
    expect(namesCovering(LEEDS, '2018-06')).toEqual(['NHS Leeds CCG']);
    const june2016 = ccgsCoveringAuthority(index, LEEDS, '2016-06');
    expect(june2016?.approximate).toBe(false);
    const shares = june2016?.ccgs.map((cover) => cover.shareOfAuthority ?? 0) ?? [];
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1);
    expect(june2016?.ccgs.every((cover) => cover.shareOfCcg === 1)).toBe(true);
  });

  it('Manchester: Central, North and South Manchester CCGs in June 2016, NHS Manchester CCG in June 2017', () => {
    expect(namesCovering(MANCHESTER, '2016-06')).toEqual([
      'NHS Central Manchester CCG',
      'NHS North Manchester CCG',
      'NHS South Manchester CCG',
    ]);
    expect(namesCovering(MANCHESTER, '2017-06')).toEqual(['NHS Manchester CCG']);
  });

  it('before April 2015 names the CCGs that later merged, marked approximate and without shares', () => {
    const newcastle2014 = ccgsCoveringAuthority(index, NEWCASTLE, '2014-06');
    expect(newcastle2014?.approximate).toBe(true);
    expect(newcastle2014?.ccgs.map((cover) => cover.ccg.code).sort()).toEqual(['00F', '00G', '00H']);
    expect(newcastle2014?.ccgs.every((cover) => cover.shareOfAuthority === null)).toBe(true);
    expect(namesCovering(LEEDS, '2013-04')).toEqual([
      'NHS Leeds North CCG',
      'NHS Leeds South and East CCG',
      'NHS Leeds West CCG',
    ]);
  });

  it('gives a share of the CCG below one where a CCG spans several authorities', () => {
    const hampshire = ccgsCoveringAuthority(index, 'E10000014', '2016-06');
    const spanning = hampshire?.ccgs.filter((cover) => (cover.shareOfCcg ?? 1) < 1) ?? [];
    expect(spanning.length).toBeGreaterThan(0);
  });

  it('has no CCGs before April 2013 and nothing for an unknown code', () => {
    expect(ccgsCoveringAuthority(index, LEEDS, '2012-06')?.ccgs).toEqual([]);
    expect(ccgsCoveringAuthority(index, 'E99999999', '2016-06')).toBeUndefined();
  });

  it('links Leeds to Leeds PCT before April 2013, derived from the unofficial mapping', () => {
    const pcts = pctsOfAuthorityAt(index, LEEDS, '2012-06');
    expect(pcts.map((entry) => entry.pct.name)).toEqual(['Leeds']);
    expect(pcts[0]).toMatchObject({ derived: true, unofficial: true });
    expect(pctsOfAuthorityAt(index, LEEDS, '2013-04')).toEqual([]);
    expect(
      pctsOfAuthority(index, NEWCASTLE)
        .map((entry) => entry.pct.name)
        .sort(),
    ).toEqual(['Gateshead', 'Newcastle']);
    expect(places().sources.find((source) => source.id === 'dsfood-pct-ccg')?.unofficial).toBe(true);
  });
});

describe('the STP of a local authority', () => {
  it('from the ONS CCG → STP lookups, following CCGs to their successors before April 2017', () => {
    expect(stpsOfAuthority(index, MANCHESTER, '2016-06')).toEqual([['E54000007', 'Greater Manchester']]);
    expect(stpsOfAuthority(index, MANCHESTER, '2018-04')).toEqual([['E54000007', 'Greater Manchester']]);
    expect(stpsOfAuthority(index, LEEDS, '2014-06')).toEqual([['E54000005', 'West Yorkshire']]);
  });
});

describe('finding a place', () => {
  it('by council name, CCG name or code', () => {
    expect(findPlaces(index, 'leeds', '2016-06')[0]).toMatchObject({ kind: 'authority', code: LEEDS });
    expect(findPlaces(index, 'Leeds North', '2016-06')[0]).toMatchObject({ kind: 'ccg', code: '02V', authorities: [LEEDS] });
    expect(findPlaces(index, '02v', '2016-06')[0]).toMatchObject({ kind: 'ccg', code: '02V' });
    expect(findPlaces(index, 'E08000003', '2016-06')[0]).toMatchObject({ kind: 'authority', name: 'Manchester' });
    expect(findPlaces(index, 'Newcastle West', '2014-06')[0]).toMatchObject({ kind: 'ccg', code: '00H' });
    expect(findPlaces(index, 'no such place', '2016-06')).toEqual([]);
  });
});

describe('the sources', () => {
  it('cite publisher, repository, path, commit and licence for every source, with the ONS attribution', () => {
    for (const source of places().sources) {
      expect(source.commit, source.id).toMatch(/^[0-9a-f]{40}$/);
      expect(source.licence, source.id).not.toBe('');
    }
    const ons = places().sources.filter((source) => source.publisher === 'Office for National Statistics');
    expect(ons.length).toBeGreaterThan(0);
    for (const source of ons) {
      expect(source.attribution).toContain('Contains National Statistics data © Crown copyright and database right');
    }
  });
});

describe('loading the place data', () => {
  it('fetches from the base address and reports an HTTP failure plainly', async () => {
    const asked: string[] = [];
    const ok = await fetchPlaces('./', async (url) => {
      asked.push(String(url));
      return new Response(text);
    });
    expect(asked).toEqual(['./data/places/places.json']);
    expect(ok.ok).toBe(true);
    const missing = await fetchPlaces('./', async () => new Response('', { status: 404 }));
    expect(missing.ok ? [] : missing.problems.map(formatProblem)).toEqual([
      'data/places/places.json: could not be loaded (HTTP 404)',
    ]);
  });
});
