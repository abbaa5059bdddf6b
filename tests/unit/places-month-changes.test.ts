/**
 * What the place page says changed in a month (the mergers as a person scrubbing the timeline sees
 * them) and the place finder's options, on the committed place data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlaces } from '../../src/data/places-load';
import { indexPlaces } from '../../src/domain/places';
import { placeOptions } from '../../src/features/places/place-options';
import { placeChangeHistory, placeChangesAt } from '../../src/features/places/place-view';
import { ROOT } from '../support/real-dataset';

const parsed = parsePlaces(JSON.parse(readFileSync(path.join(ROOT, 'data', 'places', 'places.json'), 'utf8')));
if (!parsed.ok) throw new Error('data/places/places.json must be valid');
const index = indexPlaces(parsed.places);

const LEEDS = 'E08000035';
const MANCHESTER = 'E08000003';
const NEWCASTLE = 'E08000021';

describe('the changes of a month at a place', () => {
  it('April 2018 in Leeds: the three Leeds CCGs merged into NHS Leeds CCG, with the months', () => {
    expect(placeChangesAt(index, LEEDS, '2018-04')).toEqual([
      {
        text: 'April 2018: NHS Leeds North CCG, NHS Leeds South and East CCG and NHS Leeds West CCG merged into NHS Leeds CCG.',
        dates: 'They closed at the end of March 2018; NHS Leeds CCG opened in April 2018.',
        ended: expect.arrayContaining(['02V', '03C', '03G']) as string[],
        began: ['15F'],
      },
    ]);
  });

  it('the months either side of a merger have no change', () => {
    expect(placeChangesAt(index, LEEDS, '2018-03')).toEqual([]);
    expect(placeChangesAt(index, LEEDS, '2016-06')).toEqual([]);
  });

  it('April 2017 in Manchester: the Central, North and South Manchester CCGs merged into NHS Manchester CCG', () => {
    const [change, ...rest] = placeChangesAt(index, MANCHESTER, '2017-04');
    expect(rest).toEqual([]);
    expect(change?.text).toBe(
      'April 2017: NHS Central Manchester CCG, NHS North Manchester CCG and NHS South Manchester CCG merged into NHS Manchester CCG.',
    );
  });

  it('April 2015 in Newcastle: merged into NHS Newcastle Gateshead CCG, whose ODS record opened earlier', () => {
    const [change] = placeChangesAt(index, NEWCASTLE, '2015-04');
    expect(change?.text).toMatch(/merged into NHS Newcastle Gateshead CCG\.$/);
    expect(change?.dates).toBe(
      'They closed at the end of March 2015; NHS Newcastle Gateshead CCG took over in April 2015 (its ODS record opens in November 2014).',
    );
  });

  it('April 2013: the primary care trust (derived, unofficial) ended and the CCGs began', () => {
    const [change] = placeChangesAt(index, LEEDS, '2013-04');
    expect(change?.text).toBe(
      'April 2013: Leeds PCT (derived, unofficial) ended and 3 clinical commissioning groups began here: NHS Leeds North CCG, NHS Leeds South and East CCG and NHS Leeds West CCG.',
    );
    expect(placeChangesAt(index, LEEDS, '2012-06')).toEqual([]);
  });

  it("a place's history lists each month with a change, earliest first", () => {
    expect(placeChangeHistory(index, LEEDS).map((entry) => entry.month)).toEqual(['2013-04', '2018-04']);
    expect(placeChangeHistory(index, MANCHESTER).map((entry) => entry.month)).toEqual(['2013-04', '2017-04']);
  });

  it('an unknown council has no changes', () => {
    expect(placeChangesAt(index, 'E99999999', '2018-04')).toEqual([]);
  });
});

describe('the place finder’s options', () => {
  it('a council by name or code opens its own page', () => {
    expect(placeOptions(index, 'Leeds', '2016-06')[0]).toEqual({
      id: `authority-${LEEDS}`,
      name: 'Leeds',
      detail: 'council',
      authority: LEEDS,
    });
    expect(placeOptions(index, 'e08000035', '2016-06')[0]?.authority).toBe(LEEDS);
  });

  it('a CCG opens the page of the council it covers, said in the option', () => {
    const [option] = placeOptions(index, 'Leeds North', '2016-06');
    expect(option).toMatchObject({ name: 'NHS Leeds North CCG', detail: 'CCG, in Leeds', authority: LEEDS });
    expect(placeOptions(index, '02V', '2016-06')[0]?.authority).toBe(LEEDS);
  });

  it('a CCG covering several councils gives one option for each (at most three)', () => {
    const options = placeOptions(index, 'Newcastle Gateshead', '2016-06').filter((option) => option.name.includes('Gateshead'));
    expect(options.map((option) => option.authority).sort()).toEqual(['E08000021', 'E08000037']);
  });

  it('nothing for an empty query or one that matches nothing', () => {
    expect(placeOptions(index, '  ', '2016-06')).toEqual([]);
    expect(placeOptions(index, 'zzqx', '2016-06')).toEqual([]);
  });
});
