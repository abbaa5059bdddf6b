import { describe, expect, it } from 'vitest';
import { dropFrontendHasRules, isFrontendHasSelector } from '../../scripts/build/drop-frontend-has';

/** A stand-in for PostCSS's rule node: its selectors, and whether it was removed. */
function rule(selectors: string[]) {
  return {
    selectors,
    removed: false,
    remove() {
      this.removed = true;
    },
  };
}

describe('dropping nhsuk-frontend :has() rules from the built stylesheet', () => {
  it("tells nhsuk-frontend's :has() selectors from ours", () => {
    expect(isFrontendHasSelector('p:has(+.nhsuk-form-group>.nhsuk-label:first-child)')).toBe(true);
    expect(isFrontendHasSelector('.nhsuk-label-wrapper:has(.nhsuk-label--m)+.nhsuk-hint')).toBe(true);
    expect(isFrontendHasSelector('.app-graph__stage:has(>.app-graph__canvas--tall)')).toBe(false);
    expect(isFrontendHasSelector('.nhsuk-body')).toBe(false);
  });

  it('removes a rule made only of such selectors, and only those selectors from a mixed rule', () => {
    const plugin = dropFrontendHasRules();
    const frontendOnly = rule(['p:has(+.nhsuk-fieldset>.nhsuk-fieldset__legend:first-child)', 'ul:has(+.nhsuk-fieldset)']);
    plugin.Rule(frontendOnly);
    expect(frontendOnly.removed).toBe(true);
    const mixed = rule(['.nhsuk-body', 'p:has(+.nhsuk-form-group>.nhsuk-label:first-child)']);
    plugin.Rule(mixed);
    expect(mixed.removed).toBe(false);
    expect(mixed.selectors).toEqual(['.nhsuk-body']);
    const ours = rule(['.app-graph__stage:has(>.app-graph__canvas--tall)']);
    plugin.Rule(ours);
    expect(ours.removed).toBe(false);
    expect(ours.selectors).toEqual(['.app-graph__stage:has(>.app-graph__canvas--tall)']);
  });
});
