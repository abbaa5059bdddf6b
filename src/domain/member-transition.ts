/**
 * The staged change of the map's named CCGs from one month to another, in the map's three stages
 * (src/features/graph/transition.ts): what ends fades out, then what stays moves, then what begins
 * fades in. A CCG that merged moves into its successor's cell during the move stage and fades as
 * it goes; the successor then fades in there. Pure: the map plays it.
 */
import type { MembersAt } from './member-layout';

export interface MemberCell {
  column: number;
  row: number;
}

export interface MemberTransition {
  /** CCGs drawn before and not after, that did not merge into one drawn after: faded out */
  exits: string[];
  /** CCGs that merged into one drawn after: moved into its cell while fading */
  merges: { code: string; into: string; from: MemberCell; to: MemberCell }[];
  /** CCGs drawn before and after in another cell */
  moves: { code: string; from: MemberCell; to: MemberCell }[];
  /** CCGs drawn after and not before: faded in */
  entries: string[];
}

const cellOf = (member: MemberCell): MemberCell => ({ column: member.column, row: member.row });

/**
 * What happens to each CCG between two drawings. `successorsOf` says where a CCG's area went at the
 * later month (default: the successors its record names).
 */
export function planMemberTransition(
  before: MembersAt,
  after: MembersAt,
  successorsOf?: (code: string) => readonly string[] | undefined,
): MemberTransition {
  const now = new Map(after.members.map((member) => [member.code, member]));
  const was = new Map(before.members.map((member) => [member.code, member]));
  const plan: MemberTransition = { exits: [], merges: [], moves: [], entries: [] };
  for (const member of before.members) {
    const stays = now.get(member.code);
    if (stays) {
      if (stays.column !== member.column || stays.row !== member.row)
        plan.moves.push({ code: member.code, from: cellOf(member), to: cellOf(stays) });
      continue;
    }
    const into = (successorsOf?.(member.code) ?? member.successors)
      .map((code) => now.get(code))
      .find((next) => next !== undefined);
    if (into) plan.merges.push({ code: member.code, into: into.code, from: cellOf(member), to: cellOf(into) });
    else plan.exits.push(member.code);
  }
  for (const member of after.members) if (!was.has(member.code)) plan.entries.push(member.code);
  return plan;
}

/** Whether the plan changes anything. */
export const isEmptyTransition = (plan: MemberTransition) =>
  plan.exits.length + plan.merges.length + plan.moves.length + plan.entries.length === 0;
