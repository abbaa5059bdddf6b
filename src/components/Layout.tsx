import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';

/** The page frame, after the NHS.UK design system's header and footer, without the NHS logo. */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="nhsuk-skip-link" href="#main-content">
        Skip to main content
      </a>
      <header className="nhsuk-header app-header" role="banner">
        <div className="app-width-container app-header__inner">
          <Link className="app-header__service" to="/">
            NHS commissioning explorer
          </Link>
          <nav aria-label="Main" className="app-header__nav">
            <NavLink to="/" end className="app-header__nav-link">
              Map
            </NavLink>
            <NavLink to="/about" className="app-header__nav-link">
              About the data
            </NavLink>
          </nav>
        </div>
      </header>
      <p className="app-independent-banner">
        <span className="app-width-container app-independent-banner__inner">
          <strong>Independent explainer.</strong> Not produced by or affiliated with the NHS. Every fact cites its source.
        </span>
      </p>
      <div className="app-width-container">
        <main className="nhsuk-main-wrapper app-main" id="main-content" role="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer role="contentinfo" className="nhsuk-footer">
        <div className="app-width-container">
          <p className="nhsuk-body-s">
            An open-source, independent explainer of how health and care services in England are commissioned. It is not an NHS
            website and is not endorsed by the NHS. <Link to="/about">About the data and its sources</Link>.
          </p>
        </div>
      </footer>
    </>
  );
}
