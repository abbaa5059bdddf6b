// @vitest-environment node
/** The helpers every view shares for words and text: one of each, so the views cannot drift apart. */
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/lib/text-width';
import { capitalise, formatBillions, plural } from '../../src/lib/words';
import { wrapText } from '../../src/lib/wrap-text';

describe('plural', () => {
  it('says one and many', () => {
    expect(plural(1, 'service')).toBe('1 service');
    expect(plural(0, 'service')).toBe('0 services');
    expect(plural(41, 'link')).toBe('41 links');
    expect(plural(2, 'body was', 'bodies were')).toBe('2 bodies were');
    expect(plural(1, 'body was', 'bodies were')).toBe('1 body was');
  });
});

describe('capitalise', () => {
  it('capitalises the first letter only', () => {
    expect(capitalise('delegated commissioner')).toBe('Delegated commissioner');
    expect(capitalise('')).toBe('');
  });
});

describe('formatBillions', () => {
  it('gives the amount exactly as the source does', () => {
    expect(formatBillions(104.4)).toBe('£104.4bn');
    expect(formatBillions(0.859)).toBe('£0.859bn');
    expect(formatBillions(15)).toBe('£15bn');
  });
});

describe('wrapText', () => {
  it('breaks between words, within the limit', () => {
    const lines = wrapText('Sources: one source; another source with a long title; a third.', 20);
    expect(lines.join(' ')).toBe('Sources: one source; another source with a long title; a third.');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
    expect(wrapText('over 80 per cent of the Department of Health’s total spend', 20)).toEqual([
      'over 80 per cent of',
      'the Department of',
      'Health’s total spend',
    ]);
  });

  it('cuts a word longer than a line (an address) across lines', () => {
    const url = `https://example.org/${'x'.repeat(50)}`;
    const lines = wrapText(url, 20);
    expect(lines.join('')).toBe(url);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
  });

  it('measures in pixels when given a width', () => {
    const text = 'Who commissions what in English health and care, October 2015';
    const widthOf = (line: string) => textWidth(line, 20, true);
    const lines = wrapText(text, 300, widthOf);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(300);
  });

  it('gives no lines for no text', () => {
    expect(wrapText('   ', 20)).toEqual([]);
  });
});

describe('textWidth', () => {
  it('grows with the text, the type size and bold', () => {
    expect(textWidth('NHS England', 14)).toBeGreaterThan(textWidth('NHS', 14));
    expect(textWidth('NHS England', 16)).toBeGreaterThan(textWidth('NHS England', 14));
    expect(textWidth('NHS England', 14, true)).toBeGreaterThan(textWidth('NHS England', 14));
    // A space takes less room than a letter.
    expect(textWidth('a b', 14)).toBeLessThan(textWidth('abc', 14));
  });
});
