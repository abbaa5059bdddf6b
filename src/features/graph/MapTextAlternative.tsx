/**
 * The map as text: the same model at the same month, with the same filters, as headed lists and a
 * table. For screen-reader users, for anyone who finds the picture hard to read, and for copying.
 */
import { memo, type ReactNode, useMemo } from 'react';
import { ROLE_WORDS, STATUS_WORDS } from '../../components/commissioning-words';
import { EntityLink } from '../../components/EntityLink';
import type { Level } from '../../data/schema';
import type { MapLink, MapLinkKind, MapMember, MapModel, MapNode, MapOrganisationNode, MapServiceNode } from '../../domain/graph';
import { formatMonth } from '../../domain/months';
import { CATEGORY_STYLES, fundingPhrase, LINK_KINDS_IN_ORDER, LINK_STYLES, linkSentence } from './encodings';

const LEVEL_HEADINGS: Record<Level, string> = { national: 'National', regional: 'Regional', local: 'Local' };
const KIND_WORDS: Record<MapOrganisationNode['kind'], string> = {
  body: 'body',
  'body-type': 'kind of body',
  part: 'part of a body',
  arrangement: 'arrangement',
};

/** Memoised: the map re-renders at every month step, and this need not unless its props change. */
export const MapTextAlternative = memo(function MapTextAlternative({
  model,
  summary,
  extra,
}: {
  model: MapModel;
  summary: string;
  /** more of the map as text (the named CCGs, when open), after the summary */
  extra?: ReactNode;
}) {
  const { byLevel, linksByKind, services, nodes } = useMemo(() => {
    const nodes = new Map<string, MapNode>(model.nodes.map((node) => [node.id, node]));
    const organisations = model.nodes.filter((node): node is MapOrganisationNode => node.type === 'organisation');
    const byLevel = (['national', 'regional', 'local'] as const)
      .map((level) => ({ level, members: organisations.filter((node) => node.level === level) }))
      .filter(({ members }) => members.length > 0);
    const linksByKind = LINK_KINDS_IN_ORDER.filter((kind) => kind !== 'commissions')
      .map((kind) => ({ kind, links: model.links.filter((link) => link.kind === kind) }))
      .filter(({ links }) => links.length > 0);
    const services = model.nodes
      .filter((node): node is MapServiceNode => node.type === 'service')
      .map((service) => ({ service, links: model.links.filter((link) => link.target === service.id) }));
    return { byLevel, linksByKind, services, nodes };
  }, [model]);

  const month = formatMonth(model.month);
  return (
    <details className="nhsuk-details app-graph-text">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Map as text</span>
      </summary>
      <div className="nhsuk-details__text" data-testid="map-text-alternative">
        <p className="nhsuk-body-s">
          What the map shows for {month}, with the same filters: {summary}
        </p>
        {extra}

        <h3 className="nhsuk-heading-s">Organisations in {month}</h3>
        {byLevel.map(({ level, members }) => (
          <section key={level} aria-label={`${LEVEL_HEADINGS[level]} organisations`}>
            <h4 className="nhsuk-heading-xs app-graph-text__subheading">
              {LEVEL_HEADINGS[level]} ({members.length})
            </h4>
            <ul className="nhsuk-list app-graph-text__list">
              {members.map((node) => (
                <li key={node.id}>
                  <EntityLink to={{ kind: 'organisation', id: node.organisationId }}>{node.name}</EntityLink>
                  {node.count !== undefined ? (
                    <>
                      {' '}
                      ({node.countApproximate ? 'about ' : ''}
                      {node.count})
                    </>
                  ) : null}
                  <span className="app-graph-text__note">
                    {' '}
                    — {KIND_WORDS[node.kind]}, {CATEGORY_STYLES[node.category].noun}
                  </span>
                  <MembersNote members={node.members} what="bodies" />
                  {node.ownFunding.length > 0 ? (
                    <span className="app-graph-text__note app-graph-text__note--block">
                      Its own budget or spending:{' '}
                      {node.ownFunding.map((figure) => `${fundingPhrase(figure)}, ${figure.financialYear}`).join('; ')}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))}

        {linksByKind.length > 0 ? (
          <>
            <h3 className="nhsuk-heading-s">How they are linked</h3>
            {linksByKind.map(({ kind, links }) => (
              <LinkGroup key={kind} kind={kind} links={links} nodes={nodes} />
            ))}
          </>
        ) : null}

        {services.length > 0 ? (
          <>
            <h3 className="nhsuk-heading-s">Services and who commissions them</h3>
            <table className="nhsuk-table app-graph-text__table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
                Services and their commissioners in {month}
              </caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">
                    Service
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Commissioned by
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {services.map(({ service, links }) => (
                  <tr key={service.id} className="nhsuk-table__row">
                    <th scope="row" className="nhsuk-table__cell app-graph-text__service">
                      <EntityLink to={{ kind: 'service', id: service.serviceId }}>{service.name}</EntityLink>
                      <MembersNote members={service.members} what="services" />
                    </th>
                    <td className="nhsuk-table__cell">
                      <ul className="nhsuk-list app-graph-text__commissioners">
                        {links.map((link) => (
                          <li key={link.id}>{commissionerWords(link, nodes)}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </div>
    </details>
  );
});

/** Where the map draws a kind as one node (a large dataset): the members it stands for, by name. */
function MembersNote({ members, what }: { members: MapMember[] | undefined; what: string }) {
  if (!members || members.length < 2) return null;
  return (
    <span className="app-graph-text__note app-graph-text__note--block">
      Drawn as one for {members.length} {what} of this kind: {members.map((member) => member.name).join('; ')}
    </span>
  );
}

function LinkGroup({ kind, links, nodes }: { kind: MapLinkKind; links: MapLink[]; nodes: ReadonlyMap<string, MapNode> }) {
  return (
    <section aria-label={LINK_STYLES[kind].label}>
      <h4 className="nhsuk-heading-xs app-graph-text__subheading">
        {LINK_STYLES[kind].label} ({links.length})
      </h4>
      <ul className="nhsuk-list app-graph-text__list">
        {links.map((link) => {
          const source = nodes.get(link.source);
          const target = nodes.get(link.target);
          return source && target ? <li key={link.id}>{linkSentence(link, source, target)}</li> : null;
        })}
      </ul>
    </section>
  );
}

function commissionerWords(link: MapLink, nodes: ReadonlyMap<string, MapNode>): string {
  const name = nodes.get(link.source)?.name ?? link.source;
  const role = link.role ? ROLE_WORDS[link.role] : '';
  const status = link.status === 'in-force' ? '' : `${STATUS_WORDS[link.status]}, not in force: `;
  return `${status}${name}${role ? ` (${role})` : ''}`;
}
