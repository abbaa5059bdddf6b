/**
 * The comparison map as text: every node and link on the map at either month, grouped by how it
 * changed (added, removed, changed, unchanged), then into organisations, services and links, with
 * what changed for each. The same model as the picture, so they cannot disagree.
 */
import { memo, useId, useMemo } from 'react';
import {
  MAP_CHANGES,
  type MapChange,
  type MapComparisonModel,
  type MapLinkComparison,
  type MapNodeComparison,
} from '../../domain/graph';
import { formatMonth } from '../../domain/months';
import { plural } from '../../lib/words';
import { CHANGE_HEADINGS, linkChangeSentence, nodeChangeDetails } from './comparison-words';

interface ChangeGroup {
  change: MapChange;
  organisations: MapNodeComparison[];
  services: MapNodeComparison[];
  links: MapLinkComparison[];
}

export function groupByChange(comparison: MapComparisonModel): ChangeGroup[] {
  return MAP_CHANGES.map((change) => {
    const nodes = [...comparison.nodes.values()].filter((entry) => entry.change === change);
    return {
      change,
      organisations: nodes.filter((entry) => (entry.after ?? entry.before)?.type === 'organisation'),
      services: nodes.filter((entry) => (entry.after ?? entry.before)?.type === 'service'),
      links: [...comparison.links.values()].filter((entry) => entry.change === change),
    };
  });
}

/** Memoised: the map re-renders at every month step, and this need not unless its props change. */
export const MapComparisonText = memo(function MapComparisonText({
  comparison,
  summary,
}: {
  comparison: MapComparisonModel;
  summary: string;
}) {
  const groups = useMemo(() => groupByChange(comparison), [comparison]);
  const idPrefix = `app-graph-text-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [fromName, toName] = [formatMonth(comparison.from), formatMonth(comparison.to)];
  return (
    <details className="nhsuk-details app-graph-text">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Changes as text</span>
      </summary>
      <div className="nhsuk-details__text" data-testid="map-text-alternative">
        <p className="nhsuk-body-s">
          What the map shows from {fromName} to {toName}, with the same filters: {summary}
        </p>
        {groups.map((group) => {
          const total = group.organisations.length + group.services.length + group.links.length;
          const headingId = `${idPrefix}-${group.change}`;
          return (
            <section key={group.change} aria-labelledby={headingId} data-change={group.change}>
              <h3 className="nhsuk-heading-s" id={headingId}>
                {CHANGE_HEADINGS[group.change]} ({total})
              </h3>
              {total === 0 ? <p className="nhsuk-body-s">None.</p> : null}
              <NodeList title="Organisations" entries={group.organisations} comparison={comparison} />
              <NodeList title="Services" entries={group.services} comparison={comparison} />
              {group.links.length > 0 ? (
                <>
                  <h4 className="nhsuk-heading-xs app-graph-text__subheading">{plural(group.links.length, 'link')}</h4>
                  <ul className="nhsuk-list app-graph-text__list">
                    {group.links.map((entry) => {
                      const link = entry.after ?? entry.before;
                      return link ? <li key={link.id}>{linkChangeSentence(entry, comparison)}</li> : null;
                    })}
                  </ul>
                </>
              ) : null}
            </section>
          );
        })}
      </div>
    </details>
  );
});

function NodeList({
  title,
  entries,
  comparison,
}: {
  title: string;
  entries: readonly MapNodeComparison[];
  comparison: MapComparisonModel;
}) {
  if (entries.length === 0) return null;
  return (
    <>
      <h4 className="nhsuk-heading-xs app-graph-text__subheading">
        {title} ({entries.length})
      </h4>
      <ul className="nhsuk-list app-graph-text__list">
        {entries.map((entry) => {
          const node = entry.after ?? entry.before;
          if (!node) return null;
          const details = nodeChangeDetails(entry, comparison);
          return (
            <li key={node.id}>
              {node.name}
              {details.length > 0 ? <span className="app-graph-text__note">: {details.join('; ')}</span> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
