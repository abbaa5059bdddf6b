/**
 * The place's bodies at the month as a small diagram (positions from place-diagram.ts, computed,
 * not simulated). When the month changes it moves in stages, as the map does: what ends is marked,
 * a merged CCG then moves into its successor's box, and what ends fades as what begins fades in.
 * With reduced motion the new month is drawn at once. The lists beside it say the same in words.
 */
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { formatMonth, type MonthString } from '../../domain/months';
import type { PlacesIndex } from '../../domain/places';
import { DIAGRAM_WIDTH, diagramTransition, NARROW_DIAGRAM_WIDTH } from './place-diagram';

/** How long the three stages take together (places.css times them). */
export const DIAGRAM_TRANSITION_MS = 1200;

export function PlaceDiagram({ index, code, month }: { index: PlacesIndex; code: string; month: MonthString }) {
  // The month drawn before this one, until its transition is over.
  const [from, setFrom] = useState(month);
  useEffect(() => {
    if (from === month) return;
    const timer = window.setTimeout(() => setFrom(month), DIAGRAM_TRANSITION_MS);
    return () => window.clearTimeout(timer);
  }, [from, month]);
  const narrow = useNarrow();
  const width = narrow ? NARROW_DIAGRAM_WIDTH : DIAGRAM_WIDTH;
  const transition = useMemo(() => diagramTransition(index, code, from, month, width), [index, code, from, month, width]);
  const titleId = useId();
  if (!transition) return null;
  const { diagram, nodes } = transition;
  const shown = nodes.filter((node) => node.state !== 'ends' && node.kind !== 'council');
  const council = nodes.find((node) => node.kind === 'council');
  const pcts = shown.some((node) => node.kind === 'pct');
  const kindWords =
    shown.length === 1
      ? pcts
        ? 'primary care trust (derived, unofficial)'
        : 'clinical commissioning group'
      : `${shown.length} ${pcts ? 'primary care trusts (derived, unofficial)' : 'clinical commissioning groups'}`;
  const councilName = council?.label ?? 'The council';
  const summary =
    shown.length === 0
      ? `${councilName} in ${formatMonth(month)}.`
      : `${councilName} and its ${kindWords} in ${formatMonth(month)}: ${shown.map((node) => node.label).join(', ')}.`;
  return (
    <figure className="app-place-diagram">
      <svg
        className="app-place-diagram__svg"
        viewBox={`-2 -2 ${diagram.width + 4} ${diagram.height + 4}`}
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{summary}</title>
        {council
          ? nodes
              .filter((node) => node.kind !== 'council')
              .map((node) => (
                <line
                  key={`link-${node.id}`}
                  className={`app-place-diagram__link app-place-diagram__link--${node.state}`}
                  x1={council.x + council.width / 2}
                  y1={council.y + council.height}
                  x2={(node.state === 'ends' ? node.toX : node.x) + node.width / 2}
                  y2={node.state === 'ends' ? node.toY : node.y}
                />
              ))
          : null}
        {nodes.map((node) => (
          <g
            key={node.id}
            className={`app-place-diagram__node app-place-diagram__node--${node.kind} app-place-diagram__node--${node.state}${node.unofficial ? ' app-place-diagram__node--unofficial' : ''}`}
            style={{
              transform: `translate(${node.state === 'ends' ? node.toX : node.x}px, ${node.state === 'ends' ? node.toY : node.y}px)`,
            }}
          >
            <rect width={node.width} height={node.height} rx={4} />
            <text x={node.width / 2} y={node.height / 2 - ((node.lines.length - 1) * 15) / 2} dominantBaseline="middle">
              {node.lines.map((line, at) => (
                <tspan key={line} x={node.width / 2} dy={at === 0 ? 0 : 15}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="nhsuk-body-s app-place-diagram__caption">
        {pcts
          ? 'Before April 2013: the primary care trust(s), linked to the council by an unofficial mapping (dashed).'
          : 'The council and the CCGs covering it. Step through the months: a merged CCG moves into its successor.'}
      </figcaption>
    </figure>
  );
}

const NARROW_QUERY = '(max-width: 40em)';

/** Whether the screen is a phone's width (false where the browser cannot tell, as in tests). */
function useNarrow(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== 'function') return () => {};
      const list = window.matchMedia(NARROW_QUERY);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches,
    () => false,
  );
}
