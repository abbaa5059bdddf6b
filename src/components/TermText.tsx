import { Fragment, startTransition, useEffect, useMemo, useState } from 'react';
import type { GlossaryEntry } from '../data/schema';
import { selectDataset, useExplorerStore } from '../store';
import { whenIdle } from './after-paint';
import './term-text.css';

type GlossaryModule = typeof import('../domain/glossary');

// The term finder is loaded on demand, after the first view: the texts show as plain text until
// it arrives (a moment later), so the map's first view carries none of its code.
let loadedModule: GlossaryModule | undefined;
let loadingModule: Promise<GlossaryModule> | undefined;

function loadGlossaryModule(): Promise<GlossaryModule> {
  loadingModule ??= import('../domain/glossary').then((loaded) => (loadedModule = loaded));
  return loadingModule;
}

/**
 * Loads the term finder and, when the browser is next idle, builds its matcher for the glossary
 * and runs it over a few of the glossary's own texts, so that the first texts to link terms (a
 * month's event cards, a panel) do not also pay for building it and for its regular expression's
 * first, slow runs: tens of milliseconds, measured inside the month step to April 2013. The event
 * cards ask for it when they first appear, after the first map. Resolves once the term finder is
 * loaded: a text drawn after that links its terms in its first render.
 */
export function prepareTermText(glossary: readonly GlossaryEntry[]): Promise<void> {
  return loadGlossaryModule().then((loaded) => {
    // Once per glossary: the event cards ask each time they appear.
    if (prepared.has(glossary)) return;
    prepared.add(glossary);
    whenIdle(() => {
      const matcher = loaded.termMatcherFor(glossary);
      for (const entry of glossary.slice(0, WARM_UP_TEXTS)) matcher.segment(entry.meaning);
    });
  });
}

const prepared = new WeakSet<readonly GlossaryEntry[]>();

/** How many of the glossary's meanings prepareTermText runs the matcher over: enough for the engine to compile it. */
const WARM_UP_TEXTS = 8;

function useGlossaryModule(): GlossaryModule | undefined {
  const [module, setModule] = useState(loadedModule);
  useEffect(() => {
    if (module) return;
    let live = true;
    // Every text on the page re-renders when it arrives: in a transition, so React does it in
    // slices rather than in one long task.
    void loadGlossaryModule().then((loaded) => {
      if (live) startTransition(() => setModule(loaded));
    });
    return () => {
      live = false;
    };
  }, [module]);
  return module;
}

/**
 * A glossary term in running text: a link to its entry, whose name says it goes to the glossary
 * (an aria-label that starts with the words shown, so the text itself stays exactly the text).
 * Pointing at it shows what the term stands for.
 */
export function TermLink({ entry, href, children }: { entry: GlossaryEntry; href: string; children: string }) {
  const hint = entry.expansion ?? entry.meaning;
  return (
    <a className="app-term" href={href} aria-label={`${children} (glossary)`} title={`Glossary: ${hint}`}>
      {children}
    </a>
  );
}

/**
 * A plain text with the glossary terms in it linked to their entries: whole words, the longest
 * term first, each term once (see src/domain/glossary.ts). Until the glossary is loaded it is the
 * text as it is. `exclude` leaves one entry unlinked (an entry's own meaning).
 */
export function TermText({ text, exclude }: { text: string; exclude?: GlossaryEntry }) {
  const glossary = useExplorerStore(selectDataset)?.glossary;
  const glossaryModule = useGlossaryModule();
  const segments = useMemo(
    () => (glossary && glossaryModule ? glossaryModule.termMatcherFor(glossary).segment(text, { exclude }) : [{ text }]),
    [glossary, glossaryModule, text, exclude],
  );
  return (
    <>
      {segments.map((segment, index) =>
        segment.entry && glossaryModule ? (
          <TermLink key={index} entry={segment.entry} href={glossaryModule.glossaryHref(segment.entry.term)}>
            {segment.text}
          </TermLink>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
