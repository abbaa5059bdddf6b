/**
 * The map's "CCGs" opened into its named members, drawn in the CCG card's body: for all of England
 * a grid of small dots (the name on pointing or focus), for a council a labelled row for each CCG.
 * Positions come from the ahead-of-time layout; a month step plays the map's stages: what ends
 * fades, then merging CCGs move into their successor's place and fade, then what begins fades in
 * (drawn at once with reduced motion). Loaded on demand, with the place data.
 *
 * Keyboard: the members are one tab stop (a roving tab index); the arrow keys move to the nearest
 * member in that direction, Home and End to the first and last.
 */
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import type { Rect } from '../../../domain/map-layout/layout-file';
import type { MembersAt } from '../../../domain/member-layout';
import { planMemberTransition } from '../../../domain/member-transition';
import { formatMonth, type MonthString } from '../../../domain/months';
import { fitText } from '../../../lib/text-width';
import { plural } from '../../../lib/words';
import { ARROW_DIRECTIONS, nearestInDirection } from '../geometry';
import type { CommissionerColour } from '../scene';
import { frameAt, type MembersReady } from './frames';
import { memberGeometry } from './geometry';
import { MemberMark, NameTip, rowTexts } from './MemberMarks';
import { useMemberTransition } from './useMemberTransition';
import { useMembers } from './load';
import { shareWords } from './share-words';

export interface MembersLayerProps {
  scope: string;
  month: MonthString;
  /** the CCG card's body */
  body: Rect;
  fontSize: number;
  colour: CommissionerColour;
  /** the map's width (a name shown on pointing stays inside it) */
  sceneWidth: number;
  reducedMotion: boolean;
  /** the services the card holds this month, not drawn while the members are */
  hiddenServices: number;
}

/** Loads the scope's members (once) and draws them; nothing while loading (the toggle says so). */
export default function MembersLayer(props: MembersLayerProps) {
  const state = useMembers(props.scope);
  if (state?.status !== 'ready') return null;
  return <MembersDrawing {...props} ready={state} />;
}

const memberLabel = (member: MembersAt['members'][number], placeName: string) => {
  const share = shareWords(member.share, placeName);
  return share ? `${member.name} (${share})` : member.name;
};

type Frame = MembersAt | undefined;

export function MembersDrawing({
  ready,
  month,
  body,
  fontSize,
  colour,
  sceneWidth,
  reducedMotion,
  hiddenServices,
}: MembersLayerProps & { ready: MembersReady }) {
  const frame = frameAt(ready, month);
  // The frame drawn before this one: what merges moves from there.
  const [history, setHistory] = useState<{ current: Frame; previous: Frame }>({ current: frame, previous: frame });
  if (history.current !== frame)
    setHistory({ current: frame, previous: history.current?.scope === frame?.scope ? history.current : frame });
  const { current, previous } = history;
  const plan = useMemo(() => {
    if (!current || !previous || current === previous) return undefined;
    const at = ready.frames.indexOf(current);
    const went = ready.mergedInto[at] ?? {};
    return planMemberTransition(previous, current, (code) => went[code]);
  }, [current, previous, ready]);

  const geometry = useMemo(() => (current ? memberGeometry(current.grid, body, fontSize) : undefined), [current, body, fontSize]);
  const groupRef = useRef<SVGGElement | null>(null);
  useMemberTransition(groupRef, plan, geometry, reducedMotion);

  const [pointed, setPointed] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  if (!current || !geometry) return null;

  const byCode = new Map(current.members.map((member) => [member.code, member]));
  const order = current.members.map((member) => member.code);
  const tabbable = active && byCode.has(active) ? active : (order[0] ?? null);
  const positionOf = (code: string) => {
    const member = byCode.get(code);
    return member ? geometry.centre(member) : undefined;
  };
  const ghosts = plan && !reducedMotion && previous ? previous.members.filter((member) => !byCode.has(member.code)) : [];
  const ghostGeometry = previous && previous !== current ? memberGeometry(previous.grid, body, fontSize) : geometry;

  const where = ready.placeName;
  const title = `Named CCGs · ${current.members.length}`;
  const label = `Named clinical commissioning groups in ${where}, ${formatMonth(month)}: ${plural(current.members.length, 'CCG')}`;

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const code = (event.target as Element).closest('[data-member]')?.getAttribute('data-member');
    if (!code) return;
    let next: string | undefined;
    if (event.key === 'Home') next = order[0];
    else if (event.key === 'End') next = order[order.length - 1];
    else if (event.key in ARROW_DIRECTIONS) {
      const centre = (id: string) => {
        const at = positionOf(id);
        return at ? { ...at, width: geometry.cell.width, height: geometry.cell.height } : undefined;
      };
      next = nearestInDirection(code, ARROW_DIRECTIONS[event.key as keyof typeof ARROW_DIRECTIONS], order, centre);
    } else return;
    event.preventDefault();
    if (next) groupRef.current?.querySelector<SVGGElement>(`[data-member="${CSS.escape(next)}"]:not([aria-hidden])`)?.focus();
  };

  const texts =
    geometry.mode === 'rows'
      ? rowTexts(
          current.members.map((member) => member.name),
          fontSize,
          geometry.cell.width - 10,
        )
      : current.members.map((member) => member.name);
  const ghostTexts =
    geometry.mode === 'rows'
      ? rowTexts(
          ghosts.map((member) => member.name),
          fontSize,
          geometry.cell.width - 10,
        )
      : ghosts.map((member) => member.name);
  const shown = pointed && byCode.has(pointed) ? pointed : focused && byCode.has(focused) ? focused : null;
  const shownMember = shown ? byCode.get(shown) : undefined;
  return (
    <g className={`app-members app-members--${geometry.mode}`} ref={groupRef} data-members-scope={current.scope}>
      <rect
        className="app-members__backdrop"
        x={body.x - body.width / 2}
        y={body.y - body.height / 2}
        width={body.width}
        height={body.height}
        rx={4}
        fill={colour.wash}
      />
      <text className="app-members__title" x={geometry.title.x} y={geometry.title.y}>
        {fitText(title, fontSize, geometry.title.width, true)}
      </text>
      <text className="app-members__title" x={geometry.title.x} y={geometry.title.y + geometry.title.line}>
        {fitText(`in ${where}`, fontSize, geometry.title.width, true)}
      </text>
      <g aria-hidden="true">
        {ghosts.map((member, at) => (
          <MemberMark
            key={`ghost:${member.code}`}
            code={member.code}
            text={ghostTexts[at] ?? member.name}
            {...ghostGeometry.centre(member)}
            mode={ghostGeometry.mode}
            width={ghostGeometry.cell.width}
            height={ghostGeometry.cell.height}
            strong={colour.strong}
            tint={colour.tint}
            ghost
          />
        ))}
      </g>
      <g
        role="list"
        aria-label={label}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const code = (event.target as Element).closest('[data-member]')?.getAttribute('data-member') ?? null;
          setFocused(code);
          if (code) setActive(code);
        }}
        onBlur={() => setFocused(null)}
        onMouseMove={(event) =>
          setPointed((event.target as Element).closest('[data-member]')?.getAttribute('data-member') ?? null)
        }
        onMouseLeave={() => setPointed(null)}
      >
        {current.members.map((member, at) => (
          <MemberMark
            key={member.code}
            code={member.code}
            text={texts[at] ?? member.name}
            label={memberLabel(member, where)}
            {...geometry.centre(member)}
            mode={geometry.mode}
            width={geometry.cell.width}
            height={geometry.cell.height}
            strong={colour.strong}
            tint={colour.tint}
            tabbable={member.code === tabbable}
            picked={member.code === shown}
          />
        ))}
      </g>
      {hiddenServices > 0 ? (
        <text className="app-members__note" x={geometry.title.x} y={geometry.bottom + fontSize * 1.3}>
          {fitText(`${plural(hiddenServices, 'service')} hidden here`, fontSize, geometry.title.width)}
        </text>
      ) : null}
      {shownMember && geometry.mode === 'dots' ? (
        <NameTip
          text={memberLabel(shownMember, where)}
          at={geometry.centre(shownMember)}
          fontSize={fontSize}
          offset={geometry.cell.height}
          sceneWidth={sceneWidth}
        />
      ) : null}
    </g>
  );
}
