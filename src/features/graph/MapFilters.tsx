/**
 * Filters for the map: which categories of body and which kinds of link it shows. Bound to the
 * store's filters (setFilters), so the app can keep them in the address and the text alternative
 * follows them too. Folded away in a details element, so the page is not swamped by checkboxes.
 */
import { memo, useId, useMemo } from 'react';
import type { Category, RelationshipKind } from '../../data/schema';
import type { MapUnion } from '../../domain/graph';
import { selectFilters, selectSetFilters, useExplorerStore } from '../../store';
import { CATEGORY_STYLES, LINK_KINDS_IN_ORDER, LINK_STYLES } from './encodings';

/** Memoised: the map re-renders at every month step, and this need not unless its props change. */
export const MapFilters = memo(function MapFilters({ union }: { union: MapUnion }) {
  const filters = useExplorerStore(selectFilters);
  const setFilters = useExplorerStore(selectSetFilters);
  const idPrefix = `app-graph-filter-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const { categories, kinds } = useMemo(() => {
    const categorySet = new Set<Category>();
    const kindSet = new Set<RelationshipKind>();
    for (const { node } of union.nodes) if (node.type === 'organisation') categorySet.add(node.category);
    for (const { link } of union.links) if (link.kind !== 'commissions') kindSet.add(link.kind);
    return {
      categories: (Object.keys(CATEGORY_STYLES) as Category[]).filter((category) => categorySet.has(category)),
      kinds: LINK_KINDS_IN_ORDER.filter((kind): kind is RelationshipKind => kind !== 'commissions' && kindSet.has(kind)),
    };
  }, [union]);

  const hiddenCount = filters.hiddenCategories.length + filters.hiddenRelationshipKinds.length;
  const toggle = <T,>(list: readonly T[], value: T, shown: boolean): T[] =>
    shown ? list.filter((item) => item !== value) : [...list.filter((item) => item !== value), value];

  return (
    <details className="nhsuk-details app-graph-filters">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Filter the map{hiddenCount > 0 ? ` (${hiddenCount} hidden)` : ''}</span>
      </summary>
      <div className="nhsuk-details__text">
        <div className="app-graph-filters__columns">
          <div className="nhsuk-form-group">
            <fieldset className="nhsuk-fieldset">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Show these bodies</legend>
              <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                {categories.map((category) => {
                  const id = `${idPrefix}-category-${category}`;
                  return (
                    <div className="nhsuk-checkboxes__item" key={category}>
                      <input
                        className="nhsuk-checkboxes__input"
                        id={id}
                        type="checkbox"
                        checked={!filters.hiddenCategories.includes(category)}
                        onChange={(event) =>
                          setFilters({ hiddenCategories: toggle(filters.hiddenCategories, category, event.target.checked) })
                        }
                      />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                        {CATEGORY_STYLES[category].label}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
          <div className="nhsuk-form-group">
            <fieldset className="nhsuk-fieldset">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Show these links</legend>
              <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                {kinds.map((kind) => {
                  const id = `${idPrefix}-kind-${kind}`;
                  return (
                    <div className="nhsuk-checkboxes__item" key={kind}>
                      <input
                        className="nhsuk-checkboxes__input"
                        id={id}
                        type="checkbox"
                        checked={!filters.hiddenRelationshipKinds.includes(kind)}
                        onChange={(event) =>
                          setFilters({
                            hiddenRelationshipKinds: toggle(filters.hiddenRelationshipKinds, kind, event.target.checked),
                          })
                        }
                      />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                        {LINK_STYLES[kind].label}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
        </div>
        {hiddenCount > 0 ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-graph-filters__reset"
            onClick={() => setFilters({ hiddenCategories: [], hiddenRelationshipKinds: [] })}
          >
            Show everything
          </button>
        ) : null}
      </div>
    </details>
  );
});

/** The "Show services" switch, kept in view above the map because it changes the map the most. */
export function ShowServicesToggle() {
  const showServices = useExplorerStore(selectFilters).showServices;
  const setFilters = useExplorerStore(selectSetFilters);
  const id = `app-graph-services-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <div className="nhsuk-checkboxes nhsuk-checkboxes--small app-graph__services-toggle">
      <div className="nhsuk-checkboxes__item">
        <input
          className="nhsuk-checkboxes__input"
          id={id}
          type="checkbox"
          checked={showServices}
          onChange={(event) => setFilters({ showServices: event.target.checked })}
        />
        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
          Show services
        </label>
      </div>
    </div>
  );
}
