/**
 * The strip over the map's corner: how many services changed commissioner this month ("April
 * 2013: 31 services changed commissioner"), opening the list of moves, with a link to compare the
 * month with the one before. Nothing when no service moved.
 */
import { useMemo } from 'react';
import type { Dataset } from '../../data/schema';
import { cardMovesInto, type MapLayoutFile } from '../../domain/map-layout/layout-file';
import { addMonths, formatMonth, type MonthString } from '../../domain/months';
import { plural } from '../../lib/words';
import { comparisonLocation, href } from '../../components/routing';

export function WhatChanged({ layout, dataset, month }: { layout: MapLayoutFile; dataset: Dataset; month: MonthString }) {
  const moves = useMemo(() => cardMovesInto(layout, dataset, month), [layout, dataset, month]);
  if (moves.length === 0) return null;
  const moved = moves.reduce((sum, move) => sum + move.count, 0);
  const previous = addMonths(month, -1);
  return (
    <details className="app-graph-changes">
      <summary className="app-graph-changes__summary">
        <span className="app-graph-changes__month">{formatMonth(month)}:</span> {plural(moved, 'service')} changed commissioner
      </summary>
      <div className="app-graph-changes__body">
        <ul className="app-graph-changes__list">
          {moves.map((move) => (
            <li key={move.serviceId}>
              <strong>{move.serviceName}</strong>: {move.from?.name ?? 'not on the map'} → {move.to?.name ?? 'not on the map'}
            </li>
          ))}
        </ul>
        <a className="app-graph-changes__compare" href={href(comparisonLocation(previous, month))}>
          Compare {formatMonth(previous)} with {formatMonth(month)}
        </a>
      </div>
    </details>
  );
}
