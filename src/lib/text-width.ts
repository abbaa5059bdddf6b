/**
 * How wide a line of text is, without a DOM: the layout runs in Node at build time, so it cannot
 * measure text. Advance widths are Arial's (and Liberation Sans's, which matches it metric for
 * metric), in thousandths of an em; the map draws its text in that family, so the estimate holds.
 * The one estimate of text width: the map's layout, the funding picture's labels and an exported
 * picture's caption all measure with it.
 */
const ARIAL_ADVANCES: Record<string, number> = {
  ' ': 278,
  '!': 278,
  "'": 191,
  '’': 222,
  '(': 333,
  ')': 333,
  ',': 278,
  '-': 333,
  '.': 278,
  '/': 278,
  ':': 278,
  '&': 667,
  '·': 333,
  '–': 556,
  '—': 1000,
  '…': 1000,
  '~': 584,
  '+': 584,
  '%': 889,
  A: 667,
  B: 667,
  C: 722,
  D: 722,
  E: 667,
  F: 611,
  G: 778,
  H: 722,
  I: 278,
  J: 500,
  K: 667,
  L: 556,
  M: 833,
  N: 722,
  O: 778,
  P: 667,
  Q: 778,
  R: 722,
  S: 667,
  T: 611,
  U: 722,
  V: 667,
  W: 944,
  X: 667,
  Y: 667,
  Z: 611,
  a: 556,
  b: 556,
  c: 500,
  d: 556,
  e: 556,
  f: 278,
  g: 556,
  h: 556,
  i: 222,
  j: 222,
  k: 500,
  l: 222,
  m: 833,
  n: 556,
  o: 556,
  p: 556,
  q: 556,
  r: 333,
  s: 500,
  t: 278,
  u: 556,
  v: 500,
  w: 722,
  x: 500,
  y: 500,
  z: 500,
};
const DIGIT_ADVANCE = 556;
const OTHER_ADVANCE = 600;
/** Bold glyphs are wider; a flat factor errs on the wide side for the letters the map uses. */
const BOLD_FACTOR = 1.1;

export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const char of text) units += ARIAL_ADVANCES[char] ?? (char >= '0' && char <= '9' ? DIGIT_ADVANCE : OTHER_ADVANCE);
  return (units / 1000) * fontSize * (bold ? BOLD_FACTOR : 1);
}

/** The text cut to fit `maxWidth`, with an ellipsis where it was cut (the whole name stays in the node's accessible name). */
export function fitText(text: string, fontSize: number, maxWidth: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const words = text.split(' ');
  let fitted = '';
  for (const word of words) {
    const next = fitted ? `${fitted} ${word}` : word;
    if (textWidth(`${next}…`, fontSize, bold) > maxWidth) break;
    fitted = next;
  }
  if (!fitted) {
    // One long word: cut it letter by letter.
    for (const char of text) {
      if (textWidth(`${fitted}${char}…`, fontSize, bold) > maxWidth) break;
      fitted += char;
    }
  }
  return `${fitted.replace(/[\s,;:–-]+$/, '')}…`;
}
