/**
 * The named CCGs of one scope (England or a council) at every month of the place data: parsed,
 * checked and looked up from the two files (data/places/places.json and the ahead-of-time
 * data/places/members.json). Runs in a worker (members.worker.ts), or in the page where there is
 * none; the page then only picks the month's frame.
 */
import { parsePlaces } from '../../../data/places-load';
import {
  ENGLAND,
  type MemberLayoutFile,
  type MembersAt,
  membersAt,
  memberFingerprint,
  mergedInto,
  monthsOf,
} from '../../../domain/member-layout';
import { indexPlaces } from '../../../domain/places';
import type { MembersState } from './frames';

export type { MembersReady, MembersState } from './frames';

/** Computes every month's frame for the scope from the two files' text. */
export function computeMembers(placesText: string, layoutText: string, scope: string): MembersState {
  let raw: unknown;
  let layout: MemberLayoutFile;
  try {
    raw = JSON.parse(placesText);
    layout = JSON.parse(layoutText) as MemberLayoutFile;
  } catch (error) {
    return { status: 'failed', reason: `The place data is not valid JSON (${(error as Error).message}).` };
  }
  const parsed = parsePlaces(raw);
  if (!parsed.ok) return { status: 'failed', reason: 'The place data did not pass its checks.' };
  if (layout.fingerprint !== memberFingerprint(parsed.places))
    return { status: 'failed', reason: 'The named CCGs’ layout does not match the place data (it is stale).' };
  const index = indexPlaces(parsed.places);
  const placeName = scope === ENGLAND ? 'England' : index.authorities.get(scope)?.name;
  if (!placeName) return { status: 'unknown-place', scope };
  const months = monthsOf(parsed.places.period);
  const frames: MembersAt[] = [];
  const merged: Record<string, string[]>[] = [];
  let previous: MembersAt | undefined;
  for (const month of months) {
    const frame = membersAt(index, layout, scope, month);
    if (!frame) return { status: 'unknown-place', scope };
    frames.push(frame);
    const now = new Set(frame.members.map((member) => member.code));
    const went: Record<string, string[]> = {};
    for (const member of previous?.members ?? [])
      if (!now.has(member.code)) went[member.code] = mergedInto(index, member.code, month);
    merged.push(went);
    previous = frame;
  }
  const councils = parsed.places.authorities
    .map((authority): [string, string] => [authority.code, authority.name])
    .sort((a, b) => a[1].localeCompare(b[1]));
  return { status: 'ready', scope, placeName, councils, period: parsed.places.period, frames, mergedInto: merged };
}
