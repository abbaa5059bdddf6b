import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildExportSvg,
  EXPLAINER_LINE,
  exportSizeOf,
  serializeSvg,
  sourcesSentence,
} from '../../src/components/export/export-svg';
import { sourceLabels } from '../../src/components/source-words';
import { sourceIdsDrawnAt, sourcesDrawnAt } from '../../src/features/graph/map-sources';
import { publisherWords } from '../../src/components/source-words';
import { fullViewAddress } from '../../src/components/ViewActions';
import { loadRealDataset } from '../support/real-dataset';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A small live map: styled by a stylesheet, with the things a page has and a file must not. */
function liveSvg(): SVGSVGElement {
  document.head.innerHTML = `<style>
    .dot { fill: #005eb8; stroke: #212b32; stroke-width: 3px; opacity: 0.5; }
    .label { font-size: 14px; font-weight: 700; fill: #212b32; }
    .gone { display: none; }
    .faded { opacity: 0; }
    .ring { visibility: hidden; }
  </style>`;
  document.body.innerHTML = `
    <div>
      <svg xmlns="${SVG_NS}" class="app-graph__svg" viewBox="0 0 400 300" width="200" height="150" role="group" aria-label="Map">
        <defs><marker id="arrow"><path d="M0,0 L9,5 L0,9 z" fill="#4c6272"/></marker></defs>
        <g class="layer" transform="translate(10,10) scale(2)">
          <g class="node" role="button" tabindex="0" aria-label="NHS England" data-node-id="nhs-england" onclick="alert(1)">
            <rect class="ring app-graph__focus-ring" width="20" height="20"/>
            <circle class="dot" r="5" marker-end="url(#arrow)"/>
            <text class="label">NHS England &amp; friends &lt;3</text>
          </g>
          <text class="gone">not drawn</text>
          <circle class="faded" r="9"/>
          <script>alert(1)</script>
        </g>
      </svg>
    </div>`;
  return document.querySelector('svg')!;
}

const caption = {
  title: 'Who commissions what in English health and care',
  date: 'October 2015',
  sources: ['Services for children aged 0 to 5: transfer to local authorities (GOV.UK)', 'A second source'],
};
const address = 'https://example.org/explorer/#/service/health-visiting?date=2015-10';

describe('buildExportSvg', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('adds a caption with the title, the date, the sources, the explainer line and the address', () => {
    const { svg } = buildExportSvg(liveSvg(), caption, { address });
    const text = [...svg.querySelectorAll(':scope > g > text')].map((line) => line.textContent).join('\n');
    expect(text.replace(/\n/g, ' ')).toContain(caption.title);
    expect(text).toContain('October 2015');
    expect(text.replace(/\n/g, ' ')).toContain(
      'Sources: Services for children aged 0 to 5: transfer to local authorities (GOV.UK); A second source.',
    );
    expect(text.replace(/\n/g, ' ')).toContain(EXPLAINER_LINE);
    expect(text.replace(/\n/g, '')).toContain(address);
    expect(svg.querySelector(':scope > title')?.textContent).toBe(`${caption.title}, October 2015`);
  });

  it('writes the styles the stylesheet gives on each element, so the file looks the same outside the page', () => {
    const { svg } = buildExportSvg(liveSvg(), caption, { address });
    const circle = svg.querySelector('circle')!;
    expect(circle.getAttribute('fill')).toMatch(/^(#005eb8|rgb\(0, 94, 184\))$/);
    expect(circle.getAttribute('stroke')).toMatch(/^(#212b32|rgb\(33, 43, 50\))$/);
    expect(circle.getAttribute('stroke-width')).toBe('3px');
    expect(circle.getAttribute('opacity')).toBe('0.5');
    const label = svg.querySelector('text')!;
    expect(label.getAttribute('font-size')).toBe('14px');
    expect(label.getAttribute('font-weight')).toBe('700');
    // As presentation attributes, not a style attribute (which a strict Content-Security-Policy would refuse).
    expect(svg.querySelectorAll('[style]')).toHaveLength(0);
    // Resources stay (jsdom's computed styles ignore presentation attributes, so their colours are checked in the browser test).
    expect(circle.getAttribute('marker-end')).toBe('url(#arrow)');
    expect(svg.querySelector('marker#arrow path')).not.toBeNull();
  });

  it('writes a transform the stylesheet gives as a transform attribute about its origin', () => {
    const svg = liveSvg();
    document.head.insertAdjacentHTML('beforeend', '<style>.grow { transform: scale(2); transform-origin: 5px 5px; }</style>');
    svg.querySelector('.dot')!.classList.add('grow');
    const copy = buildExportSvg(svg, caption, { address }).svg.querySelector('circle')!;
    expect(copy.getAttribute('transform')).toBe('translate(5 5) scale(2) translate(-5 -5)');
    // The zoom layer's own transform attribute is kept as it is.
  });

  it('drops what only works on the page: tab stops, roles, handlers, data, classes, focus rings, hidden and faded parts, scripts', () => {
    const { svg } = buildExportSvg(liveSvg(), caption, { address });
    const all = [svg, ...svg.querySelectorAll('*')];
    const attributes = all.flatMap((element) => [...element.attributes].map((attribute) => attribute.name));
    expect(attributes).not.toContain('tabindex');
    expect(attributes).not.toContain('onclick');
    expect(attributes).not.toContain('class');
    expect(attributes).not.toContain('style');
    expect(attributes.filter((name) => name.startsWith('data-') || name.startsWith('aria-'))).toEqual([]);
    expect(svg.querySelectorAll('[role="button"], [role="group"]')).toHaveLength(0);
    expect(svg.querySelector('script')).toBeNull();
    expect(svg.querySelectorAll('rect[width="20"]')).toHaveLength(0);
    expect(svg.textContent).not.toContain('not drawn');
    expect(svg.querySelectorAll('circle')).toHaveLength(1);
  });

  it('keeps the zoom, places the map at its export size and puts the caption below it on a white background', () => {
    const { svg, width, height } = buildExportSvg(liveSvg(), caption, { address });
    // Shown at 200 × 150, drawn in a 400-wide box: exported at the drawing's own width, in the shown proportions.
    expect(width).toBe(400);
    expect(svg.getAttribute('width')).toBe('400');
    expect(svg.getAttribute('viewBox')).toBe(`0 0 400 ${height}`);
    const map = svg.querySelector(':scope > svg')!;
    expect(map.getAttribute('width')).toBe('400');
    expect(map.getAttribute('height')).toBe('300');
    expect(map.getAttribute('viewBox')).toBe('0 0 400 300');
    expect(map.querySelector('g')?.getAttribute('transform')).toBe('translate(10,10) scale(2)');
    expect(height).toBeGreaterThan(300 + 100);
    const background = svg.querySelector(':scope > rect')!;
    expect(background.getAttribute('fill')).toBe('#ffffff');
    expect(background.getAttribute('height')).toBe(String(height));
    const firstCaptionLine = Number(svg.querySelector(':scope > g > text')?.getAttribute('y'));
    expect(firstCaptionLine).toBeGreaterThan(300);
    expect(firstCaptionLine).toBeLessThan(height);
  });

  it('serializes to valid SVG XML that a parser reads without error', () => {
    const text = serializeSvg(buildExportSvg(liveSvg(), caption, { address }).svg);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(parsed.documentElement.localName).toBe('svg');
    expect(parsed.documentElement.namespaceURI).toBe(SVG_NS);
    expect(text.match(/xmlns="http:\/\/www.w3.org\/2000\/svg"/g)).toHaveLength(1);
    expect(parsed.documentElement.textContent).toContain('NHS England & friends <3');
    expect(parsed.documentElement.textContent).toContain('October 2015');
  });

  it('leaves the original untouched', () => {
    const original = liveSvg();
    const before = original.outerHTML;
    buildExportSvg(original, caption, { address });
    expect(original.outerHTML).toBe(before);
    expect(original.isConnected).toBe(true);
  });

  it('says so when no source is cited', () => {
    expect(sourcesSentence([])).toBe('Sources: none cited for what is shown.');
    expect(sourcesSentence(['A', 'What is commissioning and how is it changing?'])).toBe(
      'Sources: A; What is commissioning and how is it changing?',
    );
    const { svg } = buildExportSvg(liveSvg(), { ...caption, sources: [] }, { address });
    expect(svg.textContent).toContain('Sources: none cited for what is shown.');
  });
});

describe('exportSizeOf', () => {
  it('is at least the drawing’s own width, in the proportions shown', () => {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 960 680');
    svg.setAttribute('width', '1200');
    svg.setAttribute('height', '800');
    expect(exportSizeOf(svg)).toEqual({ width: 1200, height: 800 });
    svg.setAttribute('width', '358');
    svg.setAttribute('height', '440');
    expect(exportSizeOf(svg)).toEqual({ width: 960, height: 1180 });
  });
});

describe('the sources of what the map draws', () => {
  const { dataset } = loadRealDataset();
  if (!dataset) throw new Error('the real dataset does not load');

  it('cites what is drawn at the month: the public health allocations of 2015/16 in October 2015, not in June 2011', () => {
    const october2015 = sourcesDrawnAt(dataset, '2015-10');
    expect(october2015).toContain('Services for children aged 0 to 5: transfer to local authorities');
    expect(sourceIdsDrawnAt(dataset, '2015-10').has('ext-govuk-public-health-allocations-2015')).toBe(true);
    expect(sourceIdsDrawnAt(dataset, '2011-06').has('ext-govuk-public-health-allocations-2015')).toBe(false);
    // Primary care trusts are on the map in 2011, and gone by 2015.
    expect(sourceIdsDrawnAt(dataset, '2011-06').has('ext-dh-pct-cluster-guidance-2011')).toBe(true);
    expect(sourceIdsDrawnAt(dataset, '2015-10').has('ext-dh-pct-cluster-guidance-2011')).toBe(false);
  });

  it('lists each source once, in the order of the sources file, by title, never by the file a document is stored under', () => {
    const labels = sourcesDrawnAt(dataset, '2015-10');
    expect(new Set(labels).size).toBe(labels.length);
    const positions = labels.map((label) =>
      dataset.sources.findIndex((source) => [source.title, `${source.title} (${publisherWords(source)})`].includes(label)),
    );
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(labels.filter((label) => /\.txt\b/.test(label))).toEqual([]);
    expect(labels).toContain('Commissioning Health Services: a Brief Introduction');
    // Sources with the same title are told apart by their publisher.
    expect(labels.filter((label) => label.startsWith('NHS England (')).length).toBeGreaterThanOrEqual(2);
    expect(labels).not.toContain('NHS England');
  });

  it('follows the filters: hiding the services leaves out the sources only they cite', () => {
    const all = sourceIdsDrawnAt(dataset, '2015-10');
    const withoutServices = sourceIdsDrawnAt(dataset, '2015-10', {
      showServices: false,
      hiddenCategories: [],
      hiddenRelationshipKinds: [],
    });
    expect(withoutServices.size).toBeLessThan(all.size);
    for (const id of withoutServices) expect(all.has(id)).toBe(true);
  });
});

describe('sourceLabels', () => {
  it('names documents by title, not by file, and adds the publisher only where titles repeat', () => {
    const external = (id: string, title: string, publisher: string) =>
      ({ id, kind: 'external', title, publisher, date: '2015', url: 'https://example.org/', description: 'x' }) as const;
    expect(
      sourceLabels([
        {
          id: 'd',
          kind: 'document',
          file: '000_41f3f7701da5024c.txt',
          title: 'A brief',
          publisher: 'P',
          date: '2015',
          description: 'x',
        },
        external('a', 'NHS England', 'Wikipedia'),
        external('b', 'NHS England', 'Ganfyd'),
        external('c', 'Timetable for change', 'Department of Health'),
      ]),
    ).toEqual(['A brief', 'NHS England (Wikipedia)', 'NHS England (Ganfyd)', 'Timetable for change']);
  });
});

describe('fullViewAddress', () => {
  it('is the view on the full site, without the embed mode', () => {
    expect(fullViewAddress('https://x.org/a/#/service/y?date=2015-10&embed=1')).toBe('https://x.org/a/#/service/y?date=2015-10');
    expect(fullViewAddress('https://x.org/a/#/?date=2015-10')).toBe('https://x.org/a/#/?date=2015-10');
    expect(fullViewAddress('https://x.org/a/')).toBe('https://x.org/a/');
  });
});
