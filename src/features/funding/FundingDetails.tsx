import { Citations } from '../../components/Citations';
import { hrefFor } from '../../components/routing';
import type { FundingFlow } from '../../data/schema';
import { BASIS_LABELS, type FundingPair } from '../../domain/funding';
import { formatBillions } from '../../lib/words';
import type { NameOf } from './funding-words';
import type { FundingTarget } from './FundingSankey';
import type { FundingSankeyLayout } from './sankey-layout';

/**
 * What is pointed at or focused in the picture, in full: each figure with its amount (or share),
 * financial year, basis, description and sources. Shown beside the picture on hover and focus.
 */
export function FundingDetails({
  target,
  layout,
  pairs,
  financialYear,
  month,
  nameOf,
}: {
  target: FundingTarget;
  layout: FundingSankeyLayout;
  pairs: readonly FundingPair[];
  financialYear: string;
  month: string;
  nameOf: NameOf;
}) {
  const link = target?.kind === 'link' ? layout.links.find((candidate) => candidate.id === target.id) : undefined;
  const node = target?.kind === 'node' ? layout.nodes.find((candidate) => candidate.id === target.id) : undefined;
  return (
    <div className="app-funding__details" data-testid="funding-details">
      {link?.pair ? (
        <PairDetails pair={link.pair} financialYear={financialYear} nameOf={nameOf} />
      ) : link?.missing ? (
        <>
          <h3 className="nhsuk-heading-xs app-funding__details-title">
            {nameOf(link.missing.payer)} → {nameOf(link.missing.recipient)}
          </h3>
          <p className="nhsuk-body-s">
            <strong>No figure in the dataset for {financialYear}.</strong> The dotted line only marks the gap; no amount is
            guessed. The dataset gives figures for it in {link.missing.yearsWithFigures.join(', ')}.
          </p>
        </>
      ) : node ? (
        <NodeDetails organisation={node.organisation} pairs={pairs} financialYear={financialYear} month={month} nameOf={nameOf} />
      ) : (
        <p className="nhsuk-body-s app-funding__details-hint">
          Point at a band or move to it with the Tab key to see its figure, financial year, basis and source here.
        </p>
      )}
    </div>
  );
}

function PairDetails({ pair, financialYear, nameOf }: { pair: FundingPair; financialYear: string; nameOf: NameOf }) {
  return (
    <>
      <h3 className="nhsuk-heading-xs app-funding__details-title">
        {pair.self ? `${nameOf(pair.payer)}: its own money` : `${nameOf(pair.payer)} → ${nameOf(pair.recipient)}`},{' '}
        {financialYear}
      </h3>
      {pair.self ? (
        <p className="nhsuk-body-s app-funding__details-note">
          Payer and recipient are the same body, so this is drawn into a box of its own rather than as a flow from the body to
          itself.
        </p>
      ) : null}
      {pair.flows.length > 1 ? (
        <p className="nhsuk-body-s app-funding__details-note">
          The dataset gives {pair.flows.length} figures for this flow on different bases.{' '}
          {pair.drawn?.amountBn !== undefined
            ? `Only the first, ${formatBillions(pair.drawn.amountBn)} (${pair.drawn.basis}), is drawn`
            : 'Only the first is drawn, as a share not to scale'}
          ; they are not added, as that would count the same money twice.
        </p>
      ) : null}
      <ul className="nhsuk-list app-funding__details-list">
        {pair.flows.map((flow, index) => (
          <li key={flow.id}>
            <FigureSummary flow={flow} drawn={index === 0} />
            <p className="nhsuk-body-s">{flow.description}</p>
            <Citations citations={flow.sources} heading={null} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** A figure's amount or share, its year and basis, and whether it is drawn. */
export function FigureSummary({ flow, drawn, withReason = true }: { flow: FundingFlow; drawn: boolean; withReason?: boolean }) {
  return (
    <>
      <p className="app-funding__figure">
        {flow.amountBn !== undefined ? (
          <span className="app-funding__amount">{formatBillions(flow.amountBn)}</span>
        ) : (
          <span className="app-funding__share">Share: {flow.share}</span>
        )}{' '}
        <span className="app-funding__figure-meta">
          {flow.financialYear} · {BASIS_LABELS[flow.basis]}
          {flow.amountBn !== undefined && flow.share ? ` · ${flow.share}` : ''}
        </span>
        {flow.amountBn === undefined && drawn ? (
          <strong className="nhsuk-tag nhsuk-tag--grey app-funding__tag">Share, not to scale</strong>
        ) : null}
        {!drawn ? <strong className="nhsuk-tag nhsuk-tag--grey app-funding__tag">Not drawn: same flow, not added</strong> : null}
      </p>
      {flow.contested ? (
        withReason ? (
          <ContestedReason reason={flow.contested.reason} />
        ) : (
          <p className="app-funding__contested">
            <strong className="nhsuk-tag nhsuk-tag--orange app-funding__tag">⚑ Sources differ</strong>
          </p>
        )
      ) : null}
    </>
  );
}

/** The visible "Sources differ" mark with the record's reason. */
export function ContestedReason({ reason }: { reason: string }) {
  return (
    <p className="nhsuk-body-s app-funding__contested">
      <strong className="nhsuk-tag nhsuk-tag--orange app-funding__tag">⚑ Sources differ</strong> {reason}
    </p>
  );
}

function NodeDetails({
  organisation,
  pairs,
  financialYear,
  month,
  nameOf,
}: {
  organisation: string;
  pairs: readonly FundingPair[];
  financialYear: string;
  month: string;
  nameOf: NameOf;
}) {
  const into = pairs.filter((pair) => !pair.self && pair.recipient === organisation);
  const outOf = pairs.filter((pair) => pair.payer === organisation);
  const words = (pair: FundingPair, other: string) => {
    const figure = pair.drawn?.amountBn !== undefined ? formatBillions(pair.drawn.amountBn) : `a share (${pair.shareOnly ?? ''})`;
    return `${figure} ${other}`;
  };
  return (
    <>
      <h3 className="nhsuk-heading-xs app-funding__details-title">
        {nameOf(organisation)}, {financialYear}
      </h3>
      {into.length > 0 ? (
        <p className="nhsuk-body-s">In: {into.map((pair) => words(pair, `from ${nameOf(pair.payer)}`)).join('; ')}.</p>
      ) : null}
      {outOf.length > 0 ? (
        <p className="nhsuk-body-s">
          Out: {outOf.map((pair) => words(pair, pair.self ? 'kept or spent itself' : `to ${nameOf(pair.recipient)}`)).join('; ')}.
        </p>
      ) : null}
      {into.length === 0 && outOf.length === 0 ? (
        <p className="nhsuk-body-s">No figure in the dataset for money into or out of it in {financialYear}.</p>
      ) : null}
      <p className="nhsuk-body-s">
        <a href={hrefFor({ kind: 'organisation', id: organisation }, month)}>See {nameOf(organisation)} on the map</a>
      </p>
    </>
  );
}

/** A figure's amount (or its share) and how it is drawn, for the table's amount column. */
export function FigureAmount({ flow, drawn }: { flow: FundingFlow; drawn: boolean }) {
  return (
    <>
      {flow.amountBn !== undefined ? (
        <span className="app-funding__amount">{formatBillions(flow.amountBn)}</span>
      ) : (
        <span className="app-funding__share">Share: {flow.share}</span>
      )}
      {flow.amountBn !== undefined && flow.share ? <span className="app-funding__figure-meta"> ({flow.share})</span> : null}
      {flow.amountBn === undefined && drawn ? (
        <strong className="nhsuk-tag nhsuk-tag--grey app-funding__tag app-funding__tag--block">Share, not to scale</strong>
      ) : null}
      {!drawn ? (
        <strong className="nhsuk-tag nhsuk-tag--grey app-funding__tag app-funding__tag--block">
          Not drawn: same flow, not added
        </strong>
      ) : null}
      {flow.contested ? (
        <strong className="nhsuk-tag nhsuk-tag--orange app-funding__tag app-funding__tag--block">⚑ Sources differ</strong>
      ) : null}
    </>
  );
}
