/**
 * Comparing names for sorting, in British English order. One collator, made on first use:
 * String#localeCompare with a locale builds a new one on every call, slow enough to show when
 * sorting lists at every month step; and building one takes tens of milliseconds (it loads the
 * locale's rules), which at module load would lengthen the page's first task.
 */
let collator: Intl.Collator | undefined;

function theCollator(): Intl.Collator {
  collator ??= new Intl.Collator('en-GB');
  return collator;
}

export function compareText(a: string, b: string): number {
  return theCollator().compare(a, b);
}

/**
 * Makes the collator now, when the page has nothing else to do (while the data loads), so that its
 * first comparison, in a list drawn just after the first map, does not pay for it.
 */
export function prepareCompareText(): void {
  theCollator();
}

/** Comparing strings that sort as written (ISO dates, ids), without a collator. */
export function comparePlain(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
