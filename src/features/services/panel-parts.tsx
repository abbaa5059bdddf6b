/** Small pieces shared by the service feature's panels. */
import { useEffect, useRef } from 'react';
import { Citations } from '../../components/Citations';
import type { Citation } from '../../data/schema';

/**
 * A ref for the panel's heading, focused whenever the panel opens on a new item, so that
 * keyboard and screen-reader users land in it rather than back at the top of the page.
 */
export function useFocusOnChange<T extends HTMLElement>(key: string) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}

/** A record's sources, folded away under a summary that says how many there are. */
export function SourcesDetails({ citations, summary = 'Sources' }: { citations: readonly Citation[]; summary?: string }) {
  const count = new Set(citations.map((citation) => citation.id)).size;
  if (count === 0) return null;
  return (
    <details className="nhsuk-details app-services-sources">
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
    <div className="nhsuk-card nhsuk-card--warning app-services-callout">
      <div className="nhsuk-card__content">
        <p className="nhsuk-card__heading app-services-callout__heading">Sources differ</p>
        <p className="nhsuk-card__description">{reason}</p>
      </div>
    </div>
  );
}
