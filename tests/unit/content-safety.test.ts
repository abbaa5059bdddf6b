/**
 * The page's own code never turns text into markup or code: no dangerouslySetInnerHTML, no
 * assignment to innerHTML or outerHTML, no eval or new Function (which the Content-Security-Policy
 * would block anyway), and every link that opens a new tab says rel="noopener noreferrer".
 * Text from the dataset or the address reaches the page only through React, which escapes it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(name) ? [full] : [];
  });
}

const FORBIDDEN: Array<{ what: string; pattern: RegExp }> = [
  { what: 'dangerouslySetInnerHTML', pattern: /dangerouslySetInnerHTML/ },
  { what: 'an assignment to innerHTML', pattern: /\.innerHTML\s*\+?=/ },
  { what: 'an assignment to outerHTML', pattern: /\.outerHTML\s*\+?=/ },
  { what: 'insertAdjacentHTML', pattern: /insertAdjacentHTML\s*\(/ },
  { what: 'document.write', pattern: /document\.write(ln)?\s*\(/ },
  { what: 'eval', pattern: /(^|[^\w.$])eval\s*\(/ },
  { what: 'new Function', pattern: /new\s+Function\s*\(/ },
  { what: 'a string passed to setTimeout or setInterval', pattern: /set(Timeout|Interval)\s*\(\s*['"`]/ },
  { what: 'a javascript: address', pattern: /['"`]javascript:/i },
];

const files = sourceFiles(SRC);

/** "src/x.tsx:12: <line>" for every line of the sources that matches. */
function findings(pattern: RegExp, sources = files): string[] {
  return sources.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) =>
        pattern.test(line) ? [`${path.relative(path.dirname(SRC), file)}:${index + 1}: ${line.trim()}`] : [],
      ),
  );
}

describe('content safety of src/', () => {
  it('finds the source files to scan', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((file) => file.endsWith(path.join('app', 'App.tsx')))).toBe(true);
  });

  it.each(FORBIDDEN)('has no $what', ({ pattern }) => {
    expect(findings(pattern)).toEqual([]);
  });

  it('the scan would catch each of them', () => {
    const samples = [
      '<div dangerouslySetInnerHTML={{ __html: text }} />',
      'element.innerHTML = text;',
      'element.outerHTML += text;',
      "element.insertAdjacentHTML('beforeend', text);",
      'document.write(text);',
      'const value = eval(text);',
      "const run = new Function('return 1');",
      "setTimeout('run()', 10);",
      '<a href="javascript:run()">',
    ];
    FORBIDDEN.forEach(({ what, pattern }, index) => expect(pattern.test(samples[index] ?? ''), what).toBe(true));
    // …and not ordinary code that merely looks alike.
    expect(
      FORBIDDEN.some(({ pattern }) => pattern.test('const evaluate = (x) => x; retrieval(x); window.setTimeout(run, 10);')),
    ).toBe(false);
  });

  it('every link that opens a new tab has rel="noopener noreferrer"', () => {
    const opening = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      // Each JSX element (from "<" to the next ">" outside braces is enough for these one-line-ish tags).
      return [...text.matchAll(/<a\b[^>]*target=["{']?_blank[^>]*>/g)].map((match) => ({ file, tag: match[0] }));
    });
    expect(opening.length, 'the sources cite external pages in new tabs (Citations)').toBeGreaterThan(0);
    const unsafe = opening.filter(({ tag }) => !/rel=["']noopener noreferrer["']/.test(tag));
    expect(unsafe.map(({ file, tag }) => `${path.relative(SRC, file)}: ${tag}`)).toEqual([]);
  });
});
