/**
 * Making and saving the files a person downloads: the picture as SVG, the same drawn at twice its
 * size as PNG, and the download itself. Loaded only when someone exports (see ViewActions), so the
 * first view does not carry it.
 */
import type { ExportCaption } from './caption';
import { buildExportSvg, serializeSvg } from './export-svg';

/** An export that could not be made, with the reason in words a person can act on. */
export class ExportError extends Error {}

/** How much larger than its CSS size the PNG is drawn: sharp on high-density screens and in print. */
export const PNG_SCALE = 2;

export interface PictureFile {
  blob: Blob;
  /** the picture's size in CSS pixels (the PNG's pixels are PNG_SCALE times this) */
  width: number;
  height: number;
}

/** The picture (with its caption) as an SVG file. */
export function svgFile(source: SVGSVGElement, caption: ExportCaption, address: string): PictureFile {
  const { svg, width, height } = buildExportSvg(source, caption, { address });
  return { blob: new Blob([serializeSvg(svg)], { type: 'image/svg+xml;charset=utf-8' }), width, height };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new ExportError('The browser could not draw the picture to make a PNG.'));
    image.src = url;
  });
}

/**
 * The picture as a PNG: the SVG file drawn onto a canvas at PNG_SCALE times its size. The SVG is
 * read from a blob: address (which the Content-Security-Policy's img-src allows) so the canvas stays
 * clean and can be saved.
 */
export async function pngFile(source: SVGSVGElement, caption: ExportCaption, address: string): Promise<PictureFile> {
  const svg = svgFile(source, caption, address);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(svg.width * PNG_SCALE);
  canvas.height = Math.round(svg.height * PNG_SCALE);
  const context = canvas.getContext('2d');
  if (!context) throw new ExportError('This browser cannot draw pictures to make a PNG.');
  const url = URL.createObjectURL(svg.blob);
  try {
    const image = await loadImage(url);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
  } finally {
    URL.revokeObjectURL(url);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new ExportError('The browser could not save the drawing as a PNG (it may be too large).');
  return { blob, width: svg.width, height: svg.height };
}

/** How long the download's blob: address lives: long enough for the browser to start saving it. */
const REVOKE_AFTER_MS = 10_000;

/** Saves a file through a temporary link with `download`, then lets its blob: address go. */
export function downloadFile(blob: Blob, fileName: string): void {
  if (typeof URL.createObjectURL !== 'function') throw new ExportError('This browser cannot save files made on the page.');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download in some browsers; a little later is safe.
    window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
