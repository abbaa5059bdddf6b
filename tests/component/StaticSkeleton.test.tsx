/**
 * index.html carries the explorer's skeleton as static markup, painted before any script runs;
 * React's first render draws the same skeleton (ExplorerSkeleton inside Layout). If the two drift
 * apart, the page jumps when React takes over: this keeps them the same. At a service's address,
 * the start script puts the service's digest into the static skeleton, and React's keeps it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render, screen } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { HashRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatasetGate } from '../../src/app/DatasetGate';
import { ExplorerSkeleton } from '../../src/app/ExplorerSkeleton';
import { type ServiceDigest, serviceDigestHtml, takeServiceDigestPanel } from '../../src/app/service-digest';
import { AFTER_FIRST_PAINT_SCRIPT_SHIPPED, AFTER_FIRST_PAINT_TEMPLATE_ID } from '../../scripts/build/after-first-paint';
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

/** index.html's skeleton, as the browser has it before any script runs. */
function staticSkeleton(): string {
  const html = readFileSync(INDEX_HTML, 'utf8');
  const root = /<div id="root">([\s\S]*?)<\/div>\s*<!-- end of #root -->/.exec(html);
  if (!root?.[1]) throw new Error('index.html has no #root with the skeleton, ended by <!-- end of #root -->');
  return root[1];
}

const DIGEST: ServiceDigest = {
  id: 'health-visiting',
  caption: 'Service: Public health',
  name: 'Health visiting (children aged 0 to 5)',
  synonyms: ['health visitors', '0-5 Healthy Child Programme'],
  description: 'Health visitors work with families of children from birth to 5 years & their parents\' "questions".',
};

describe('the static skeleton in index.html', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
    window.location.hash = '';
  });

  it("at a service's address, gets the build's digest from the start script, and React's first render keeps it", async () => {
    document.body.innerHTML = `<div id="root">${staticSkeleton()}</div><template id="${AFTER_FIRST_PAINT_TEMPLATE_ID}"></template>`;
    window.location.hash = '#/service/health-visiting?date=2016-04';
    const fetched: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        fetched.push(url);
        return Promise.resolve(new Response(serviceDigestHtml(DIGEST), { status: 200 }));
      }),
    );
    new Function(AFTER_FIRST_PAINT_SCRIPT_SHIPPED)();
    await vi.waitFor(() => expect(document.querySelector('.app-services-panel')).not.toBeNull());
    expect(fetched).toEqual(['./data/service-digests/health-visiting.html']);
    const digestPanel = document.querySelector('.app-explorer__panel');
    expect(takeServiceDigestPanel(document, '/service/health-visiting')).toBe(digestPanel);
    expect(takeServiceDigestPanel(document, '/service/dental-services')).toBeNull();
    expect(takeServiceDigestPanel(document, '/')).toBeNull();
    // The panel's top, with its escaped text as written.
    expect(digestPanel?.querySelector('h2')?.textContent).toBe(DIGEST.name);
    expect(digestPanel?.querySelector('.app-services-panel__aka')?.textContent).toBe(
      'Also called: health visitors, 0-5 Healthy Child Programme',
    );
    expect(digestPanel?.querySelector('p:last-child')?.textContent).toBe(DIGEST.description);

    // React's first render replaces the static skeleton with its own, keeping the same element.
    render(
      <ExplorerStoreProvider store={createExplorerStore()}>
        <HashRouter>
          <Layout>
            <DatasetGate>
              <p>The page</p>
            </DatasetGate>
          </Layout>
        </HashRouter>
      </ExplorerStoreProvider>,
      { container: document.getElementById('root')! },
    );
    expect(screen.getByRole('heading', { level: 2, name: DIGEST.name }).closest('.app-explorer__panel')).toBe(digestPanel);
    // The sheet opens over the skeleton as it is (main.scss): nothing under it is rearranged.
    expect(digestPanel?.closest('.app-explorer--skeleton')?.className).toBe('app-explorer app-explorer--skeleton');
    expect(document.querySelectorAll('.app-explorer__panel')).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the map…');
  });

  it('is the markup of the first React render of the explorer, so nothing moves when React takes over', () => {
    const html = readFileSync(INDEX_HTML, 'utf8');
    const root = /<div id="root">([\s\S]*?)<\/div>\s*<!-- end of #root -->/.exec(html);
    if (process.env.PRINT_SKELETON) console.log(reactSkeletonMarkup());
    expect(root, 'index.html has a #root with the skeleton, ended by <!-- end of #root -->').not.toBeNull();
    expect(normalise(root?.[1] ?? '')).toBe(normalise(reactSkeletonMarkup()));
  });
});
