/**
 * The place finder on the explorer's first screen: a council, CCG or primary care trust by name or
 * code, opening the council's place page at the chosen month. Only this field is part of the first
 * view; the place data and the matching load when the field is focused, pointed at or typed in
 * (place-finder-module). A combobox (WAI-ARIA 1.2): the arrow keys move through the options, Enter
 * opens the chosen one (or the top one), Escape closes the list, then clears the field.
 */
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { selectMonth, useExplorerStore, useExplorerStoreApi } from '../../store';
import type { PlaceSearch } from './place-finder-module';
import './place-finder.css';

let searchLoad: Promise<PlaceSearch> | undefined;

/** Starts loading the place search (once; a failed load is tried again on the next intent). */
export function preloadPlaceSearch(): Promise<PlaceSearch> {
  searchLoad ??= import('./place-finder-module')
    .then((module) => module.loadPlaceSearch(import.meta.env.BASE_URL))
    .then((search) => {
      if (!search.ok) searchLoad = undefined;
      return search;
    })
    .catch(() => {
      searchLoad = undefined;
      return { ok: false, reason: 'The place finder could not be loaded.' } as const;
    });
  return searchLoad;
}

export function PlaceFinderField() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const text = query.trim();
  // The month matters only to a list of matches: an empty field (as it mostly is) does not render
  // again at every month step, whose frame then has nothing of it to draw.
  const month = useExplorerStore((state) => (text === '' ? undefined : selectMonth(state)));
  const storeApi = useExplorerStoreApi();
  const [search, setSearch] = useState<PlaceSearch | undefined>(undefined);
  const [wanted, setWanted] = useState(false);
  const [active, setActive] = useState(-1);
  const [closed, setClosed] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const listId = useId();
  const statusId = useId();

  useEffect(() => {
    if (!wanted || search?.ok) return;
    let live = true;
    void preloadPlaceSearch().then((loaded) => {
      if (live) setSearch(loaded);
    });
    return () => {
      live = false;
    };
  }, [wanted, search]);

  const options = useMemo(() => (search?.ok && text !== '' && month ? search.options(text, month) : []), [search, text, month]);
  const open = !closed && options.length > 0;
  const optionId = (at: number) => `${listId}-${at}`;

  const choose = (at: number) => {
    const option = options[at];
    const chosenMonth = selectMonth(storeApi.getState());
    if (!option || !chosenMonth) return;
    void navigate(`/place/${encodeURIComponent(option.authority)}?date=${chosenMonth}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      setClosed(false);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((at) => (open ? (at + step + options.length) % options.length : step > 0 ? 0 : options.length - 1));
    } else if (event.key === 'Enter') {
      if (options.length === 0) return;
      event.preventDefault();
      choose(open && active >= 0 ? active : 0);
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setClosed(true);
        setActive(-1);
      } else if (query !== '') {
        event.preventDefault();
        setQuery('');
      }
    }
  };

  const status =
    text === ''
      ? ''
      : !search
        ? 'Loading the place list…'
        : !search.ok
          ? search.reason
          : options.length === 0
            ? `No council, CCG or primary care trust matches “${text}”.`
            : `${options.length} ${options.length === 1 ? 'place' : 'places'} found; Enter opens the first.`;

  return (
    <div className="app-place-field" role="search" aria-label="Places">
      <label className="nhsuk-label nhsuk-label--s app-place-field__label" htmlFor={inputId}>
        Find a place
      </label>
      <div className="nhsuk-hint app-place-field__hint" id={hintId}>
        A council or CCG, by name or code: Leeds, E08000035
      </div>
      <div className="app-place-field__box">
        <input
          className="nhsuk-input app-place-field__input"
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${hintId} ${statusId}`}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setWanted(true);
            setActive(-1);
            setClosed(false);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setWanted(true)}
          onPointerEnter={() => void preloadPlaceSearch()}
          onBlur={() => setClosed(true)}
        />
        <ul className="app-place-field__list" id={listId} role="listbox" aria-label="Places found" hidden={!open}>
          {open
            ? options.map((option, at) => (
                <li
                  key={option.id}
                  id={optionId(at)}
                  role="option"
                  aria-selected={at === active}
                  className="app-place-field__option"
                  // The field keeps focus (no blur closing the list before the click lands).
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(at)}
                >
                  <span className="app-place-field__name">{option.name}</span>{' '}
                  <span className="app-place-field__detail">{option.detail}</span>
                </li>
              ))
            : null}
        </ul>
      </div>
      <p className={open || status === '' ? 'nhsuk-u-visually-hidden' : 'app-place-field__status'} id={statusId} role="status">
        {status}
      </p>
    </div>
  );
}
