/** Runs axe-core (WCAG 2.x A and AA rules, WCAG 2.2 included) in the page and returns its violations. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // axe reads colours as drawn: what is still fading in (the month's event cards, which come a few
  // paints after the map) reads as low contrast. Wait until the page is idle and nothing is moving.
  await page.evaluate(async () => {
    const deadline = performance.now() + 5000;
    for (;;) {
      await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 }));
      const running = document
        .getAnimations()
        .filter(
          (animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().iterations !== Infinity,
        );
      if (running.length === 0 || performance.now() > deadline) return;
      await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
    }
  });
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => JSON.stringify(node.target)),
    }));
  });
}
