/**
 * The named CCGs in "Map as text": the list the map draws for the month (each with its share of
 * the council, for a council), with where the names and codes come from.
 */
import { href } from '../../../components/routing';
import { formatMonth, type MonthString } from '../../../domain/months';
import { frameAt, type MembersReady } from './frames';
import { useMembers } from './load';
import { shareWords } from './share-words';
import { useMembersScope } from './useMembersScope';

export function MembersText({ month }: { month: MonthString }) {
  const { scope } = useMembersScope();
  const state = useMembers(scope);
  if (!scope || state?.status !== 'ready') return null;
  return <MembersList ready={state} month={month} />;
}

/** The list itself, for the loaded members. */
export function MembersList({ ready, month }: { ready: MembersReady; month: MonthString }) {
  const frame = frameAt(ready, month);
  const where = ready.placeName;
  return (
    <section aria-label="Named CCGs" data-testid="members-text">
      <h3 className="nhsuk-heading-s">
        Named CCGs in {where}, {formatMonth(month)}
        {frame ? ` (${frame.members.length})` : ''}
      </h3>
      {frame && frame.members.length > 0 ? (
        <ul className="nhsuk-list app-graph-text__list">
          {frame.members.map((member) => {
            const share = shareWords(member.share, where);
            return (
              <li key={member.code}>
                {member.name}{' '}
                <span className="app-place__meta">
                  (ODS code {member.code}
                  {share ? `; ${share}` : ''})
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="nhsuk-body-s">None at this month: CCGs began in April 2013.</p>
      )}
      <p className="nhsuk-body-s">
        Codes and dates: NHS Digital’s Organisation Data Service; names and council shares: the Office for National Statistics’
        lists (shares count small areas, not people). Open Government Licence; see <a href={href('/sources')}>Sources</a>.
      </p>
    </section>
  );
}
