import { useId } from 'react';
import type { Selection } from '../domain/selection';
import { EntityLink } from './EntityLink';
import { BackToMapLink, PanelHeading, UnknownId, useFocusOnChange } from './panel-parts';

export interface NotFoundSuggestion {
  to: NonNullable<Selection>;
  name: string;
  detail?: string | undefined;
}

/**
 * What an address with an unknown service or organisation id shows, the same for both: the id
 * as plain text (React escapes it; very long ids are cut short), what may have gone wrong, any
 * records with a similar name, and a way back.
 */
export function NotFoundNotice({
  kind,
  id,
  suggestions,
}: {
  kind: 'service' | 'organisation';
  id: string;
  /** records with a similar name; undefined when they cannot be looked for (no dataset yet) */
  suggestions: readonly NotFoundSuggestion[] | undefined;
}) {
  const headingRef = useFocusOnChange<HTMLHeadingElement>(`${kind}:${id}`);
  const headingId = useId();
  const suggestionsId = useId();
  return (
    <section className="app-panel app-services-panel app-services-not-found" aria-labelledby={headingId}>
      <PanelHeading id={headingId} headingRef={headingRef}>
        No {kind} called “<UnknownId id={id} />”
      </PanelHeading>
      <p>The explorer has no {kind} with this name. The address may have been mistyped, or copied only in part.</p>
      {suggestions && suggestions.length > 0 ? (
        <>
          <h3 className="nhsuk-heading-xs" id={suggestionsId}>
            Did you mean
          </h3>
          <ul className="nhsuk-list app-services-not-found__suggestions" aria-labelledby={suggestionsId}>
            {suggestions.map((suggestion) => (
              <li key={suggestion.to.id}>
                <EntityLink to={suggestion.to}>{suggestion.name}</EntityLink>
                {suggestion.detail ? (
                  <span className="nhsuk-body-s app-services-not-found__detail"> ({suggestion.detail})</span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : suggestions ? (
        <p>No {kind} has a similar name.</p>
      ) : null}
      <BackToMapLink />
    </section>
  );
}
