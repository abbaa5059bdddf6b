import { type Ref, useId, useMemo } from 'react';
import type { Dataset } from '../../data/schema';
import { hrefFor } from '../../components/routing';
import { textWidth } from '../../lib/text-width';
import { formatBillions } from '../../lib/words';
import { wrapText } from '../../lib/wrap-text';
import { missingDescription, type NameOf, pairDescription } from './funding-words';
import {
  type FundingSankeyLayout,
  type FundingSankeyLink,
  type FundingSankeyNode,
  LABEL_LINE_HEIGHT,
  LINK_LABEL_SIZE,
  NODE_LABEL_SIZE,
  spreadLabels,
} from './sankey-layout';

/** What is pointed at or focused in the picture: a link (by pair key) or a node (by node id). */
export type FundingTarget = { kind: 'link' | 'node'; id: string } | null;

export interface FundingSankeyProps {
  layout: FundingSankeyLayout;
  financialYear: string;
  /** the month the organisation links open the map at */
  month: string;
  dataset: Pick<Dataset, 'sources'>;
  /** full names, for what is read aloud */
  nameOf: NameOf;
  active: FundingTarget;
  onPoint: (target: FundingTarget) => void;
  onFocusTarget: (target: FundingTarget) => void;
  svgRef?: Ref<SVGSVGElement>;
}

const LINE_HEIGHT = LABEL_LINE_HEIGHT;

/**
 * The flow diagram, drawn by React from the layout's positions. Every band is in the tab order
 * (a focusable image, as it does nothing when pressed: focus or a click shows its details) and its
 * name carries its figures, year, basis and sources; every organisation is a link to its page on
 * the map. The text alternative of the whole picture is the table below it.
 */
export function FundingSankey({
  layout,
  financialYear,
  month,
  dataset,
  nameOf,
  active,
  onPoint,
  onFocusTarget,
  svgRef,
}: FundingSankeyProps) {
  const titleId = useId();
  // The words on the bands are moved apart so that none overlaps another, or a box's name.
  const labels = useMemo(() => {
    const withLines = layout.links.map((link) => ({ link, lines: linkLabelLines(link, financialYear) }));
    const middles = spreadLabels(
      withLines.map(({ link, lines }) => ({
        id: link.id,
        x: link.labelX,
        y: link.labelY,
        width: Math.max(0, ...lines.map((line) => textWidth(line.text, LINK_LABEL_SIZE))),
        lines: lines.length,
      })),
      LINE_HEIGHT,
      layout.nodes.map((node) => {
        const width = Math.max(0, ...node.label.map((line) => textWidth(line, NODE_LABEL_SIZE, true)));
        return {
          id: node.id,
          x: node.labelAnchor === 'start' ? node.labelX + width / 2 : node.labelX - width / 2,
          y: node.labelY,
          width,
          lines: node.label.length,
        };
      }),
    );
    return withLines.map((entry) => ({ ...entry, middle: middles.get(entry.link.id) ?? entry.link.labelY }));
  }, [layout, financialYear]);
  const descId = useId();
  const isActive = (kind: 'link' | 'node', id: string) => active?.kind === kind && active.id === id;
  const activeLink = active?.kind === 'link' ? layout.links.find((link) => link.id === active.id) : undefined;
  const activeNode = active?.kind === 'node' ? active.id : undefined;
  // The ends of the link pointed at stay at full strength; everything else recedes a little.
  const related = (node: FundingSankeyNode) =>
    !active || activeNode === node.id || activeLink?.source === node.id || activeLink?.target === node.id;
  const linkRelated = (link: FundingSankeyLink) =>
    !active || activeLink?.id === link.id || activeNode === link.source || activeNode === link.target;

  return (
    <svg
      ref={svgRef}
      className="app-funding__svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-labelledby={titleId}
      aria-describedby={descId}
      onMouseLeave={() => onPoint(null)}
    >
      <title id={titleId}>{`Funding flows in the financial year ${financialYear}, in £ billions`}</title>
      <desc id={descId}>
        Each band is a figure a source gives, as wide as its amount. Dashed bands are shares, not drawn to scale; dotted lines are
        flows with no figure this year. The table lists every figure with its basis and source.
      </desc>
      <g className="app-funding__links">
        {layout.links.map((link) => {
          const label =
            link.kind === 'missing' && link.missing
              ? missingDescription(link.missing, financialYear, nameOf)
              : link.pair
                ? pairDescription(link.pair, financialYear, nameOf, dataset)
                : link.id;
          const focusWidth = Math.max(link.strokeWidth, 2) + 8;
          return (
            <g
              key={link.id}
              className={`app-funding__link app-funding__link--${link.kind}${isActive('link', link.id) ? ' app-funding__link--active' : ''}${linkRelated(link) ? '' : ' app-funding__link--receded'}`}
              role="img"
              tabIndex={0}
              aria-label={label}
              data-link-id={link.id}
              data-kind={link.kind}
              onMouseEnter={() => onPoint({ kind: 'link', id: link.id })}
              onFocus={() => onFocusTarget({ kind: 'link', id: link.id })}
              onBlur={() => onFocusTarget(null)}
              onClick={(event) => (event.currentTarget as SVGGElement).focus()}
            >
              <path
                className="app-funding__focus-ring-outer"
                d={link.path}
                fill="none"
                stroke="#212b32"
                strokeWidth={focusWidth + 4}
                display="none"
              />
              <path
                className="app-funding__focus-ring-inner"
                d={link.path}
                fill="none"
                stroke="#ffeb3b"
                strokeWidth={focusWidth}
                display="none"
              />
              <path
                className="app-funding__link-band"
                d={link.path}
                fill="none"
                stroke={link.colour}
                strokeWidth={link.strokeWidth}
                strokeOpacity={link.kind === 'amount' ? 0.45 : 1}
                strokeDasharray={link.kind === 'share' ? '8 5' : link.kind === 'missing' ? '2 4' : undefined}
                strokeLinecap={link.kind === 'missing' ? 'round' : undefined}
              />
              {/* a wider invisible band so that thin links can be pointed at */}
              <path
                className="app-funding__link-hit"
                d={link.path}
                fill="none"
                stroke="transparent"
                strokeWidth={Math.max(link.strokeWidth, 14)}
              />
            </g>
          );
        })}
      </g>
      <g className="app-funding__nodes">
        {layout.nodes.map((node) => (
          <NodeMark
            key={node.id}
            node={node}
            month={month}
            financialYear={financialYear}
            nameOf={nameOf}
            active={isActive('node', node.id)}
            receded={!related(node)}
            onPoint={onPoint}
            onFocusTarget={onFocusTarget}
          />
        ))}
      </g>
      {/* Labels last, above every band, and hidden from assistive technology: each link and node already has a name. */}
      <g className="app-funding__labels" aria-hidden="true">
        {labels.map(({ link, lines, middle }) => (
          <LinkLabel key={link.id} link={link} lines={lines} middle={middle} />
        ))}
        {layout.nodes.map((node) => (
          <text
            key={node.id}
            className={`app-funding__node-label${node.kind === 'own-money' ? ' app-funding__node-label--own' : ''}`}
            x={node.labelX}
            y={node.labelY - ((node.label.length - 1) * LINE_HEIGHT) / 2}
            textAnchor={node.labelAnchor}
            dominantBaseline="middle"
          >
            {node.label.map((line, index) => (
              <tspan key={index} x={node.labelX} dy={index === 0 ? 0 : LINE_HEIGHT}>
                {line}
              </tspan>
            ))}
          </text>
        ))}
      </g>
    </svg>
  );
}

function NodeMark({
  node,
  month,
  financialYear,
  nameOf,
  active,
  receded,
  onPoint,
  onFocusTarget,
}: {
  node: FundingSankeyNode;
  month: string;
  financialYear: string;
  nameOf: NameOf;
  active: boolean;
  receded: boolean;
  onPoint: (target: FundingTarget) => void;
  onFocusTarget: (target: FundingTarget) => void;
}) {
  const height = node.y1 - node.y0;
  const width = node.x1 - node.x0;
  const className = `app-funding__node app-funding__node--${node.kind}${active ? ' app-funding__node--active' : ''}${receded ? ' app-funding__node--receded' : ''}`;
  // The box is drawn apart from the link over it: an exported picture keeps the box and leaves
  // out the link (and its focus ring), which mean nothing in a file.
  const box = (
    <g className={className} data-node-id={node.id}>
      <rect
        className="app-funding__node-rect"
        x={node.x0}
        y={node.y0}
        width={width}
        height={height}
        fill={node.kind === 'own-money' ? '#fff' : node.colour}
        stroke={node.colour}
        strokeWidth={2}
        onMouseEnter={() =>
          // A body's own money is not an organisation: its figure is the band into it.
          onPoint(
            node.kind === 'own-money'
              ? { kind: 'link', id: `${node.organisation}→${node.organisation}` }
              : { kind: 'node', id: node.id },
          )
        }
      />
    </g>
  );
  if (node.kind === 'own-money') return box;
  return (
    <>
      {box}
      <a
        className="app-funding__node-link"
        href={hrefFor({ kind: 'organisation', id: node.organisation }, month)}
        aria-label={`${nameOf(node.organisation)}${node.valueBn > 0 ? '' : `: no amount drawn for ${financialYear}`}. Open its page on the map.`}
        data-node-link={node.id}
        onMouseEnter={() => onPoint({ kind: 'node', id: node.id })}
        onFocus={() => onFocusTarget({ kind: 'node', id: node.id })}
        onBlur={() => onFocusTarget(null)}
      >
        <rect
          className="app-funding__focus-ring-outer"
          x={node.x0 - 5}
          y={node.y0 - 5}
          width={width + 10}
          height={height + 10}
          fill="none"
          stroke="#212b32"
          strokeWidth={2}
          display="none"
        />
        <rect
          className="app-funding__focus-ring-inner"
          x={node.x0 - 3}
          y={node.y0 - 3}
          width={width + 6}
          height={height + 6}
          fill="none"
          stroke="#ffeb3b"
          strokeWidth={4}
          display="none"
        />
        <rect className="app-funding__node-hit" x={node.x0} y={node.y0} width={width} height={height} fill="transparent" />
      </a>
    </>
  );
}

interface LabelLine {
  text: string;
  className: string;
}

/** The words written on a link: its amount (or "share, not to scale", or "no figure"), what else is given, and a mark where sources differ. */
export function linkLabelLines(link: FundingSankeyLink, financialYear: string): LabelLine[] {
  const lines: LabelLine[] = [];
  if (link.kind === 'missing') lines.push({ text: `No figure for ${financialYear}`, className: 'app-funding__label-note' });
  else if (link.kind === 'share') {
    lines.push({ text: 'Share, not to scale', className: 'app-funding__label-strong' });
    for (const line of wrapText(link.pair?.shareOnly ?? '', 26)) lines.push({ text: line, className: 'app-funding__label-note' });
  } else if (link.amountBn !== undefined) {
    lines.push({ text: formatBillions(link.amountBn), className: 'app-funding__label-strong' });
    for (const other of link.pair?.flows.slice(1) ?? [])
      lines.push({
        text:
          other.amountBn === undefined
            ? 'also given as a share'
            : `also ${formatBillions(other.amountBn)} ${other.basis}, not added`,
        className: 'app-funding__label-note',
      });
  }
  if (link.pair?.flows.some((flow) => flow.contested))
    lines.push({ text: '⚑ Sources differ', className: 'app-funding__label-contested' });
  return lines;
}

function LinkLabel({ link, lines, middle }: { link: FundingSankeyLink; lines: readonly LabelLine[]; middle: number }) {
  const top = middle - ((lines.length - 1) * LINE_HEIGHT) / 2;
  return (
    <text
      className="app-funding__link-label"
      x={link.labelX}
      y={top}
      textAnchor="middle"
      dominantBaseline="middle"
      data-label-for={link.id}
    >
      {lines.map((line, index) => (
        <tspan key={index} x={link.labelX} dy={index === 0 ? 0 : LINE_HEIGHT} className={line.className}>
          {line.text}
        </tspan>
      ))}
    </text>
  );
}
