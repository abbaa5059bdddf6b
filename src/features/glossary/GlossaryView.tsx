import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { SourcesDetails, UnknownId } from '../../components/panel-parts';
import { TermText } from '../../components/TermText';
import type { GlossaryEntry } from '../../data/schema';
import { findTermBySlug, glossaryHref, termSlug } from '../../domain/glossary';
import { ALPHABET, filterGlossary, groupByLetter, sortGlossary } from './glossary-model';
import './glossary.css';

/** Brings an element into view and moves focus to it, so that keyboard and screen-reader users land there. */
function bringToFocus(element: HTMLElement | null) {
  if (!element) return;
  element.scrollIntoView?.({ block: 'start' });
  element.focus({ preventScroll: true });
}

/**
 * The glossary page: every term in alphabetical order with an A–Z jump list and a search.
 * `slug` (from #/glossary/<slug>) picks out one entry: it is scrolled to, highlighted and focused.
 */
export function GlossaryView({ glossary, slug }: { glossary: readonly GlossaryEntry[]; slug?: string }) {
  return (
    <div className="app-glossary">
      <h1>Glossary</h1>
      <p className="nhsuk-lede-text">
        The words and abbreviations of health and care commissioning in England, each in plain English, with its sources where the
        dataset has them.
      </p>
      <GlossaryEntries glossary={glossary} slug={slug} />
    </div>
  );
}

function GlossaryEntries({ glossary, slug }: { glossary: readonly GlossaryEntry[]; slug?: string }) {
  const sorted = useMemo(() => sortGlossary(glossary), [glossary]);
  const chosen = slug ? findTermBySlug(glossary, slug) : undefined;
  const chosenSlug = chosen ? termSlug(chosen.term) : undefined;
  // A search is kept per address: opening another term's address clears it, so the term is shown.
  const [search, setSearch] = useState({ query: '', slug });
  if (search.slug !== slug) setSearch({ query: '', slug });
  const query = search.query;
  const setQuery = (next: string) => setSearch({ query: next, slug });

  const matching = useMemo(() => filterGlossary(sorted, query), [sorted, query]);
  const groups = useMemo(() => groupByLetter(matching), [matching]);
  const searchId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const entryHeadings = useRef(new Map<string, HTMLElement>());
  const letterHeadings = useRef(new Map<string, HTMLElement>());
  const noticeRef = useRef<HTMLDivElement>(null);

  // Open at the chosen term: scroll to it and focus it, once the list is on the page.
  useEffect(() => {
    if (chosenSlug) bringToFocus(entryHeadings.current.get(chosenSlug) ?? null);
    else if (slug) bringToFocus(noticeRef.current);
  }, [chosenSlug, slug]);

  const trimmed = query.trim();
  const lettersPresent = new Set(groups.map((group) => group.letter));
  const clear = () => {
    setQuery('');
    inputRef.current?.focus();
  };

  return (
    <>
      {slug && !chosen ? (
        <div className="nhsuk-inset-text app-glossary__notice" ref={noticeRef} tabIndex={-1}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            The glossary has no term “<UnknownId id={slug} />
            ”. Every term is listed below; the search may find it under another name.
          </p>
        </div>
      ) : null}

      <form className="app-glossary__search" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={searchId}>
            Search the glossary
          </label>
          <div className="nhsuk-hint" id={hintId}>
            Matches terms, what abbreviations stand for and their meanings
          </div>
          <input
            ref={inputRef}
            id={searchId}
            className="nhsuk-input app-glossary__input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={hintId}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query) {
                event.preventDefault();
                setQuery('');
              }
            }}
          />
        </div>
      </form>

      <p className="nhsuk-body-s app-glossary__count" role="status" aria-live="polite" aria-atomic="true">
        {trimmed
          ? matching.length === 0
            ? `No terms match “${trimmed}”.`
            : `${matching.length} of ${sorted.length} terms match “${trimmed}”.`
          : `${sorted.length} terms.`}
      </p>
      {trimmed && matching.length === 0 ? (
        <button type="button" className="nhsuk-button nhsuk-button--secondary app-glossary__clear" onClick={clear}>
          Clear the search
        </button>
      ) : null}

      {groups.length > 0 ? (
        <nav className="app-glossary__letters" aria-label="Jump to a letter">
          <ul className="app-glossary__letter-list">
            {[...ALPHABET, ...(lettersPresent.has('#') ? ['#'] : [])].map((letter) => (
              <li key={letter}>
                {lettersPresent.has(letter) ? (
                  <button
                    type="button"
                    className="app-glossary__letter"
                    onClick={() => bringToFocus(letterHeadings.current.get(letter) ?? null)}
                  >
                    <span className="nhsuk-u-visually-hidden">Terms starting with </span>
                    {letter}
                  </button>
                ) : (
                  <span className="app-glossary__letter app-glossary__letter--empty">
                    <span className="nhsuk-u-visually-hidden">No terms starting with </span>
                    {letter}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {groups.map((group) => (
        <section key={group.letter} className="app-glossary__group" aria-labelledby={`glossary-letter-${group.letter}`}>
          <h2
            className="nhsuk-heading-l app-glossary__letter-heading"
            id={`glossary-letter-${group.letter}`}
            tabIndex={-1}
            ref={(element) => {
              if (element) letterHeadings.current.set(group.letter, element);
              else letterHeadings.current.delete(group.letter);
            }}
          >
            {group.letter === '#' ? 'Numbers and signs' : group.letter}
          </h2>
          <ul className="nhsuk-list app-glossary__entries">
            {group.entries.map((entry) => {
              const entrySlug = termSlug(entry.term);
              const isChosen = entrySlug === chosenSlug;
              return (
                <li key={entry.term} className={`app-glossary__entry${isChosen ? ' app-glossary__entry--chosen' : ''}`}>
                  <h3
                    className="nhsuk-heading-s app-glossary__term"
                    tabIndex={-1}
                    ref={(element) => {
                      if (element) entryHeadings.current.set(entrySlug, element);
                      else entryHeadings.current.delete(entrySlug);
                    }}
                  >
                    {entry.term}
                    {entry.expansion ? (
                      <span className="app-glossary__expansion">
                        <span className="nhsuk-u-visually-hidden">: </span>
                        {entry.expansion}
                      </span>
                    ) : null}
                  </h3>
                  <p className="app-glossary__meaning">
                    <TermText text={entry.meaning} exclude={entry} />
                  </p>
                  {entry.sources ? <SourcesDetails citations={entry.sources} /> : null}
                  <p className="nhsuk-body-s app-glossary__link">
                    <a href={glossaryHref(entry.term)} aria-current={isChosen ? 'location' : undefined}>
                      Link to this term<span className="nhsuk-u-visually-hidden">: {entry.term}</span>
                    </a>
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
