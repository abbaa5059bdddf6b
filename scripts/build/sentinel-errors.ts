/**
 * React DOM creates five Error objects when its module is evaluated, as sentinels it throws and
 * recognises by identity (SuspenseException and others). Creating an Error captures a stack trace;
 * when a DevTools session has the Runtime domain enabled (Lighthouse, Playwright, an open DevTools
 * panel), V8 captures a detailed one, with a line and column for every frame, and to give them it
 * must collect source positions for the functions on the stack: the module's top level and the
 * function wrapping all of React DOM, 211 KB parsed again on the main thread. Measured on a 2-core
 * machine: evaluating React DOM takes 4 ms without that domain and 30–130 ms with it, and 4–18 ms
 * with it once the sentinels are made as below.
 *
 * The sentinels become objects with Error's prototype and the same message, made without a stack:
 * React only throws them and compares them by identity (`thrown === SuspenseException`), so nothing
 * it does changes. Errors made later, inside small functions, are left alone.
 */

/** The module-level sentinels of react-dom-client.production.js (React 19), by name. */
export const REACT_DOM_SENTINELS = [
  'HydrationMismatchException',
  'SuspenseException',
  'SuspenseyCommitException',
  'SuspenseActionException',
  'SelectiveHydrationException',
] as const;

/** The function that makes a sentinel without a stack, added once to the file. */
const MAKER = '__stacklessSentinel';
const MAKER_SOURCE = `function ${MAKER}(message) { var sentinel = Object.create(Error.prototype); sentinel.message = message; return sentinel; }\n`;

/**
 * React DOM's source with its module-level sentinels made without a stack trace, and how many were
 * replaced (all of REACT_DOM_SENTINELS, or the source is returned unchanged with the count found).
 */
export function withStacklessSentinels(source: string): { code: string; replaced: number } {
  let replaced = 0;
  const names = REACT_DOM_SENTINELS.join('|');
  // "SuspenseException = Error(formatProdErrorMessage(460))", in a var statement at the top level.
  const pattern = new RegExp(`\\b(${names})(\\s*=\\s*)Error\\((formatProdErrorMessage\\(\\d+\\))\\)`, 'g');
  const code = source.replace(pattern, (_match, name: string, equals: string, message: string) => {
    replaced += 1;
    return `${name}${equals}${MAKER}(${message})`;
  });
  if (replaced !== REACT_DOM_SENTINELS.length) return { code: source, replaced };
  return { code: MAKER_SOURCE + code, replaced };
}
