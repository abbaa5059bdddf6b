// The design system's styles load first, so each feature's own CSS can build on them.
import './styles/main.scss';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createExplorerStore } from './store';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// In a transition, so React renders the first frame in slices: the page's skeleton is already
// painted from index.html, and the main thread stays free for input.
const root = createRoot(container);
startTransition(() =>
  root.render(
    <StrictMode>
      <App store={createExplorerStore()} dataBaseUrl={import.meta.env.BASE_URL} />
    </StrictMode>,
  ),
);
