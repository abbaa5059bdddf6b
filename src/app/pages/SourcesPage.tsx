/** Placeholder: the sources page is being built (issue 5). */
export function SourcesPage() {
  return <h1 className="nhsuk-heading-l">Sources</h1>;
}
