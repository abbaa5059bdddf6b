/**
 * The named CCGs of a scope as the page holds them once loaded (compute.ts works them out): a frame
 * per month. Light, with no place-data code, so that the first view can hold the control and text.
 */
import type { MembersAt } from '../../../domain/member-layout';
import type { MonthString } from '../../../domain/months';

export interface MembersReady {
  status: 'ready';
  scope: string;
  /** "England" or the council's name */
  placeName: string;
  /** every council ([code, name]), by name: the scopes one can choose */
  councils: [string, string][];
  period: { from: MonthString; to: MonthString };
  /** one frame per month of the period, in order */
  frames: MembersAt[];
  /** per month (index as frames), where each CCG closed the month before went: code → successor codes */
  mergedInto: Record<string, string[]>[];
}

export type MembersState =
  { status: 'loading' } | MembersReady | { status: 'unknown-place'; scope: string } | { status: 'failed'; reason: string };

/** The frame at a month, or undefined outside the period. */
export function frameAt(ready: MembersReady, month: MonthString): MembersAt | undefined {
  return ready.frames.find((frame) => frame.month === month);
}
