/**
 * The build makes React DOM's module-level sentinel errors without a stack trace, so that evaluating
 * React DOM under a DevTools session (Lighthouse, an open DevTools panel) does not re-parse it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REACT_DOM_SENTINELS, withStacklessSentinels } from '../../scripts/build/sentinel-errors';

// The file the build bundles (react-dom/client in production), read from the installed package.
const reactDomClient = readFileSync(
  path.resolve(import.meta.dirname, '../../node_modules/react-dom/cjs/react-dom-client.production.js'),
  'utf8',
);

describe('React DOM’s sentinel errors', () => {
  it('finds all five in the installed React DOM, and leaves no module-level Error for them', () => {
    const { code, replaced } = withStacklessSentinels(reactDomClient);
    expect(replaced).toBe(REACT_DOM_SENTINELS.length);
    for (const name of REACT_DOM_SENTINELS) expect(code).not.toMatch(new RegExp(`\\b${name}\\s*=\\s*Error\\(`));
    expect(code).toContain('SuspenseException = __stacklessSentinel(formatProdErrorMessage(460))');
  });

  it('makes a sentinel that React can throw and recognise: an Error by prototype, with its message and no stack', () => {
    const { code } = withStacklessSentinels(
      REACT_DOM_SENTINELS.map((name, index) => `var ${name} = Error(formatProdErrorMessage(${460 + index}));`).join('\n'),
    );
    const sentinels = new Function('formatProdErrorMessage', `${code}\nreturn [${REACT_DOM_SENTINELS.join(', ')}];`)(
      (code: number) => `Minified React error #${code}`,
    ) as Error[];
    const [suspense] = sentinels;
    expect(suspense).toBeInstanceOf(Error);
    expect(suspense?.message).toBe('Minified React error #460');
    expect(suspense?.stack).toBeUndefined();
    let caught: unknown;
    try {
      throw suspense;
    } catch (error) {
      caught = error;
    }
    expect(caught).toBe(suspense);
  });

  it('leaves a React DOM it does not recognise unchanged, saying how many it found', () => {
    const changed = 'var SuspenseException = Error(formatProdErrorMessage(460));';
    expect(withStacklessSentinels(changed)).toEqual({ code: changed, replaced: 1 });
  });
});
