/**
 * npx tsx scripts/places/build-places.ts [raw folder]
 *
 * Builds data/places/places.json (issue 13: named CCGs, upper-tier councils, PCTs and mergers) from
 * public code lists, stored copies of which live in public GitHub repositories. It reads the raw
 * files from a folder outside the repository (the first argument, or PLACES_RAW, or /work/places-raw);
 * a file missing there is read from a git mirror of its repository at the pinned commit, if the
 * mirror is in MIRRORS (default /work/.mirror, as the `fetch` tool writes it: `fetch
 * github:jhau/nhs-spend` → /work/.mirror/jhau+nhs-spend/repo). To fill the raw folder by hand:
 *
 *   git -C /work/.mirror/<owner>+<name>/repo show <commit>:<path> > <raw folder>/<file>
 *
 * for each entry of RAW_FILES below. Nothing from the raw files is committed but the derived JSON.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  authorityCover,
  isOpen,
  type LookupYear,
  onsNamesByOds,
  pctSuccessors,
  readEccg,
  readLsoaLookup,
  readStpLookup,
  readUpperTier,
  successors,
  type UnofficialPct,
} from './derive';
import { buildMembers } from './build-members';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rawDir = path.resolve(process.argv[2] ?? process.env.PLACES_RAW ?? '/work/places-raw');
const mirrors = path.resolve(process.env.MIRRORS ?? '/work/.mirror');
const outFile = path.join(root, 'data', 'places', 'places.json');

const OGL = 'Open Government Licence v3.0';
const ONS_ATTRIBUTION =
  'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains National Statistics data © Crown copyright and database right';

/** Each raw file: where its stored copy is (repository, path, commit) and what it is. */
const RAW_FILES = {
  eccg: {
    file: 'eccg.csv',
    repository: 'jhau/nhs-spend',
    path: 'data/eccg.csv',
    commit: '1e5af1327e6f84e8479085bfa65a5f579036880f',
  },
  ccg2013: {
    file: 'postcodes-io-ccg-2013.json',
    repository: 'ideal-postcodes/postcodes.io',
    path: 'data/ccg.json',
    commit: 'ee648414f2bfeabfad70ff0a4e0e1397847c5b4c',
  },
  pcts: {
    file: 'postcodes-io-pcts.json',
    repository: 'ideal-postcodes/postcodes.io',
    path: 'data/pcts.json',
    commit: 'b593f05ecd33e73239f1ab336deae54e13ead084',
  },
  lookup2015: {
    file: 'ons-lookups-212.csv',
    repository: 'jtrim-ons/ons-lookups',
    path: 'csv/212.csv',
    commit: '85d0ba6e476badf3861d8dc7485aecf40598d031',
  },
  lookup2016: {
    file: 'ons-lookups-211.csv',
    repository: 'jtrim-ons/ons-lookups',
    path: 'csv/211.csv',
    commit: '85d0ba6e476badf3861d8dc7485aecf40598d031',
  },
  lookup2017: {
    file: 'ons-lookups-226.csv',
    repository: 'jtrim-ons/ons-lookups',
    path: 'csv/226.csv',
    commit: '85d0ba6e476badf3861d8dc7485aecf40598d031',
  },
  lookup2018: {
    file: 'ons-lookups-216.csv',
    repository: 'jtrim-ons/ons-lookups',
    path: 'csv/216.csv',
    commit: '85d0ba6e476badf3861d8dc7485aecf40598d031',
  },
  upperTier: {
    file: 'ons-lookups-193.csv',
    repository: 'jtrim-ons/ons-lookups',
    path: 'csv/193.csv',
    commit: '85d0ba6e476badf3861d8dc7485aecf40598d031',
  },
  stp2017: {
    file: 'ons-lookups-066.csv',
    repository: 'jtrim-ons/ons-lookups',
    path: 'csv/066.csv',
    commit: '85d0ba6e476badf3861d8dc7485aecf40598d031',
  },
  stp2018: {
    file: 'ons-lookups-065.csv',
    repository: 'jtrim-ons/ons-lookups',
    path: 'csv/065.csv',
    commit: '85d0ba6e476badf3861d8dc7485aecf40598d031',
  },
  pctMapping: {
    file: 'dsfood-ccg2ons.js',
    repository: 'elahmo/dsfood',
    path: 'app/static/csv/ccg2ons.js',
    commit: '2b831ed6a6fbb162a838f9729bb73910f0cde326',
  },
} as const;

type RawKey = keyof typeof RAW_FILES;

function readRaw(key: RawKey): string {
  const entry = RAW_FILES[key];
  const local = path.join(rawDir, entry.file);
  if (existsSync(local)) return readFileSync(local, 'utf8');
  const gitDir = path.join(mirrors, entry.repository.replace('/', '+'), 'repo');
  if (!existsSync(gitDir)) {
    throw new Error(`${entry.file} is neither in ${rawDir} nor in a mirror at ${gitDir}: fetch github:${entry.repository} first`);
  }
  return execFileSync('git', ['-C', gitDir, 'show', `${entry.commit}:${entry.path}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The lookups: their year label, the first month each is used for, and what it says of itself. */
const LOOKUPS = [
  { key: 'lookup2015', year: '2015', from: '2015-04', asAt: '31 July 2015', id: 'ons-lsoa-ccg-lad-2015' },
  { key: 'lookup2016', year: '2016', from: '2016-04', asAt: 'April 2016', id: 'ons-lsoa-ccg-lad-2016' },
  { key: 'lookup2017', year: '2017', from: '2017-04', asAt: '1 April 2017 (version 4)', id: 'ons-lsoa-ccg-lad-2017' },
  { key: 'lookup2018', year: '2018', from: '2018-04', asAt: '1 April 2018', id: 'ons-lsoa-ccg-lad-2018' },
] as const;

const PERIOD_END = '2018-04';

/** The CCG → STP lookups: year label, first month used for, what they say of themselves. */
const STP_LOOKUPS = [
  {
    key: 'stp2017',
    year: '2017',
    id: 'ons-ccg-stp-2017',
    title: 'Clinical Commissioning Group to STPs (April 2017) Lookup in England (Version 3)',
  },
  {
    key: 'stp2018',
    year: '2018',
    id: 'ons-ccg-stp-2018',
    title: 'Clinical Commissioning Group to STPs (April 2018) Lookup in England (Version 2)',
  },
] as const;

/**
 * News pages (read with the search tool, corpus "pages") that confirm or foreshadow mergers the
 * ODS dates and the lookups show; each quote is copied from the page's stored text. `date` only
 * where the page gives it.
 */
const MERGER_NEWS = [
  {
    successor: '13T',
    status: 'approved',
    title: 'CCG merger in Newcastle and Gateshead approved',
    publisher: 'Healthcare Leader',
    date: '2014-08-01',
    url: 'https://healthcareleadernews.com/news/ccg-merger-in-newcastle-and-gateshead-approved/',
    quote:
      'Gateshead CCG, Newcastle North & East CCG and Newcastle West CCG will become a single statutory body from 1 April 2015.',
  },
  {
    successor: '14L',
    status: 'approved',
    title: 'Largest CCG in the North of England to be Created by Merger',
    publisher: 'Healthcare Times',
    url: 'https://healthcaretimes.co.uk/largest-ccg-in-the-north-of-england-to-be-created-by-merger/',
    quote:
      'The merger of North, South and Central Manchester CCGs has been rubber stamped by NHS England, with the completion of this process due to take place in April.',
  },
  {
    successor: '15F',
    status: 'planned',
    title: 'Exclusive: City CCGs move closer to merger',
    publisher: 'Health Service Journal',
    url: 'https://www.hsj.co.uk/nhs-leeds-north-ccg/exclusive-city-ccgs-move-closer-to-merger/7020268.article',
    quote: 'Leeds West, Leeds North, and Leeds South and East could merge by April 2018',
  },
] as const;
/** The CCGs the unofficial PCT mapping names are those open in 2016 (it was committed in January 2017). */
const PCT_MAPPING_MONTH = '2016-04';

function main() {
  const eccg = readEccg(readRaw('eccg'));
  const ods = eccg.ccgs.filter((ccg) => ccg.from <= PERIOD_END);
  const lookups: (LookupYear & { from: string })[] = LOOKUPS.map((lookup) => ({
    ...readLsoaLookup(readRaw(lookup.key), lookup.year),
    from: lookup.from,
  }));
  const upperTier = readUpperTier(readRaw('upperTier'));
  const list2013 = JSON.parse(readRaw('ccg2013')) as Record<string, string>;
  const pctNames = JSON.parse(readRaw('pcts')) as Record<string, string>;
  const mapping = JSON.parse(readRaw('pctMapping')) as UnofficialPct[];
  const problems: string[] = [];
  const stps = STP_LOOKUPS.map((lookup) => ({ ...lookup, map: readStpLookup(readRaw(lookup.key), lookup.year) }));
  // Each STP lookup must name exactly the CCGs open in April of its year.
  for (const lookup of stps) {
    const month = `${lookup.year}-04`;
    const open = ods.filter((ccg) => isOpen(ccg, month)).map((ccg) => ccg.code);
    const missing = open.filter((code) => !lookup.map.has(code));
    const extra = [...lookup.map.keys()].filter((code) => !open.includes(code));
    if (missing.length || extra.length) problems.push(`STP lookup ${lookup.year}: not in lookup ${missing}; not open ${extra}`);
  }

  // Each lookup must name exactly the CCGs the ODS file has open in the month it is used from.
  for (const lookup of lookups) {
    const inLookup = new Set([...lookup.rows.values()].map((row) => row.ods));
    const open = new Set(ods.filter((ccg) => isOpen(ccg, lookup.from)).map((ccg) => ccg.code));
    const missing = [...open].filter((code) => !inLookup.has(code));
    const extra = [...inLookup].filter((code) => !open.has(code));
    if (missing.length || extra.length) {
      problems.push(
        `lookup ${lookup.year} vs ODS at ${lookup.from}: open but not in lookup ${missing}; in lookup but not open ${extra}`,
      );
    }
  }
  // The July 2015 lookup is used from April 2015: no CCG may open or close between those months.
  const changed = ods.filter(
    (ccg) => (ccg.from > '2015-04' && ccg.from <= '2015-07') || (ccg.to !== null && ccg.to >= '2015-04' && ccg.to < '2015-07'),
  );
  if (changed.length) problems.push(`CCGs opened or closed between April and July 2015: ${changed.map((c) => c.code)}`);

  const { names, unplaced } = onsNamesByOds(list2013, lookups, ods);
  if (unplaced.length) problems.push(`2013 ONS entries not matched to an ODS code: ${unplaced.join('; ')}`);
  const next = successors(ods, lookups);
  const { authorities, unknownDistricts } = authorityCover(lookups, upperTier);
  if (unknownDistricts.length) problems.push(`districts without an upper-tier authority: ${unknownDistricts.join(', ')}`);

  const ccgs = ods
    .map((ccg) => {
      const successor = next.get(ccg.code);
      const record: Record<string, unknown> = {
        code: ccg.code,
        from: ccg.from,
        to: ccg.to,
        ons: names.get(ccg.code) ?? {},
      };
      if (ccg.to !== null && ccg.to < PERIOD_END) {
        if (!successor) problems.push(`${ccg.code} closed ${ccg.to} with no successor found`);
        else {
          record.successors = successor.to;
          record.successorBasis = successor.basis;
        }
      }
      const stp = Object.fromEntries(
        stps.flatMap((lookup) => {
          const entry = lookup.map.get(ccg.code);
          return entry ? [[lookup.year, entry]] : [];
        }),
      );
      if (Object.keys(stp).length > 0) record.stp = stp;
      if (Object.keys(record.ons as object).length === 0) problems.push(`${ccg.code} has no ONS name`);
      return record;
    })
    .sort((a, b) => String(a.code).localeCompare(String(b.code)));

  const pctMap = pctSuccessors(mapping);
  const pcts = Object.entries(pctNames)
    .filter(([code]) => code.startsWith('E16') || code.startsWith('E17'))
    .map(([code, name]) => {
      const unofficial = pctMap.get(code);
      if (!unofficial) problems.push(`PCT ${code} ${name} is not in the unofficial mapping`);
      // The mapping names the CCGs of 2016 (NHS Newcastle Gateshead CCG, 13T, among them), not those of April 2013.
      for (const [ccg] of unofficial?.ccgs ?? []) {
        if (!ods.some((other) => other.code === ccg && isOpen(other, PCT_MAPPING_MONTH))) {
          problems.push(`PCT ${code}: mapped CCG ${ccg} not open in ${PCT_MAPPING_MONTH}`);
        }
      }
      return {
        code,
        name,
        to: '2013-03',
        ...(unofficial?.ods ? { ods: unofficial.ods } : {}),
        ccgs: unofficial?.ccgs ?? [],
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));

  const repoSource = (key: RawKey) => ({
    repository: RAW_FILES[key].repository,
    path: RAW_FILES[key].path,
    commit: RAW_FILES[key].commit,
  });
  const sources = [
    {
      id: 'ods-eccg',
      publisher: 'NHS Digital, Organisation Data Service',
      title: 'Clinical commissioning groups (eccg.csv): code, name, open and close dates',
      ...repoSource('eccg'),
      licence: OGL,
      note: 'Gives each CCG its ODS code, open and close dates. Its names are those of the copy (2025), not of 2013, so names come from the ONS lists. Commissioning hubs (role RO218) are left out. Licence: NHS Digital’s terms and conditions (https://www.datadictionary.nhs.uk/notices/terms_and_conditions.html) say “Copyright and database rights in the NHS Digital Content are released free-of-charge under the current version of the Open Government Licence (“OGL”), except where specified”.',
    },
    {
      id: 'ons-ccg-names-2013',
      publisher: 'Office for National Statistics',
      title: 'CCG names and codes (2013), as stored by postcodes.io',
      ...repoSource('ccg2013'),
      licence: OGL,
      attribution: ONS_ATTRIBUTION,
      note: 'ONS code → name for the 211 CCGs of 2013; joined to ODS codes by ONS code (through the 2015 lookup) or, for the five codes not used in 2015, by name.',
    },
    ...LOOKUPS.map((lookup) => ({
      id: lookup.id,
      publisher: 'Office for National Statistics',
      title: `Lower Layer Super Output Area (2011) to Clinical Commissioning Group to Local Authority District (${lookup.asAt}) Lookup in England`,
      ...repoSource(lookup.key),
      licence: OGL,
      attribution: ONS_ATTRIBUTION,
      note: `Used for the months from ${lookup.from}. Described in jtrim-ons/ons-lookups datasets.md.`,
    })),
    {
      id: 'ons-ltla-utla-2018',
      publisher: 'Office for National Statistics',
      title: 'Lower Tier Local Authority to Upper Tier Local Authority (December 2018) Lookup in England and Wales v2',
      ...repoSource('upperTier'),
      licence: OGL,
      attribution: ONS_ATTRIBUTION,
      note: 'The 152 English upper-tier authorities and the districts in each.',
    },
    ...STP_LOOKUPS.map((lookup) => ({
      id: lookup.id,
      publisher: 'Office for National Statistics',
      title: lookup.title,
      ...repoSource(lookup.key),
      licence: OGL,
      attribution: ONS_ATTRIBUTION,
      note: `The sustainability and transformation partnership (STP) of each CCG open in April ${lookup.year}.`,
    })),
    {
      id: 'ons-pct-names',
      publisher: 'Office for National Statistics',
      title: 'PCT names and codes UK as at 04_19, as stored by postcodes.io (data/pcts.json)',
      ...repoSource('pcts'),
      licence: OGL,
      attribution: ONS_ATTRIBUTION,
      note: 'The 151 English primary care trusts (146 E16 codes and 5 care trusts, E17).',
    },
    {
      id: 'dsfood-pct-ccg',
      publisher: 'elahmo/dsfood (a University of Southampton student project, 2016)',
      title: 'PCT to CCG mapping by share of postcodes (ccg2ons.js)',
      ...repoSource('pctMapping'),
      licence: 'none stated in the repository',
      unofficial: true,
      note: 'Unofficial and derived: for each PCT, the CCGs its postcodes fell in and the percentage of its postcodes in each. Not an official successor list. Its CCGs are those of 2016 (it names NHS Newcastle Gateshead CCG, formed in 2015), not those of April 2013.',
    },
  ];

  const output = {
    about:
      'Named CCGs (by ODS code), upper-tier local authorities and primary care trusts, derived by scripts/places/build-places.ts from the sources listed. Coverage counts 2011 lower layer super output areas (LSOAs), not people.',
    period: { from: '2013-04', to: PERIOD_END },
    lists: [
      { year: '2013', from: '2013-04', source: 'ons-ccg-names-2013', cover: false },
      ...LOOKUPS.map((lookup) => ({ year: lookup.year, from: lookup.from, source: lookup.id, cover: true })),
    ],
    sources,
    pctEnd: {
      month: '2013-03',
      datasetSource: 'ext-wikimili-list-of-pcts',
      quote: 'all PCTs and SHAs were abolished on 31 March 2013',
    },
    pctMappingMonth: PCT_MAPPING_MONTH,
    mergerNews: MERGER_NEWS,
    ccgs,
    authorities: authorities.map(({ code, name, lsoas, cover }) => ({ code, name, lsoas, cover })),
    pcts,
  };

  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(output)}\n`);
  // Where the map draws each named CCG: laid out from the file just written.
  buildMembers();
  const openAt = (month: string) => ods.filter((ccg) => isOpen(ccg, month)).length;
  console.log(
    `wrote ${path.relative(root, outFile)}: ${ccgs.length} CCGs, ${authorities.length} authorities, ${pcts.length} PCTs`,
  );
  console.log(
    `open CCGs: 2013-04 ${openAt('2013-04')}, 2015-04 ${openAt('2015-04')}, 2017-04 ${openAt('2017-04')}, 2018-04 ${openAt('2018-04')}`,
  );
  console.log(`hubs left out: ${eccg.hubs.length}`);
  for (const ccg of ccgs) {
    if (ccg.successors)
      console.log(
        `merger: ${ccg.code} → ${(ccg.successors as string[]).join(', ')} from the month after ${ccg.to} (${ccg.successorBasis})`,
      );
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}

main();
