/**
 * The guided tour in real headless Chromium: step through it by keyboard to the health-visiting
 * step, see the map follow, leave the tour for the explorer at exactly that view, reload a step,
 * meet WCAG 2.2 AA (axe-core), fit a 390 px phone with the card above the map, and hold still for
 * people who ask for less motion.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { openWatchedPage, ROOT, siteInBrowser, type WatchedPage } from './support/harness';

interface Step {
  id: string;
  month: string;
  title: string;
  focus: { kind: 'service' | 'organisation'; id: string };
}
const steps = JSON.parse(readFileSync(path.join(ROOT, 'data', 'tour.json'), 'utf8')) as Step[];
const healthVisiting = steps.findIndex((step) => step.focus.id === 'health-visiting') + 1;

const site = siteInBrowser();

async function open(address: string, viewport?: { width: number; height: number }): Promise<WatchedPage> {
  const watched = await openWatchedPage(site.browser, site.server.origin);
  if (viewport) await watched.page.setViewportSize(viewport);
  await watched.page.goto(`${site.server.origin}/${address}`);
  await watched.page.getByText(/^Step \d+ of \d+$/).waitFor();
  return watched;
}

const hash = (page: Page) => page.evaluate(() => window.location.hash);
const progress = (page: Page) => page.getByText(/^Step \d+ of \d+$/).textContent();
const stepHeading = (page: Page, title: string) => page.getByRole('heading', { level: 2, name: title, exact: true });
const emphasis = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`).getAttribute('data-emphasis');

describe('the guided tour in a real browser', () => {
  it('steps by keyboard to health visiting; the map follows; leaving opens the explorer at that view', async () => {
    const { page, errors, foreignRequests } = await open('#/tour');
    expect(await progress(page)).toBe(`Step 1 of ${steps.length}`);
    await page.getByRole('heading', { name: 'The system in July 2010' }).waitFor();

    for (let step = 2; step <= healthVisiting; step += 1) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => hash(page)).toBe(`#/tour/${step}`);
      // Focus moves to the new step's heading, so the arrows keep working from there.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(steps[step - 1]!.title);
    }
    expect(await progress(page)).toBe(`Step ${healthVisiting} of ${steps.length}`);
    await stepHeading(page, 'Health visiting moves to local government').waitFor();
    await page.getByRole('heading', { level: 2, name: 'The system in October 2015' }).waitFor();
    await expect.poll(() => emphasis(page, 'service:health-visiting')).toBe('highlighted');
    await expect.poll(() => emphasis(page, 'local-authorities')).toBe('highlighted');
    expect(await page.locator('[aria-current="step"]').textContent()).toContain('Health visiting moves to local government');

    // Back by keyboard, then forward by button.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => hash(page)).toBe(`#/tour/${healthVisiting - 1}`);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => hash(page)).toBe(`#/tour/${healthVisiting}`);

    // Leave the tour, by keyboard: the explorer shows that service at that month.
    await page.getByRole('link', { name: /^Leave the tour/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => hash(page)).toBe('#/service/health-visiting?date=2015-10');
    const slider = page.getByRole('slider', { name: /month/i });
    await slider.waitFor();
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('October 2015');
    const commissioners = page.getByRole('list', { name: 'Commissioners' });
    await expect
      .poll(async () => (await commissioners.getByRole('listitem').allTextContents()).map((text) => text.trim()))
      .toEqual([expect.stringMatching(/^Local authorities/)]);
    await page.getByRole('heading', { level: 2, name: /Health visiting/ }).waitFor();

    // Back returns to the tour, at the same step.
    await page.goBack();
    await expect.poll(() => hash(page)).toBe(`#/tour/${healthVisiting}`);
    await stepHeading(page, 'Health visiting moves to local government').waitFor();
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it('reloads on /tour/4 at step 4, at its month', async () => {
    const { page, errors } = await open('#/tour/4');
    const step = steps[3]!;
    expect(await progress(page)).toBe(`Step 4 of ${steps.length}`);
    await stepHeading(page, step.title).waitFor();
    await page.reload();
    await page.getByText(/^Step \d+ of \d+$/).waitFor();
    expect(await progress(page)).toBe(`Step 4 of ${steps.length}`);
    await stepHeading(page, step.title).waitFor();
    await page.getByRole('heading', { level: 2, name: 'The system in April 2013' }).waitFor();
    expect(await hash(page)).toBe('#/tour/4');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains an unknown step and shows step 1', async () => {
    const { page } = await open('#/tour/99');
    expect(await progress(page)).toBe(`Step 1 of ${steps.length}`);
    expect(await page.getByRole('status').filter({ hasText: 'The tour has no step “99”' }).isVisible()).toBe(true);
    await page.close();
  });

  it('meets WCAG 2.2 AA (axe-core) at the first, the health-visiting and the last step', async () => {
    for (const step of [1, healthVisiting, steps.length]) {
      const { page } = await open(`#/tour/${step}`);
      await page.getByRole('heading', { name: /^The system in / }).waitFor();
      expect(await axeViolations(page), `step ${step}`).toEqual([]);
      await page.close();
    }
  });

  it('fits a 390 px phone: no sideways scrolling, the step card above the map', async () => {
    const { page, errors } = await open(`#/tour/${healthVisiting}`, { width: 390, height: 844 });
    await page.getByRole('heading', { name: 'The system in October 2015' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const card = await stepHeading(page, 'Health visiting moves to local government').boundingBox();
    const map = await page.getByRole('heading', { name: 'The system in October 2015' }).boundingBox();
    expect(card && map && card.y < map.y).toBe(true);
    // The buttons fit side by side within the screen.
    const next = await page.getByRole('button', { name: 'Next step' }).boundingBox();
    expect(next && next.x + next.width <= 390).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps still for people who ask for less motion', async () => {
    const watched = await openWatchedPage(site.browser, site.server.origin);
    await watched.page.emulateMedia({ reducedMotion: 'reduce' });
    await watched.page.goto(`${site.server.origin}/#/tour/2`);
    await watched.page.getByText(/^Step \d+ of \d+$/).waitFor();
    await watched.page.keyboard.press('ArrowRight');
    await expect.poll(() => hash(watched.page)).toBe('#/tour/3');
    // Polled: the step's card is drawn anew for each step, and may be replaced while it is read.
    await expect
      .poll(() => watched.page.locator('.app-tour__step').evaluate((element) => getComputedStyle(element).animationName))
      .toBe('none');
    await watched.page.close();
  });

  it('keeps the embed mode from step to step', async () => {
    const { page } = await open('#/tour/2?embed=1');
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => hash(page)).toBe('#/tour/3?embed=1');
    // The address is written first; the card follows in the next render.
    await expect
      .poll(() => page.getByRole('link', { name: /^Leave the tour/ }).getAttribute('href'))
      .toBe(`#/org/${steps[2]!.focus.id}?date=${steps[2]!.month}&embed=1`);
    await page.close();
  });
});
