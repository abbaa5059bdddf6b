/**
 * Breaks text into lines no wider than `maxWidth`, between words where it can; a word wider than a
 * line (an address) is cut across lines. Width is measured by `widthOf`: characters by default, or
 * pixels with textWidth (text-width.ts) for type whose size is known.
 */
export function wrapText(text: string, maxWidth: number, widthOf: (line: string) => number = (line) => line.length): string[] {
  const fits = (line: string) => widthOf(line) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const longer = line ? `${line} ${word}` : word;
    if (fits(longer)) {
      line = longer;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (!fits(rest)) {
      // As many characters as fit, and at least one, so that the loop ends.
      let cut = 1;
      while (cut < rest.length && fits(rest.slice(0, cut + 1))) cut += 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}
