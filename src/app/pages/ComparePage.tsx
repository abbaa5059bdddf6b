/** Placeholder: the compare page is being built (issue 5). */
export function ComparePage() {
  return <h1 className="nhsuk-heading-l">Compare</h1>;
}
