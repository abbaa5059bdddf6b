/**
 * The map's named CCGs (issue 13): their ahead-of-time layout (data/places/members.json) and the
 * staged change between months, on the real place data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlaces } from '../../src/data/places-load';
import { computeMemberLayout, ENGLAND, type MemberLayoutFile, membersAt, monthsOf } from '../../src/domain/member-layout';
import { planMemberTransition } from '../../src/domain/member-transition';
import { indexPlaces } from '../../src/domain/places';

const dataDir = path.join(import.meta.dirname, '..', '..', 'data', 'places');
const parsed = parsePlaces(JSON.parse(readFileSync(path.join(dataDir, 'places.json'), 'utf8')));
if (!parsed.ok) throw new Error('the place data is invalid');
const places = parsed.places;
const index = indexPlaces(places);
const committedText = readFileSync(path.join(dataDir, 'members.json'), 'utf8');
const layout = JSON.parse(committedText) as MemberLayoutFile;
const months = monthsOf(places.period);
const LEEDS = 'E08000035';
const MANCHESTER = 'E08000003';

const cellKey = (member: { column: number; row: number }) => `${member.column},${member.row}`;

describe('the member layout', () => {
  it('is the same on a second run, and the committed file is up to date', () => {
    const first = computeMemberLayout(places);
    expect(computeMemberLayout(places)).toEqual(first);
    expect(`${JSON.stringify(first)}\n`).toBe(committedText);
  });

  it('gives every CCG open at each month a cell of its own, for England and for every council', () => {
    for (const scope of [ENGLAND, ...Object.keys(layout.places)]) {
      for (const month of months) {
        const drawn = membersAt(index, layout, scope, month);
        expect(drawn, `${scope} ${month}`).toBeDefined();
        const cells = new Set(drawn?.members.map(cellKey));
        expect(cells.size, `${scope} ${month}: two CCGs in one cell`).toBe(drawn?.members.length);
      }
    }
    // England: every open CCG is drawn.
    for (const month of months) {
      const open = places.ccgs.filter((ccg) => ccg.from <= month && (ccg.to === null || month <= ccg.to)).length;
      expect(membersAt(index, layout, ENGLAND, month)?.members).toHaveLength(open);
    }
    expect(membersAt(index, layout, ENGLAND, '2013-04')?.members).toHaveLength(211);
    expect(membersAt(index, layout, ENGLAND, '2018-04')?.members).toHaveLength(195);
  });

  it('puts a merged CCG’s successor where its predecessors were', () => {
    const cells = layout.england.cells;
    const where = (code: string) => cells[code]?.join(',');
    expect([where('02V'), where('03C'), where('03G')]).toContain(where('15F'));
    expect([where('00W'), where('01M'), where('01N')]).toContain(where('14L'));
    for (const ccg of places.ccgs) {
      const predecessors = places.ccgs.filter((previous) => previous.successors?.includes(ccg.code));
      if (predecessors.length === 0 || !predecessors.every((previous) => previous.to !== null && previous.to < ccg.from))
        continue;
      expect(predecessors.map((previous) => where(previous.code))).toContain(where(ccg.code));
    }
    // Leeds: NHS Leeds CCG takes the middle of the three.
    const leeds = layout.places[LEEDS];
    expect(leeds?.cells['15F']).toEqual([0, 1]);
  });

  it('draws the three Leeds CCGs in June 2016 and NHS Leeds CCG in April 2018', () => {
    expect(membersAt(index, layout, LEEDS, '2016-06')?.members.map((member) => member.name)).toEqual([
      'NHS Leeds North CCG',
      'NHS Leeds South and East CCG',
      'NHS Leeds West CCG',
    ]);
    expect(membersAt(index, layout, LEEDS, '2018-04')?.members.map((member) => member.name)).toEqual(['NHS Leeds CCG']);
    expect(membersAt(index, layout, LEEDS, '2012-06')?.members).toEqual([]);
    expect(membersAt(index, layout, 'E99999999', '2016-06')).toBeUndefined();
  });
});

describe('the staged change of the named CCGs', () => {
  it('moves the three Leeds CCGs into NHS Leeds CCG in April 2018, which then fades in', () => {
    const before = membersAt(index, layout, LEEDS, '2018-03');
    const after = membersAt(index, layout, LEEDS, '2018-04');
    if (!before || !after) throw new Error('no members');
    const plan = planMemberTransition(before, after);
    expect(plan.merges.map((merge) => [merge.code, merge.into]).sort()).toEqual([
      ['02V', '15F'],
      ['03C', '15F'],
      ['03G', '15F'],
    ]);
    expect(plan.merges.every((merge) => merge.to.row === 1)).toBe(true);
    expect(plan.entries).toEqual(['15F']);
    expect(plan.exits).toEqual([]);
  });

  it('merges the Manchester CCGs in April 2017 across England, and changes nothing in a quiet month', () => {
    const plan = planMemberTransition(
      membersAt(index, layout, ENGLAND, '2017-03')!,
      membersAt(index, layout, ENGLAND, '2017-04')!,
    );
    expect(
      plan.merges
        .filter((merge) => merge.into === '14L')
        .map((merge) => merge.code)
        .sort(),
    ).toEqual(['00W', '01M', '01N']);
    expect(plan.entries).toContain('14L');
    const quiet = planMemberTransition(
      membersAt(index, layout, ENGLAND, '2016-05')!,
      membersAt(index, layout, ENGLAND, '2016-06')!,
    );
    expect(quiet).toEqual({ exits: [], merges: [], moves: [], entries: [] });
  });
});

describe('a council’s named CCGs', () => {
  it('moves the three Manchester CCGs into NHS Manchester CCG in April 2017', () => {
    const plan = planMemberTransition(
      membersAt(index, layout, MANCHESTER, '2017-03')!,
      membersAt(index, layout, MANCHESTER, '2017-04')!,
    );
    expect(plan.merges.map((merge) => merge.into)).toEqual(['14L', '14L', '14L']);
    expect(plan.entries).toEqual(['14L']);
  });
});
