/**
 * Every service described at the chosen month, grouped under whoever commissions it then: the
 * map's picture as a list (on a phone it follows the map; on a wide screen it sits beside it until
 * a panel opens). Who commissions what comes from the domain (commissionersOf), never the map.
 */
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useValueAfterPaint } from '../../components/after-paint';
import { EntityLink } from '../../components/EntityLink';
import type { CommissioningRole, Dataset, Organisation, Service } from '../../data/schema';
import { compareMonths, formatMonth, type MonthString } from '../../domain/months';
import { nameAt } from '../../domain/organisations';
import { commissionersOf } from '../../domain/services';
import { selectSelection, useDatasetAndMonth, useExplorerStore } from '../../store';
import { compactName, joinWords } from './labels';
import './services.css';
import { compareText } from '../../lib/compare-text';

export interface CommissionedService {
  service: Service;
  /** its role at this commissioner (the first in force: sole, lead, joint, …) */
  role: CommissioningRole;
  /** the other bodies commissioning it in force at the month, by name */
  alongside: string[];
}

export interface CommissionerGroupAtMonth {
  /** null for the services described at the month with no commissioner in force */
  organisation: Organisation | null;
  name: string;
  services: CommissionedService[];
}

function describedAt(service: Service, month: MonthString): boolean {
  return (
    (service.from === null || compareMonths(month, service.from) >= 0) &&
    (service.to === null || compareMonths(month, service.to) <= 0)
  );
}

/**
 * The services described at the month, each under its first commissioner in force (sole, lead,
 * joint, delegated, co-commissioning, as commissionersOf orders them), with the others named
 * alongside. The biggest groups come first; services with no commissioner in force come last.
 */
export function servicesByCommissionerAt(dataset: Dataset, month: MonthString): CommissionerGroupAtMonth[] {
  const groups = new Map<string, CommissionerGroupAtMonth>();
  const none: CommissionedService[] = [];
  const byName = (a: CommissionedService, b: CommissionedService) => compareText(a.service.name, b.service.name);
  for (const service of dataset.services) {
    if (!describedAt(service, month)) continue;
    const inForce = commissionersOf(dataset, service.id, month).filter((entry) => entry.status === 'in-force');
    const [first] = inForce;
    if (!first) {
      none.push({ service, role: 'sole', alongside: [] });
      continue;
    }
    const alongside = [
      ...new Set(
        inForce.filter((entry) => entry.organisation.id !== first.organisation.id).map((entry) => compactName(entry.name)),
      ),
    ];
    const group = groups.get(first.organisation.id) ?? {
      organisation: first.organisation,
      name: nameAt(first.organisation, month).name,
      services: [],
    };
    group.services.push({ service, role: first.role, alongside });
    groups.set(first.organisation.id, group);
  }
  const ordered = [...groups.values()]
    .map((group) => ({ ...group, services: group.services.sort(byName) }))
    .sort((a, b) => b.services.length - a.services.length || compareText(a.name, b.name));
  return none.length > 0
    ? [...ordered, { organisation: null, name: 'No commissioner recorded', services: none.sort(byName) }]
    : ordered;
}

const ROLE_NOTES: Record<CommissioningRole, string> = {
  sole: '',
  lead: 'lead',
  joint: 'jointly',
  delegated: 'delegated',
  'co-commissioning': 'co-commissioning',
};

/** "lead, with local authorities", "jointly with CCGs", or nothing for a sole commissioner. */
export function roleNote({ role, alongside }: Pick<CommissionedService, 'role' | 'alongside'>): string {
  const withWords = alongside.length > 0 ? `with ${joinWords(alongside)}` : '';
  if (role === 'joint') return alongside.length > 0 ? `jointly ${withWords}` : 'jointly';
  return [ROLE_NOTES[role], withWords].filter(Boolean).join(', ');
}

/**
 * How many services the list shows before the rest wait behind a button: the real dataset's sixty
 * or so are all listed; a dataset of thousands (many local bodies, the benchmark's hundredfold copy)
 * would otherwise lay out tens of thousands of lines on every load and every month.
 */
export const SERVICES_LISTED_AT_ONCE = 200;

/**
 * The groups listed before the button: whole groups, the biggest first, while they hold no more
 * than `limit` services between them (always at least one).
 */
export function groupsListedFirst(groups: CommissionerGroupAtMonth[], limit: number): CommissionerGroupAtMonth[] {
  let listed = 0;
  let count = 0;
  for (const group of groups) {
    if (count > 0 && listed + group.services.length > limit) break;
    listed += group.services.length;
    count += 1;
  }
  return count === groups.length ? groups : groups.slice(0, count);
}

export function ServicesByCommissioner({
  headingLevel = 2,
  listedAtOnce = SERVICES_LISTED_AT_ONCE,
}: {
  headingLevel?: 2 | 3;
  /** how many services are listed before the rest wait behind a button */
  listedAtOnce?: number;
}) {
  const ready = useDatasetAndMonth();
  // Follows the month a moment behind: a month step's input renders only this wrapper, the step
  // paints, and the list is rendered after that paint, in an interruptible render.
  const listMonth = useValueAfterPaint(ready?.month);
  if (!ready || !listMonth) return null;
  return (
    <ServicesByCommissionerView
      dataset={ready.dataset}
      month={listMonth}
      headingLevel={headingLevel}
      listedAtOnce={listedAtOnce}
    />
  );
}

/** Memoised: a month step re-renders it only once the month it is given changes (after the step has painted). */
const ServicesByCommissionerView = memo(function ServicesByCommissionerView({
  dataset,
  month,
  headingLevel,
  listedAtOnce,
}: {
  dataset: Dataset;
  month: MonthString;
  headingLevel: 2 | 3;
  listedAtOnce: number;
}) {
  const groups = useMemo(() => servicesByCommissionerAt(dataset, month), [dataset, month]);
  const selection = useExplorerStore(selectSelection);
  const selectedServiceId = selection?.kind === 'service' ? selection.id : undefined;
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const GroupHeading = headingLevel === 2 ? 'h3' : 'h4';
  const count = groups.reduce((total, group) => total + group.services.length, 0);
  const [listingAll, setListingAll] = useState(false);
  const listed = listingAll ? groups : groupsListedFirst(groups, listedAtOnce);
  const unlisted = groups.slice(listed.length);
  const unlistedCount = count - listed.reduce((total, group) => total + group.services.length, 0);
  // Where the reader goes once the rest is shown: the first group that was behind the button.
  const [focusGroup, setFocusGroup] = useState<string | null>(null);
  return (
    <section className="app-services-by-commissioner" aria-labelledby={headingId}>
      <Heading className="nhsuk-heading-s app-services-by-commissioner__heading" id={headingId}>
        Who commissions each service in {formatMonth(month)}
      </Heading>
      <p className="nhsuk-body-s app-services-by-commissioner__intro">
        {unlisted.length > 0
          ? `${count} services under ${groups.length} commissioners; those with the most services come first.`
          : `${count} services, grouped by commissioner.`}{' '}
        Choose one for its details and history.
      </p>
      {listed.map((group) => {
        const key = group.organisation?.id ?? 'none';
        return (
          <CommissionerGroupView
            key={key}
            group={group}
            GroupHeading={GroupHeading}
            selectedServiceId={selectedServiceId}
            focusOnArrival={key === focusGroup}
          />
        );
      })}
      {unlisted.length > 0 ? (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary app-services-by-commissioner__more"
          onClick={() => {
            setFocusGroup(unlisted[0]?.organisation?.id ?? 'none');
            setListingAll(true);
          }}
        >
          Show the other {unlisted.length} {unlisted.length === 1 ? 'commissioner' : 'commissioners'} ({unlistedCount}{' '}
          {unlistedCount === 1 ? 'service' : 'services'})
        </button>
      ) : null}
    </section>
  );
});

/** One commissioner and its services; memoised, so a month step redraws only the groups that changed. */
const CommissionerGroupView = memo(function CommissionerGroupView({
  group,
  GroupHeading,
  selectedServiceId,
  focusOnArrival = false,
}: {
  group: CommissionerGroupAtMonth;
  GroupHeading: 'h3' | 'h4';
  selectedServiceId: string | undefined;
  /** takes the focus when it first appears (the first of the groups the reader asked to see) */
  focusOnArrival?: boolean;
}) {
  const headingId = useId();
  const count = group.services.length;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnArrival) headingRef.current?.focus();
    // Only on arrival: a later render (a month step) leaves the focus where the reader has it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div className="app-services-by-commissioner__group">
      <GroupHeading
        className="app-services-by-commissioner__group-heading"
        id={headingId}
        ref={headingRef}
        tabIndex={focusOnArrival ? -1 : undefined}
      >
        {group.organisation ? (
          <EntityLink to={{ kind: 'organisation', id: group.organisation.id }}>{compactName(group.name)}</EntityLink>
        ) : (
          group.name
        )}{' '}
        <span className="app-services-by-commissioner__count">
          {count} {count === 1 ? 'service' : 'services'}
        </span>
      </GroupHeading>
      <ul className="nhsuk-list app-services-by-commissioner__list" aria-labelledby={headingId}>
        {group.services.map((entry) => {
          const note = roleNote(entry);
          const selected = entry.service.id === selectedServiceId;
          return (
            <li
              key={entry.service.id}
              className={`app-services-by-commissioner__item${selected ? ' app-services-by-commissioner__item--selected' : ''}`}
            >
              <EntityLink to={{ kind: 'service', id: entry.service.id }} className="app-services-by-commissioner__link">
                {entry.service.name}
                {selected ? <span className="nhsuk-u-visually-hidden"> (open)</span> : null}
              </EntityLink>
              {note ? <span className="app-services-by-commissioner__note"> ({note})</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
});
