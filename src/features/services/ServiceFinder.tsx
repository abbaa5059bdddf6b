import { type KeyboardEvent, memo, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useValueAfterPaint } from '../../components/after-paint';
import { EntityLink } from '../../components/EntityLink';
import { SERVICE_CATEGORIES } from '../../data/vocabulary';
import type { Dataset, Service } from '../../data/schema';
import { compareMonths, formatMonth, type MonthString } from '../../domain/months';
import { nameAt } from '../../domain/organisations';
import { commissionersOf } from '../../domain/services';
import { selectSelection, useDatasetAndMonth, useExplorerStore, useExplorerStoreApi } from '../../store';
import { SERVICE_CATEGORY_LABELS, compactName, joinWords } from './labels';
import { normaliseQuery } from './query-text';
import type { ServiceMatch } from './service-search';
import { preloadServiceSearch, useServiceSearchModule } from './useServiceSearchModule';
import './services.css';
import { compareText } from '../../lib/compare-text';

type HeadingLevel = 2 | 3 | 4;

/**
 * A search field over every service (names, synonyms, acronyms, with typos forgiven) and, under
 * it, the services: all of them by category while the field is empty (unless `browse` is false:
 * then only the matches, once something is typed), the ranked matches once something is typed.
 * Each says who commissions it at the chosen month; choosing one opens it, and Enter in the field
 * opens the top match.
 */
export function ServiceFinder({ headingLevel = 3, browse = true }: { headingLevel?: HeadingLevel; browse?: boolean }) {
  const ready = useDatasetAndMonth();
  // Beside the map, the list follows the month a moment behind: a month step's input renders only
  // this wrapper, the step paints, and the list is rendered after that paint in an interruptible
  // render (see after-paint.ts for why useDeferredValue, which renders straight after the input's
  // commit, is not enough). Its words change only when a commissioner does.
  const listMonth = useValueAfterPaint(ready?.month);
  if (!ready || !listMonth) return null;
  return <ServiceFinderView dataset={ready.dataset} month={listMonth} headingLevel={headingLevel} browse={browse} />;
}

/** Who commissions each service at the month, in a few words ("Local authorities"), or why nobody does. */
function commissionedByAt(dataset: Dataset, month: MonthString): Map<string, { prefix: string; text: string }> {
  return new Map(
    dataset.services.map((service) => {
      if (service.from !== null && compareMonths(month, service.from) < 0)
        return [service.id, { prefix: ',', text: `Not described before ${formatMonth(service.from)}` }];
      if (service.to !== null && compareMonths(month, service.to) > 0)
        return [service.id, { prefix: ',', text: `Not described after ${formatMonth(service.to)}` }];
      const names = commissionersOf(dataset, service.id, month)
        .filter((entry) => entry.status === 'in-force')
        .map((entry) => compactName(nameAt(entry.organisation, month).name));
      return [
        service.id,
        names.length > 0
          ? { prefix: ', commissioned by', text: joinWords([...new Set(names)]) }
          : { prefix: ',', text: 'No commissioner recorded' },
      ];
    }),
  );
}

function statusMessage(query: string, count: number, total: number, browse: boolean): string {
  if (query === '') return browse ? `${total} services, by type of care` : '';
  if (count === 0) return `No services match '${query}'`;
  return `${count} ${count === 1 ? 'service matches' : 'services match'} '${query}'`;
}

/** Memoised: a month step re-renders it only once the month it is given changes (after the step has painted). */
const ServiceFinderView = memo(function ServiceFinderView({
  dataset,
  month,
  headingLevel,
  browse,
}: {
  dataset: Dataset;
  month: MonthString;
  headingLevel: HeadingLevel;
  browse: boolean;
}) {
  const store = useExplorerStoreApi();
  const [query, setQuery] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const hintId = useId();
  const statusId = useId();
  const selection = useExplorerStore(selectSelection);
  const selectedServiceId = selection?.kind === 'service' ? selection.id : undefined;

  const text = normaliseQuery(query);
  const searchModule = useServiceSearchModule(text !== '');
  const search = useMemo(() => searchModule?.createServiceSearch(dataset.services), [searchModule, dataset]);
  const commissionedBy = useMemo(() => commissionedByAt(dataset, month), [dataset, month]);
  const searching = text !== '' && !search;
  const matches = useMemo(() => (text === '' || !search ? [] : search.matches(text)), [search, text]);
  const nearest = useMemo(
    () => (searchModule && text !== '' && matches.length === 0 ? searchModule.nearestServices(dataset.services, text) : []),
    [searchModule, dataset, text, matches],
  );
  const groups = useMemo(
    () =>
      SERVICE_CATEGORIES.map((category) => ({
        category,
        services: dataset.services.filter((service) => service.category === category).sort((a, b) => compareText(a.name, b.name)),
      })).filter((group) => group.services.length > 0),
    [dataset],
  );

  const links = () => [...(resultsRef.current?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [])];

  // Enter pressed before the search has loaded (a quick typist, a slow connection): the query it
  // was pressed for, whose top match opens once the search is in, unless the query has changed.
  const enterPressedFor = useRef<string | null>(null);
  useEffect(() => {
    const pressedFor = enterPressedFor.current;
    if (pressedFor === null || !search) return;
    enterPressedFor.current = null;
    const top = matches[0];
    if (pressedFor === text && top) store.getState().select({ kind: 'service', id: top.service.id });
  }, [search, text, matches, store]);

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      // Enter opens the top match (the list below says which it is).
      if (searching) {
        event.preventDefault();
        enterPressedFor.current = text;
        return;
      }
      const top = matches[0];
      if (!top) return;
      event.preventDefault();
      store.getState().select({ kind: 'service', id: top.service.id });
    } else if (event.key === 'ArrowDown') {
      const first = links()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
    }
  };

  // Arrow keys move between results; Escape or ArrowUp from the first goes back to the field.
  const onResultsKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Escape', 'Home', 'End'].includes(event.key)) return;
    const all = links();
    const index = all.findIndex((link) => link === document.activeElement);
    if (index === -1) return;
    event.preventDefault();
    const next =
      event.key === 'ArrowDown'
        ? all[Math.min(index + 1, all.length - 1)]
        : event.key === 'ArrowUp'
          ? index === 0
            ? inputRef.current
            : all[index - 1]
          : event.key === 'Home'
            ? all[0]
            : event.key === 'End'
              ? all[all.length - 1]
              : inputRef.current;
    next?.focus();
  };

  const Heading = `h${headingLevel}` as const;
  const item = (service: Service, match?: ServiceMatch) => (
    <ServiceItem
      key={service.id}
      service={service}
      synonym={match?.matchedSynonym}
      prefix={commissionedBy.get(service.id)?.prefix}
      commissioners={commissionedBy.get(service.id)?.text}
      selected={service.id === selectedServiceId}
    />
  );

  return (
    <div className="app-services-finder">
      <div className="nhsuk-form-group app-services-finder__form-group" role="search">
        <label className="nhsuk-label nhsuk-label--s" htmlFor={inputId}>
          Find a service
        </label>
        <div className="nhsuk-hint" id={hintId}>
          For example: health visiting, dentist, NHS 111, CAMHS
        </div>
        <input
          ref={inputRef}
          className="nhsuk-input app-services-finder__input"
          id={inputId}
          type="search"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${hintId} ${statusId}`}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onInputKeyDown}
          onFocus={() => void preloadServiceSearch()}
          onPointerEnter={() => void preloadServiceSearch()}
        />
      </div>
      <p className="nhsuk-body-s app-services-finder__status" id={statusId} role="status">
        {searching ? 'Searching…' : statusMessage(text, matches.length, dataset.services.length, browse)}
      </p>
      {browse || text !== '' ? (
        <p className="nhsuk-body-s app-services-finder__month">Commissioners shown at {formatMonth(month)}.</p>
      ) : null}
      <div ref={resultsRef} className="app-services-finder__results" onKeyDown={onResultsKeyDown}>
        {searching ? null : text !== '' ? (
          matches.length > 0 ? (
            <ul className="nhsuk-list app-services-finder__list" aria-label="Matching services">
              {matches.map((match) => item(match.service, match))}
            </ul>
          ) : (
            <NoMatch dataset={dataset} query={text} nearest={nearest} item={item} />
          )
        ) : !browse ? null : (
          groups.map((group) => (
            <div className="app-services-finder__group" key={group.category}>
              <Heading className="nhsuk-heading-xs app-services-finder__group-heading" id={`${inputId}-${group.category}`}>
                {SERVICE_CATEGORY_LABELS[group.category]}
              </Heading>
              <ul className="nhsuk-list app-services-finder__list" aria-labelledby={`${inputId}-${group.category}`}>
                {group.services.map((service) => item(service))}
              </ul>
            </div>
          ))
        )}
      </div>
    </div>
  );
});

/**
 * What a search that matches nothing says: what the dataset covers, the nearest services if any
 * word of the query is like a word of theirs, and what to try instead.
 */
function NoMatch({
  dataset,
  query,
  nearest,
  item,
}: {
  dataset: Dataset;
  query: string;
  nearest: readonly Service[];
  item: (service: Service) => ReactNode;
}) {
  const categories = SERVICE_CATEGORIES.filter((category) =>
    dataset.services.some((service) => service.category === category),
  ).map((category) => SERVICE_CATEGORY_LABELS[category].toLowerCase());
  const { from, to } = dataset.meta.coverage;
  return (
    <div className="app-services-finder__none">
      <p>
        No service in the dataset is called &lsquo;{query}&rsquo; or anything like it. The dataset covers{' '}
        {dataset.services.length} services commissioned in England from {formatMonth(from)} to {formatMonth(to)}, in{' '}
        {joinWords(categories)}; it may not include this one, or may call it something else.
      </p>
      {nearest.length > 0 ? (
        <>
          <p className="app-services-finder__nearest-heading">Nearest:</p>
          <ul className="nhsuk-list app-services-finder__list" aria-label="Nearest services">
            {nearest.map((service) => item(service))}
          </ul>
        </>
      ) : null}
      <p>
        Try another word, or part of a name, such as &lsquo;dentist&rsquo;, &lsquo;hospital&rsquo; or &lsquo;GP&rsquo;; or clear
        the search to see every service by type of care.
      </p>
    </div>
  );
}

/** One service in the list; memoised, so a month step re-renders only the services whose words changed. */
const ServiceItem = memo(function ServiceItem({
  service,
  synonym,
  prefix,
  commissioners,
  selected,
}: {
  service: Service;
  synonym: string | undefined;
  prefix: string | undefined;
  commissioners: string | undefined;
  selected: boolean;
}) {
  return (
    <li className={`app-services-finder__item${selected ? ' app-services-finder__item--selected' : ''}`}>
      <EntityLink to={{ kind: 'service', id: service.id }} className="app-services-finder__link">
        <span className="app-services-finder__name">{service.name}</span>
        {synonym ? (
          <span className="app-services-finder__synonym">
            <span className="nhsuk-u-visually-hidden">,</span> also called {synonym}
          </span>
        ) : null}
        <span className="app-services-finder__commissioners">
          <span className="nhsuk-u-visually-hidden">{prefix}</span> {commissioners}
        </span>
        {selected ? (
          <>
            {' '}
            <span className="nhsuk-u-visually-hidden">(open)</span>
          </>
        ) : null}
      </EntityLink>
    </li>
  );
});
