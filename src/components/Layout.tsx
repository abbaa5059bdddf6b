import type { ReactNode } from 'react';

/** The page frame, after the NHS.UK design system's header and footer, without the NHS logo. */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="nhsuk-skip-link" href="#main-content">
        Skip to main content
      </a>
      <header className="nhsuk-header" role="banner">
        <div className="nhsuk-header__container nhsuk-width-container">
          <div className="nhsuk-header__service">
            <a className="app-header__service" href="./">
              NHS commissioning explorer
            </a>
          </div>
        </div>
      </header>
      <p className="app-independent-banner">
        <span className="nhsuk-width-container app-independent-banner__inner">
          <strong>Independent explainer.</strong> Not produced by or affiliated with the NHS. Every fact cites its source.
        </span>
      </p>
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="main-content" role="main">
          {children}
        </main>
      </div>
      <footer role="contentinfo" className="nhsuk-footer">
        <div className="nhsuk-width-container">
          <p className="nhsuk-body-s">
            An open-source, independent explainer of how health and care services in England are commissioned. It is not an NHS
            website. The data and its sources are in the project&apos;s <code>data/</code> folder.
          </p>
        </div>
      </footer>
    </>
  );
}
