/**
 * Controls for the scrubbing budgets: the bench's own key scrub (key-scrub.ts) on the simplest
 * pages this machine can show, so that every report says what input to next paint is here for a
 * page with almost nothing to draw. Three pages, each a month slider and a line naming its value:
 * alone; beside a small square whose colour cycles (a CSS animation Chromium runs on the page's
 * main thread, so a frame is drawn by the page at every refresh, as while a page is still drawing
 * what follows a step); and beside a square that turns (an animation the compositor runs alone).
 * None loads a script but its own dozen lines, and none has anything to draw after a step.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, startStaticServer } from '../../tests/e2e/support/harness';
import { afterBrowserStartUp } from './browser-start-up';
import { describeEventParts } from './event-parts';
import { installProbe, NAME_SHIM } from './in-page';
import { type KeyScrubMeasures, scrubByKeys } from './key-scrub';
import { VIEWPORT } from './measure-page';

/** Presses forward, then as many back, on each control page. */
export const CONTROL_STEPS = 60;

export interface ControlPage {
  name: string;
  /** what is on the page besides the slider */
  what: string;
  html: string;
}

const controlHtml = (extraStyle: string, extraBody: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Control</title>
<style>body { font: 16px sans-serif; margin: 24px; } input { width: 600px; } ${extraStyle}</style></head>
<body><p id="month">Month 0</p>
<input type="range" min="0" max="200" value="0" aria-label="Month" aria-valuetext="Month 0">${extraBody}
<script>
const slider = document.querySelector('input');
const month = document.getElementById('month');
slider.addEventListener('input', () => {
  month.textContent = 'Month ' + slider.value;
  slider.setAttribute('aria-valuetext', 'Month ' + slider.value);
});
</script></body></html>
`;

export const CONTROL_PAGES: readonly ControlPage[] = [
  { name: 'slider alone', what: 'nothing else', html: controlHtml('', '') },
  {
    name: 'slider beside a main-thread animation',
    what: 'a 24 px square whose background colour cycles every second (drawn by the page at every refresh)',
    html: controlHtml(
      '@keyframes cycle { from { background-color: #005eb8; } to { background-color: #ffb81c; } } #square { width: 24px; height: 24px; animation: cycle 1s linear infinite alternate; }',
      '<div id="square"></div>',
    ),
  },
  {
    name: 'slider beside a compositor animation',
    what: 'a 24 px square that turns once a second (run by the compositor alone)',
    html: controlHtml(
      '@keyframes turn { from { transform: rotate(0deg); } to { transform: rotate(360deg); } } #square { width: 24px; height: 24px; background: #005eb8; animation: turn 1s linear infinite; }',
      '<div id="square"></div>',
    ),
  },
];

export interface ControlMeasures {
  name: string;
  what: string;
  scrub: KeyScrubMeasures;
}

/** Scrubs each control page by keys, in a fresh browser each, as the page cases are scrubbed. */
export async function measureControls(log: (message: string) => void): Promise<ControlMeasures[]> {
  const measured: ControlMeasures[] = [];
  for (const control of CONTROL_PAGES) {
    const dir = mkdtempSync(path.join(tmpdir(), 'explorer-control-'));
    writeFileSync(path.join(dir, 'index.html'), control.html);
    const server = await startStaticServer(dir);
    const browser = await launchBrowser(VIEWPORT);
    try {
      await browser.context.addInitScript({ content: NAME_SHIM });
      await browser.context.addInitScript(installProbe);
      const tab = await browser.context.newPage();
      await afterBrowserStartUp();
      await tab.goto(`${server.origin}/`);
      await tab.waitForTimeout(1000);
      const scrub = await scrubByKeys(tab, CONTROL_STEPS);
      const timing = scrub.eventTiming;
      log(`  ${control.name}: Event Timing p50 ${timing?.durationMs.p50 ?? '—'} / p95 ${timing?.durationMs.p95 ?? '—'} ms`);
      measured.push({ name: control.name, what: control.what, scrub });
    } finally {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return measured;
}

/** The report's section on the controls. */
export function renderControlsMarkdown(controls: readonly ControlMeasures[] | null, error: string | null): string {
  const heading = '## Controls: the same key scrub on the simplest pages';
  if (!controls) return `\n${heading}\n\nNot measured: ${error ?? 'not run'}\n`;
  const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '—' : `${Math.round(value)} ms`);
  return [
    '',
    heading,
    '',
    'Each page is a month slider and a line naming its value, scrubbed by the same key presses as the explorer (Right, then Left, each at a random phase of the refresh), with nothing to draw after a step. They show what input to next paint can be on this machine: a page that is at rest when a key comes, and one whose main thread draws a frame at every refresh, as a page does while it is still drawing what followed the last step.',
    '',
    '| page | besides the slider | Event Timing p50 / p95 (reported of steps) | where the time went |',
    '| --- | --- | --- | --- |',
    ...controls.map(({ name, what, scrub }) => {
      const timing = scrub.eventTiming;
      const figures = timing
        ? `${ms(timing.durationMs.p50)} / ${ms(timing.durationMs.p95)} (${timing.reported} of ${timing.steps})`
        : '—';
      return `| ${name} | ${what} | ${figures} | ${describeEventParts(scrub.eventParts)} |`;
    }),
    '',
  ].join('\n');
}
