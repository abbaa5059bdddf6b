import { Citations } from '../../components/Citations';
import { hrefFor } from '../../components/routing';
import { BASIS_LABELS, type FundingPair } from '../../domain/funding';
import { ContestedReason, FigureAmount } from './FundingDetails';
import type { NameOf } from './funding-words';

/**
 * Every figure of the year, the picture's text equivalent: the flow, its amount (or share), year,
 * basis and whether it is drawn, its description and its sources. One row per figure, never
 * summed: two figures for the same flow are two rows.
 */
export function FundingTable({
  pairs,
  financialYear,
  month,
  nameOf,
}: {
  pairs: readonly FundingPair[];
  financialYear: string;
  month: string;
  nameOf: NameOf;
}) {
  const organisationLink = (id: string) => <a href={hrefFor({ kind: 'organisation', id }, month)}>{nameOf(id)}</a>;
  return (
    <table className="nhsuk-table nhsuk-table--responsive app-funding__table" role="table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">Every funding figure for {financialYear}</caption>
      <thead role="rowgroup" className="nhsuk-table__head">
        <tr role="row" className="nhsuk-table__row">
          {['Flow', 'Amount (£bn) or share', 'Financial year', 'Basis', 'Description and sources'].map((heading) => (
            <th key={heading} role="columnheader" scope="col" className="nhsuk-table__header">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {pairs.flatMap((pair) =>
          pair.flows.map((flow, index) => (
            <tr role="row" className="nhsuk-table__row" key={flow.id} data-flow-id={flow.id}>
              <th scope="row" role="rowheader" className="nhsuk-table__header app-funding__table-flow">
                <span className="nhsuk-table__heading" aria-hidden="true">
                  Flow{' '}
                </span>
                <span>
                  {pair.self ? (
                    <>
                      {organisationLink(pair.payer)}:{' '}
                      {flow.basis === 'spend' ? 'its own spending' : 'kept to commission directly'}
                    </>
                  ) : (
                    <>
                      {organisationLink(pair.payer)} to {organisationLink(pair.recipient)}
                    </>
                  )}
                </span>
              </th>
              <td role="cell" className="nhsuk-table__cell">
                <span className="nhsuk-table__heading" aria-hidden="true">
                  Amount{' '}
                </span>
                <div>
                  <FigureAmount flow={flow} drawn={index === 0} />
                </div>
              </td>
              <td role="cell" className="nhsuk-table__cell">
                <span className="nhsuk-table__heading" aria-hidden="true">
                  Year{' '}
                </span>
                <span>{flow.financialYear}</span>
              </td>
              <td role="cell" className="nhsuk-table__cell">
                <span className="nhsuk-table__heading" aria-hidden="true">
                  Basis{' '}
                </span>
                <span>{BASIS_LABELS[flow.basis]}</span>
              </td>
              <td role="cell" className="nhsuk-table__cell">
                <span className="nhsuk-table__heading" aria-hidden="true">
                  About{' '}
                </span>
                <div>
                  {flow.contested ? <ContestedReason reason={flow.contested.reason} /> : null}
                  <p className="nhsuk-body-s app-funding__table-description">{flow.description}</p>
                  <Citations citations={flow.sources} heading={null} />
                </div>
              </td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
