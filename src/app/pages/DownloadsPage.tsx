/** Placeholder: the downloads page is being built (issue 5). */
export function DownloadsPage() {
  return <h1 className="nhsuk-heading-l">Downloads</h1>;
}
