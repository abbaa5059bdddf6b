/**
 * npm run screenshots — takes screenshots of the built site at desktop and phone widths into
 * screenshots/, to look at the pages as a person would. Run "npm run build" first.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, ROOT, startStaticServer } from '../tests/e2e/support/harness';

const routes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/'];
const viewports = [
  { name: 'desktop', width: 1280, height: 900 },
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
      await page.goto(`${server.origin}${route}`);
      await page.waitForLoadState('networkidle');
      const name = `${viewport.name}${route.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '') || '-home'}.png`;
      await page.screenshot({ path: path.join(outDir, name), fullPage: true });
      console.log(`screenshots/${name}`);
    }
    await browser.close();
  }
} finally {
  await server.close();
}
