/**
 * The map tells the story (issue 9), in real headless Chromium at 1280×800: services sit beside
 * whoever commissions them, a change of commissioner moves the service, a month step animates
 * (and does not with reduced motion), and the map fills the first screen.
 * Positions are on screen; "beside" means the organisation node whose glyph is nearest to the service's centre.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, siteInBrowser, type WatchedPage } from './support/harness';
import { centreOf, distance, nearestOrganisation, screenShare, settleMap, snapshotMap, stepMonth } from './support/map-geometry';

const site = siteInBrowser();

async function openMap(address: string, reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<WatchedPage> {
  const watched = await openWatchedPage(site.browser, site.server.origin);
  await watched.page.emulateMedia({ reducedMotion });
  await watched.page.goto(`${site.server.origin}/${address}`);
  await watched.page.getByRole('slider', { name: /month/i }).waitFor();
  await watched.page.locator('svg.app-graph__svg [data-node-id]').first().waitFor();
  await settleMap(watched.page);
  return watched;
}

const nearestTo = async (page: Page, id: string) => nearestOrganisation(await snapshotMap(page), id)?.id;

/**
 * Presses ArrowRight on the month slider and, every frame for `sampleMs` after it, counts the
 * animations document.getAnimations() lists that last longer than 1 ms. (The site's reduced-motion
 * rule shortens every CSS transition to 0.01 ms rather than removing it: such a stub moves nothing.)
 */
async function stepAndCountAnimations(page: Page, sampleMs: number): Promise<{ counts: number[]; examples: string[] }> {
  await page.getByRole('slider', { name: /month/i }).focus();
  await page.evaluate((sampleMs) => {
    const state = window as unknown as { __animationCounts?: Promise<{ counts: number[]; examples: string[] }> };
    state.__animationCounts = new Promise((resolve) => {
      document.addEventListener(
        'keydown',
        () =>
          void (async () => {
            const counts: number[] = [];
            const examples = new Set<string>();
            const end = performance.now() + sampleMs;
            do {
              await new Promise<void>((frame) => requestAnimationFrame(() => frame()));
              const lasting = document
                .getAnimations()
                .filter((animation) => Number(animation.effect?.getComputedTiming().activeDuration ?? 0) > 1);
              counts.push(lasting.length);
              for (const animation of lasting.slice(0, 3)) {
                const target = animation.effect instanceof KeyframeEffect ? animation.effect.target : null;
                const timing = animation.effect?.getComputedTiming();
                examples.add(
                  `${animation.constructor.name} on ${target?.tagName ?? '?'}.${target?.getAttribute('class') ?? ''} (${String(timing?.activeDuration)} ms)`,
                );
              }
            } while (performance.now() < end);
            resolve({ counts, examples: [...examples].slice(0, 5) });
          })(),
        { once: true, capture: true },
      );
    });
  }, sampleMs);
  await page.keyboard.press('ArrowRight');
  return page.evaluate(
    () => (window as unknown as { __animationCounts: Promise<{ counts: number[]; examples: string[] }> }).__animationCounts,
  );
}

describe('the map tells the story', () => {
  it('draws health visiting beside NHS England in June 2015', async () => {
    const { page, errors } = await openMap('#/?date=2015-06');
    expect(await nearestTo(page, 'service:health-visiting'), 'the organisation nearest to health visiting').toBe('nhs-england');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws health visiting beside the local authorities in January 2016', async () => {
    const { page, errors } = await openMap('#/?date=2016-01');
    expect(await nearestTo(page, 'service:health-visiting'), 'the organisation nearest to health visiting').toBe(
      'local-authorities',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stepping from March to April 2013 moves general practice from the primary care trusts to NHS England', async () => {
    const { page, errors } = await openMap('#/?date=2013-03');
    const before = await snapshotMap(page);
    expect(nearestOrganisation(before, 'service:general-practice')?.id, 'nearest to general practice in March 2013').toBe(
      'primary-care-trusts',
    );
    const step = await stepMonth(page);
    expect(step.month).toBe('2013-04');
    const after = await snapshotMap(page);
    expect(nearestOrganisation(after, 'service:general-practice')?.id, 'nearest to general practice in April 2013').toBe(
      'nhs-england',
    );
    const from = centreOf(before, 'service:general-practice');
    const to = centreOf(after, 'service:general-practice');
    if (!from || !to) throw new Error('general practice is not drawn in both months');
    expect(distance(from, to), 'how far general practice moved (px)').toBeGreaterThan(40);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with reduced motion, a month step draws the new month at once, with no animation', async () => {
    const { page, errors } = await openMap('#/?date=2013-03', 'reduce');
    const { counts, examples } = await stepAndCountAnimations(page, 600);
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/?date=2013-04');
    expect(counts.length).toBeGreaterThan(0);
    expect(Math.max(...counts), `animations running after the step: ${examples.join('; ')}`).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without reduced motion, a month step animates and has finished within 1.5 s', async () => {
    const { page, errors } = await openMap('#/?date=2013-03');
    const step = await stepMonth(page, { timeoutMs: 3000 });
    expect(step.month).toBe('2013-04');
    expect(Math.max(step.animationsAtPaint, step.mostRunning), 'animations running after the step').toBeGreaterThan(0);
    expect(step.timedOut).toBe(false);
    expect(step.settledMs, 'ms from the map drawing the new month until every animation finished').toBeLessThanOrEqual(1500);
    // Once played, nothing stays in effect on the map: a fade held at its end keeps its element on
    // a compositor layer of its own (and all drawn over it on more), slowing every later step.
    await page.waitForTimeout(100);
    const held = await page.evaluate(
      () =>
        document
          .getAnimations()
          .filter(
            (animation) => animation.effect instanceof KeyframeEffect && animation.effect.target?.closest('svg.app-graph__svg'),
          ).length,
    );
    expect(held, 'animations still in effect on the map after the step played').toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a step fades the links that end and begin by their lines, visibly, and what ended is gone once it has played', async () => {
    const { page, errors } = await openMap('#/?date=2013-03');
    await page.getByRole('slider', { name: /month/i }).focus();
    // Every frame for 900 ms after the key press: each link's group opacity and line stroke opacity, as drawn.
    await page.evaluate(() => {
      const state = window as unknown as { __linkFrames?: Promise<Array<Array<[string, boolean, number, number]>>> };
      state.__linkFrames = new Promise((resolve) => {
        document.addEventListener(
          'keydown',
          () =>
            void (async () => {
              const frames: Array<Array<[string, boolean, number, number]>> = [];
              const end = performance.now() + 900;
              do {
                await new Promise<void>((frame) => requestAnimationFrame(() => frame()));
                frames.push(
                  [...document.querySelectorAll<SVGGElement>('svg.app-graph__svg .app-graph__link')].map((link) => {
                    const line = link.querySelector('.app-graph__link-line');
                    return [
                      link.getAttribute('data-anim-key') ?? '',
                      link.classList.contains('app-graph__ghost'),
                      Number(getComputedStyle(link).opacity),
                      line ? Number(getComputedStyle(line).strokeOpacity) : Number.NaN,
                    ];
                  }),
                );
              } while (performance.now() < end);
              resolve(frames);
            })(),
          { once: true, capture: true },
        );
      });
    });
    // A step on its own (the map shows steps closer than 300 ms to the last change at once, as a scrub).
    await page.waitForTimeout(400);
    await page.keyboard.press('ArrowRight');
    const frames = await page.evaluate(
      () => (window as unknown as { __linkFrames: Promise<Array<Array<[string, boolean, number, number]>>> }).__linkFrames,
    );
    const ghostLines = (frame: Array<[string, boolean, number, number]>) => frame.filter(([, ghost]) => ghost);
    // The reforms of April 2013 end links: while their fade plays, some are part-way, drawn (their group opaque).
    const fading = frames.flatMap(ghostLines).filter(([, , opacity, stroke]) => opacity === 1 && stroke > 0.05 && stroke < 0.95);
    expect(fading.length, 'ghost links seen part-way through their fade').toBeGreaterThan(0);
    // Links that begin fade in the same way: some line of a link that is not a ghost is seen part-way in.
    const entering = frames
      .flat()
      .filter(([, ghost, opacity, stroke]) => !ghost && opacity === 1 && stroke > 0.05 && stroke < 0.95);
    expect(entering.length, 'new links seen part-way through their fade in').toBeGreaterThan(0);
    // No link's group is faded as a whole: each would go on a compositor layer of its own (play-change.ts).
    const groupFaded = frames.flat().filter(([, , opacity]) => opacity < 1);
    expect(groupFaded.map(([key]) => key).slice(0, 5), 'links whose group was faded rather than their line').toEqual([]);
    // Once played, what ended is invisible.
    const last = frames.at(-1) ?? [];
    expect(ghostLines(last).length, 'ghost links still in the drawing after the step').toBeGreaterThan(0);
    expect(
      ghostLines(last).filter(([, , , stroke]) => stroke !== 0),
      'ghost links still visible after the step',
    ).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('scrubbing shows each month at once, ending on the right places; the next step on its own moves again', async () => {
    const { page, errors } = await openMap('#/?date=2013-06');
    const slider = page.getByRole('slider', { name: /month/i });
    await slider.focus();
    // A held arrow key: three months back, 40 ms apart, across the reforms of April 2013.
    for (let press = 0; press < 3; press += 1) {
      await page.keyboard.press('ArrowLeft');
      await page.waitForTimeout(40);
    }
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/?date=2013-03');
    // The map has drawn March 2013 (its label) and, from then on, nothing on it moves.
    await expect.poll(() => page.locator('svg.app-graph__svg').getAttribute('aria-label')).toContain('March 2013');
    await page.waitForTimeout(100);
    const moving = await page.evaluate(() =>
      document
        .getAnimations()
        .filter(
          (animation) =>
            animation.playState === 'running' &&
            Number(animation.effect?.getComputedTiming().activeDuration ?? 0) > 1 &&
            animation.effect instanceof KeyframeEffect &&
            animation.effect.target?.closest('svg.app-graph__svg'),
        )
        .map((animation) => {
          const target = animation.effect instanceof KeyframeEffect ? animation.effect.target : null;
          return `${animation.constructor.name} on ${target?.tagName ?? '?'}.${target?.getAttribute('class') ?? ''}`;
        }),
    );
    expect(moving, 'animations running on the map once the scrub has reached March 2013').toEqual([]);
    const march = await snapshotMap(page);
    expect(nearestOrganisation(march, 'service:general-practice')?.id, 'nearest to general practice in March 2013').toBe(
      'primary-care-trusts',
    );
    await page.waitForTimeout(400);
    const step = await stepMonth(page, { timeoutMs: 3000 });
    expect(step.month).toBe('2013-04');
    expect(Math.max(step.animationsAtPaint, step.mostRunning), 'animations after a step on its own').toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('covers at least half of the first screen at 1280×800', async () => {
    const { page, errors } = await openMap('#/');
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = await snapshotMap(page);
    expect(shot.viewport).toEqual({ width: 1280, height: 800 });
    expect(screenShare(shot), 'share of the first screen covered by the map').toBeGreaterThanOrEqual(0.5);
    expect(errors).toEqual([]);
    await page.close();
  });
});
