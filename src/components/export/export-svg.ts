/**
 * The picture a person downloads: a copy of the live SVG that looks the same outside the page,
 * with a caption below it (title, date, sources, and where it comes from).
 *
 * The live SVG is styled by the page's stylesheets, which a downloaded file does not have; so the
 * copy carries the computed styles, written as presentation attributes (fill="…", stroke="…"). What only makes sense on the page goes: keyboard and
 * pointer attributes, focus rings, classes, and elements that are not drawn (hidden or faded out).
 * The zoom is kept as it is: the file shows what the person was looking at when they chose to
 * export it (Reset view first gives the whole map).
 */
import { textWidth } from '../../lib/text-width';
import { wrapText } from '../../lib/wrap-text';
import type { ExportCaption } from './caption';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What the caption says under the picture, after the view's own caption. */
export const EXPLAINER_LINE = 'NHS commissioning explorer — an independent explainer, not an NHS publication';

/** Properties children inherit: written on an element only where they differ from its parent's. */
const INHERITED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
  'word-spacing',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Properties that are not inherited: written where they differ from their initial value. */
const OWN_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  opacity: ['1'],
  'clip-path': ['none'],
  mask: ['none'],
  filter: ['none'],
};

/** Elements that hold resources (markers, gradients) or words, not drawn where they stand: never dropped. */
const RESOURCE_ELEMENTS = new Set([
  'defs',
  'marker',
  'symbol',
  'clippath',
  'mask',
  'pattern',
  'lineargradient',
  'radialgradient',
  'filter',
  'title',
  'desc',
]);

/** Elements a downloaded file must not carry (script, or HTML inside SVG, which would taint the PNG canvas). */
const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'foreignobject', 'iframe', 'a']);

/** Attributes that only make sense on the page: keyboard, pointer, accessibility of the live widget, styling hooks. */
function isInteractiveAttribute(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower.startsWith('on') ||
    lower.startsWith('data-') ||
    lower.startsWith('aria-') ||
    ['tabindex', 'role', 'class', 'style', 'focusable', 'draggable', 'contenteditable'].includes(lower)
  );
}

export interface ExportSvgOptions {
  /** the address of the view, printed under the caption */
  address: string;
  /** computed styles (window.getComputedStyle by default; tests may pass their own) */
  computedStyle?: (element: Element) => CSSStyleDeclaration;
}

export interface ExportedSvg {
  /** the standalone picture, not attached to any document */
  svg: SVGSVGElement;
  /** its size in CSS pixels */
  width: number;
  height: number;
}

/** Caption type sizes and spacing, in the picture's pixels. */
const CAPTION = {
  padding: 24,
  gap: 8,
  title: { size: 20, lineHeight: 26, weight: 700, colour: '#212b32' },
  date: { size: 16, lineHeight: 22, weight: 400, colour: '#212b32' },
  sources: { size: 13, lineHeight: 18, weight: 400, colour: '#212b32' },
  footer: { size: 13, lineHeight: 18, weight: 400, colour: '#4c6272' },
  fontFamily: 'Arial, "Liberation Sans", Helvetica, sans-serif',
} as const;

/** "Sources: A; B; C." — or a plain statement when there are none. */
export function sourcesSentence(sources: readonly string[]): string {
  if (sources.length === 0) return 'Sources: none cited for what is shown.';
  const list = sources.join('; ');
  // A title that ends in its own punctuation ("…how is it changing?") ends the sentence.
  return `Sources: ${list}${/[.?!]$/.test(list) ? '' : '.'}`;
}

function numberAttribute(element: Element, name: string): number | undefined {
  const value = Number.parseFloat(element.getAttribute(name) ?? '');
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

function viewBoxOf(svg: SVGSVGElement): [number, number, number, number] | undefined {
  const parts = (svg.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isFinite(part))) return undefined;
  const [x = 0, y = 0, width = 0, height = 0] = parts;
  return width > 0 && height > 0 ? [x, y, width, height] : undefined;
}

/**
 * The size the live SVG is drawn at, and the size of its copy: at least its drawing's own width
 * (the viewBox's), so a map shown small on a phone still exports at a readable size, in the
 * proportions it has on the page.
 */
export function exportSizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const viewBox = viewBoxOf(svg);
  const box = typeof svg.getBoundingClientRect === 'function' ? svg.getBoundingClientRect() : undefined;
  const shownWidth = numberAttribute(svg, 'width') ?? (box && box.width > 0 ? box.width : undefined) ?? viewBox?.[2] ?? 800;
  const shownHeight = numberAttribute(svg, 'height') ?? (box && box.height > 0 ? box.height : undefined) ?? viewBox?.[3] ?? 600;
  const width = Math.round(Math.max(shownWidth, viewBox?.[2] ?? 0));
  return { width, height: Math.round((width * shownHeight) / shownWidth) };
}

/** Whether an element is inside (or is) a resource element such as a marker. */
function isResource(element: Element, root: Element): boolean {
  for (let current: Element | null = element; current && current !== root; current = current.parentElement) {
    if (RESOURCE_ELEMENTS.has(current.localName.toLowerCase())) return true;
  }
  return false;
}

/** Whether an element draws nothing: not displayed, fully transparent, or hidden with no visible descendant. */
function drawsNothing(element: Element, style: CSSStyleDeclaration, computedStyle: (element: Element) => CSSStyleDeclaration) {
  if (style.getPropertyValue('display') === 'none') return true;
  if (style.getPropertyValue('opacity') === '0') return true;
  if (style.getPropertyValue('visibility') !== 'hidden') return false;
  return ![...element.querySelectorAll('*')].some((child) => computedStyle(child).getPropertyValue('visibility') === 'visible');
}

/**
 * A transform the stylesheet gives (not the element's own transform attribute, which the copy keeps),
 * as a transform attribute: the CSS transform about its origin.
 */
function stylesheetTransform(element: Element, style: CSSStyleDeclaration): string | undefined {
  const transform = style.getPropertyValue('transform');
  if (!transform || transform === 'none' || element.hasAttribute('transform')) return undefined;
  const [originX = 0, originY = 0] = style
    .getPropertyValue('transform-origin')
    .split(/\s+/)
    .map((part) => Number.parseFloat(part) || 0);
  // With transform-box: fill-box the origin is measured from the element's own box.
  let boxX = 0;
  let boxY = 0;
  if (style.getPropertyValue('transform-box') === 'fill-box' && 'getBBox' in element) {
    try {
      const box = (element as SVGGraphicsElement).getBBox();
      boxX = box.x;
      boxY = box.y;
    } catch {
      // Not laid out (not drawn): measured from the origin of its coordinates.
    }
  }
  const x = boxX + originX;
  const y = boxY + originY;
  return x === 0 && y === 0 ? transform : `translate(${x} ${y}) ${transform} translate(${-x} ${-y})`;
}

/**
 * Writes on a copied element, as presentation attributes, the computed styles that make it look as
 * its original does. Attributes rather than a style attribute: a page's Content-Security-Policy
 * (style-src 'self') also governs the SVG drawn from a blob: address for the PNG, and would refuse
 * inline styles there, but not presentation attributes.
 */
function applyComputedStyle(
  original: Element,
  copy: Element,
  style: CSSStyleDeclaration,
  parentStyle: CSSStyleDeclaration | undefined,
): void {
  for (const property of INHERITED_PROPERTIES) {
    const value = style.getPropertyValue(property);
    if (value && (!parentStyle || parentStyle.getPropertyValue(property) !== value)) copy.setAttribute(property, value);
    // Same as its parent's: inherited, so an attribute saying otherwise would be wrong.
    else if (value) copy.removeAttribute(property);
  }
  for (const [property, initial] of Object.entries(OWN_PROPERTIES)) {
    const value = style.getPropertyValue(property);
    if (value && !initial.includes(value)) copy.setAttribute(property, value);
    else if (value) copy.removeAttribute(property);
  }
  const transform = stylesheetTransform(original, style);
  if (transform) copy.setAttribute('transform', transform);
}

function svgElement<K extends keyof SVGElementTagNameMap>(
  document: Document,
  name: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name);
  for (const [attribute, value] of Object.entries(attributes)) element.setAttribute(attribute, String(value));
  return element;
}

/**
 * A standalone copy of `source` with its styles inlined and a caption block below. The original
 * is left untouched.
 */
export function buildExportSvg(source: SVGSVGElement, caption: ExportCaption, options: ExportSvgOptions): ExportedSvg {
  const document = source.ownerDocument;
  const view = document.defaultView;
  const computedStyle =
    options.computedStyle ??
    ((element: Element) => {
      if (!view) throw new Error('The picture is not on a page, so its styles cannot be read.');
      return view.getComputedStyle(element);
    });
  const { width, height: mapHeight } = exportSizeOf(source);

  // The copy, walked in step with the original: both lists are in document order.
  const map = source.cloneNode(true) as SVGSVGElement;
  const originals = [source, ...source.querySelectorAll('*')];
  const copies = [map, ...map.querySelectorAll('*')];
  const styles = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (element: Element) => {
    let style = styles.get(element);
    if (!style) {
      style = computedStyle(element);
      styles.set(element, style);
    }
    return style;
  };
  const dropped: Element[] = [];
  originals.forEach((original, index) => {
    const copy = copies[index];
    if (!copy) return;
    const name = original.localName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(name) || original.getAttribute('class')?.includes('focus-ring')) {
      dropped.push(copy);
      return;
    }
    const style = styleOf(original);
    if (original !== source && !isResource(original, source) && drawsNothing(original, style, styleOf)) {
      dropped.push(copy);
      return;
    }
    for (const attribute of [...copy.attributes]) {
      if (isInteractiveAttribute(attribute.name)) copy.removeAttribute(attribute.name);
    }
    const parentStyle = original === source || !original.parentElement ? undefined : styleOf(original.parentElement);
    applyComputedStyle(original, copy, style, parentStyle);
  });
  for (const copy of dropped) copy.remove();

  // The map, placed in the picture at its export size; its own viewBox keeps the drawing (and zoom) as shown.
  map.setAttribute('x', '0');
  map.setAttribute('y', '0');
  map.setAttribute('width', String(width));
  map.setAttribute('height', String(mapHeight));
  map.removeAttribute('xmlns');

  // The caption block, below the map.
  // The caption's type is Arial, so textWidth measures it.
  const captionWidth = width - 2 * CAPTION.padding;
  const linesFor = (text: string, { size, weight }: { size: number; weight: number }) =>
    wrapText(text, captionWidth, (line) => textWidth(line, size, weight >= 600));
  const blocks = [
    { lines: linesFor(caption.title, CAPTION.title), ...CAPTION.title },
    { lines: linesFor(caption.date, CAPTION.date), ...CAPTION.date },
    { lines: linesFor(sourcesSentence(caption.sources), CAPTION.sources), ...CAPTION.sources },
    {
      lines: [...linesFor(EXPLAINER_LINE, CAPTION.footer), ...linesFor(options.address, CAPTION.footer)],
      ...CAPTION.footer,
    },
  ];
  const captionText = svgElement(document, 'g', { 'font-family': CAPTION.fontFamily });
  let y = mapHeight + CAPTION.padding;
  for (const block of blocks) {
    for (const line of block.lines) {
      // The baseline sits about four fifths of the way down a line.
      const text = svgElement(document, 'text', {
        x: CAPTION.padding,
        y: Math.round(y + block.lineHeight * 0.78),
        'font-size': block.size,
        'font-weight': block.weight,
        fill: block.colour,
      });
      text.textContent = line;
      captionText.append(text);
      y += block.lineHeight;
    }
    y += CAPTION.gap;
  }
  const height = Math.ceil(y - CAPTION.gap + CAPTION.padding);

  // No xmlns attribute: XMLSerializer writes the SVG namespace on the root itself.
  const picture = svgElement(document, 'svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
  });
  const title = svgElement(document, 'title', {});
  title.textContent = `${caption.title}, ${caption.date}`;
  const description = svgElement(document, 'desc', {});
  description.textContent = `${sourcesSentence(caption.sources)} ${EXPLAINER_LINE}. ${options.address}`;
  picture.append(
    title,
    description,
    svgElement(document, 'rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
    map,
    svgElement(document, 'line', { x1: 0, y1: mapHeight + 0.5, x2: width, y2: mapHeight + 0.5, stroke: '#d8dde0' }),
    captionText,
  );
  return { svg: picture, width, height };
}

/** The picture as the text of an .svg file. */
export function serializeSvg(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}
