/** Placeholder: the glossary page is being built (issue 5). */
export function GlossaryPage() {
  return <h1 className="nhsuk-heading-l">Glossary</h1>;
}
