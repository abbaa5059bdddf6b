/**
 * The explorer's arrangement before the data arrives: the title and the line that says what the
 * picture is (real text, so the first paint says something), and grey blocks where the finder,
 * the month bar and the map will be, at their sizes, so nothing jumps when they arrive.
 * index.html carries the same markup (a unit test keeps the two the same), so it shows before any
 * script has run.
 *
 * At a service's address, the start script has put the top of the service's panel into index.html's
 * skeleton, from its digest (service-digest.ts): React's skeleton keeps that element where it is
 * (`digestPanel`), so it does not flicker, until the page with the real panel replaces it.
 */
import '../components/panel.css';
import '../features/services/service-panel-head.css';
import './skeleton.css';

export const EXPLORER_TITLE = 'Who commissions what in English health and care';

export function ExplorerSkeleton({
  status,
  slow = false,
  digestPanel = null,
}: {
  status?: string | undefined;
  /** the data is taking a while (a slow connection): the blocks pulse, to show the page is still at work */
  slow?: boolean;
  /** the element showing the service's digest, from index.html's skeleton, kept in React's */
  digestPanel?: Element | null;
}) {
  return (
    <div className={`app-explorer app-explorer--skeleton${slow ? ' app-explorer--loading-slowly' : ''}`}>
      <div className="app-explorer__side">
        <div className="app-explorer__intro">
          <h1 className="app-explorer__title">{EXPLORER_TITLE}</h1>
          <p className="app-explorer__lede">
            <span className="app-explorer__lede-long">
              The map shows who commissions, funds and oversees health and care services in England, month by month from July 2010
              to April 2018.
            </span>
            <span className="app-explorer__lede-short">A map of the system, month by month, 2010 to 2018.</span>
          </p>
        </div>
        <div className="app-skeleton__block app-skeleton__finder"></div>
        {digestPanel ? (
          // React draws nothing inside this holder, so it leaves the element put into it alone.
          <div className="app-skeleton__digest" ref={(holder) => void holder?.append(digestPanel)} />
        ) : null}
        <div className="app-skeleton__block app-skeleton__list"></div>
      </div>
      <div className="app-explorer__main">
        <div className="app-skeleton__block app-skeleton__bar"></div>
        <div className="app-skeleton__block app-skeleton__map">
          <p className="app-skeleton__status" role="status">
            {status ?? 'Loading the map…'}
          </p>
        </div>
      </div>
    </div>
  );
}
