/**
 * The pure part of scripts/places/build-places.ts: from the text of the public code lists to the
 * compact records of data/places/places.json. No file system here, so tests can feed a tiny fixture
 * (tests/fixtures/places/) and check each derivation.
 */

/** Parses CSV text (RFC 4180: quoted fields, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => !(cells.length === 1 && cells[0] === ''));
}

/** CSV text with a header row → one object per row, keyed by the header's names. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((cells) => Object.fromEntries(header.map((name, index) => [name.replace(/^\uFEFF/, ''), cells[index] ?? ''])));
}

/** "20150331" → "2015-03". */
export function odsDateToMonth(value: string): string | null {
  const match = /^(\d{4})(\d{2})\d{2}$/.exec(value.trim());
  return match ? `${match[1]}-${match[2]}` : null;
}

/** The month after "YYYY-MM". */
export function nextMonth(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
}

/** One CCG as NHS Digital's ODS file eccg.csv gives it (commissioning hubs, role RO218, are left out). */
export interface OdsCcg {
  code: string;
  /** the name in the file: today's, upper case (not the name it had in 2013) */
  odsName: string;
  from: string;
  to: string | null;
}

/**
 * eccg.csv has no header: column 1 the ODS code, 2 the name, 11 the open date, 12 the close date
 * (YYYYMMDD, empty while open), 14 the organisation's role (RO218 = commissioning hub).
 */
export function readEccg(text: string): { ccgs: OdsCcg[]; hubs: string[] } {
  const ccgs: OdsCcg[] = [];
  const hubs: string[] = [];
  for (const cells of parseCsv(text)) {
    const [code = '', name = ''] = cells;
    const roles = (cells[13] ?? '').split('|');
    if (roles.includes('RO218')) {
      hubs.push(code);
      continue;
    }
    const from = odsDateToMonth(cells[10] ?? '');
    if (!from) throw new Error(`eccg.csv: ${code} has no open date`);
    ccgs.push({ code, odsName: name, from, to: odsDateToMonth(cells[11] ?? '') });
  }
  return { ccgs, hubs };
}

/** Is the CCG open during the month (both ends inclusive)? */
export function isOpen(ccg: { from: string; to: string | null }, month: string): boolean {
  return ccg.from <= month && (ccg.to === null || month <= ccg.to);
}

/** One LSOA → CCG → district lookup year: which CCG (by ODS code) and district each LSOA was in. */
export interface LookupYear {
  /** the lookup's year label, e.g. "2015" */
  year: string;
  /** LSOA code → [CCG ODS code, CCG ONS code, CCG name, district code] */
  rows: Map<string, { ods: string; ons: string; name: string; district: string }>;
}

/** Reads an ONS LSOA11 → CCGyy → LADyy lookup (columns LSOA11CD, CCGyyCD, CCGyyCDH, CCGyyNM, LADyyCD). */
export function readLsoaLookup(text: string, year: string): LookupYear {
  const yy = year.slice(2);
  const rows = new Map<string, { ods: string; ons: string; name: string; district: string }>();
  for (const row of parseCsvObjects(text)) {
    const lsoa = row.LSOA11CD;
    const ods = row[`CCG${yy}CDH`];
    const ons = row[`CCG${yy}CD`];
    const name = row[`CCG${yy}NM`];
    const district = row[`LAD${yy}CD`];
    if (!lsoa || !ods || !ons || !name || !district)
      throw new Error(`lookup ${year}: a row lacks a column: ${JSON.stringify(row)}`);
    rows.set(lsoa, { ods, ons, name, district });
  }
  return { year, rows };
}

/** Reads the ONS lower- to upper-tier lookup: district code → upper-tier code and name (England only). */
export function readUpperTier(text: string): Map<string, { code: string; name: string }> {
  const map = new Map<string, { code: string; name: string }>();
  for (const row of parseCsvObjects(text)) {
    const district = row.LTLA18CD ?? '';
    const code = row.UTLA18CD ?? '';
    const name = row.UTLA18NM ?? '';
    if (code.startsWith('E')) map.set(district, { code, name });
  }
  return map;
}

/** Names that differ only in case, "&"/"and" or a trailing "CCG" are the same name. */
export function sameName(a: string, b: string): boolean {
  const norm = (value: string) =>
    value
      .toUpperCase()
      .replace(/&/g, 'AND')
      .replace(/\bCCG\b/g, '')
      .replace(/[^A-Z0-9]+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}

/** A CCG's ONS code and name in one of the ONS lists. */
export type OnsEntry = [onsCode: string, name: string];

/**
 * The ONS code and name of each CCG in each list, by ODS code. The lookups give the ODS code
 * (CCGyyCDH) beside the ONS code; the 2013 list gives only ONS codes and names, so a 2013 entry is
 * joined by its ONS code to a later list, or (when the code was not used again) by its name to the
 * ODS file. Returns the entries and any 2013 entry it could not place.
 */
export function onsNamesByOds(
  list2013: Record<string, string>,
  lookups: readonly LookupYear[],
  ods: readonly OdsCcg[],
): { names: Map<string, Record<string, OnsEntry>>; unplaced: string[] } {
  const names = new Map<string, Record<string, OnsEntry>>();
  const add = (code: string, year: string, entry: OnsEntry) => {
    const record = names.get(code) ?? {};
    record[year] = entry;
    names.set(code, record);
  };
  const odsByOns = new Map<string, string>();
  for (const lookup of lookups) {
    for (const row of lookup.rows.values()) {
      add(row.ods, lookup.year, [row.ons, row.name]);
      if (!odsByOns.has(row.ons)) odsByOns.set(row.ons, row.ods);
    }
  }
  const unplaced: string[] = [];
  for (const [ons, name] of Object.entries(list2013)) {
    if (!ons.startsWith('E38')) continue;
    const byCode = odsByOns.get(ons);
    const byName = ods.filter((ccg) => ccg.from <= '2013-04' && sameName(ccg.odsName, name));
    const code = byCode ?? (byName.length === 1 ? byName[0]?.code : undefined);
    if (code) add(code, '2013', [ons, name]);
    else unplaced.push(`${ons} ${name}`);
  }
  return { names, unplaced };
}

/** How a successor was found: by the LSOAs of the closed CCG, or as the only CCG that opened. */
export type SuccessorBasis = 'lsoa' | 'only-opening';

/**
 * The successor(s) of each CCG that closed: the CCG(s) open the month after the close whose areas,
 * in the first lookup after the close, hold the LSOAs the closed CCG had in the last lookup before
 * it. When no lookup precedes the close (closures before the first lookup), the successor is the
 * CCG that opened in the twelve months up to the month after the close, if exactly one did. A
 * close after the last lookup has no successor here (null), nor has one the lookups cannot place.
 * Returns for each closed CCG its successors (ODS codes, largest share first) and the basis.
 */
export function successors(
  ods: readonly OdsCcg[],
  lookups: readonly (LookupYear & { from: string })[],
): Map<string, { to: string[]; basis: SuccessorBasis } | null> {
  const result = new Map<string, { to: string[]; basis: SuccessorBasis } | null>();
  const sorted = [...lookups].sort((a, b) => a.from.localeCompare(b.from));
  for (const ccg of ods) {
    if (ccg.to === null) continue;
    const after = nextMonth(ccg.to);
    const before = sorted.filter((lookup) => lookup.from <= ccg.to!).at(-1);
    const next = sorted.find((lookup) => lookup.from <= after && lookup.from > ccg.to!);
    if (before && next) {
      const counts = new Map<string, number>();
      for (const [lsoa, row] of before.rows) {
        if (row.ods !== ccg.code) continue;
        const to = next.rows.get(lsoa)?.ods;
        if (to) counts.set(to, (counts.get(to) ?? 0) + 1);
      }
      const to = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
      const open = to.filter((code) => ods.some((other) => other.code === code && isOpen(other, after)));
      result.set(ccg.code, open.length > 0 ? { to: open, basis: 'lsoa' } : null);
      continue;
    }
    if (before) {
      // A close after the last lookup (or between lookups a year apart): the lookups cannot say where its area went.
      result.set(ccg.code, null);
      continue;
    }
    const yearBefore = `${Number(after.slice(0, 4)) - 1}${after.slice(4)}`;
    const openings = ods.filter((other) => other.from > yearBefore && other.from <= after && isOpen(other, after));
    result.set(ccg.code, openings.length === 1 && openings[0] ? { to: [openings[0].code], basis: 'only-opening' } : null);
  }
  return result;
}

/** An upper-tier authority with, for each lookup year, the CCGs covering it and their LSOA counts. */
export interface AuthorityCover {
  code: string;
  name: string;
  /** number of 2011 LSOAs in the authority */
  lsoas: number;
  /** lookup year → [CCG ODS code, LSOAs of the authority in that CCG], most first */
  cover: Record<string, [string, number][]>;
}

/** Which CCGs cover each upper-tier authority in each lookup year, counted in LSOAs. */
export function authorityCover(
  lookups: readonly LookupYear[],
  upperTier: Map<string, { code: string; name: string }>,
): { authorities: AuthorityCover[]; unknownDistricts: string[] } {
  const authorities = new Map<string, AuthorityCover>();
  const unknown = new Set<string>();
  for (const { name, code } of upperTier.values()) {
    if (!authorities.has(code)) authorities.set(code, { code, name, lsoas: 0, cover: {} });
  }
  const lsoaCount = new Map<string, Set<string>>();
  for (const lookup of lookups) {
    const counts = new Map<string, Map<string, number>>();
    for (const [lsoa, row] of lookup.rows) {
      const authority = upperTier.get(row.district);
      if (!authority) {
        unknown.add(row.district);
        continue;
      }
      const lsoas = lsoaCount.get(authority.code) ?? new Set<string>();
      lsoas.add(lsoa);
      lsoaCount.set(authority.code, lsoas);
      const byCcg = counts.get(authority.code) ?? new Map<string, number>();
      byCcg.set(row.ods, (byCcg.get(row.ods) ?? 0) + 1);
      counts.set(authority.code, byCcg);
    }
    for (const [code, byCcg] of counts) {
      const record = authorities.get(code);
      if (record) record.cover[lookup.year] = [...byCcg.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    }
  }
  for (const record of authorities.values()) record.lsoas = lsoaCount.get(record.code)?.size ?? 0;
  return {
    authorities: [...authorities.values()].sort((a, b) => a.code.localeCompare(b.code)),
    unknownDistricts: [...unknown].sort(),
  };
}

/** One PCT of the unofficial mapping (elahmo/dsfood ccg2ons.js): its CCGs by share of postcodes. */
export interface UnofficialPct {
  onscode: string;
  nhscode?: string;
  name: string;
  CCG: { code: string; name: string; onscode: string; pcd_percent: string } | { code: string; pcd_percent: string }[];
}

/** PCT ONS code → [CCG ODS code, percent of the PCT's postcodes][] from the unofficial mapping. */
export function pctSuccessors(mapping: readonly UnofficialPct[]): Map<string, { ods?: string; ccgs: [string, number][] }> {
  const result = new Map<string, { ods?: string; ccgs: [string, number][] }>();
  for (const pct of mapping) {
    const list = Array.isArray(pct.CCG) ? pct.CCG : [pct.CCG];
    const ccgs = list
      .map((ccg): [string, number] => [ccg.code, Number(ccg.pcd_percent)])
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    result.set(pct.onscode, { ...(pct.nhscode ? { ods: pct.nhscode } : {}), ccgs });
  }
  return result;
}

/** Reads an ONS CCG → STP lookup (CCGyyCDH, STPyyCD, STPyyNM): CCG ODS code → [STP code, STP name]. */
export function readStpLookup(text: string, year: string): Map<string, [string, string]> {
  const yy = year.slice(2);
  const result = new Map<string, [string, string]>();
  for (const row of parseCsvObjects(text)) {
    const ods = row[`CCG${yy}CDH`];
    const code = row[`STP${yy}CD`];
    const name = row[`STP${yy}NM`];
    if (!ods || !code || !name) throw new Error(`STP lookup ${year}: a row lacks a column: ${JSON.stringify(row)}`);
    result.set(ods, [code, name]);
  }
  return result;
}
