/**
 * The map's named CCGs as a person meets them (issue 13): the button that opens and closes them,
 * the members drawn in the CCG card (named, one tab stop, the arrow keys between them), and their
 * list in "Map as text". The members are worked out from the committed place data and layout.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { computeMembers } from '../../src/features/graph/members/compute';
import type { MembersReady } from '../../src/features/graph/members/frames';
import { MembersDrawing } from '../../src/features/graph/members/MembersLayer';
import { MembersList } from '../../src/features/graph/members/MembersText';
import { MembersToggle } from '../../src/features/graph/members/MembersToggle';

const dataDir = path.join(import.meta.dirname, '..', '..', 'data', 'places');
const placesText = readFileSync(path.join(dataDir, 'places.json'), 'utf8');
const layoutText = readFileSync(path.join(dataDir, 'members.json'), 'utf8');

function ready(scope: string): MembersReady {
  const state = computeMembers(placesText, layoutText, scope);
  if (state.status !== 'ready') throw new Error(`no members for ${scope}: ${state.status}`);
  return state;
}

const colour = { strong: '#005eb8', tint: '#dbe8f6', wash: '#f0f5fb' };
const body = { x: 571, y: 424, width: 174, height: 450 };

function drawing(scope: string, month: string) {
  return render(
    <svg>
      <MembersDrawing
        ready={ready(scope)}
        scope={scope}
        month={month}
        body={body}
        fontSize={14.8}
        colour={colour}
        sceneWidth={1058}
        reducedMotion
        hiddenServices={21}
      />
    </svg>,
  );
}

describe('the named CCGs control', () => {
  it('offers “Show named CCGs” from April 2013, a button that opens them for England', async () => {
    const onShow = vi.fn();
    const { rerender } = render(<MembersToggle scope={null} month="2016-06" state={undefined} onShow={onShow} />);
    const button = screen.getByRole('button', { name: 'Show named CCGs' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(onShow).toHaveBeenCalledWith('england');
    rerender(<MembersToggle scope={null} month="2012-06" state={undefined} onShow={onShow} />);
    expect(screen.queryByRole('button', { name: 'Show named CCGs' })).toBeNull();
  });

  it('when open for a council: hides them, widens them to England, and says when they load or cannot be shown', () => {
    const onShow = vi.fn();
    const { rerender } = render(
      <MembersToggle scope="E08000035" month="2016-06" state={{ status: 'loading' }} onShow={onShow} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading the named CCGs…');
    fireEvent.click(screen.getByRole('button', { name: 'All of England' }));
    expect(onShow).toHaveBeenLastCalledWith('england');
    fireEvent.click(screen.getByRole('button', { name: 'Hide named CCGs' }));
    expect(onShow).toHaveBeenLastCalledWith(null);
    rerender(
      <MembersToggle scope="E08999999" month="2016-06" state={{ status: 'unknown-place', scope: 'E08999999' }} onShow={onShow} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('No council has the code E08999999');
    rerender(<MembersToggle scope="england" month="2012-06" state={undefined} onShow={onShow} />);
    expect(screen.getByRole('status')).toHaveTextContent('Named CCGs begin in April 2013.');
  });
});

describe('choosing the area', () => {
  it('once loaded, chooses England or any of the 152 councils', () => {
    const onShow = vi.fn();
    render(<MembersToggle scope="england" month="2016-06" state={ready('england')} onShow={onShow} />);
    const area = screen.getByRole('combobox', { name: 'Named CCGs for' });
    expect(area).toHaveValue('england');
    expect(within(area).getAllByRole('option')).toHaveLength(153);
    fireEvent.change(area, { target: { value: 'E08000035' } });
    expect(onShow).toHaveBeenLastCalledWith('E08000035');
    expect(screen.queryByRole('button', { name: 'All of England' })).toBeNull();
  });
});

describe('the named CCGs drawn on the map', () => {
  it('draws Leeds’s three CCGs in June 2016, each named with its share, as one tab stop', async () => {
    drawing('E08000035', '2016-06');
    const list = screen.getByRole('list', { name: 'Named clinical commissioning groups in Leeds, June 2016: 3 CCGs' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-node-id'))).toEqual(['ccg:02V', 'ccg:03G', 'ccg:03C']);
    expect(items[0]).toHaveAccessibleName(/^NHS Leeds North CCG \(\d+% of Leeds\)$/);
    expect(items.filter((item) => item.getAttribute('tabindex') === '0')).toHaveLength(1);
    items[0]?.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[1]);
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(items[2]);
    expect(screen.getByText('21 services hidden here')).toBeInTheDocument();
  });

  it('draws NHS Leeds CCG alone in April 2018, and all 211 CCGs of England in April 2013', () => {
    const { unmount } = drawing('E08000035', '2018-04');
    expect(screen.getAllByRole('listitem').map((item) => item.getAttribute('data-node-id'))).toEqual(['ccg:15F']);
    unmount();
    drawing('england', '2013-04');
    expect(screen.getAllByRole('listitem')).toHaveLength(211);
  });
});

describe('the named CCGs in Map as text', () => {
  it('lists the month’s CCGs with their codes and shares, and where the names come from', () => {
    render(<MembersList ready={ready('E08000035')} month="2016-06" />);
    expect(screen.getByRole('heading', { name: 'Named CCGs in Leeds, June 2016 (3)' })).toBeInTheDocument();
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      expect.stringMatching(/^NHS Leeds North CCG \(ODS code 02V; \d+% of Leeds\)$/),
      expect.stringMatching(/^NHS Leeds South and East CCG \(ODS code 03G; \d+% of Leeds\)$/),
      expect.stringMatching(/^NHS Leeds West CCG \(ODS code 03C; \d+% of Leeds\)$/),
    ]);
    expect(screen.getByRole('link', { name: 'Sources' })).toHaveAttribute('href', '#/sources');
  });

  it('says there were none before April 2013', () => {
    render(<MembersList ready={ready('england')} month="2012-06" />);
    expect(screen.getByText('None at this month: CCGs began in April 2013.')).toBeInTheDocument();
  });
});
