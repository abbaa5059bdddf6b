/**
 * npm run build:layout — computes the map's positions for every month (src/domain/map-layout) and
 * writes data/map-layout.json (the wide layout and, as its `narrow`, the one for phones), which the browser reads. Run it after changing data/; check:data
 * says when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { computeMapLayoutFile } from '../src/domain/map-layout/compute';
import { loadRealDataset, ROOT } from '../tests/support/real-dataset';

export const MAP_LAYOUT_FILE = path.join(ROOT, 'data', 'map-layout.json');

const result = loadRealDataset();
if (!result.dataset) {
  console.error('data/ does not parse: run npm run check:data to see why.');
  process.exit(1);
}
const started = performance.now();
const layout = computeMapLayoutFile(result.dataset);
const elapsed = performance.now() - started;
writeFileSync(MAP_LAYOUT_FILE, `${JSON.stringify(layout)}\n`);
console.log(
  `data/map-layout.json: ${layout.width} × ${layout.height} layout units, ${Object.keys(layout.organisations).length} organisations, ` +
    `${Object.keys(layout.services).length} services; narrow (phones): ${layout.narrow?.width} × ${layout.narrow?.height}; ` +
    `computed in ${Math.round(elapsed)} ms (fingerprint ${layout.fingerprint}).`,
);
