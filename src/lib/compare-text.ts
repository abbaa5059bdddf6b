/**
 * Comparing names for sorting, in British English order. One collator, made once: String#localeCompare
 * with a locale builds a new one on every call, which is slow enough to show when sorting lists
 * at every month step.
 */
export const compareText: (a: string, b: string) => number = new Intl.Collator('en-GB').compare;

/** Comparing strings that sort as written (ISO dates, ids), without a collator. */
export function comparePlain(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
