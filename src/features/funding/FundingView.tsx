import { type Ref, type RefObject, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Dataset } from '../../data/schema';
import {
  firstMonthOfFinancialYear,
  flowsForYear,
  type FundingPair,
  fundingImbalances,
  fundingOrganisationOrder,
  fundingPairs,
  missingFlows,
  yearsWithFigures,
} from '../../domain/funding';
import { formatBillions } from '../../lib/words';
import { financialYearOf, type MonthString } from '../../domain/months';
import { nameAt } from '../../domain/organisations';
import { selectDataset, selectMonth, selectSetMonth, useExplorerStore } from '../../store';
import { FundingDetails } from './FundingDetails';
import { FundingSankey, type FundingTarget } from './FundingSankey';
import { FundingTable } from './FundingTable';
import { fundingSankeyLayout, fundingSankeyScale, MISSING_COLOUR, SHARE_COLOUR } from './sankey-layout';
import './funding.css';

/** The picture is never drawn narrower than this: on a phone it scrolls sideways inside its own frame. */
export const MIN_PICTURE_WIDTH = 680;

/**
 * The funding view of the store's month: its financial year's figures as a flow diagram and as a
 * table, a year picker (which moves the month to the year's first month), and plain words for
 * every gap, share, double figure and sum that does not add up.
 */
export function FundingView({ svgRef }: { svgRef?: Ref<SVGSVGElement> }) {
  const dataset = useExplorerStore(selectDataset);
  const month = useExplorerStore(selectMonth);
  if (!dataset || !month) return null;
  return <FundingYear dataset={dataset} month={month} svgRef={svgRef} />;
}

function FundingYear({ dataset, month, svgRef }: { dataset: Dataset; month: MonthString; svgRef?: Ref<SVGSVGElement> }) {
  const financialYear = financialYearOf(month);
  const years = useMemo(() => yearsWithFigures(dataset.funding), [dataset.funding]);
  const flows = useMemo(() => flowsForYear(dataset.funding, financialYear), [dataset.funding, financialYear]);
  const organisations = useMemo(() => new Map(dataset.organisations.map((org) => [org.id, org])), [dataset.organisations]);
  const fullName = useCallback(
    (id: string) => {
      const org = organisations.get(id);
      return org ? nameAt(org, month).name : id;
    },
    [organisations, month],
  );

  return (
    <section className="app-funding" aria-labelledby="funding-year-heading">
      <YearPicker years={years} current={financialYear} coverage={dataset.meta.coverage} />
      <h2 className="nhsuk-heading-m app-funding__year-heading" id="funding-year-heading">
        Funding flows in {financialYear}
      </h2>
      {flows.length === 0 ? (
        <div className="nhsuk-inset-text app-funding__no-figures" data-testid="funding-no-figures">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            <strong>No funding figures in the dataset for {financialYear}.</strong>
          </p>
          <p>
            {years.length > 0
              ? `The dataset has figures for ${listWords(years)}: choose one of those years above, or move the timeline.`
              : 'The dataset has no funding figures for any year.'}{' '}
            Nothing is drawn rather than a guess.
          </p>
        </div>
      ) : (
        <FundingFigures
          // A new year starts with nothing pointed at; the year picker above keeps its focus.
          key={financialYear}
          dataset={dataset}
          month={month}
          financialYear={financialYear}
          flows={flows}
          fullName={fullName}
          svgRef={svgRef}
        />
      )}
    </section>
  );
}

function FundingFigures({
  dataset,
  month,
  financialYear,
  flows,
  fullName,
  svgRef,
}: {
  dataset: Dataset;
  month: MonthString;
  financialYear: string;
  flows: Dataset['funding'];
  fullName: (id: string) => string;
  svgRef?: Ref<SVGSVGElement>;
}) {
  const frameRef = useRef<HTMLDivElement>(null);
  const frameWidth = useFrameWidth(frameRef);
  const organisations = useMemo(() => new Map(dataset.organisations.map((org) => [org.id, org])), [dataset.organisations]);
  const shortName = useCallback(
    (id: string) => {
      const org = organisations.get(id);
      return org ? nameAt(org, month).shortName : id;
    },
    [organisations, month],
  );
  const pairs = useMemo(() => fundingPairs(flows), [flows]);
  const missing = useMemo(
    () => missingFlows(dataset.funding, financialYear, dataset.organisations),
    [dataset.funding, dataset.organisations, financialYear],
  );
  const order = useMemo(() => fundingOrganisationOrder(dataset.funding), [dataset.funding]);
  const width = Math.max(MIN_PICTURE_WIDTH, frameWidth);
  // One scale for every year, so that a band of the same width is the same money in any year.
  const scale = useMemo(
    () =>
      fundingSankeyScale(
        yearsWithFigures(dataset.funding).map((year) => ({
          flows: flowsForYear(dataset.funding, year),
          missing: missingFlows(dataset.funding, year, dataset.organisations),
        })),
        { width, order },
      ),
    [dataset.funding, dataset.organisations, width, order],
  );
  const layout = useMemo(
    () => fundingSankeyLayout(flows, { width, missing, nameOf: shortName, order, height: scale.height, pxPerBn: scale.pxPerBn }),
    [flows, width, missing, shortName, order, scale],
  );
  const imbalances = useMemo(() => fundingImbalances(pairs), [pairs]);
  const [pointed, setPointed] = useState<FundingTarget>(null);
  const [focused, setFocused] = useState<FundingTarget>(null);
  const shown = pointed ?? focused;
  const doubles = pairs.filter((pair) => pair.flows.length > 1);
  const selves = pairs.filter((pair) => pair.self);
  const shares = pairs.filter((pair) => !pair.drawn);

  return (
    <>
      <div className="app-funding__grid">
        <div className="app-funding__picture">
          <figure className="app-funding__figure-frame">
            <div className="app-funding__frame" ref={frameRef} data-testid="funding-frame">
              <FundingSankey
                layout={layout}
                financialYear={financialYear}
                month={month}
                dataset={dataset}
                nameOf={fullName}
                active={shown}
                onPoint={setPointed}
                onFocusTarget={setFocused}
                svgRef={svgRef}
              />
            </div>
            <figcaption>
              <p className="nhsuk-body-s app-funding__scroll-hint">The picture is wider than the screen: scroll it sideways.</p>
              <Key />
            </figcaption>
          </figure>
        </div>
        <div className="app-funding__aside">
          <FundingDetails
            target={shown}
            layout={layout}
            pairs={pairs}
            financialYear={financialYear}
            month={month}
            nameOf={fullName}
          />
        </div>
      </div>
      <div className="app-funding__notes">
        <h3 className="nhsuk-heading-xs">Reading the figures for {financialYear}</h3>
        <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
          <li>
            Every amount is in £ billions, exactly as its source gives it; nothing is estimated or filled in. Every year is drawn
            to the same scale, so a band of the same width is the same amount in any year.
          </li>
          {missing.length > 0 ? (
            <li data-testid="funding-missing">
              No figure in the dataset for {financialYear}:{' '}
              {missing.map((gap) => `${fullName(gap.payer)} to ${fullName(gap.recipient)}`).join('; ')}. Each is a dotted line
              marked “no figure”, not a guess.
            </li>
          ) : null}
          {selves.length > 0 ? (
            <li>
              Money a body keeps to commission services itself, or its own spending, is drawn into a white box of its own (
              {selves.map((pair) => fullName(pair.payer)).join(', ')}): a flow from a body to itself cannot be drawn.
            </li>
          ) : null}
          {doubles.map((pair) => (
            <li key={pair.key}>
              Two or more figures for {fullName(pair.payer)} to {fullName(pair.recipient)} on different bases (
              {pair.flows
                .map((flow) =>
                  flow.amountBn === undefined ? `a share: ${flow.share ?? ''}` : `${formatBillions(flow.amountBn)} ${flow.basis}`,
                )
                .join('; ')}
              ). {pair.drawn ? `Only ${figureShort(pair.drawn)} is drawn` : 'Only the first is drawn'}; they are not added, as
              that would count the same money twice.
            </li>
          ))}
          {shares.map((pair) => (
            <li key={pair.key}>
              {fullName(pair.payer)} to {fullName(pair.recipient)} is given only as a share ({pair.shareOnly}), so it is a dashed
              line not drawn to scale.
            </li>
          ))}
          {imbalances.map((imbalance) => (
            <li key={imbalance.organisation} data-testid="funding-imbalance">
              The figures into and out of {fullName(imbalance.organisation)} do not add up, and are not made to: into it{' '}
              {inWords(pairs, imbalance.organisation)}, out of it {outWords(pairs, imbalance.organisation)}. They come from
              different sources, on different bases, and the dataset does not have every flow.
            </li>
          ))}
        </ul>
      </div>
      <FundingTable pairs={pairs} financialYear={financialYear} month={month} nameOf={fullName} />
    </>
  );
}

function figureShort(flow: FundingPair['flows'][number]): string {
  return flow.amountBn === undefined ? `the share` : `the ${formatBillions(flow.amountBn)} ${flow.basis}`;
}

function inWords(pairs: readonly FundingPair[], organisation: string): string {
  return listWords(
    pairs
      .filter((pair) => !pair.self && pair.recipient === organisation && pair.drawn?.amountBn !== undefined)
      .map((pair) => formatBillions(pair.drawn?.amountBn ?? 0)),
  );
}

function outWords(pairs: readonly FundingPair[], organisation: string): string {
  return listWords(
    pairs
      .filter((pair) => pair.payer === organisation && pair.drawn?.amountBn !== undefined)
      .map((pair) => formatBillions(pair.drawn?.amountBn ?? 0)),
  );
}

/** "a", "a and b", "a, b and c" */
function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** The financial years with figures as buttons; choosing one moves the month to its first month. */
function YearPicker({
  years,
  current,
  coverage,
}: {
  years: readonly string[];
  current: string;
  coverage: Dataset['meta']['coverage'];
}) {
  const setMonth = useExplorerStore(selectSetMonth);
  const month = useExplorerStore(selectMonth);
  if (years.length === 0) return null;
  return (
    <div className="app-funding__years" role="group" aria-labelledby="funding-years-label">
      <p className="nhsuk-label app-funding__years-label" id="funding-years-label">
        Financial years with figures
      </p>
      <ul className="app-funding__year-list">
        {years.map((year) => {
          const first = firstMonthOfFinancialYear(year, coverage);
          return (
            <li key={year}>
              <button
                type="button"
                className="app-funding__year-button"
                aria-pressed={year === current}
                disabled={first === undefined}
                onClick={() => {
                  if (first && month && financialYearOf(month) !== year) setMonth(first);
                }}
              >
                {year}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** What each mark means, in words beside a small sample of it (never colour alone). */
function Key() {
  return (
    <ul className="app-funding__key" aria-label="Key to the picture">
      <li>
        <svg width="36" height="14" aria-hidden="true" focusable="false">
          <line x1="0" y1="7" x2="36" y2="7" stroke="#005eb8" strokeOpacity="0.45" strokeWidth="10" />
        </svg>
        A figure, as wide as its amount
      </li>
      <li>
        <svg width="36" height="14" aria-hidden="true" focusable="false">
          <line x1="0" y1="7" x2="36" y2="7" stroke={SHARE_COLOUR} strokeWidth="6" strokeDasharray="8 5" />
        </svg>
        A share, not to scale
      </li>
      <li>
        <svg width="36" height="14" aria-hidden="true" focusable="false">
          <line x1="0" y1="7" x2="36" y2="7" stroke={MISSING_COLOUR} strokeWidth="2" strokeDasharray="2 4" />
        </svg>
        No figure this year
      </li>
      <li>
        <svg width="36" height="14" aria-hidden="true" focusable="false">
          <rect x="12" y="1" width="12" height="12" fill="#fff" stroke="#003087" strokeWidth="2" />
        </svg>
        A body’s own money (kept or spent itself)
      </li>
      <li>
        <span className="app-funding__key-flag" aria-hidden="true">
          ⚑
        </span>
        Sources differ (reason in the table)
      </li>
    </ul>
  );
}

/** The frame's width, followed as the window changes (0 until measured, and where there is no ResizeObserver). */
function useFrameWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
