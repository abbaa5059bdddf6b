/**
 * npm run check:data — validates data/ against the schema and the integrity rules, checks that
 * every quote from the five source documents appears in them, and prints each problem as
 * "file  path  reason". Exits non-zero when there is any problem.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkQuotes } from '../src/data/integrity';
import { DATASET_FILE_KEYS, dataFilePath, parseDatasetTexts } from '../src/data/load';
import type { DataProblem } from '../src/data/problems';
import type { DatasetFileKey } from '../src/data/schema';
import { layoutInputFingerprint, NARROW_LAYOUT_OPTIONS } from '../src/domain/map-layout/fingerprint';
import type { MapLayoutFile } from '../src/domain/map-layout/layout-file';
import { parsePlaces } from '../src/data/places-load';
import { computeMemberLayout } from '../src/domain/member-layout';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'data');
// The five source documents: SOURCES_DIR, or ../shared/sources beside the repository by default.
const sourcesDir = process.env.SOURCES_DIR
  ? path.resolve(root, process.env.SOURCES_DIR)
  : path.resolve(root, '..', 'shared', 'sources');
if (process.env.SOURCES_DIR && !existsSync(sourcesDir)) {
  console.error(`SOURCES_DIR is set to ${sourcesDir}, which does not exist: the quotes cannot be checked.`);
  process.exit(1);
}

const texts: Partial<Record<DatasetFileKey, string>> = {};
for (const key of DATASET_FILE_KEYS) {
  const filePath = path.join(dataDir, path.basename(dataFilePath(key)));
  if (existsSync(filePath)) texts[key] = readFileSync(filePath, 'utf8');
}

const result = parseDatasetTexts(texts);
const problems: DataProblem[] = result.ok ? [] : [...result.problems];
const dataset = result.dataset;

if (dataset) {
  if (existsSync(sourcesDir)) {
    const documents = new Map(
      readdirSync(sourcesDir)
        .filter((name) => name.endsWith('.txt'))
        .map((name) => [name, readFileSync(path.join(sourcesDir, name), 'utf8')] as const),
    );
    for (const source of dataset.sources) {
      if (source.kind === 'document' && !documents.has(source.file))
        problems.push({
          file: 'data/sources.json',
          path: source.id,
          reason: `the document ${source.file} is not in ${sourcesDir}`,
        });
    }
    problems.push(...checkQuotes(dataset, documents));
  } else {
    console.warn(
      `note: ${sourcesDir} not found, so quotes were not checked against the source documents (set SOURCES_DIR to their folder)`,
    );
  }
}

// The map's ahead-of-time layout must have been computed from this data (npm run build:layout).
if (dataset) {
  const layoutPath = path.join(dataDir, 'map-layout.json');
  if (!existsSync(layoutPath))
    problems.push({ file: 'data/map-layout.json', path: '', reason: 'is missing: run "npm run build:layout" to write it' });
  else {
    const layout = JSON.parse(readFileSync(layoutPath, 'utf8')) as Partial<MapLayoutFile>;
    if (layout.fingerprint !== layoutInputFingerprint(dataset))
      problems.push({
        file: 'data/map-layout.json',
        path: 'fingerprint',
        reason:
          'is stale: it was computed from other data (or another version of the layout); run "npm run build:layout" to rebuild it',
      });
    // The narrow layout (phones) rides along in the same file.
    if (layout.narrow?.fingerprint !== layoutInputFingerprint(dataset, NARROW_LAYOUT_OPTIONS))
      problems.push({
        file: 'data/map-layout.json',
        path: 'narrow.fingerprint',
        reason: `${layout.narrow ? 'is stale' : 'is missing'}: the narrow layout (for phones) does not match the data; run "npm run build:layout" to rebuild it`,
      });
  }
}

// The map's named CCGs (data/places/members.json) must have been laid out from the place data.
{
  const placesPath = path.join(dataDir, 'places', 'places.json');
  const membersPath = path.join(dataDir, 'places', 'members.json');
  const parsed = existsSync(placesPath) ? parsePlaces(JSON.parse(readFileSync(placesPath, 'utf8'))) : undefined;
  if (parsed && !parsed.ok) problems.push(...parsed.problems);
  else if (parsed?.ok) {
    const rebuild = 'run "npx tsx scripts/places/build-members.ts" to rebuild it';
    if (!existsSync(membersPath)) problems.push({ file: 'data/places/members.json', path: '', reason: `is missing: ${rebuild}` });
    else if (readFileSync(membersPath, 'utf8') !== `${JSON.stringify(computeMemberLayout(parsed.places))}\n`)
      problems.push({
        file: 'data/places/members.json',
        path: '',
        reason: `is stale: it was not laid out from data/places/places.json by this version of the member layout; ${rebuild}`,
      });
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`${problem.file}  ${problem.path || '(whole file)'}  ${problem.reason}`);
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the dataset.`);
  process.exit(1);
}

if (result.ok) {
  const d = result.dataset;
  console.log(
    `data/ is valid: ${d.organisations.length} organisations, ${d.relationships.length} relationships, ` +
      `${d.services.length} services, ${d.commissioning.length} commissioning records, ${d.funding.length} funding flows, ` +
      `${d.events.length} events, ${d.sources.length} sources, ${d.glossary.length} glossary terms ` +
      `(${d.meta.coverage.from} to ${d.meta.coverage.to}).`,
  );
}
