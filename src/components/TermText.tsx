import { Fragment, startTransition, useEffect, useMemo, useState } from 'react';
import type { GlossaryEntry } from '../data/schema';
import { selectDataset, useExplorerStore } from '../store';
import './term-text.css';

type GlossaryModule = typeof import('../domain/glossary');

// The term finder is loaded on demand, after the first view: the texts show as plain text until
// it arrives (a moment later), so the map's first view carries none of its code.
let loadedModule: GlossaryModule | undefined;
let loadingModule: Promise<GlossaryModule> | undefined;

function useGlossaryModule(): GlossaryModule | undefined {
  const [module, setModule] = useState(loadedModule);
  useEffect(() => {
    if (module) return;
    let live = true;
    loadingModule ??= import('../domain/glossary').then((loaded) => (loadedModule = loaded));
    // Every text on the page re-renders when it arrives: in a transition, so React does it in
    // slices rather than in one long task.
    void loadingModule.then((loaded) => {
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
