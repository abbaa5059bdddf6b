/**
 * The map's "CCGs" opened into its named members in real headless Chromium (issue 13): the button,
 * England's 211 CCGs in April 2013, Leeds's three CCGs merging into NHS Leeds CCG in April 2018
 * (staged, or at once with reduced motion), the list in "Map as text", and the place data loaded
 * only when the members are opened.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { openWatchedPage, siteInBrowser, type WatchedPage } from './support/harness';

const site = siteInBrowser();

async function open(address: string, reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<WatchedPage> {
  const watched = await openWatchedPage(site.browser, site.server.origin);
  await watched.page.emulateMedia({ reducedMotion });
  await watched.page.goto(`${site.server.origin}/${address}`);
  return watched;
}

const memberIds = (watched: WatchedPage) =>
  watched.page
    .locator('[data-node-id^="ccg:"]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-id')).sort());

describe('the named CCGs on the map', () => {
  it('“Show named CCGs” draws all 211 of April 2013, loading the place data only then', async () => {
    const watched = await open('#/?date=2013-04');
    const { page, errors } = watched;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const button = page.getByRole('button', { name: 'Show named CCGs' });
    await button.waitFor();
    await page.waitForLoadState('networkidle');
    expect(requested.filter((url) => url.includes('data/places/'))).toEqual([]);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/?date=2013-04&members=england');
    await expect.poll(() => page.locator('[data-node-id^="ccg:"]').count(), { timeout: 20_000 }).toBe(211);
    expect(requested.filter((url) => url.includes('data/places/')).length).toBeGreaterThan(0);
    await page.getByRole('list', { name: /^Named clinical commissioning groups in England, April 2013: 211 CCGs$/ }).waitFor();
    // One tab stop; the arrow keys move between the dots, each named.
    const first = page.locator('[data-node-id^="ccg:"][tabindex="0"]');
    await first.focus();
    const firstName = await first.getAttribute('aria-label');
    await page.keyboard.press('ArrowRight');
    const focusedName = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focusedName).toMatch(/CCG$/);
    expect(focusedName).not.toBe(firstName);
    expect(await page.locator('.app-members__tip').textContent()).toBe(focusedName);
    // Choosing a council narrows them to its CCGs, in the address too.
    await page.getByRole('combobox', { name: 'Named CCGs for' }).selectOption({ label: 'Leeds' });
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/?date=2013-04&members=E08000035');
    await expect.poll(() => memberIds(watched), { timeout: 20_000 }).toEqual(['ccg:02V', 'ccg:03C', 'ccg:03G']);
    await page.getByRole('button', { name: 'Hide named CCGs' }).click();
    await expect.poll(() => page.locator('[data-node-id^="ccg:"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Leeds in June 2016: the three Leeds CCGs, each labelled, and listed in Map as text', async () => {
    const watched = await open('#/?date=2016-06&members=E08000035');
    const { page, errors } = watched;
    await expect.poll(() => memberIds(watched), { timeout: 20_000 }).toEqual(['ccg:02V', 'ccg:03C', 'ccg:03G']);
    const labels = await page
      .locator('[data-node-id^="ccg:"]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')));
    expect(labels).toEqual([
      expect.stringMatching(/^NHS Leeds North CCG \(\d+% of Leeds\)$/),
      expect.stringMatching(/^NHS Leeds South and East CCG \(\d+% of Leeds\)$/),
      expect.stringMatching(/^NHS Leeds West CCG \(\d+% of Leeds\)$/),
    ]);
    await page.getByText('Map as text').click();
    const text = page.getByTestId('members-text');
    await text.getByRole('heading', { name: 'Named CCGs in Leeds, June 2016 (3)' }).waitFor();
    expect(await text.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^NHS Leeds North CCG \(ODS code 02V; \d+% of Leeds\)$/),
      expect.stringMatching(/^NHS Leeds South and East CCG \(ODS code 03G; \d+% of Leeds\)$/),
      expect.stringMatching(/^NHS Leeds West CCG \(ODS code 03C; \d+% of Leeds\)$/),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stepping Leeds into April 2018 moves the three CCGs into NHS Leeds CCG, in stages', async () => {
    const watched = await open('#/?date=2018-03&members=E08000035');
    const { page, errors } = watched;
    await expect.poll(() => memberIds(watched), { timeout: 20_000 }).toHaveLength(3);
    await page.waitForTimeout(500);
    const slider = page.getByRole('slider', { name: 'Month' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => memberIds(watched)).toEqual(['ccg:15F']);
    expect(await page.locator('[data-node-id="ccg:15F"]').getAttribute('aria-label')).toBe('NHS Leeds CCG (all of Leeds)');
    // The closing CCGs are drawn as they were, moving into NHS Leeds CCG's place as they fade.
    expect(await page.locator('[data-member-anim^="ghost:"]').count()).toBe(3);
    const moving = await page.evaluate(
      () =>
        document
          .getAnimations()
          .filter((animation) =>
            (animation.effect as KeyframeEffect | null)?.target?.getAttribute('data-member-anim')?.startsWith('ghost:'),
          ).length,
    );
    expect(moving).toBe(3);
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/?date=2018-04&members=E08000035');
    // Once played, no fade is held at its end (it would keep a compositor layer until the next step).
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document
              .getAnimations()
              .filter((animation) => (animation.effect as KeyframeEffect | null)?.target?.closest('[data-member-anim]')).length,
        ),
      )
      .toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with reduced motion, the merger is drawn at once', async () => {
    const watched = await open('#/?date=2018-03&members=E08000035', 'reduce');
    const { page, errors } = watched;
    await expect.poll(() => memberIds(watched), { timeout: 20_000 }).toHaveLength(3);
    await page.waitForTimeout(500);
    await page.getByRole('slider', { name: 'Month' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => memberIds(watched)).toEqual(['ccg:15F']);
    expect(await page.locator('[data-member-anim^="ghost:"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an unknown council says so, and offers all of England', async () => {
    const watched = await open('#/?date=2016-06&members=E08999999');
    const { page, errors } = watched;
    await page.getByRole('status').filter({ hasText: 'No council has the code E08999999' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'All of England' }).click();
    await expect.poll(() => page.locator('[data-node-id^="ccg:"]').count(), { timeout: 20_000 }).toBe(209);
    expect(errors).toEqual([]);
    await page.close();
  });
});
