/** Placeholder: the tour page is being built (issue 5). */
export function TourPage() {
  return <h1 className="nhsuk-heading-l">Tour</h1>;
}
