/**
 * index.html carries the explorer's skeleton as static markup, painted before any script runs;
 * React's first render draws the same skeleton (ExplorerSkeleton inside Layout). If the two drift
 * apart, the page jumps when React takes over: this keeps them the same.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { HashRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ExplorerSkeleton } from '../../src/app/ExplorerSkeleton';
import { Layout } from '../../src/components/Layout';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';

const INDEX_HTML = path.resolve(import.meta.dirname, '../../index.html');

/** The markup with React's generated ids and the whitespace between tags set aside. */
function normalise(html: string): string {
  return html
    .replace(/app-header-nav-[A-Za-z0-9_-]+/g, 'app-header-nav-ID')
    .replace(/>\s+</g, '><')
    .replace(/\s+/g, ' ')
    .trim();
}

export function reactSkeletonMarkup(): string {
  return renderToStaticMarkup(
    <ExplorerStoreProvider store={createExplorerStore()}>
      <HashRouter>
        <Layout>
          <ExplorerSkeleton />
        </Layout>
      </HashRouter>
    </ExplorerStoreProvider>,
  );
}

describe('the static skeleton in index.html', () => {
  it('is the markup of the first React render of the explorer, so nothing moves when React takes over', () => {
    const html = readFileSync(INDEX_HTML, 'utf8');
    const root = /<div id="root">([\s\S]*?)<\/div>\s*<!-- end of #root -->/.exec(html);
    if (process.env.PRINT_SKELETON) console.log(reactSkeletonMarkup());
    expect(root, 'index.html has a #root with the skeleton, ended by <!-- end of #root -->').not.toBeNull();
    expect(normalise(root?.[1] ?? '')).toBe(normalise(reactSkeletonMarkup()));
  });
});
