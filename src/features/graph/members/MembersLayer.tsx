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
import { type KeyboardEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Rect } from '../../../domain/map-layout/layout-file';
import type { MembersAt } from '../../../domain/member-layout';
import { planMemberTransition, type MemberTransition } from '../../../domain/member-transition';
import { formatMonth, type MonthString } from '../../../domain/months';
import { fitText, textWidth } from '../../../lib/text-width';
import { plural } from '../../../lib/words';
import { nearestInDirection } from '../geometry';
import type { CommissionerColour } from '../scene';
import { STAGES } from '../transition';
import { frameAt, type MembersReady } from './frames';
import { memberGeometry, type MemberGeometry } from './geometry';
import { useMembers } from './load';
import { shareWords } from './share-words';

const DIRECTIONS = {
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
} as const;

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
    else if (event.key in DIRECTIONS) {
      const centre = (id: string) => {
        const at = positionOf(id);
        return at ? { ...at, width: geometry.cell.width, height: geometry.cell.height } : undefined;
      };
      next = nearestInDirection(code, DIRECTIONS[event.key as keyof typeof DIRECTIONS], order, centre);
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
            at={ghostGeometry.centre(member)}
            geometry={ghostGeometry}
            colour={colour}
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
            at={geometry.centre(member)}
            geometry={geometry}
            colour={colour}
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

function MemberMark({
  code,
  text,
  label,
  at,
  geometry,
  colour,
  tabbable = false,
  picked = false,
  ghost = false,
}: {
  code: string;
  text: string;
  label?: string;
  at: { x: number; y: number };
  geometry: MemberGeometry;
  colour: CommissionerColour;
  tabbable?: boolean;
  picked?: boolean;
  ghost?: boolean;
}) {
  const { width, height } = geometry.cell;
  return (
    <g
      className={`app-members__member${picked ? ' is-picked' : ''}${ghost ? ' app-members__ghost' : ''}`}
      transform={`translate(${at.x} ${at.y})`}
      data-member={ghost ? undefined : code}
      data-member-anim={ghost ? `ghost:${code}` : code}
      {...(ghost ? {} : { 'data-node-id': `ccg:${code}`, role: 'listitem', 'aria-label': label, tabIndex: tabbable ? 0 : -1 })}
    >
      {ghost ? null : <title>{label}</title>}
      {geometry.mode === 'dots' ? (
        <>
          <circle className="app-members__ring" r={width * 0.48} />
          <circle r={width * 0.34} fill={colour.strong} stroke="#ffffff" strokeWidth={1} />
        </>
      ) : (
        <>
          <rect className="app-members__ring" x={-width / 2 - 2} y={-height / 2} width={width + 4} height={height} rx={4} />
          <rect
            x={-width / 2}
            y={-height / 2 + 2}
            width={width}
            height={height - 4}
            rx={3}
            fill={colour.tint}
            stroke={colour.strong}
            strokeWidth={1}
          />
          <text className="app-graph__label" x={-width / 2 + 6} dy="0.35em">
            {text}
          </text>
        </>
      )}
    </g>
  );
}

/**
 * The CCGs' names in their rows: in full if all fit, else without the "NHS " every name starts
 * with (the full names are the marks' accessible names), each cut if still too long.
 */
export function rowTexts(names: readonly string[], fontSize: number, maxWidth: number): string[] {
  if (names.every((name) => textWidth(name, fontSize) <= maxWidth)) return [...names];
  return names.map((name) => fitText(name.replace(/^NHS /, ''), fontSize, maxWidth));
}

/** A dot's name, over it (under it near the top), kept inside the map. */
function NameTip({
  text,
  at,
  fontSize,
  offset,
  sceneWidth,
}: {
  text: string;
  at: { x: number; y: number };
  fontSize: number;
  offset: number;
  sceneWidth: number;
}) {
  const width = Math.min(textWidth(text, fontSize) + 12, sceneWidth - 8);
  const height = fontSize * 1.6;
  const x = Math.min(Math.max(at.x - width / 2, 4), sceneWidth - width - 4);
  const y = at.y - offset - height > 0 ? at.y - offset - height : at.y + offset;
  return (
    <g className="app-members__tip" aria-hidden="true" pointerEvents="none">
      <rect x={x} y={y} width={width} height={height} rx={3} />
      <text x={x + 6} y={y + height / 2} dy="0.35em">
        {fitText(text, fontSize, width - 12)}
      </text>
    </g>
  );
}

const translate = (at: { x: number; y: number }) => `translate(${at.x}px, ${at.y}px)`;

function canAnimate(element: Element | null): element is Element & { animate: Element['animate'] } {
  return element !== null && typeof (element as Partial<Element>).animate === 'function';
}

/**
 * Plays the plan with the Web Animations API, in the map's stages: exits fade out; merging CCGs
 * move into their successor's place and fade; moves move; entries fade in. Nothing with reduced
 * motion or without the API (jsdom). A new step cancels what is still running.
 */
function useMemberTransition(
  ref: { current: SVGGElement | null },
  plan: MemberTransition | undefined,
  geometry: MemberGeometry | undefined,
  reducedMotion: boolean,
) {
  const running = useRef<Animation[]>([]);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root || !plan || !geometry || reducedMotion || typeof CSS === 'undefined') return;
    for (const animation of running.current) animation.cancel();
    const started: Animation[] = [];
    running.current = started;
    const byKey = (key: string) => root.querySelector(`[data-member-anim="${CSS.escape(key)}"]`);
    for (const code of plan.exits) {
      const ghost = byKey(`ghost:${code}`);
      if (canAnimate(ghost))
        started.push(ghost.animate([{ opacity: 1 }, { opacity: 0 }], { ...STAGES.exit, easing: 'ease-in', fill: 'forwards' }));
    }
    for (const merge of plan.merges) {
      const ghost = byKey(`ghost:${merge.code}`);
      if (!canAnimate(ghost)) continue;
      const from = geometry.centre(merge.from);
      const to = geometry.centre(merge.to);
      started.push(
        ghost.animate(
          [
            { transform: translate(from), opacity: 1 },
            { transform: translate(to), opacity: 0.6, offset: 0.8 },
            { transform: translate(to), opacity: 0 },
          ],
          { ...STAGES.move, easing: 'ease-in-out', fill: 'both' },
        ),
      );
    }
    for (const move of plan.moves) {
      const element = byKey(move.code);
      if (canAnimate(element))
        started.push(
          element.animate(
            [{ transform: translate(geometry.centre(move.from)) }, { transform: translate(geometry.centre(move.to)) }],
            {
              ...STAGES.move,
              easing: 'ease-in-out',
              fill: 'backwards',
            },
          ),
        );
    }
    for (const code of plan.entries) {
      const element = byKey(code);
      if (canAnimate(element))
        started.push(
          element.animate([{ opacity: 0 }, { opacity: 1 }], { ...STAGES.entry, easing: 'ease-out', fill: 'backwards' }),
        );
    }
  }, [ref, plan, geometry, reducedMotion]);
}
