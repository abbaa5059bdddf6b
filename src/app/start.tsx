/** Renders the explorer into a React root (main.tsx makes the root, with React DOM loaded apart). */
import { StrictMode, startTransition } from 'react';
import type { Root } from 'react-dom/client';
import { createExplorerStore } from '../store';
import { App } from './App';

export function renderExplorer(root: Root): void {
  // In a transition, so React renders the first frame in slices: the page's skeleton is already
  // painted from index.html, and the main thread stays free for input.
  startTransition(() =>
    root.render(
      <StrictMode>
        <App store={createExplorerStore()} dataBaseUrl={import.meta.env.BASE_URL} />
      </StrictMode>,
    ),
  );
}
