import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../src/data/schema';
import { formatMonth, monthOfDate } from '../../src/domain/months';
import { ANNOUNCEMENT_DELAY_MS, EventCards, PLAYBACK_STEP_MS, Timeline, TimelineEventSteps } from '../../src/features/timeline';
import { createExplorerStore, ExplorerStoreProvider } from '../../src/store';
import { afterPaint } from '../support/after-paint';
import { loadRealDataset } from '../support/real-dataset';

/** A frame and the task after it, with fake timers (their requestAnimationFrame runs every 16 ms). */
const FRAME_MS = 20;

let dataset: Dataset;

beforeAll(() => {
  const result = loadRealDataset();
  if (!result.ok) throw new Error('the real dataset does not load');
  dataset = result.dataset;
});

afterEach(async () => {
  // What follows the month after its paint waits for a frame shared by everything asking in it: a
  // frame a test leaves pending (under fake timers or real ones) is run before the next test, whose
  // month steps would otherwise wait on it.
  // Unmounted first, so that playing stops and asks for no more frames.
  cleanup();
  if (vi.isFakeTimers()) act(() => vi.runOnlyPendingTimers());
  vi.useRealTimers();
  await afterPaint();
});

function storeAt(month: string) {
  const store = createExplorerStore({ data: { status: 'ready', dataset }, month });
  return store;
}

function renderAt(month: string) {
  const store = storeAt(month);
  const view = render(
    <ExplorerStoreProvider store={store}>
      <Timeline />
      <EventCards />
    </ExplorerStoreProvider>,
  );
  return { store, ...view };
}

const slider = () => screen.getByRole('slider', { name: 'Month' });

/** The health visiting transfer, read from data/events.json. */
const healthVisiting = () => {
  const event = dataset.events.find((candidate) => candidate.id === 'evt-health-visiting-transfer-2015');
  if (!event) throw new Error('data/events.json has no health visiting transfer');
  return event;
};

/** The first month after `month` that has events, read from the data. */
function nextMonthWithEvents(month: string): string | undefined {
  return dataset.events
    .map((event) => monthOfDate(event.date))
    .filter((candidate) => candidate > month)
    .sort()[0];
}

describe('Timeline', () => {
  it('renders nothing until the dataset and month are known', () => {
    const { container } = render(
      <ExplorerStoreProvider store={createExplorerStore()}>
        <Timeline />
        <EventCards />
      </ExplorerStoreProvider>,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('in its compact form keeps the slider, its description, Play and stepping by month, and leaves out stepping by event', async () => {
    const store = storeAt('2015-09');
    render(
      <ExplorerStoreProvider store={store}>
        <Timeline compact />
      </ExplorerStoreProvider>,
    );
    expect(slider()).toHaveAccessibleDescription(/Arrow keys move a month/);
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Step by event' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: /jump to an event/i })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /next month/i }));
    expect(store.getState().month).toBe('2015-10');
  });

  it('has a labelled slider over every month that speaks its month', () => {
    renderAt('2015-10');
    expect(slider()).toHaveAttribute('aria-valuetext', 'October 2015');
    expect(slider()).toHaveAttribute('min', '0');
    expect(slider()).toHaveAttribute('max', '93');
    expect(slider()).toHaveAccessibleDescription(/Arrow keys move a month/);
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    expect(within(timeline).getByText('October 2015')).toBeVisible();
    expect(within(timeline).getByText('financial year 2015/16')).toBeVisible();
  });

  it('moves a month with the arrows, a year with Page Up and Page Down, and to the ends with Home and End', async () => {
    const user = userEvent.setup();
    const { store } = renderAt('2015-10');
    slider().focus();
    await user.keyboard('{ArrowRight}');
    expect(store.getState().month).toBe('2015-11');
    expect(slider()).toHaveAttribute('aria-valuetext', 'November 2015');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(store.getState().month).toBe('2015-09');
    await user.keyboard('{PageUp}');
    expect(store.getState().month).toBe('2016-09');
    await user.keyboard('{PageDown}{PageDown}');
    expect(store.getState().month).toBe('2014-09');
    await user.keyboard('{Home}');
    expect(slider()).toHaveAttribute('aria-valuetext', 'July 2010');
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().month).toBe('2010-07');
    await user.keyboard('{End}');
    expect(slider()).toHaveAttribute('aria-valuetext', 'April 2018');
    await user.keyboard('{PageUp}');
    expect(store.getState().month).toBe('2018-04');
  });

  it('keeps the browser from moving the slider again on keys it handles', () => {
    renderAt('2015-10');
    const pageUp = fireEvent.keyDown(slider(), { key: 'PageUp' });
    expect(pageUp).toBe(false); // the default was prevented
    const tab = fireEvent.keyDown(slider(), { key: 'Tab' });
    expect(tab).toBe(true);
  });

  it('follows the slider when it is dragged', () => {
    const { store } = renderAt('2015-10');
    fireEvent.change(slider(), { target: { value: '33' } });
    expect(store.getState().month).toBe('2013-04');
  });

  it('steps by month with the previous and next buttons, which say when they are at an end', async () => {
    const user = userEvent.setup();
    const { store } = renderAt('2010-08');
    await user.click(screen.getByRole('button', { name: 'Next month' }));
    expect(store.getState().month).toBe('2010-09');
    await user.click(screen.getByRole('button', { name: 'Previous month' }));
    await user.click(screen.getByRole('button', { name: 'Previous month' }));
    expect(store.getState().month).toBe('2010-07');
    const previous = screen.getByRole('button', { name: 'Previous month' });
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    await user.click(previous);
    expect(store.getState().month).toBe('2010-07');
    expect(previous).toHaveFocus();
  });

  describe('play and pause', () => {
    it('steps a month at a time while playing, and pause stops it', () => {
      vi.useFakeTimers();
      const { store } = renderAt('2015-10');
      fireEvent.click(screen.getByRole('button', { name: 'Play' }));
      expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
      act(() => vi.advanceTimersByTime(PLAYBACK_STEP_MS));
      expect(store.getState().month).toBe('2015-11');
      expect(slider()).toHaveAttribute('aria-valuetext', 'November 2015');
      act(() => vi.advanceTimersByTime(PLAYBACK_STEP_MS * 2));
      expect(store.getState().month).toBe('2016-01');
      fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
      act(() => vi.advanceTimersByTime(PLAYBACK_STEP_MS * 5));
      expect(store.getState().month).toBe('2016-01');
      expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    });

    it('stops at the last month, and plays again from the first', () => {
      vi.useFakeTimers();
      const { store } = renderAt('2018-02');
      fireEvent.click(screen.getByRole('button', { name: 'Play' }));
      act(() => vi.advanceTimersByTime(PLAYBACK_STEP_MS * 5));
      expect(store.getState().month).toBe('2018-04');
      const play = screen.getByRole('button', { name: 'Play' });
      fireEvent.click(play);
      expect(store.getState().month).toBe('2010-07');
      act(() => vi.advanceTimersByTime(PLAYBACK_STEP_MS));
      expect(store.getState().month).toBe('2010-08');
    });

    it('pauses when the reader moves the month themselves', () => {
      vi.useFakeTimers();
      const { store } = renderAt('2015-10');
      fireEvent.click(screen.getByRole('button', { name: 'Play' }));
      act(() => vi.advanceTimersByTime(PLAYBACK_STEP_MS));
      fireEvent.keyDown(slider(), { key: 'PageUp' });
      expect(store.getState().month).toBe('2016-11');
      expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
      act(() => vi.advanceTimersByTime(PLAYBACK_STEP_MS * 3));
      expect(store.getState().month).toBe('2016-11');
    });

    it('pauses when something else on the page changes the month', () => {
      vi.useFakeTimers();
      const { store } = renderAt('2015-10');
      fireEvent.click(screen.getByRole('button', { name: 'Play' }));
      act(() => store.getState().setMonth('2012-01'));
      expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
      act(() => vi.advanceTimersByTime(PLAYBACK_STEP_MS * 3));
      expect(store.getState().month).toBe('2012-01');
    });

    it('leaves no timer behind when it goes away', () => {
      vi.useFakeTimers();
      const { store, unmount } = renderAt('2015-10');
      fireEvent.click(screen.getByRole('button', { name: 'Play' }));
      unmount();
      act(() => vi.advanceTimersByTime(PLAYBACK_STEP_MS * 3));
      expect(store.getState().month).toBe('2015-10');
      expect(vi.getTimerCount()).toBe(0);
    });
  });

  describe('event markers', () => {
    it('come after the first paint, into a row kept for them, so the page’s first frame is lighter', async () => {
      const { container } = renderAt('2015-10');
      // The first render draws the slider with the markers' row empty (its height is fixed in the CSS).
      const row = container.querySelector('.app-timeline__markers');
      expect(row).not.toBeNull();
      expect(row?.childElementCount).toBe(0);
      expect(slider()).toBeInTheDocument();
      expect(await screen.findByRole('button', { name: 'October 2015: 1 event' })).toBeInTheDocument();
    });

    it('has one marker per month with events, out of the tab order', async () => {
      renderAt('2015-10');
      const months = new Set(dataset.events.map((event) => monthOfDate(event.date)));
      const markers = await screen.findAllByRole('button', { name: /^[A-Z][a-z]+ \d{4}: \d+ events?$/ });
      expect(markers).toHaveLength(months.size);
      for (const marker of markers) expect(marker).toHaveAttribute('tabindex', '-1');
    });

    it('names its event in a tooltip on focus and on hover, which Escape dismisses', async () => {
      const user = userEvent.setup();
      renderAt('2012-01');
      const event = healthVisiting();
      const marker = await screen.findByRole('button', { name: 'October 2015: 1 event' });
      expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
      act(() => marker.focus());
      const tooltip = screen.getByRole('tooltip');
      expect(tooltip).toHaveTextContent(event.title);
      expect(tooltip).toHaveTextContent('1 October 2015');
      expect(marker).toHaveAccessibleDescription(expect.stringContaining(event.title));
      act(() => marker.blur());
      expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

      await user.hover(marker);
      expect(screen.getByRole('tooltip')).toHaveTextContent(event.title);
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    });

    it('lists every event of a month that has several', async () => {
      renderAt('2012-01');
      const april2013 = dataset.events.filter((event) => monthOfDate(event.date) === '2013-04');
      expect(april2013.length).toBeGreaterThan(1);
      const marker = await screen.findByRole('button', { name: `April 2013: ${april2013.length} events` });
      act(() => marker.focus());
      for (const event of april2013) expect(screen.getByRole('tooltip')).toHaveTextContent(event.title);
    });

    it('moves to its month when clicked', async () => {
      const user = userEvent.setup();
      const { store } = renderAt('2012-01');
      await user.click(await screen.findByRole('button', { name: 'October 2015: 1 event' }));
      expect(store.getState().month).toBe('2015-10');
      expect(screen.getByRole('button', { name: 'October 2015: 1 event' })).toHaveAttribute('aria-current', 'true');
    });
  });

  describe('event steps', () => {
    it('jumps to the month of an event chosen from the list', async () => {
      const user = userEvent.setup();
      const { store } = renderAt('2012-01');
      const event = healthVisiting();
      const list = screen.getByRole('combobox', { name: 'Jump to an event' });
      await user.selectOptions(list, screen.getByRole('option', { name: `1 October 2015: ${event.title}` }));
      expect(store.getState().month).toBe('2015-10');
      expect(list).toHaveValue(event.id);
    });

    it('steps to the previous and next months with events', async () => {
      const user = userEvent.setup();
      const { store } = renderAt('2015-10');
      await user.click(screen.getByRole('button', { name: 'Next event' }));
      expect(store.getState().month).toBe(nextMonthWithEvents('2015-10'));
      await user.click(screen.getByRole('button', { name: 'Previous event' }));
      expect(store.getState().month).toBe('2015-10');
    });
  });
});

describe('EventCards', () => {
  it('shows the month’s events as cards with date, kind, one line and source', () => {
    renderAt('2015-10');
    const event = healthVisiting();
    expect(screen.getByRole('heading', { name: 'Events in October 2015' })).toBeInTheDocument();
    const heading = screen.getByRole('heading', { name: event.title });
    const article = heading.closest('article');
    expect(article).not.toBeNull();
    const inCard = within(article as HTMLElement);
    expect(inCard.getByText('1 October 2015')).toBeInTheDocument();
    expect(inCard.getByText('Transfer')).toBeInTheDocument();
    // the summary is one paragraph, with its glossary terms as links inside it
    expect(article).toHaveTextContent(event.summary);
    const firstSource = dataset.sources.find((source) => source.id === event.sources[0]?.id);
    expect(firstSource).toBeDefined();
    expect(inCard.getAllByText(firstSource!.title).length).toBeGreaterThan(0);
    expect(inCard.getByText(/^Source:/)).toBeInTheDocument();
  });

  it('says when a month has no events and offers the next one', async () => {
    const user = userEvent.setup();
    const quietMonth = '2015-11';
    expect(dataset.events.some((event) => monthOfDate(event.date) === quietMonth)).toBe(false);
    const { store } = renderAt(quietMonth);
    expect(screen.getByText('No events recorded for November 2015.')).toBeInTheDocument();
    const target = nextMonthWithEvents(quietMonth)!;
    const next = screen.getByRole('button', { name: new RegExp(`^Next event: .*, ${formatMonth(target)}$`) });
    await user.click(next);
    expect(store.getState().month).toBe(target);
    // The cards, below the map, follow the month after the step's paint.
    await afterPaint();
    const heading = screen.getByRole('heading', { name: `Events in ${formatMonth(target)}` });
    expect(heading).toHaveFocus();
    expect(screen.queryByText(/No events recorded/)).not.toBeInTheDocument();
  });

  it('announces the count and titles once the month has rested, but not on first showing', () => {
    vi.useFakeTimers();
    const { store, container } = renderAt('2015-09');
    const live = container.querySelector('[aria-live="polite"]');
    expect(live).not.toBeNull();
    act(() => vi.advanceTimersByTime(ANNOUNCEMENT_DELAY_MS * 2));
    expect(live).toBeEmptyDOMElement();

    // The cards follow a month step after its paint (a frame), and announce it once it has rested.
    act(() => store.getState().setMonth('2015-10'));
    expect(live).toBeEmptyDOMElement();
    act(() => vi.advanceTimersByTime(FRAME_MS));
    act(() => vi.advanceTimersByTime(ANNOUNCEMENT_DELAY_MS));
    expect(live).toHaveTextContent(`1 event in October 2015: ${healthVisiting().title}.`);

    act(() => store.getState().setMonth('2015-12'));
    act(() => vi.advanceTimersByTime(FRAME_MS));
    act(() => vi.advanceTimersByTime(ANNOUNCEMENT_DELAY_MS / 2));
    act(() => store.getState().setMonth('2016-01'));
    act(() => vi.advanceTimersByTime(FRAME_MS));
    act(() => vi.advanceTimersByTime(ANNOUNCEMENT_DELAY_MS));
    expect(live).toHaveTextContent('No events recorded for January 2016.');
  });
});

describe('the month bar (the explorer, on the map)', () => {
  function renderBar(month: string) {
    const store = storeAt(month);
    const view = render(
      <ExplorerStoreProvider store={store}>
        <Timeline bar />
        <EventCards />
        <TimelineEventSteps />
      </ExplorerStoreProvider>,
    );
    return { store, ...view };
  }

  it('has the month, previous and next month, Play and the slider, and steps by month', async () => {
    const user = userEvent.setup();
    const { store } = renderBar('2013-03');
    const bar = within(screen.getByRole('region', { name: 'Timeline' }));
    expect(bar.getByText('March 2013')).toBeInTheDocument();
    expect(bar.getByRole('slider', { name: 'Month' })).toHaveAttribute('aria-valuetext', 'March 2013');
    expect(bar.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    await user.click(bar.getByRole('button', { name: 'Next month' }));
    expect(store.getState().month).toBe('2013-04');
    await user.click(bar.getByRole('button', { name: 'Previous month' }));
    await user.click(bar.getByRole('button', { name: 'Previous month' }));
    expect(store.getState().month).toBe('2013-02');
    // Stepping by event is not in the bar: it is with the month's events.
    expect(bar.queryByRole('group', { name: 'Step by event' })).not.toBeInTheDocument();
  });

  it('draws a month step in the bar first, and the events below the map after that paint', async () => {
    const { store } = renderBar('2015-09');
    // Painted once, as the page is before anyone can step (until then, a new month is shown at once).
    await afterPaint();
    const bar = within(screen.getByRole('region', { name: 'Timeline' }));
    await act(async () => store.getState().setMonth('2015-10'));
    // The key press's own frame carries the bar only.
    expect(bar.getByRole('slider', { name: 'Month' })).toHaveAttribute('aria-valuetext', 'October 2015');
    expect(screen.getByRole('heading', { name: 'Events in September 2015' })).toBeInTheDocument();
    await afterPaint();
    expect(screen.getByRole('heading', { name: 'Events in October 2015' })).toBeInTheDocument();
    expect(screen.getByText(healthVisiting().title)).toBeInTheDocument();
  });

  it('leaves stepping by event to TimelineEventSteps, shown with the events', async () => {
    const user = userEvent.setup();
    const { store } = renderBar('2015-09');
    const steps = within(screen.getByRole('group', { name: 'Step by event' }));
    await user.click(steps.getByRole('button', { name: 'Next event' }));
    expect(store.getState().month).toBe(nextMonthWithEvents('2015-09'));
    await user.selectOptions(steps.getByRole('combobox', { name: 'Jump to an event' }), healthVisiting().id);
    expect(store.getState().month).toBe('2015-10');
  });

  it('has no axe violations', async () => {
    const { container } = renderBar('2013-04');
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
});

describe('accessibility', () => {
  it('has no axe violations in the timeline and cards', async () => {
    const { container } = renderAt('2013-04');
    // jsdom has no layout, so colour contrast is checked in the browser tests instead.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
});
