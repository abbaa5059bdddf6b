/**
 * The place finder: a council, CCG or PCT by name or code, each result a link to the place page of
 * the council it belongs to, at the same month.
 */
import { useId, useMemo, useState } from 'react';
import type { MonthString } from '../../domain/months';
import { findPlaces, type PlacesIndex } from '../../domain/places';
import { href, placeLocation } from '../../components/routing';

const KIND_WORDS = { authority: 'council', ccg: 'CCG', pct: 'primary care trust' } as const;

export const placeHref = (code: string, month: MonthString) => href(placeLocation(code, month));

export function PlaceFinder({ index, month }: { index: PlacesIndex; month: MonthString }) {
  const [query, setQuery] = useState('');
  const inputId = useId();
  const hintId = useId();
  const matches = useMemo(() => findPlaces(index, query, month), [index, query, month]);
  const authorityName = (code: string) => index.authorities.get(code)?.name ?? code;
  return (
    <div role="search" className="nhsuk-form-group app-place-finder">
      <label className="nhsuk-label" htmlFor={inputId}>
        Find a place
      </label>
      <div className="nhsuk-hint" id={hintId}>
        A council, CCG or primary care trust, by name or code
      </div>
      <input
        className="nhsuk-input"
        id={inputId}
        type="search"
        autoComplete="off"
        aria-describedby={hintId}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {query.trim() ? (
        matches.length > 0 ? (
          <ul className="nhsuk-list app-place-finder__results" aria-label="Places found">
            {matches.map((match) => (
              <li key={`${match.kind}:${match.code}`}>
                {match.authorities.length <= 1 ? (
                  <a href={placeHref(match.authorities[0] ?? match.code, month)}>{match.name}</a>
                ) : (
                  <>{match.name}</>
                )}{' '}
                <span className="app-place__meta">
                  ({KIND_WORDS[match.kind]}
                  {match.kind !== 'authority' && match.authorities.length === 1
                    ? `, ${authorityName(match.authorities[0] ?? '')}`
                    : ''}
                  )
                </span>
                {match.authorities.length > 1 ? (
                  <>
                    {': '}
                    {match.authorities.slice(0, 6).map((code, at) => (
                      <span key={code}>
                        {at > 0 ? ', ' : ''}
                        <a href={placeHref(code, month)}>{authorityName(code)}</a>
                      </span>
                    ))}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p role="status">No council, CCG or primary care trust matches “{query}”.</p>
        )
      ) : null}
    </div>
  );
}
