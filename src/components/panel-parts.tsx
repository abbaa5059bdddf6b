/**
 * The pieces every side panel shares (a service, an organisation, an id that is not in the
 * dataset): the frame's header and heading, folded sources, the "Sources differ" callout and the
 * way back to the map. Their look is in panel.css; a panel adds its feature's own class beside
 * app-panel for the rest.
 */
import { type ReactNode, type Ref, useEffect, useRef } from 'react';
import type { Citation } from '../data/schema';
import { useExplorerStoreApi } from '../store';
import { afterNextPaint } from './after-paint';
import { Citations } from './Citations';
import { EntityLink } from './EntityLink';
import './panel.css';

/**
 * A ref for the panel's heading, focused whenever the panel opens on a new item, so that
 * keyboard and screen-reader users land in it rather than back at the top of the page. The page
 * does not scroll to it: the panel opens beside the map (or as a sheet on a phone), in view.
 */
export function useFocusOnChange<T extends HTMLElement>(key: string) {
  const ref = useRef<T>(null);
  useEffect(
    () =>
      // After the panel has been painted: focusing makes the browser lay the page out at once, and
      // in the commit that draws the page (a service's address) that is the whole page, in one task.
      afterNextPaint(() => {
        // Never take focus from a control the person is operating (the month slider, the search
        // field, a select): a panel can open while they use one, e.g. when it loads after a deep link.
        const active = document.activeElement;
        if (active instanceof HTMLInputElement || active instanceof HTMLSelectElement || active instanceof HTMLTextAreaElement)
          return;
        ref.current?.focus({ preventScroll: true });
      }),
    [key],
  );
  return ref;
}

/** The panel's heading: a focus target for script (tabIndex -1), not a control. */
export function PanelHeading({
  id,
  headingRef,
  children,
}: {
  id: string;
  headingRef: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  return (
    <h2 className="nhsuk-heading-m app-panel__heading" id={id} ref={headingRef} tabIndex={-1}>
      {children}
    </h2>
  );
}

/** The panel's caption and heading, with the button that closes the panel (clears the selection). */
export function PanelHeader({
  caption,
  headingId,
  headingRef,
  children,
}: {
  caption: ReactNode;
  headingId: string;
  headingRef: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  const store = useExplorerStoreApi();
  return (
    <div className="app-panel__header">
      <div className="app-panel__title">
        <p className="nhsuk-caption-s app-panel__caption">{caption}</p>
        <PanelHeading id={headingId} headingRef={headingRef}>
          {children}
        </PanelHeading>
      </div>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-panel__close"
        onClick={() => store.getState().select(null)}
      >
        Close
      </button>
    </div>
  );
}

/** A record's sources, folded away under a summary that says how many there are. */
export function SourcesDetails({ citations, summary = 'Sources' }: { citations: readonly Citation[]; summary?: string }) {
  const count = new Set(citations.map((citation) => citation.id)).size;
  if (count === 0) return null;
  return (
    <details className="nhsuk-details app-panel-sources">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          {summary} ({count})
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <Citations citations={citations} heading={null} />
      </div>
    </details>
  );
}

/** The NHS.UK warning callout, for a record whose sources disagree. */
export function SourcesDifferCallout({ reason }: { reason: string }) {
  return (
    <div className="nhsuk-card nhsuk-card--warning app-panel-callout">
      <div className="nhsuk-card__content">
        <p className="nhsuk-card__heading app-panel-callout__heading">Sources differ</p>
        <p className="nhsuk-card__description">{reason}</p>
      </div>
    </div>
  );
}

/** Long ids (from a mistyped or crafted address) are cut so they cannot swamp the page. */
export function truncateText(text: string, maxLength = 60): string {
  const characters = [...text];
  return characters.length <= maxLength ? text : `${characters.slice(0, maxLength - 1).join('')}…`;
}

/** An id from the address that the dataset does not have, as plain text (React escapes it), cut short if long. */
export function UnknownId({ id }: { id: string }) {
  return <span className="app-panel__unknown-id">{truncateText(id)}</span>;
}

/** "Back to the map": a plain click clears the selection through the store; the href still works in a new tab. */
export function BackToMapLink() {
  return (
    <p>
      <EntityLink to={null}>Back to the map</EntityLink>
    </p>
  );
}
