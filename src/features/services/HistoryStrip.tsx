import { useMemo } from 'react';
import type { Dataset } from '../../data/schema';
import { formatMonth, type MonthString } from '../../domain/months';
import { layoutHistoryStrip } from './history-strip-layout';

/** How many lane colours services.css defines (app-services-strip__colour-0 … -5). */
const PALETTE_SIZE = 6;

/**
 * A service's commissioners along the whole timeline: one labelled lane per commissioner, solid
 * where in force and striped where only proposed, paused or reversed. It is a picture for
 * pointer users (a click on a bar or a change mark moves the timeline there); the ordered list
 * "History" beside it says the same in words and does the same by keyboard, so the picture is
 * hidden from assistive technology and its controls are left out of the tab order.
 */
export function HistoryStrip({
  dataset,
  serviceId,
  month,
  onChooseMonth,
}: {
  dataset: Dataset;
  serviceId: string;
  month: MonthString;
  onChooseMonth: (month: MonthString) => void;
}) {
  const layout = useMemo(() => layoutHistoryStrip(dataset, serviceId, month), [dataset, serviceId, month]);
  const { current } = layout;
  const currentAlignment = current.left < 12 ? 'start' : current.left > 88 ? 'end' : 'middle';
  return (
    <div className="app-services-strip">
      <p className="nhsuk-u-visually-hidden">The timeline of its commissioners is given in words in the list “History”.</p>
      <div className="app-services-strip__figure" aria-hidden="true" data-testid="history-strip">
        <div className="app-services-strip__track">
          {layout.changes.map((change) => (
            <span key={change.month} className="app-services-strip__change-line" style={{ left: `${change.left}%` }} />
          ))}
          {layout.lanes.map((lane) => (
            <div className="app-services-strip__lane" key={lane.organisationId}>
              <span className="app-services-strip__lane-label">
                <span className={`app-services-strip__swatch app-services-strip__colour-${lane.colourIndex % PALETTE_SIZE}`} />
                {lane.name}
              </span>
              <div className="app-services-strip__bar">
                {lane.segments.map((segment) => (
                  <button
                    key={segment.record.id}
                    type="button"
                    tabIndex={-1}
                    className={[
                      'app-services-strip__segment',
                      `app-services-strip__colour-${lane.colourIndex % PALETTE_SIZE}`,
                      `app-services-strip__segment--${segment.record.status}`,
                      segment.startsBefore ? 'app-services-strip__segment--starts-before' : '',
                      segment.endsAfter ? 'app-services-strip__segment--ends-after' : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    style={{ left: `${segment.left}%`, width: `${segment.width}%` }}
                    title={`${segment.description}. Go to ${formatMonth(segment.target)}.`}
                    onClick={() => onChooseMonth(segment.target)}
                  />
                ))}
              </div>
            </div>
          ))}
          <span
            className={`app-services-strip__current app-services-strip__current--${currentAlignment}`}
            style={{ left: `${current.left}%` }}
          >
            <span className="app-services-strip__current-label">{formatMonth(current.month)}</span>
          </span>
        </div>
        <div className="app-services-strip__axis">
          {layout.ticks.map((tick) => (
            <span
              key={tick.year}
              className={`app-services-strip__tick${tick.year % 2 === 1 ? ' app-services-strip__tick--odd' : ''}`}
              style={{ left: `${tick.left}%` }}
            >
              {tick.year}
            </span>
          ))}
          {layout.changes.map((change) => (
            <button
              key={change.month}
              type="button"
              tabIndex={-1}
              className="app-services-strip__change"
              style={{ left: `${change.left}%` }}
              title={`The commissioners changed in ${formatMonth(change.month)}. Go there.`}
              onClick={() => onChooseMonth(change.month)}
            />
          ))}
        </div>
      </div>
      <p className="nhsuk-body-s app-services-strip__legend" aria-hidden="true">
        <span className="app-services-strip__key app-services-strip__key--in-force" /> in force{' '}
        <span className="app-services-strip__key app-services-strip__key--plan" /> proposed, paused or reversed{' '}
        <span className="app-services-strip__key app-services-strip__key--change" /> a change. Click a bar or a mark to go to that
        month.
      </p>
    </div>
  );
}
