/** Placeholder: the funding page is being built (issue 5). */
export function FundingPage() {
  return <h1 className="nhsuk-heading-l">Funding</h1>;
}
