import { useId, useMemo } from 'react';
import { EntityLink } from '../../components/EntityLink';
import { BackToMapLink, PanelHeading, UnknownId, useFocusOnChange } from '../../components/panel-parts';
import { nameAt } from '../../domain/organisations';
import { selectDataset, selectMonth, useExplorerStore } from '../../store';
import { SERVICE_CATEGORY_LABELS } from './labels';
import { suggestOrganisations } from './organisation-search';
import { suggestServices } from './service-search';
import './services.css';

/**
 * What an address with an unknown id shows: the id as plain text (React escapes it; very long
 * ids are cut short), the services or organisations with a similar name, and a way back.
 */
export function NotFoundPanel({ kind, id }: { kind: 'service' | 'organisation'; id: string }) {
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  const headingRef = useFocusOnChange<HTMLHeadingElement>(`${kind}:${id}`);
  const headingId = useId();
  const suggestionsId = useId();
  const noun = kind === 'service' ? 'service' : 'organisation';

  const suggestions = useMemo(() => {
    if (!dataset) return [];
    if (kind === 'service')
      return suggestServices(dataset.services, id).map((service) => ({
        to: { kind: 'service' as const, id: service.id },
        name: service.name,
        detail: SERVICE_CATEGORY_LABELS[service.category],
      }));
    return suggestOrganisations(dataset.organisations, id).map((organisation) => {
      const names = month ? nameAt(organisation, month) : organisation;
      return {
        to: { kind: 'organisation' as const, id: organisation.id },
        name: names.name,
        detail: names.shortName === names.name ? undefined : names.shortName,
      };
    });
  }, [dataset, kind, id, month]);

  return (
    <section className="app-panel app-services-panel app-services-not-found" aria-labelledby={headingId}>
      <PanelHeading id={headingId} headingRef={headingRef}>
        No {noun} called “<UnknownId id={id} />”
      </PanelHeading>
      <p>The explorer has no {noun} with this name. The address may have been mistyped, or copied only in part.</p>
      {suggestions.length > 0 ? (
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
      ) : dataset ? (
        <p>No {noun} has a similar name.</p>
      ) : null}
      <BackToMapLink />
    </section>
  );
}
