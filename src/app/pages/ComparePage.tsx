/**
 * #/compare?from=2012-06&to=2016-06 — two months side by side (March and April 2013 by default): on the map, with what began, ended
 * or moved marked, and as a list grouped by kind. The address is the state: the pickers write it,
 * and an odd address (a month out of range or malformed, the later month first, a missing month)
 * is corrected in place with a notice saying what was changed.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isEmbedSearch, useEmbedMode, withEmbed } from '../../components/embed';
import { ViewActions } from '../../components/ViewActions';
import type { Dataset } from '../../data/schema';
import { comparisonBetween } from '../../domain/comparison';
import { clampMonth, compareMonths, formatMonth, type MonthString } from '../../domain/months';
import { ComparePickers, ComparisonList, comparisonSourceTitles, summaryLine } from '../../features/compare';
import { MapView } from '../../features/graph';
import { locationFor } from '../../components/routing';
import { selectData, useExplorerStore, useExplorerStoreApi } from '../../store';
import { type Coverage, resolveDate } from '../address';

export interface ResolvedComparisonAddress {
  from: MonthString;
  to: MonthString;
  /** what was corrected, in words; null when the address was already as it should be */
  notice: string | null;
  /** the router location this address should read, e.g. "/compare?from=2012-06&to=2016-06" */
  canonical: string;
}

const KNOWN_PARAMETERS = new Set(['from', 'to', 'embed']);

/**
 * With neither month given, the page compares March with April 2013, the month the 2012 reforms
 * took effect (the whole span made a page of some 19,000 px). A dataset that does not cover them
 * is compared from its first month to its last.
 */
export const DEFAULT_COMPARISON = { from: '2013-03', to: '2013-04' } as const;

/** The path and query of a comparison, keeping the embed mode. */
export function comparisonLocation(from: MonthString, to: MonthString, embed: boolean): string {
  return withEmbed(`/compare?from=${from}&to=${to}`, embed);
}

/**
 * Reads `from` and `to` from the query: with neither given, March and April 2013
 * (DEFAULT_COMPARISON); with one missing, it defaults to the start (from) or end (to) of the
 * dataset; a month out of range or malformed is read as resolveDate reads the explorer's `date`;
 * the later month given first is swapped. Every correction is said in the notice.
 */
export function resolveComparisonAddress(search: string, coverage: Coverage): ResolvedComparisonAddress {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const given = (name: 'from' | 'to') => (params.get(name) ?? '').trim() !== '';
  const neither = !given('from') && !given('to');
  const read = (name: 'from' | 'to', fallback: MonthString): MonthString => {
    const values = params.getAll(name);
    const raw = values[0];
    if (values.length > 1 && values.some((value) => value !== raw))
      notices.push(`The address gave “${name}” ${values.length} times; only the first counts.`);
    if (raw === undefined || raw.trim() === '') return fallback;
    const { month, notice } = resolveDate(raw, coverage);
    if (notice) notices.push(`For “${name}”: ${notice}`);
    return month;
  };
  const reforms =
    neither &&
    clampMonth(DEFAULT_COMPARISON.from, coverage.from, coverage.to) === DEFAULT_COMPARISON.from &&
    clampMonth(DEFAULT_COMPARISON.to, coverage.from, coverage.to) === DEFAULT_COMPARISON.to;
  let from = read('from', reforms ? DEFAULT_COMPARISON.from : coverage.from);
  let to = read('to', reforms ? DEFAULT_COMPARISON.to : coverage.to);
  if (compareMonths(from, to) > 0) {
    [from, to] = [to, from];
    notices.push(
      `The address gave the later month first, so the two were swapped: showing the changes from ${formatMonth(from)} to ${formatMonth(to)}.`,
    );
  }
  const unknown = [...new Set([...params.keys()].filter((name) => !KNOWN_PARAMETERS.has(name)))];
  if (unknown.length > 0)
    notices.push(
      `The address had ${unknown.length === 1 ? 'a part' : 'parts'} this page does not use (${unknown
        .slice(0, 3)
        .map((name) => `“${name.slice(0, 40)}”`)
        .join(', ')}${unknown.length > 3 ? ` and ${unknown.length - 3} more` : ''}), now left out.`,
    );
  return {
    from,
    to,
    notice: notices.length > 0 ? notices.join(' ') : null,
    canonical: comparisonLocation(from, to, isEmbedSearch(search)),
  };
}

export function ComparePage() {
  const data = useExplorerStore(selectData);
  if (data.status === 'loading') return <p role="status">Loading the dataset…</p>;
  if (!data.dataset)
    return (
      <>
        <h1 className="nhsuk-heading-l">Compare two dates</h1>
        <p className="nhsuk-body">The dataset could not be read, so there is nothing to compare.</p>
      </>
    );
  return <ComparisonOfDataset dataset={data.dataset} />;
}

/** The notice a correction leaves in the history entry it wrote, so it is still shown after the address changes. */
interface CorrectionState {
  compareNotice?: string | null;
}

function ComparisonOfDataset({ dataset }: { dataset: Dataset }) {
  const location = useLocation();
  const navigate = useNavigate();
  const embed = useEmbedMode();
  const mapRef = useRef<HTMLDivElement | null>(null);
  const { coverage } = dataset.meta;
  const resolved = useMemo(() => resolveComparisonAddress(location.search, coverage), [location.search, coverage]);
  const { from, to } = resolved;
  const current = `${location.pathname}${location.search}`;
  const needsCorrection = resolved.canonical !== current;
  const notice = resolved.notice ?? (location.state as CorrectionState | null)?.compareNotice ?? null;

  // Correct an odd address in place; the notice travels with the corrected history entry.
  useEffect(() => {
    if (needsCorrection) void navigate(resolved.canonical, { replace: true, state: { compareNotice: resolved.notice } });
  }, [needsCorrection, resolved, navigate]);

  const comparison = useMemo(() => comparisonBetween(dataset, from, to), [dataset, from, to]);
  useOpenChosenAt(to, embed);
  const onChange = useCallback(
    (nextFrom: MonthString, nextTo: MonthString) => void navigate(comparisonLocation(nextFrom, nextTo, embed), { replace: true }),
    [navigate, embed],
  );
  const getSvg = useCallback(() => mapRef.current?.querySelector<SVGSVGElement>('svg.app-graph__svg') ?? null, []);
  const caption = useMemo(
    () => ({
      title: `Changes from ${formatMonth(from)} to ${formatMonth(to)}`,
      date: `${formatMonth(from)} and ${formatMonth(to)}`,
      sources: comparisonSourceTitles(comparison, dataset.sources),
    }),
    [comparison, dataset.sources, from, to],
  );

  return (
    <div className="app-compare">
      <h1 className="nhsuk-heading-l">Compare two dates</h1>
      {embed ? null : (
        <p className="nhsuk-body">
          Choose two months to see what came into being, what ended, which services changed commissioner and which counts changed
          between them, on the map and as a list. Every change links to its sources.
        </p>
      )}
      {notice ? (
        <div className="nhsuk-inset-text app-compare-notice" role="status">
          <span className="nhsuk-u-visually-hidden">Notice: </span>
          <p>{notice}</p>
        </div>
      ) : null}
      <ComparePickers coverage={coverage} from={from} to={to} onChange={onChange} />
      <p className="nhsuk-body app-compare-summary" aria-live="polite">
        {summaryLine(comparison)}
      </p>
      <ViewActions getSvg={getSvg} caption={caption} fileName={`changes-${from}-to-${to}`} />
      <div ref={mapRef} className="app-compare-map">
        <MapView comparison={{ from, to }} />
      </div>
      <ComparisonList comparison={comparison} />
    </div>
  );
}

/**
 * Choosing a body or service on the comparison map (which selects it in the store, as on the
 * explorer's map) opens it in the explorer at the later month, where its panel can be read.
 */
function useOpenChosenAt(month: MonthString, embed: boolean) {
  const store = useExplorerStoreApi();
  const navigate = useNavigate();
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.selection && state.selection !== previous.selection) void navigate(locationFor(state.selection, month, embed));
      }),
    [store, navigate, month, embed],
  );
}
