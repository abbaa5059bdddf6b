/** The share of a council in a CCG, in words ("all of Leeds", "40% of Leeds"); empty when unknown. */
export function shareWords(share: number | null, placeName: string): string {
  if (share === null) return '';
  return share >= 0.995 ? `all of ${placeName}` : `${Math.max(1, Math.round(share * 100))}% of ${placeName}`;
}
