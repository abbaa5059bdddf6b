/**
 * The map's control for the named CCGs: "Show named CCGs" opens the map's "CCGs" into its members
 * for all of England (or, when the address names a council, for that council); while open, "Hide
 * named CCGs" closes them and a list chooses England or one council (until it has loaded, or for a
 * code that is no council, "All of England"). Says, as a status, while they load or when they
 * cannot be shown.
 */
import { useId } from 'react';
import { formatMonth, type MonthString } from '../../../domain/months';
import { MEMBERS_ENGLAND } from '../../../components/routing';
import type { MembersState } from './frames';
import './members.css';

/** The first month with CCGs (the place data's period begins then). */
export const MEMBERS_FROM = '2013-04';

export interface MembersToggleProps {
  scope: string | null;
  month: MonthString;
  state: MembersState | undefined;
  onShow: (scope: string | null) => void;
}

function statusOf(scope: string, month: MonthString, state: MembersState | undefined): string {
  if (month < MEMBERS_FROM) return `Named CCGs begin in ${formatMonth(MEMBERS_FROM)}.`;
  if (!state || state.status === 'loading') return 'Loading the named CCGs…';
  if (state.status === 'unknown-place') return `No council has the code ${scope}: choose “All of England”.`;
  if (state.status === 'failed') return `The named CCGs could not be shown. ${state.reason}`;
  return '';
}

export function MembersToggle({ scope, month, state, onShow }: MembersToggleProps) {
  const selectId = `app-members-scope-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  if (!scope && month < MEMBERS_FROM) return null;
  const status = scope ? statusOf(scope, month, state) : '';
  const ready = state?.status === 'ready' ? state : undefined;
  return (
    <div className="app-members-toggle">
      <button
        type="button"
        className="app-graph__zoom-button app-graph__zoom-button--text"
        aria-pressed={scope !== null}
        onClick={() => onShow(scope ? null : MEMBERS_ENGLAND)}
      >
        {scope ? 'Hide named CCGs' : 'Show named CCGs'}
      </button>
      {scope && ready ? (
        <span className="app-members-toggle__scope">
          <label className="app-members-toggle__label" htmlFor={selectId}>
            <span className="nhsuk-u-visually-hidden">Named CCGs</span> for
          </label>
          <select
            id={selectId}
            className="nhsuk-select app-members-toggle__select"
            value={scope}
            onChange={(event) => onShow(event.target.value)}
          >
            <option value={MEMBERS_ENGLAND}>All of England</option>
            {ready.councils.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </span>
      ) : null}
      {scope && !ready && scope !== MEMBERS_ENGLAND ? (
        <button
          type="button"
          className="app-graph__zoom-button app-graph__zoom-button--text"
          onClick={() => onShow(MEMBERS_ENGLAND)}
        >
          All of England
        </button>
      ) : null}
      <span className="app-members-toggle__status" role="status">
        {status}
      </span>
    </div>
  );
}
