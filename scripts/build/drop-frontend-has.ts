/**
 * A PostCSS plugin that drops NHS.UK frontend's `:has()` rules from the built stylesheet (our own
 * `.app-` rules keep theirs). nhsuk-frontend spaces a paragraph or list before a form group with
 * rules such as `p:has(+ .nhsuk-form-group > .nhsuk-label:first-child)`; a `:has()` that looks at a
 * following sibling makes Chromium re-check the elements around every element React inserts, and on
 * a service's address the first full style recalculation took about 150 ms on a small machine with
 * them (under 20 ms without). The one place the pages had such a pairing (the compare page's
 * introduction before its fieldset) is spaced by its own class (compare.css) instead.
 */

/** The part of PostCSS's rule node this plugin touches (no dependency on postcss's types). */
interface CssRule {
  selectors: string[];
  remove(): void;
}

/** Whether a selector is one of nhsuk-frontend's `:has()` selectors (not one of ours). */
export function isFrontendHasSelector(selector: string): boolean {
  return selector.includes(':has(') && !selector.includes('.app-');
}

export function dropFrontendHasRules(): { postcssPlugin: string; Rule: (rule: CssRule) => void } {
  return {
    postcssPlugin: 'drop-frontend-has-rules',
    Rule(rule) {
      const selectors = rule.selectors;
      const kept = selectors.filter((selector) => !isFrontendHasSelector(selector));
      if (kept.length === selectors.length) return;
      if (kept.length === 0) rule.remove();
      else rule.selectors = kept;
    },
  };
}
