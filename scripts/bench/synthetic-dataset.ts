/**
 * Synthetic datasets with the real schema, for measuring the explorer at scale: the real data/
 * multiplied k times. For factor k, every organisation gets k - 1 copies (ids suffixed
 * "-copy-2" …, names "… (copy 2)"), every service likewise, and every relationship, commissioning
 * record and funding flow is copied between the copies of the bodies and services it names, so
 * copy c is a faithful clone of the real system. Events keep their dates and also start and end
 * the copies of the records they start and end; sources, glossary and meta are unchanged.
 *
 * The result must pass the project's own validator (parseDataset, the schema and the integrity
 * rules): multiplyDataset throws, listing the problems, if it does not.
 *
 * As a command: tsx scripts/bench/synthetic-dataset.ts FACTOR [OUT_DIR] writes the files to OUT_DIR
 * (default bench-results/synthetic-FACTORx/).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKED_FILE_PATH } from '../../src/data/checked-files';
import { shippedDataset } from '../build/checked-manifest';
import { DATASET_FILE_KEYS, dataFilePath, parseDataset } from '../../src/data/load';
import { type Dataset, DATASET_FILES, type DatasetFileKey, type DatasetInput } from '../../src/data/schema';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** One JSON text per data file, as the app fetches them. */
export type DatasetTexts = Record<DatasetFileKey, string>;

export interface SyntheticDataset {
  factor: number;
  input: DatasetInput;
  /** as the project's validator returns it (defaults filled in): what the ahead-of-time layout is computed from */
  dataset: Dataset;
  texts: DatasetTexts;
  counts: { organisations: number; relationships: number; services: number; commissioning: number; funding: number };
}

/** Reads data/*.json as written (before the schema fills in defaults). */
export function readRealDataset(root: string = ROOT): DatasetInput {
  const raw: Partial<Record<DatasetFileKey, unknown>> = {};
  for (const key of DATASET_FILE_KEYS) raw[key] = JSON.parse(readFileSync(path.join(root, dataFilePath(key)), 'utf8')) as unknown;
  return raw as DatasetInput;
}

/** The id of copy `copy` (2, 3, …) of a record; copy 1 is the original. */
export const copyId = (id: string, copy: number): string => (copy === 1 ? id : `${id}-copy-${copy}`);
const copyName = (name: string, copy: number): string => (copy === 1 ? name : `${name} (copy ${copy})`);

type Organisation = DatasetInput['organisations'][number];
type Relationship = DatasetInput['relationships'][number];
type Service = DatasetInput['services'][number];
type Commissioning = DatasetInput['commissioning'][number];
type FundingFlow = DatasetInput['funding'][number];
type DatasetEvent = DatasetInput['events'][number];

// Each copier returns a fresh object (structuredClone first), so the real dataset is never changed.

function copyOrganisation(org: Organisation, copy: number): Organisation {
  const clone = structuredClone(org);
  return {
    ...clone,
    id: copyId(org.id, copy),
    name: copyName(org.name, copy),
    shortName: copyName(org.shortName, copy),
    names: clone.names?.map((entry) => ({
      ...entry,
      name: copyName(entry.name, copy),
      ...(entry.shortName === undefined ? {} : { shortName: copyName(entry.shortName, copy) }),
    })),
    ...(clone.predecessors === undefined ? {} : { predecessors: clone.predecessors.map((id) => copyId(id, copy)) }),
    ...(clone.successors === undefined ? {} : { successors: clone.successors.map((id) => copyId(id, copy)) }),
  };
}

function copyRelationship(record: Relationship, copy: number): Relationship {
  return {
    ...structuredClone(record),
    id: copyId(record.id, copy),
    subject: copyId(record.subject, copy),
    object: copyId(record.object, copy),
  };
}

function copyService(service: Service, copy: number): Service {
  return { ...structuredClone(service), id: copyId(service.id, copy), name: copyName(service.name, copy) };
}

function copyCommissioning(record: Commissioning, copy: number): Commissioning {
  return {
    ...structuredClone(record),
    id: copyId(record.id, copy),
    service: copyId(record.service, copy),
    commissioner: copyId(record.commissioner, copy),
  };
}

function copyFunding(flow: FundingFlow, copy: number): FundingFlow {
  return {
    ...structuredClone(flow),
    id: copyId(flow.id, copy),
    payer: copyId(flow.payer, copy),
    recipient: copyId(flow.recipient, copy),
  };
}

/** An event starts and ends every copy of the records it starts and ends (they share its month). */
function multiplyEvent(event: DatasetEvent, copies: readonly number[]): DatasetEvent {
  const every = (ids: readonly string[] | undefined) => ids?.flatMap((id) => copies.map((copy) => copyId(id, copy)));
  const clone = structuredClone(event);
  return {
    ...clone,
    ...(clone.starts === undefined ? {} : { starts: every(clone.starts) }),
    ...(clone.ends === undefined ? {} : { ends: every(clone.ends) }),
  };
}

function stripUndefined<T>(value: T): T {
  // JSON has no undefined: a round trip drops the optional fields the copiers left empty.
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The real dataset multiplied `factor` times (factor 1 gives it back unchanged). Throws, listing
 * the validator's problems, if the result is not a valid dataset.
 */
export function multiplyDataset(real: DatasetInput, factor: number): SyntheticDataset {
  if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`the factor must be a whole number ≥ 1, not ${factor}`);
  const copies = Array.from({ length: factor }, (_, index) => index + 1);
  const input: DatasetInput = stripUndefined({
    meta: real.meta,
    sources: real.sources,
    glossary: real.glossary,
    organisations: copies.flatMap((copy) => real.organisations.map((org) => copyOrganisation(org, copy))),
    relationships: copies.flatMap((copy) => real.relationships.map((record) => copyRelationship(record, copy))),
    services: copies.flatMap((copy) => real.services.map((service) => copyService(service, copy))),
    commissioning: copies.flatMap((copy) => real.commissioning.map((record) => copyCommissioning(record, copy))),
    funding: copies.flatMap((copy) => real.funding.map((flow) => copyFunding(flow, copy))),
    events: real.events.map((event) => multiplyEvent(event, copies)),
    // The tour points at the real ids, which copy 1 keeps.
    tour: real.tour,
  });

  const result = parseDataset(input);
  if (!result.ok) {
    const shown = result.problems.slice(0, 20).map((problem) => `  ${problem.file} ${problem.path}: ${problem.reason}`);
    const more = result.problems.length > shown.length ? [`  … and ${result.problems.length - shown.length} more`] : [];
    throw new Error(
      [`the synthetic dataset at ${factor}× does not pass the project's validator (parseDataset):`, ...shown, ...more].join('\n'),
    );
  }

  const texts = Object.fromEntries(
    DATASET_FILE_KEYS.map((key) => [key, `${JSON.stringify(input[key], null, 2)}\n`]),
  ) as DatasetTexts;
  return {
    factor,
    input,
    dataset: result.dataset,
    texts,
    counts: {
      organisations: input.organisations.length,
      relationships: input.relationships.length,
      services: input.services.length,
      commissioning: input.commissioning.length,
      funding: input.funding.length,
    },
  };
}

/**
 * A copy of the built site (siteDir) whose data/ holds the synthetic dataset's files and its
 * ahead-of-time layout, to serve as the real data is served (a static host, gzipped), rather than
 * through request interception, which at a hundred times the data (42 MB of JSON) took seconds
 * itself. Returns the copy's directory and how to remove it.
 */
export function syntheticSite(siteDir: string, texts: DatasetTexts, layoutText: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'explorer-bench-synthetic-'));
  cpSync(siteDir, dir, { recursive: true });
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  // The files and the build's word that it checked them, as a build of this dataset would ship them (src/data/checked-files.ts).
  const shipped = shippedDataset(texts);
  for (const key of DATASET_FILE_KEYS)
    writeFileSync(path.join(dir, 'data', DATASET_FILES[key]), shipped.texts[key] ?? texts[key]);
  writeFileSync(path.join(dir, 'data', 'map-layout.json'), layoutText);
  if (shipped.manifest) writeFileSync(path.join(dir, CHECKED_FILE_PATH), JSON.stringify(shipped.manifest));
  else rmSync(path.join(dir, CHECKED_FILE_PATH), { force: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Asks the server for each data file once, gzipped, so that it has compressed them before the page asks (as a host would have). */
export async function warmSyntheticSite(origin: string): Promise<void> {
  for (const file of [...Object.values(DATASET_FILES), 'map-layout.json'])
    await (await fetch(`${origin}/data/${file}`, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const factor = Number(process.argv[2] ?? '10');
  const outDir = path.resolve(process.argv[3] ?? path.join(ROOT, 'bench-results', `synthetic-${factor}x`));
  const synthetic = multiplyDataset(readRealDataset(), factor);
  mkdirSync(outDir, { recursive: true });
  for (const key of DATASET_FILE_KEYS) writeFileSync(path.join(outDir, DATASET_FILES[key]), synthetic.texts[key]);
  console.log(
    `${factor}×: ${JSON.stringify(synthetic.counts)}; valid; written to ${path.relative(process.cwd(), outDir) || '.'}`,
  );
}
