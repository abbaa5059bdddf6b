/**
 * npm run screenshots [-- [--window] [--scroll=PX] ROUTE...] — screenshots of the built site at
 * desktop (1280×800) and phone (390×844) sizes into screenshots/, to look at pages as a person would. Full pages by
 * default; --window takes only what fits in the window, after scrolling PX down. Run "npm run build" first.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, ROOT, startStaticServer } from '../tests/e2e/support/harness';

const args = process.argv.slice(2);
const windowOnly = args.includes('--window');
const scroll = Number(args.find((arg) => arg.startsWith('--scroll='))?.slice('--scroll='.length) ?? 0);
const named = args.filter((arg) => !arg.startsWith('--'));
const routes =
  named.length > 0 ? named : ['#/', '#/service/health-visiting?date=2015-10', '#/org/nhs-england?date=2012-11', '#/about'];
const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

const outDir = path.join(ROOT, 'screenshots');
mkdirSync(outDir, { recursive: true });
const server = await startStaticServer();
try {
  for (const viewport of viewports) {
    const browser = await launchBrowser({ width: viewport.width, height: viewport.height });
    const page = await browser.context.newPage();
    for (const route of routes) {
      await page.goto(`${server.origin}/${route}`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(800);
      if (scroll) await page.evaluate((y) => window.scrollTo(0, y), scroll);
      const slug = route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
      const name = `${viewport.name}-${slug}${windowOnly ? `-window${scroll ? `-${scroll}` : ''}` : ''}.png`;
      await page.screenshot({ path: path.join(outDir, name), fullPage: !windowOnly });
      console.log(`screenshots/${name}`);
    }
    await browser.close();
  }
} finally {
  await server.close();
}
