// The design system's styles load first, so each feature's own CSS can build on them.
import './styles/main.scss';
import { renderExplorer } from './app/start';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// React DOM is a module graph of its own, fetched alongside this one (index.html preloads it: see
// vite.config.ts) and evaluated in a task of its own: as one graph, the two were evaluated in one
// task of about 60 ms on a 2-core machine, before the first map.
void import('react-dom/client').then(({ createRoot }) => renderExplorer(createRoot(container)));
