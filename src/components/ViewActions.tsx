/**
 * Actions on the current view, in a compact bar above it: copy a link to it, download its picture
 * as SVG or PNG with a caption (title, date and sources), print it. The code that makes the files
 * is loaded only when someone asks for one (export/export-files.ts), so pages carry little for it.
 */
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { withoutEmbed } from './embed';
import type { ExportCaption } from './export/caption';

export type { ExportCaption } from './export/caption';

export interface ViewActionsProps {
  /** the SVG to export; null when nothing is drawn (then the export buttons are not offered) */
  getSvg?: () => SVGSVGElement | null;
  caption: ExportCaption;
  /** the downloaded file's name without extension, e.g. "commissioning-map-2015-10" */
  fileName: string;
}

type Format = 'svg' | 'png';

/** The address printed under an exported picture: the view on the full site (not its embedded form). */
export function fullViewAddress(href: string): string {
  const hashAt = href.indexOf('#');
  return hashAt < 0 ? href : `${href.slice(0, hashAt)}#${withoutEmbed(href.slice(hashAt + 1))}`;
}

const noPictureOnServer = () => false;

export function ViewActions({ getSvg, caption, fileName }: ViewActionsProps) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [linkToCopy, setLinkToCopy] = useState<string | null>(null);
  const [busy, setBusy] = useState<Format | null>(null);
  const linkFieldRef = useRef<HTMLInputElement>(null);
  const fieldId = `app-view-actions-link-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  // The picture is part of the page (the DOM), drawn by a sibling after this renders. Read as an
  // external store: React reads it again once the page is committed, and on every later render.
  // A picture drawn later (a map loaded on demand, or waiting for its layout) is noticed by watching
  // the page until it appears; after that there is nothing to watch.
  const hasPicture = useCallback(() => Boolean(getSvg?.()), [getSvg]);
  const watchForPicture = useCallback(
    (onChange: () => void) => {
      if (!getSvg || getSvg() || typeof MutationObserver === 'undefined') return () => {};
      const observer = new MutationObserver(() => {
        if (!getSvg()) return;
        observer.disconnect();
        onChange();
      });
      observer.observe(document.body, { childList: true, subtree: true });
      return () => observer.disconnect();
    },
    [getSvg],
  );
  const canExport = useSyncExternalStore(watchForPicture, hasPicture, noPictureOnServer);

  // The fallback field, once shown, is focused with its link selected, ready for Ctrl+C.
  useEffect(() => {
    if (!linkToCopy) return;
    linkFieldRef.current?.focus();
    linkFieldRef.current?.select();
  }, [linkToCopy]);

  const copyLink = async () => {
    const link = window.location.href;
    setError(null);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setLinkToCopy(null);
      setMessage('Link copied');
    } catch {
      // No clipboard (an insecure page, an old browser) or permission refused: the person copies it.
      setLinkToCopy(link);
      setMessage('The browser did not let the page copy the link. It is in the field below, selected: copy it from there.');
    }
  };

  const download = async (format: Format) => {
    if (busy) return;
    setError(null);
    const what = format === 'svg' ? 'SVG' : 'PNG';
    const svg = getSvg?.() ?? null;
    if (!svg) {
      setError(`The ${what} could not be made: there is no picture on the page to save. Try again once it has loaded.`);
      return;
    }
    setBusy(format);
    setMessage(`Making the ${what}…`);
    try {
      const files = await import('./export/export-files');
      const address = fullViewAddress(window.location.href);
      const file = format === 'svg' ? files.svgFile(svg, caption, address) : await files.pngFile(svg, caption, address);
      const name = `${fileName}.${format}`;
      files.downloadFile(file.blob, name);
      setMessage(`Downloaded ${name}`);
    } catch (failure) {
      setMessage('');
      const reason = failure instanceof Error && failure.message ? failure.message : 'something went wrong';
      const sentence = /[.!?]$/.test(reason) ? reason : `${reason}.`;
      setError(`The ${what} could not be made: ${sentence} You can still print the page, or try again.`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="app-view-actions">
      <div className="app-view-actions__bar" role="group" aria-label="Share, save or print this view">
        <button type="button" className="app-view-actions__button" onClick={() => void copyLink()}>
          Copy link
        </button>
        {getSvg && canExport ? (
          <>
            <button
              type="button"
              className="app-view-actions__button"
              aria-disabled={busy !== null}
              onClick={() => void download('svg')}
            >
              Download SVG
            </button>
            <button
              type="button"
              className="app-view-actions__button"
              aria-disabled={busy !== null}
              onClick={() => void download('png')}
            >
              Download PNG
            </button>
          </>
        ) : null}
        <button type="button" className="app-view-actions__button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <p className="app-view-actions__status" role="status">
        {message}
      </p>
      {error ? (
        <p className="app-view-actions__error" role="alert">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {linkToCopy ? (
        <div className="app-view-actions__copy-field">
          <label className="nhsuk-label app-view-actions__copy-label" htmlFor={fieldId}>
            Copy this link
          </label>
          <input
            ref={linkFieldRef}
            id={fieldId}
            className="nhsuk-input app-view-actions__copy-input"
            type="text"
            readOnly
            value={linkToCopy}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      ) : null}
    </div>
  );
}
