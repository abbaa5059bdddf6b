import { useMemo } from 'react';
import { NotFoundNotice, type NotFoundSuggestion } from '../../components/NotFoundNotice';
import { nameAt } from '../../domain/organisations';
import { selectDataset, selectMonth, useExplorerStore } from '../../store';
import { SERVICE_CATEGORY_LABELS } from './labels';
import { suggestOrganisations } from './organisation-search';
import { suggestServices } from './service-search';
import './services.css';

/**
 * What an address with an unknown id shows (the shared notice), with the services or
 * organisations whose names are like it.
 */
export function NotFoundPanel({ kind, id }: { kind: 'service' | 'organisation'; id: string }) {
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);

  const suggestions = useMemo((): NotFoundSuggestion[] | undefined => {
    if (!dataset) return undefined;
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

  return <NotFoundNotice kind={kind} id={id} suggestions={suggestions} />;
}
