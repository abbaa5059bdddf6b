/**
 * How a source is named to a reader: what they can find and cite (title, publisher or kind of
 * text, date, address), never the dataset's own bookkeeping (the file name a document is stored
 * under, or a note that the stored text does not name its publisher). Derived from the fields of
 * data/sources.json, so the data keeps its full notes and the pages show the reader's version.
 */
import type { Source } from '../data/schema';

/** "(publisher not named in the stored text)" and the like: a note for the dataset, not for a reader. */
const PUBLISHER_NOT_NAMED = /\s*\((?:the\s+)?publisher\s+(?:is\s+)?not\s+named[^)]*\)/i;

/**
 * Who published it, or what kind of text it is where the publisher is not known: "The King's
 * Fund", "explainer article", "an independent health think tank".
 */
export function publisherWords(source: Source): string {
  const stripped = source.publisher.replace(PUBLISHER_NOT_NAMED, '').trim();
  // What is left of an unnamed publisher is a kind of text, which reads in lower case mid-sentence;
  // so does a description that starts with an article ("An independent health think tank").
  if (stripped !== source.publisher.trim() || /^(?:An?|The)\s+[a-z]/.test(stripped))
    return stripped.charAt(0).toLowerCase() + stripped.slice(1);
  return stripped;
}

/** The last year named in a text ("… i.e. 2016)" → "2016"). */
function lastYear(text: string): string | undefined {
  return [...text.matchAll(/\b(?:19|20)\d{2}\b/g)].at(-1)?.[0];
}

/**
 * The date as a reader would cite it. `full` keeps the dataset's reasoning in brackets ("2015/16 (it
 * calls the Five Year Forward View…)"), for the list of sources; `short`, for a citation beside a
 * fact, keeps only the date ("2015/16"), or for an undated page "undated" with the year it implies.
 */
export function dateWords(source: Source, length: 'short' | 'full' = 'short'): string {
  const date = source.date.trim().replace(/^URL path (.+)$/i, '$1 (from its address)');
  if (length === 'full') return date;
  const bracketed = /^(.*?)\s*\((.*)\)$/.exec(date);
  if (!bracketed) return date;
  const [, main = '', note = ''] = bracketed;
  if (/^undated$/i.test(main)) {
    if (note.length <= 30 && !note.includes(':')) return date;
    const year = lastYear(note.split(':')[0] ?? '') ?? lastYear(note);
    return year ? `undated (about ${year})` : 'undated';
  }
  return /\d{4}/.test(main) ? main : date;
}

/**
 * A source as a reader should see it: its title; `withPublisher` adds who published it (or the kind
 * of text), to tell apart sources with the same title. Never the file a document is stored under.
 */
export function sourceLabel(source: Source, withPublisher = false): string {
  return withPublisher ? `${source.title} (${publisherWords(source)})` : source.title;
}

/** Labels for sources in order: titles, with the publisher where two or more share a title. */
export function sourceLabels(sources: readonly Source[]): string[] {
  const titles = new Map<string, number>();
  for (const source of sources) titles.set(source.title, (titles.get(source.title) ?? 0) + 1);
  return sources.map((source) => sourceLabel(source, (titles.get(source.title) ?? 0) > 1));
}
