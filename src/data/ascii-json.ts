/**
 * A fast way to read a JSON file's UTF-8 bytes: the same JSON with every character beyond ASCII
 * written as a \u escape, so that the text is pure ASCII. A browser decodes ASCII bytes about twice
 * as fast as UTF-8 with accents and typographic quotes in it (in Chromium's worker, the 100×
 * dataset's four large files took about 0.29 s against 0.53 s), and the string it gives takes one
 * byte a character rather than two, so JSON.parse reads it faster and the values it makes cost
 * less to keep and to copy to the page. JSON allows characters beyond ASCII only inside strings,
 * where an escape stands for the same character, so a valid file parses to exactly the same value;
 * a file that is not valid JSON is no more valid escaped, and its problem is then reported from
 * the text as decoded (load.ts), so its message is unchanged.
 */

const BACKSLASH = 0x5c;
const LOWER_U = 0x75;
const HEX = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

/**
 * The text of UTF-8 `bytes` as ASCII JSON (characters beyond ASCII escaped), or null when the
 * bytes are not well-formed UTF-8 (then decode them as usual: the decoder's replacement characters
 * are what the file says). A leading byte order mark is dropped, as TextDecoder drops it.
 */
export function asciiJsonText(bytes: Uint8Array): string | null {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const decoder = new TextDecoder();
  // First where the characters beyond ASCII are (few: a quote, a dash, an accent here and there),
  // four bytes at a time where it can; then the text, copied around them.
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : null;
  const found: number[] = [];
  let extra = 0;
  let index = start;
  while (index < bytes.length) {
    if (words && (index & 3) === 0 && index >> 2 < words.length && ((words[index >> 2] as number) & 0x80808080) === 0) {
      index += 4;
      continue;
    }
    if ((bytes[index] as number) < 0x80) {
      index += 1;
      continue;
    }
    const point = codePointAt(bytes, index);
    if (point === null) return null;
    const [codePoint, size] = point;
    found.push(index, codePoint, size);
    extra += (codePoint > 0xffff ? 12 : 6) - size;
    index += size;
  }
  if (found.length === 0) return decoder.decode(start === 0 ? bytes : bytes.subarray(start));
  const out = new Uint8Array(bytes.length - start + extra);
  let written = 0;
  const escape = (unit: number) => {
    out[written] = BACKSLASH;
    out[written + 1] = LOWER_U;
    out[written + 2] = HEX[(unit >> 12) & 15] as number;
    out[written + 3] = HEX[(unit >> 8) & 15] as number;
    out[written + 4] = HEX[(unit >> 4) & 15] as number;
    out[written + 5] = HEX[unit & 15] as number;
    written += 6;
  };
  let copiedUpTo = start;
  for (let entry = 0; entry < found.length; entry += 3) {
    const at = found[entry] as number;
    const codePoint = found[entry + 1] as number;
    out.set(bytes.subarray(copiedUpTo, at), written);
    written += at - copiedUpTo;
    if (codePoint > 0xffff) {
      const offset = codePoint - 0x10000;
      escape(0xd800 + (offset >> 10));
      escape(0xdc00 + (offset & 0x3ff));
    } else escape(codePoint);
    copiedUpTo = at + (found[entry + 2] as number);
  }
  out.set(bytes.subarray(copiedUpTo), written);
  return decoder.decode(out);
}
const continuation = (byte: number | undefined): byte is number => byte !== undefined && (byte & 0xc0) === 0x80;
/** The well-formed UTF-8 character at `index` (its code point and byte length), or null. */
function codePointAt(bytes: Uint8Array, index: number): [number, number] | null {
  const first = bytes[index] as number;
  const second = bytes[index + 1];
  if (first >= 0xc2 && first <= 0xdf) return continuation(second) ? [((first & 0x1f) << 6) | (second & 0x3f), 2] : null;
  const third = bytes[index + 2];
  if (first >= 0xe0 && first <= 0xef) {
    if (!continuation(second) || !continuation(third)) return null;
    const codePoint = ((first & 0x0f) << 12) | ((second & 0x3f) << 6) | (third & 0x3f);
    // Overlong forms and surrogates are not well-formed.
    return codePoint < 0x800 || (codePoint >= 0xd800 && codePoint <= 0xdfff) ? null : [codePoint, 3];
  }
  const fourth = bytes[index + 3];
  if (first >= 0xf0 && first <= 0xf4) {
    if (!continuation(second) || !continuation(third) || !continuation(fourth)) return null;
    const codePoint = ((first & 0x07) << 18) | ((second & 0x3f) << 12) | ((third & 0x3f) << 6) | (fourth & 0x3f);
    return codePoint < 0x10000 || codePoint > 0x10ffff ? null : [codePoint, 4];
  }
  return null;
}
