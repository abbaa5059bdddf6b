/**
 * The marks of the named CCGs: a dot or a labelled row for each CCG, and the name shown over a dot
 * that is pointed at or focused.
 */
import { memo } from 'react';
import { fitText, textWidth } from '../../../lib/text-width';
import type { MemberGeometry } from './geometry';

export interface MemberMarkProps {
  code: string;
  text: string;
  label?: string;
  /** the centre */
  x: number;
  y: number;
  mode: MemberGeometry['mode'];
  /** the cell's size */
  width: number;
  height: number;
  strong: string;
  tint: string;
  tabbable?: boolean;
  picked?: boolean;
  ghost?: boolean;
}

/**
 * One CCG: a dot (England's grid: one element, named by its accessible name and, on pointing or
 * focus, the name shown over it) or a labelled row (a council's few). Memoised with plain props,
 * so that a month step re-renders only the marks that changed.
 */
export const MemberMark = memo(function MemberMark({
  code,
  text,
  label,
  x,
  y,
  mode,
  width,
  height,
  strong,
  tint,
  tabbable = false,
  picked = false,
  ghost = false,
}: MemberMarkProps) {
  const className = `app-members__member${picked ? ' is-picked' : ''}${ghost ? ' app-members__ghost' : ''}`;
  const member = {
    transform: `translate(${x} ${y})`,
    'data-member': ghost ? undefined : code,
    'data-member-anim': ghost ? `ghost:${code}` : code,
    ...(ghost ? {} : { 'data-node-id': `ccg:${code}`, role: 'listitem', 'aria-label': label, tabIndex: tabbable ? 0 : -1 }),
  };
  // A dot is one element, not a group holding a circle: England's 211 are drawn at once, and half
  // the elements is about half the first drawing's style and layout.
  if (mode === 'dots') return <circle className={`${className} app-members__dot`} r={width * 0.36} fill={strong} {...member} />;
  return (
    <g className={className} {...member}>
      {ghost ? null : <title>{label}</title>}
      <rect className="app-members__ring" x={-width / 2 - 2} y={-height / 2} width={width + 4} height={height} rx={4} />
      <rect
        x={-width / 2}
        y={-height / 2 + 2}
        width={width}
        height={height - 4}
        rx={3}
        fill={tint}
        stroke={strong}
        strokeWidth={1}
      />
      <text className="app-graph__label" x={-width / 2 + 6} dy="0.35em">
        {text}
      </text>
    </g>
  );
});

/**
 * The CCGs' names in their rows: in full if all fit, else without the "NHS " every name starts
 * with (the full names are the marks' accessible names), each cut if still too long.
 */
export function rowTexts(names: readonly string[], fontSize: number, maxWidth: number): string[] {
  if (names.every((name) => textWidth(name, fontSize) <= maxWidth)) return [...names];
  return names.map((name) => fitText(name.replace(/^NHS /, ''), fontSize, maxWidth));
}

/** A dot's name, over it (under it near the top), kept inside the map. */
export function NameTip({
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
