/**
 * npx tsx scripts/places/build-members.ts
 *
 * Writes data/places/members.json, where the map draws each named CCG when its "CCGs" kind is
 * opened into its members (src/domain/member-layout.ts), from data/places/places.json. Run it after
 * the place data changes (scripts/places/build-places.ts runs it too); `npm run check:data` says
 * when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlaces } from '../../src/data/places-load';
import { formatProblem } from '../../src/data/problems';
import { computeMemberLayout } from '../../src/domain/member-layout';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MEMBERS_FILE = path.join(root, 'data', 'places', 'members.json');

/** Computes the member layout from the committed place data and writes it. */
export function buildMembers(): void {
  const placesFile = path.join(root, 'data', 'places', 'places.json');
  const parsed = parsePlaces(JSON.parse(readFileSync(placesFile, 'utf8')));
  if (!parsed.ok) throw new Error(`data/places/places.json is invalid:\n${parsed.problems.map(formatProblem).join('\n')}`);
  const layout = computeMemberLayout(parsed.places);
  writeFileSync(MEMBERS_FILE, `${JSON.stringify(layout)}\n`);
  console.log(
    `wrote ${path.relative(root, MEMBERS_FILE)}: England ${Object.keys(layout.england.cells).length} CCGs in ${layout.england.columns}×${layout.england.rows} cells, ${Object.keys(layout.places).length} councils`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildMembers();
