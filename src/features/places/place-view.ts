/**
 * What the place page (#/place/<local authority code>?date=YYYY-MM) shows, as plain data: the
 * council, its CCGs at the month (with shares and mergers), its PCTs before April 2013 (derived,
 * unofficial), and for each service who commissions it there, by name where the commissioner is a
 * CCG, the council or a PCT, by kind where it is national or regional.
 */
import type { AuthorityRecord, CcgRecord } from '../../data/places-schema';
import type { Dataset, Service } from '../../data/schema';
import { addMonths, formatMonth, type MonthString } from '../../domain/months';
import { nameAt } from '../../domain/organisations';
import {
  type AuthorityCcgs,
  type AuthorityPct,
  ccgNameAt,
  ccgsCoveringAuthority,
  type PlacesIndex,
  pctsOfAuthority,
  stpsOfAuthority,
  successorsAt,
} from '../../domain/places';
import { commissionersOf } from '../../domain/services';

/** One named commissioner of a service in the place. */
export interface PlaceCommissioner {
  name: string;
  /** named: a CCG, the council or a PCT of this place; kind: a national or regional body, or a kind of body */
  kind: 'ccg' | 'council' | 'pct' | 'kind';
  /** the dataset's organisation the name stands for */
  organisationId: string;
  /** true where the name comes from the unofficial PCT mapping */
  unofficial?: boolean;
}

export interface PlaceServiceRow {
  service: Service;
  commissioners: PlaceCommissioner[];
}

/** A change to one of the place's CCGs: merged into another, or formed from others. */
export interface CcgChange {
  code: string;
  text: string;
}

export interface PlaceView {
  authority: AuthorityRecord;
  month: MonthString;
  /** before-ccgs: before April 2013; exact: from an ONS lookup in force; approximate: April 2013 to March 2015 */
  ccgState: 'before-ccgs' | 'exact' | 'approximate';
  ccgs: AuthorityCcgs | undefined;
  changes: CcgChange[];
  /** the PCTs linked to the authority (derived, unofficial) */
  pcts: AuthorityPct[];
  /** whether the PCTs were still in place at the month */
  pctsInPlace: boolean;
  services: PlaceServiceRow[];
}

const CCG_KIND = 'clinical-commissioning-groups';
const COUNCIL_KIND = 'local-authorities';
const PCT_KIND = 'primary-care-trusts';

/**
 * Arrangements of one area, by the name of its STP in the ONS CCG → STP lookups: a service one of
 * them commissions is shown only for councils whose CCGs are in that STP.
 */
const AREA_ARRANGEMENTS: Record<string, string> = { 'greater-manchester-devolution': 'Greater Manchester' };

/** The CCG's merger (into its successor) and formation (from its forerunners), said in words. */
export function ccgChanges(index: PlacesIndex, ccg: CcgRecord): CcgChange[] {
  const changes: CcgChange[] = [];
  const name = (code: string, month: MonthString) => {
    const record = index.ccgs.get(code);
    return record ? ccgNameAt(index, record, month) : code;
  };
  if (ccg.to !== null && ccg.to < index.file.period.to) {
    const after = addMonths(ccg.to, 1);
    const into = successorsAt(index, ccg.code, after).map((successor) => ccgNameAt(index, successor, after));
    if (into.length > 0) {
      changes.push({
        code: ccg.code,
        text: `${name(ccg.code, ccg.to)} merged into ${into.join(' and ')} from ${formatMonth(after)}.`,
      });
    }
  }
  const from = index.predecessors.get(ccg.code) ?? [];
  if (from.length > 0) {
    const month = ccg.to ?? index.file.period.to;
    const forerunners = from
      .map((code) => {
        const record = index.ccgs.get(code);
        return record?.to ? name(code, record.to) : code;
      })
      .sort((a, b) => a.localeCompare(b));
    const closed = index.ccgs.get(from[0] ?? '')?.to;
    const opened = closed ? addMonths(closed, 1) : ccg.from;
    changes.push({
      code: ccg.code,
      text: `${name(ccg.code, month)} took over from ${joinAnd(forerunners)} in ${formatMonth(opened)}.`,
    });
  }
  return changes;
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** The place page's content, or undefined for a code that is not an English upper-tier authority. */
export function placeView(index: PlacesIndex, dataset: Dataset, code: string, month: MonthString): PlaceView | undefined {
  const authority = index.authorities.get(code);
  if (!authority) return undefined;
  const ccgs = ccgsCoveringAuthority(index, code, month);
  const ccgState = month < index.file.period.from ? 'before-ccgs' : ccgs?.approximate ? 'approximate' : 'exact';
  const pcts = pctsOfAuthority(index, code);
  const pctsInPlace = month <= index.file.pctEnd.month;
  const changes = (ccgs?.ccgs ?? []).flatMap((cover) => ccgChanges(index, cover.ccg));

  const named = (organisationId: string): PlaceCommissioner[] | undefined => {
    if (organisationId === CCG_KIND && ccgs && ccgs.ccgs.length > 0) {
      return ccgs.ccgs.map((cover) => ({ name: cover.name, kind: 'ccg', organisationId }));
    }
    if (organisationId === COUNCIL_KIND) return [{ name: authority.name, kind: 'council', organisationId }];
    if (organisationId === PCT_KIND && pcts.length > 0) {
      return pcts.map((entry) => ({ name: `${entry.pct.name} PCT`, kind: 'pct', organisationId, unofficial: true }));
    }
    return undefined;
  };

  const stpNames = new Set(stpsOfAuthority(index, code, month).map(([, name]) => name));
  const inArea = (organisationId: string) => {
    const area = AREA_ARRANGEMENTS[organisationId];
    return area === undefined || stpNames.has(area);
  };

  const services: PlaceServiceRow[] = [...dataset.services]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((service) => {
      const inForce = commissionersOf(dataset, service.id, month).filter((entry) => entry.status === 'in-force');
      if (!inForce.every((entry) => inArea(entry.organisation.id))) return { service, commissioners: [] };
      const commissioners = inForce.flatMap((entry): PlaceCommissioner[] => {
        return (
          named(entry.organisation.id) ?? [
            { name: nameAt(entry.organisation, month).name, kind: 'kind', organisationId: entry.organisation.id },
          ]
        );
      });
      const unique = new Map(commissioners.map((commissioner) => [`${commissioner.kind}:${commissioner.name}`, commissioner]));
      return { service, commissioners: [...unique.values()] };
    })
    .filter((row) => row.commissioners.length > 0);

  return { authority, month, ccgState, ccgs, changes, pcts, pctsInPlace, services };
}

/** What happened to the place's commissioning bodies in one month: what ended, what began, in words. */
export interface PlaceMonthChange {
  /** e.g. "April 2018: NHS Leeds North CCG, … merged into NHS Leeds CCG." */
  text: string;
  /** when, in words: the last month of what ended and the first month of what began */
  dates: string;
  /** ODS codes (CCGs) or ONS codes (PCTs) of what ended at the end of the month before */
  ended: string[];
  /** ODS codes of the CCGs that began in the month */
  began: string[];
}

/**
 * The changes to the place's commissioning bodies that take effect in the month (comparing it with
 * the month before): CCGs merged into a successor that opened in the month, and, in the first
 * month of the CCGs (April 2013), the primary care trusts' end. Empty for a month with no change.
 */
export function placeChangesAt(index: PlacesIndex, code: string, month: MonthString): PlaceMonthChange[] {
  if (!index.authorities.has(code) || month < index.file.period.from || month > index.file.period.to) return [];
  const before = addMonths(month, -1);
  const after = ccgsCoveringAuthority(index, code, month)?.ccgs ?? [];
  if (month === addMonths(index.file.pctEnd.month, 1)) {
    const pcts = pctsOfAuthority(index, code);
    if (after.length === 0) return [];
    const names = after.map((cover) => cover.name).sort((a, b) => a.localeCompare(b));
    return [
      {
        text:
          `${formatMonth(month)}: ${pcts.length > 0 ? `${joinAnd(pcts.map((entry) => `${entry.pct.name} PCT`))} (derived, unofficial) ` : 'The primary care trusts '}` +
          `ended and ${after.length === 1 ? 'a clinical commissioning group began' : `${after.length} clinical commissioning groups began`} here: ${joinAnd(names)}.`,
        dates: `Primary care trusts were abolished at the end of ${formatMonth(index.file.pctEnd.month)}; the CCGs opened in ${formatMonth(month)}.`,
        ended: pcts.map((entry) => entry.pct.code),
        began: after.map((cover) => cover.ccg.code),
      },
    ];
  }
  const previous = ccgsCoveringAuthority(index, code, before)?.ccgs ?? [];
  const ended = previous.filter((cover) => cover.ccg.to === before);
  const changes: PlaceMonthChange[] = [];
  const wasHere = new Set(previous.map((cover) => cover.ccg.code));
  for (const successor of after.filter((cover) => !wasHere.has(cover.ccg.code))) {
    const forerunners = ended
      .filter((cover) => successorsAt(index, cover.ccg.code, month).some((ccg) => ccg.code === successor.ccg.code))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (forerunners.length === 0) continue;
    changes.push({
      text: `${formatMonth(month)}: ${joinAnd(forerunners.map((cover) => cover.name))} merged into ${successor.name}.`,
      dates:
        `${forerunners.length === 1 ? 'It' : 'They'} closed at the end of ${formatMonth(before)}; ${successor.name} ` +
        (successor.ccg.from === month
          ? `opened in ${formatMonth(month)}.`
          : `took over in ${formatMonth(month)} (its ODS record opens in ${formatMonth(successor.ccg.from)}).`),
      ended: forerunners.map((cover) => cover.ccg.code),
      began: [successor.ccg.code],
    });
  }
  return changes;
}

/** Every month of the place data in which the place's bodies changed, with the changes, earliest first. */
export function placeChangeHistory(index: PlacesIndex, code: string): { month: MonthString; changes: PlaceMonthChange[] }[] {
  const history: { month: MonthString; changes: PlaceMonthChange[] }[] = [];
  for (let month = index.file.period.from; month <= index.file.period.to; month = addMonths(month, 1)) {
    const changes = placeChangesAt(index, code, month);
    if (changes.length > 0) history.push({ month, changes });
  }
  return history;
}

/** "40%" (whole percentages; "under 1%" for a sliver). */
export function formatShare(share: number): string {
  const percent = Math.round(share * 100);
  if (percent === 0 && share > 0) return 'under 1%';
  return `${percent}%`;
}
