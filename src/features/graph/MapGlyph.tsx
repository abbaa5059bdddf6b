import type { MapChange } from '../../domain/graph';
import { CHANGE_BADGES, GLYPH_STROKE } from './encodings';
import { glyphSize, type GlyphShape } from './geometry';

/** The glyph of a node: its shape says what kind of thing it is, its fill which category. */
export function Glyph({ shape, fill }: { shape: GlyphShape; fill: string }) {
  const { width, height } = glyphSize(shape);
  const [halfWidth, halfHeight] = [width / 2, height / 2];
  switch (shape) {
    case 'service':
      return <circle r={halfWidth} fill={fill} stroke={GLYPH_STROKE} strokeWidth={1.5} />;
    case 'arrangement': {
      const inset = halfHeight * 0.75;
      const points = [
        [-halfWidth, 0],
        [-halfWidth + inset, -halfHeight],
        [halfWidth - inset, -halfHeight],
        [halfWidth, 0],
        [halfWidth - inset, halfHeight],
        [-halfWidth + inset, halfHeight],
      ]
        .map((point) => point.join(','))
        .join(' ');
      return <polygon points={points} fill={fill} stroke={GLYPH_STROKE} strokeWidth={1.5} strokeLinejoin="round" />;
    }
    case 'body-type':
      // A stack of cards: many bodies of one kind.
      return (
        <>
          <rect
            x={-halfWidth + 5}
            y={-halfHeight - 5}
            width={width}
            height={height}
            rx={3}
            fill={fill}
            stroke={GLYPH_STROKE}
            strokeWidth={1.2}
          />
          <rect
            x={-halfWidth + 2.5}
            y={-halfHeight - 2.5}
            width={width}
            height={height}
            rx={3}
            fill={fill}
            stroke={GLYPH_STROKE}
            strokeWidth={1.2}
          />
          <rect
            x={-halfWidth}
            y={-halfHeight}
            width={width}
            height={height}
            rx={3}
            fill={fill}
            stroke={GLYPH_STROKE}
            strokeWidth={1.5}
          />
        </>
      );
    case 'part':
      return (
        <rect
          x={-halfWidth}
          y={-halfHeight}
          width={width}
          height={height}
          rx={4}
          fill="#ffffff"
          stroke={fill}
          strokeWidth={3}
          strokeDasharray="5 3"
        />
      );
    case 'body':
      return (
        <rect
          x={-halfWidth}
          y={-halfHeight}
          width={width}
          height={height}
          rx={5}
          fill={fill}
          stroke={GLYPH_STROKE}
          strokeWidth={1.5}
        />
      );
  }
}

/** The sign of a change (+, −, ~) in a small disc: the mark that does not rely on colour. */
export function ChangeBadge({
  change,
  x,
  y,
  radius,
}: {
  change: Exclude<MapChange, 'unchanged'>;
  x: number;
  y: number;
  radius: number;
}) {
  return (
    <g className={`app-graph__change-badge app-graph__change-badge--${change}`} transform={`translate(${x},${y})`}>
      <circle r={radius} />
      <text textAnchor="middle" dy="0.35em" fontSize={radius * 1.7}>
        {CHANGE_BADGES[change]}
      </text>
    </g>
  );
}
