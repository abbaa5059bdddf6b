import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCallback, useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ViewActions } from '../../src/components/ViewActions';

const caption = { title: 'Who commissions what in English health and care', date: 'October 2015', sources: ['A source'] };

/** A page with a drawn picture and the actions above it. */
function PageWithPicture({ drawn = true }: { drawn?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const getSvg = useCallback(() => ref.current?.querySelector('svg') ?? null, []);
  return (
    <>
      <ViewActions getSvg={getSvg} caption={caption} fileName="commissioning-map-2015-10" />
      <div ref={ref}>
        {drawn ? (
          <svg viewBox="0 0 100 50" width="200" height="100" role="img" aria-label="Map">
            <circle r="5" />
          </svg>
        ) : null}
      </div>
    </>
  );
}

function setClipboard(clipboard: Partial<Clipboard> | undefined) {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
}

describe('ViewActions', () => {
  beforeEach(() => {
    window.location.hash = '#/service/health-visiting?date=2015-10';
  });
  afterEach(() => {
    setClipboard(undefined);
    vi.restoreAllMocks();
  });

  it('copies the address of the view and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    setClipboard({ writeText });
    render(<ViewActions caption={caption} fileName="x" />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(window.location.href);
    expect(window.location.href).toContain('#/service/health-visiting?date=2015-10');
    expect(screen.getByRole('status')).toHaveTextContent('Link copied');
    expect(screen.queryByLabelText('Copy this link')).toBeNull();
  });

  it('shows the link in a selected, read-only field when the clipboard is refused', async () => {
    setClipboard({ writeText: vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError')) });
    render(<ViewActions caption={caption} fileName="x" />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByLabelText<HTMLInputElement>('Copy this link');
    expect(field).toHaveValue(window.location.href);
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveFocus();
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe(window.location.href.length);
    expect(screen.getByRole('status')).toHaveTextContent('did not let the page copy the link');
  });

  it('shows the link to copy when there is no clipboard at all', async () => {
    setClipboard(undefined);
    render(<ViewActions caption={caption} fileName="x" />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByLabelText('Copy this link')).toHaveValue(window.location.href);
  });

  it('offers the downloads only when there is a picture', async () => {
    const { unmount } = render(<ViewActions caption={caption} fileName="x" />);
    expect(screen.queryByRole('button', { name: /Download/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Print' })).toBeInTheDocument();
    unmount();

    const second = render(<PageWithPicture drawn={false} />);
    expect(screen.queryByRole('button', { name: /Download/ })).toBeNull();
    second.unmount();

    render(<PageWithPicture />);
    expect(await screen.findByRole('button', { name: 'Download SVG' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download PNG' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Share, save or print this view' })).toBeInTheDocument();
  });

  it('downloads the SVG under the given file name, and says so', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:test/1');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    render(<PageWithPicture />);
    await userEvent.click(await screen.findByRole('button', { name: 'Download SVG' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Downloaded commissioning-map-2015-10.svg'));
    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.download).toBe('commissioning-map-2015-10.svg');
    expect(clicks[0]?.getAttribute('href')).toBe('blob:test/1');
    expect(clicks[0]?.isConnected).toBe(false);
    const blob = createObjectURL.mock.calls[0]?.[0];
    expect(blob?.type).toBe('image/svg+xml;charset=utf-8');
    const text = await blob!.text();
    expect(text).toContain('October 2015');
    expect(text).toContain('Sources: A source.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says in words why a PNG could not be made', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    render(<PageWithPicture />);
    await userEvent.click(await screen.findByRole('button', { name: 'Download PNG' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The PNG could not be made: This browser cannot draw pictures to make a PNG. You can still print the page, or try again.',
    );
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('says so when the picture has gone by the time of the click', async () => {
    let drawn = true;
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    document.body.append(svg);
    render(<ViewActions getSvg={() => (drawn ? svg : null)} caption={caption} fileName="x" />);
    const button = await screen.findByRole('button', { name: 'Download SVG' });
    drawn = false;
    await act(async () => button.click());
    expect(screen.getByRole('alert')).toHaveTextContent('The SVG could not be made: there is no picture on the page to save.');
    svg.remove();
  });

  it('prints the page', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    render(<ViewActions caption={caption} fileName="x" />);
    await userEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });
});
