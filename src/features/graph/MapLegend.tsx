/** The map's key: every colour, shape and line style it uses, each with a small picture and words. */
import { memo, useMemo } from 'react';
import type { Category } from '../../data/schema';
import { MAP_CHANGES, type MapChange, type MapLinkKind, type MapUnion, type OrganisationKind } from '../../domain/graph';
import { formatMonth } from '../../domain/months';
import {
  CATEGORY_STYLES,
  LINK_KINDS_IN_ORDER,
  LINK_STYLES,
  PLANNED_COMMISSIONING_DASH,
  SERVICE_FILL,
  SHAPE_LABELS,
} from './encodings';
import { glyphSize, type GlyphShape } from './geometry';
import { ChangeBadge, Glyph } from './MapGlyph';

const SHAPES: readonly (OrganisationKind | 'service')[] = ['body', 'body-type', 'part', 'arrangement', 'service'];
const NEUTRAL_FILL = '#aeb7bd';
/** A part's glyph is outlined in its category's colour; in the key, a neutral dark grey. */
const PART_OUTLINE = '#4c6272';

/** The legend's words for each mark, at two months. */
export function changeLegend(from: string, to: string): Record<MapChange, { label: string; note: string }> {
  const [fromName, toName] = [formatMonth(from), formatMonth(to)];
  return {
    added: { label: 'Added', note: `: on the map in ${toName}, not in ${fromName}; a dark outline in ${toName}` },
    removed: {
      label: 'Removed',
      note: `: on the map in ${fromName}, not in ${toName}; a red dashed outline in ${fromName}`,
    },
    changed: {
      label: 'Changed',
      note: ': a different name or count, or a service with different commissioners (it moves to its new card)',
    },
    unchanged: { label: 'Unchanged', note: ': no sign' },
  };
}

/** What the map can show, over every month: the legend stays the same as time moves. */
export function legendContents(union: MapUnion) {
  const categories = new Set<Category>();
  const shapes = new Set<OrganisationKind | 'service'>();
  const kinds = new Set<MapLinkKind>();
  let planned = false;
  for (const { node } of union.nodes) {
    if (node.type === 'service') shapes.add('service');
    else {
      categories.add(node.category);
      shapes.add(node.kind);
    }
  }
  for (const { link } of union.links) {
    kinds.add(link.kind);
    if (link.status !== 'in-force') planned = true;
  }
  return {
    categories: (Object.keys(CATEGORY_STYLES) as Category[]).filter((category) => categories.has(category)),
    shapes: SHAPES.filter((shape) => shapes.has(shape)),
    kinds: LINK_KINDS_IN_ORDER.filter((kind) => kinds.has(kind)),
    planned,
  };
}

/** Memoised: the map re-renders at every month step, and this need not unless its props change. */
export const MapLegend = memo(function MapLegend({
  union,
  headingId,
  comparison,
}: {
  union: MapUnion;
  headingId: string;
  /** the two months of a comparison map, whose marks the key then explains first */
  comparison?: { from: string; to: string } | undefined;
}) {
  const contents = useMemo(() => legendContents(union), [union]);
  const changes = comparison ? changeLegend(comparison.from, comparison.to) : undefined;
  return (
    <section className="app-graph-legend" aria-labelledby={headingId}>
      <h3 className="nhsuk-heading-xs app-graph-legend__heading" id={headingId}>
        Key to the map
      </h3>
      <ul className="nhsuk-body-s app-graph-legend__bands">
        <li>
          Each service sits in the card of the body that commissions it, in that body’s colour: when the commissioner changes, the
          service moves to its new commissioner’s card.
        </li>
        <li>
          A dashed tile: commissioned under delegation, or an arrangement not in force (proposed, paused or reversed). A line to a
          tile from another body: it shares the service (joint or co-commissioning) or proposed to take it.
        </li>
        <li>
          Above the cards, the bodies that fund, oversee, regulate, advise or provide, each drawn once, in the same place every
          month. New this month: a dark outline.
        </li>
      </ul>
      <div className="app-graph-legend__groups">
        {changes ? (
          <div className="app-graph-legend__group app-graph-legend__group--changes">
            <h4 className="app-graph-legend__group-heading">Sign: what changed</h4>
            <ul className="app-graph-legend__list" aria-label="Changes">
              {MAP_CHANGES.map((change) => (
                <li key={change} className="app-graph-legend__item" data-change={change}>
                  <ChangeSwatch change={change} />
                  <span>
                    {changes[change].label}
                    <span className="app-graph-legend__note">{changes[change].note}</span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="app-graph-legend__group">
          <h4 className="app-graph-legend__group-heading">Colour: what a body does</h4>
          <ul className="app-graph-legend__list" aria-label="Colours">
            {contents.categories.map((category) => (
              <li key={category} className="app-graph-legend__item" data-category={category}>
                <ShapeSwatch shape="body" fill={CATEGORY_STYLES[category].fill} />
                {CATEGORY_STYLES[category].label}
              </li>
            ))}
          </ul>
        </div>
        <div className="app-graph-legend__group">
          <h4 className="app-graph-legend__group-heading">Shape: what kind of thing it is</h4>
          <ul className="app-graph-legend__list" aria-label="Shapes">
            {contents.shapes.map((shape) => (
              <li key={shape} className="app-graph-legend__item">
                <ShapeSwatch
                  shape={shape}
                  fill={shape === 'service' ? SERVICE_FILL : shape === 'part' ? PART_OUTLINE : NEUTRAL_FILL}
                />
                <span>
                  {SHAPE_LABELS[shape].label}
                  <span className="app-graph-legend__note">: {SHAPE_LABELS[shape].description}</span>
                </span>
              </li>
            ))}
            <li className="app-graph-legend__item">
              <RingSwatch className="app-graph-legend__selected" />
              <span>
                Outlined in black: selected
                <span className="app-graph-legend__note">; in blue: the commissioners of the selected service</span>
              </span>
            </li>
          </ul>
        </div>
        <div className="app-graph-legend__group app-graph-legend__group--lines">
          <h4 className="app-graph-legend__group-heading">Line: how they are linked (arrow points from the one who acts)</h4>
          <ul className="app-graph-legend__list" aria-label="Lines">
            {contents.kinds.map((kind) => (
              <li key={kind} className="app-graph-legend__item" data-link-kind={kind}>
                <LineSwatch kind={kind} />
                <span>
                  {LINK_STYLES[kind].label}
                  {kind === 'funds' ? <span className="app-graph-legend__note">, with the amount and financial year</span> : null}
                </span>
              </li>
            ))}
            {contents.planned ? (
              <li className="app-graph-legend__item">
                <LineSwatch kind="commissions" dash={PLANNED_COMMISSIONING_DASH} />
                <span>
                  Commissioning proposed, paused or reversed
                  <span className="app-graph-legend__note">: not in force</span>
                </span>
              </li>
            ) : null}
          </ul>
        </div>
      </div>
    </section>
  );
});

function ShapeSwatch({ shape, fill }: { shape: GlyphShape; fill: string }) {
  const { width, height } = glyphSize(shape);
  return (
    <svg
      className="app-graph-legend__swatch"
      viewBox={`${-width / 2 - 2} ${-height / 2 - 7} ${width + 9} ${height + 9}`}
      aria-hidden="true"
    >
      <Glyph shape={shape} fill={fill} />
    </svg>
  );
}

function RingSwatch({ className }: { className: string }) {
  return (
    <svg className="app-graph-legend__swatch" viewBox="-20 -16 40 32" aria-hidden="true">
      <rect x={-13} y={-9} width={26} height={18} rx={5} fill={NEUTRAL_FILL} stroke="#212b32" strokeWidth={1.5} />
      <rect className={className} x={-18} y={-14} width={36} height={28} rx={6} />
    </svg>
  );
}

function LineSwatch({ kind, dash }: { kind: MapLinkKind; dash?: string }) {
  const style = LINK_STYLES[kind];
  return (
    <svg className="app-graph-legend__swatch app-graph-legend__swatch--line" viewBox="0 0 44 12" aria-hidden="true">
      <line
        x1={2}
        y1={6}
        x2={34}
        y2={6}
        stroke={style.stroke}
        strokeWidth={style.width}
        strokeDasharray={dash ?? style.dash}
        strokeLinecap={style.dotted ? 'round' : 'butt'}
      />
      <path d="M34,2 L42,6 L34,10 z" fill={style.stroke} />
    </svg>
  );
}

/** A body with its change's mark, and a line drawn as that change's links are. */
function ChangeSwatch({ change }: { change: MapChange }) {
  return (
    <svg
      className={`app-graph-legend__swatch app-graph-legend__swatch--change app-graph--comparison`}
      viewBox="-22 -16 64 32"
      aria-hidden="true"
    >
      <g className={`app-graph__node is-change-${change}`}>
        {change !== 'unchanged' ? (
          <rect className="app-graph__change-ring" x={-15} y={-11} width={30} height={22} rx={6} />
        ) : null}
        <g className="app-graph__glyph">
          <rect x={-12} y={-8} width={24} height={16} rx={4} fill={NEUTRAL_FILL} stroke="#212b32" strokeWidth={1.5} />
        </g>
        {change !== 'unchanged' ? <ChangeBadge change={change} x={-13} y={-9} radius={6} /> : null}
      </g>
      <g className={`app-graph__link is-change-${change}`}>
        <line className="app-graph__link-line" x1={20} y1={0} x2={40} y2={0} stroke="#425563" strokeWidth={1.8} />
        {change === 'removed' ? <line className="app-graph__link-break" x1={20} y1={0} x2={40} y2={0} /> : null}
      </g>
    </svg>
  );
}
