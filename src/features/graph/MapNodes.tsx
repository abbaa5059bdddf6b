/**
 * The marks of the map: context bodies, commissioners' header bars, service tiles, cards and links.
 * Each is a small memoised component that draws one thing at its place from the scene; whether it
 * is picked out, new or ending comes in as props, so a month step re-renders only what changed.
 */
import { memo } from 'react';
import { CATEGORY_STYLES, GLYPH_STROKE, LINK_STYLES, PLANNED_COMMISSIONING_DASH, fundingLabel } from './encodings';
import type { SceneCard, SceneLink, SceneNode } from './scene';
import { CONTEXT_GLYPH_SIZE } from './scene';
import { ChangeBadge } from './MapGlyph';
import type { MapChange } from '../../domain/graph';

/**
 * How a mark stands: the node pointed at or focused ('focus'), linked to it ('related'), or not
 * ('dimmed'); with nothing pointed at, the chosen node and what it is linked to ('related') and
 * the rest ('muted'); otherwise 'normal'.
 */
export type Emphasis = 'focus' | 'related' | 'normal' | 'dimmed' | 'muted';

/** The emphasis as tests and outside checks read it (data-emphasis). */
const EMPHASIS_WORDS: Record<Emphasis, string> = {
  focus: 'focus',
  related: 'highlighted',
  normal: 'normal',
  dimmed: 'dimmed',
  muted: 'muted',
};
/** New since the month drawn before (marked), a service moved here from another commissioner, or (in a comparison) ending. */
export type Novelty = 'new' | 'moved' | 'ending' | undefined;

interface NodeMarkProps {
  node: SceneNode;
  emphasis: Emphasis;
  novelty: Novelty;
  tabbable: boolean;
  selected: boolean;
  accessibleName: string;
  /** a ghost: drawn as it was last month, fading out */
  ghost?: boolean;
  animKey: string;
  /** in a comparison of two months: how the node changed (a sign at its corner says so) */
  change?: MapChange | undefined;
  /**
   * whether to draw the ring behind the node, which CSS shows for keyboard focus and for the
   * chosen node: only the focused and the chosen node have one, not every node of the map
   */
  ringed?: boolean;
}

const translate = (x: number, y: number) => `translate(${x} ${y})`;

export const NodeMark = memo(function NodeMark({
  node,
  emphasis,
  novelty,
  tabbable,
  selected,
  accessibleName,
  ghost = false,
  animKey,
  change,
  ringed = false,
}: NodeMarkProps) {
  const { box } = node;
  const classes = [
    'app-graph__node',
    `app-graph__node--${node.type}`,
    `is-${emphasis}`,
    novelty ? `is-${novelty}` : '',
    selected ? 'is-selected' : '',
    ghost ? 'app-graph__ghost' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const interactive = !ghost;
  return (
    <g
      className={classes}
      transform={translate(box.x, box.y)}
      data-node-id={node.id}
      data-node-type={node.type === 'service' ? 'service' : 'organisation'}
      data-anim-key={animKey}
      data-emphasis={EMPHASIS_WORDS[emphasis]}
      data-change={change}
      data-category={node.type === 'service' ? node.node.serviceCategory : node.node.category}
      {...(node.type === 'service' ? { 'data-commissioner': node.card } : {})}
      tabIndex={interactive ? (tabbable ? 0 : -1) : undefined}
      role={interactive ? 'button' : undefined}
      aria-label={interactive ? accessibleName : undefined}
      aria-current={interactive && selected ? 'true' : undefined}
      aria-hidden={interactive ? undefined : 'true'}
    >
      {ringed ? <FocusRing node={node} /> : null}
      {node.type === 'context' ? <ContextGlyph node={node} /> : null}
      {node.type === 'commissioner' ? <HeaderGlyph node={node} /> : null}
      {node.type === 'service' ? <TileGlyph node={node} /> : null}
      {change && change !== 'unchanged' ? (
        <ChangeBadge change={change} x={node.type === 'context' ? 9 : box.width / 2 - 2} y={-box.height / 2 - 1} radius={7} />
      ) : null}
    </g>
  );
});

/** The ring's margin around each kind of node's glyph. */
const RING_MARGIN = { context: 5, commissioner: 4, service: 3 } as const;
const RING_RADIUS = { context: 4, commissioner: 6, service: 5 } as const;

function FocusRing({ node }: { node: SceneNode }) {
  const margin = RING_MARGIN[node.type];
  const width = node.type === 'context' ? CONTEXT_GLYPH_SIZE : node.box.width;
  const height = node.type === 'context' ? CONTEXT_GLYPH_SIZE : node.box.height;
  return (
    <rect
      className="app-graph__focus-ring"
      x={-width / 2 - margin}
      y={-height / 2 - margin}
      width={width + 2 * margin}
      height={height + 2 * margin}
      rx={RING_RADIUS[node.type]}
    />
  );
}

function ContextGlyph({ node }: { node: Extract<SceneNode, { type: 'context' }> }) {
  const half = CONTEXT_GLYPH_SIZE / 2;
  const fill = CATEGORY_STYLES[node.node.category].fill;
  const kind = node.node.kind;
  return (
    <>
      <g className="app-graph__glyph">
        {kind === 'body' ? (
          <circle r={half} fill={fill} stroke={GLYPH_STROKE} strokeWidth={1.5} />
        ) : kind === 'arrangement' ? (
          <polygon points={`0,${-half} ${half},0 0,${half} ${-half},0`} fill={fill} stroke={GLYPH_STROKE} strokeWidth={1.5} />
        ) : (
          <rect
            x={-half}
            y={-half}
            width={CONTEXT_GLYPH_SIZE}
            height={CONTEXT_GLYPH_SIZE}
            rx={2}
            fill={fill}
            stroke={GLYPH_STROKE}
            strokeWidth={1.5}
            strokeDasharray={kind === 'part' ? '3 2' : undefined}
          />
        )}
      </g>
      <text className="app-graph__label" y={half + 14} textAnchor="middle">
        {node.text}
      </text>
    </>
  );
}

function HeaderGlyph({ node }: { node: Extract<SceneNode, { type: 'commissioner' }> }) {
  const { width, height } = node.box;
  return (
    <>
      <rect
        className="app-graph__glyph app-graph__header"
        data-anim-size=""
        x={-width / 2}
        y={-height / 2}
        width={width}
        height={height}
        rx={4}
        fill={node.colour.strong}
      />
      <text className="app-graph__label app-graph__label--header" y={1} dominantBaseline="middle" textAnchor="middle">
        {node.text}
      </text>
    </>
  );
}

function TileGlyph({ node }: { node: Extract<SceneNode, { type: 'service' }> }) {
  const { width, height } = node.box;
  const delegated = node.holding?.role === 'delegated';
  const planned = node.holding !== undefined && node.holding.status !== 'in-force';
  return (
    <>
      <rect
        className="app-graph__glyph app-graph__tile"
        x={-width / 2}
        y={-height / 2}
        width={width}
        height={height}
        rx={3}
        fill={node.colour.tint}
        stroke={node.colour.strong}
        strokeDasharray={delegated || planned ? '4 3' : undefined}
      />
      <rect x={-width / 2} y={-height / 2} width={5} height={height} rx={1.5} fill={node.colour.strong} aria-hidden="true" />
      <text className="app-graph__label app-graph__label--tile" x={-width / 2 + 10} y={1} dominantBaseline="middle">
        {node.text}
      </text>
    </>
  );
}

export const CardMark = memo(function CardMark({
  card,
  ghost = false,
  novelty,
}: {
  card: SceneCard;
  ghost?: boolean;
  novelty?: Novelty;
}) {
  const { body } = card;
  return (
    <g
      className={`app-graph__cluster${ghost ? ' app-graph__ghost' : ''}${novelty ? ` is-${novelty}` : ''}`}
      data-commissioner={card.id}
      data-anim-key={`${ghost ? 'ghost:' : ''}card:${card.id}`}
      transform={translate(body.x, body.y)}
      aria-hidden="true"
    >
      <rect
        data-anim-size=""
        x={-body.width / 2}
        y={-body.height / 2}
        width={body.width}
        height={body.height}
        rx={6}
        fill={card.colour.wash}
        stroke={card.colour.strong}
        strokeOpacity={0.35}
      />
    </g>
  );
});

/** A gentle curve: lines that would run along the row of headers bow upwards, clear of the cards. */
export function linkPath(link: SceneLink): string {
  const { from, to } = link;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const bow = Math.min(60, length * 0.15) * (Math.abs(dy) < 30 ? -1 : Math.sign(dx) || 1);
  const cx = (from.x + to.x) / 2 + (Math.abs(dy) < 30 ? 0 : (-dy / length) * bow);
  const cy = (from.y + to.y) / 2 + (Math.abs(dy) < 30 ? bow : (dx / length) * bow);
  return `M${from.x},${from.y} Q${cx},${cy} ${to.x},${to.y}`;
}

export const LinkMark = memo(function LinkMark({
  link,
  emphasis,
  sentence,
  ghost = false,
}: {
  link: SceneLink;
  emphasis: Emphasis;
  sentence: string;
  ghost?: boolean;
}) {
  const style = LINK_STYLES[link.link.kind];
  const planned = link.link.status !== 'in-force';
  const d = linkPath(link);
  // Amounts show on the link picked out (and always in the text, the panel and the funding view):
  // printed on every funding line at once they cover the labels of the bodies they pass.
  const labels = link.link.kind === 'funds' && emphasis === 'related' ? fundingLabel(link.link.funding) : undefined;
  return (
    <g
      className={`app-graph__link is-${emphasis}${ghost ? ' app-graph__ghost' : ''}`}
      data-link-id={link.id}
      data-link-kind={link.link.kind}
      data-link-source={link.link.source}
      data-link-target={link.link.target}
      data-anim-key={`${ghost ? 'ghost:' : ''}link:${link.id}`}
      aria-hidden={ghost ? 'true' : undefined}
    >
      <title>{sentence}</title>
      <path
        className="app-graph__link-line"
        d={d}
        fill="none"
        stroke={style.stroke}
        strokeWidth={style.width}
        strokeDasharray={planned ? PLANNED_COMMISSIONING_DASH : style.dash}
        strokeLinecap={style.dotted ? 'round' : undefined}
      />
      {labels ? (
        <text
          className="app-graph__link-label"
          x={(link.from.x + link.to.x) / 2}
          y={(link.from.y + link.to.y) / 2}
          textAnchor="middle"
          dominantBaseline="middle"
        >
          {labels.join(' ')}
        </text>
      ) : null}
    </g>
  );
});
