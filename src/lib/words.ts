/** Words every view shares: a count with its noun, a sentence's capital letter, an amount of money. */

/** "1 service", "2 services"; `many` for a plural that is not the noun plus "s" ("1 body", "2 bodies"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "proposed" → "Proposed": a phrase at the start of a sentence or as a heading. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** £ billions exactly as the source gives them: 104.4 → "£104.4bn", 0.859 → "£0.859bn", 15 → "£15bn". */
export function formatBillions(amountBn: number): string {
  return `£${String(amountBn)}bn`;
}
