import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { LinkMonthProvider, useLinkMonth } from './link-month';
import { isEmbedSearch, withoutEmbed } from './embed';
import { locationFor } from './routing';

/** The explorer's views, in the order the header lists them. */
const NAV_ITEMS = [
  { to: '/funding', label: 'Funding' },
  { to: '/compare', label: 'Compare' },
  { to: '/tour', label: 'Tour' },
  { to: '/glossary', label: 'Glossary' },
  { to: '/sources', label: 'Sources' },
  { to: '/data', label: 'Data' },
  { to: '/about', label: 'About' },
] as const;

/** The map's route covers a chosen service or organisation too: all are the explorer. */
export function isExplorerPath(pathname: string): boolean {
  return /^\/*$/.test(pathname) || /^\/(service|org)\//i.test(pathname);
}

/**
 * The page frame, after the NHS.UK design system's header and footer, without the NHS logo. In the
 * embed mode (`?embed=1`) it frames just the view: no header, navigation or footer, and one line
 * saying where the view comes from, with a link to it on the full site.
 */
export function Layout({ children }: { children: ReactNode }) {
  const location = useLocation();
  const embedded = isEmbedSearch(location.search);
  // The explorer is map first: a full-width page, a compact banner, and no link from the service's
  // name to the page itself (the Map link is there), so the service finder is early in the tab order.
  const explorer = isExplorerPath(location.pathname);
  return (
    <LinkMonthProvider>
      <a className="nhsuk-skip-link" href="#main-content">
        Skip to main content
      </a>
      {embedded ? (
        <EmbedFrameLine fullView={withoutEmbed(`${location.pathname}${location.search}`)} />
      ) : (
        <>
          <header className="nhsuk-header app-header" role="banner">
            <div className={`app-width-container${explorer ? ' app-width-container--full' : ''} app-header__inner`}>
              {explorer ? (
                <p className="app-header__service">NHS commissioning explorer</p>
              ) : (
                <Link className="app-header__service" to="/">
                  NHS commissioning explorer
                </Link>
              )}
              <MainNavigation pathname={location.pathname} />
            </div>
          </header>
          <p className="app-independent-banner">
            <span className={`app-width-container${explorer ? ' app-width-container--full' : ''} app-independent-banner__inner`}>
              <strong>Independent explainer.</strong> Not <span className="app-independent-banner__more">produced by or </span>
              affiliated with the NHS.<span className="app-independent-banner__more"> Every fact cites its source.</span>
            </span>
          </p>
        </>
      )}
      <div
        className={`app-width-container${embedded ? ' app-width-container--embed' : ''}${explorer ? ' app-width-container--full' : ''}`}
      >
        <main
          className={`nhsuk-main-wrapper app-main${embedded ? ' app-main--embed' : ''}${explorer ? ' app-main--explorer' : ''}`}
          id="main-content"
          role="main"
          tabIndex={-1}
        >
          {children}
        </main>
      </div>
      {embedded ? null : (
        <footer role="contentinfo" className="nhsuk-footer">
          <div className="app-width-container">
            <p className="nhsuk-body-s">
              An open-source, independent explainer of how health and care services in England are commissioned. It is not an NHS
              website and is not endorsed by the NHS. <Link to="/about">About the data and its sources</Link>.
            </p>
          </div>
        </footer>
      )}
    </LinkMonthProvider>
  );
}

/** The embed mode's one line: where the view comes from, and the same view on the full site (in a new tab). */
function EmbedFrameLine({ fullView }: { fullView: string }) {
  return (
    <div className="app-embed-frame">
      <p className="app-width-container app-embed-frame__line">
        From the NHS commissioning explorer, an independent explainer
        <span className="app-embed-frame__separator"> · </span>
        <a className="app-embed-frame__link" href={`#${fullView}`} target="_blank" rel="noopener noreferrer">
          Open the full view <span aria-hidden="true">↗</span>
          <span className="nhsuk-u-visually-hidden"> (opens in a new tab)</span>
        </a>
      </p>
    </div>
  );
}

/**
 * The header's links to every view. On a wide screen they sit in a row; on a phone they hide
 * behind a "Menu" button (a disclosure), which Escape or choosing a link closes again.
 */
function MainNavigation({ pathname }: { pathname: string }) {
  const month = useLinkMonth();
  const [open, setOpen] = useState(false);
  const listId = `app-header-nav-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => setOpen(false);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onMap = isExplorerPath(pathname);
  return (
    <nav aria-label="Main" className="app-header__nav" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="app-header__menu-button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        Menu
      </button>
      <ul id={listId} className={`app-header__nav-list${open ? ' is-open' : ''}`}>
        <li className="app-header__nav-item">
          {/* The map at the month being looked at, so leaving another page for the map keeps the date. */}
          <Link
            to={locationFor(null, month)}
            className="app-header__nav-link"
            aria-current={onMap ? 'page' : undefined}
            onClick={close}
          >
            Map
          </Link>
        </li>
        {NAV_ITEMS.map((item) => (
          <li key={item.to} className="app-header__nav-item">
            <NavLink to={item.to} className="app-header__nav-link" onClick={close}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
