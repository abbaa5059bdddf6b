/**
 * The guided tour on the real data: it tells the story in order, every step shows something that
 * exists at its month, its text is two or three sentences, and every word of it rests on quotes the
 * dataset already holds (document quotes are checked against the documents themselves).
 */
import { describe, expect, it } from 'vitest';
import { checkQuotes, INTEGRITY_RULES } from '../../src/data/integrity';
import { formatProblem } from '../../src/data/problems';
import type { Citation, Dataset } from '../../src/data/schema';
import { compareMonths, isInPeriod, monthOfDate } from '../../src/domain/months';
import { resolveTourAddress } from '../../src/app/address';
import { focusNameOf, selectionOf, sentencesOf } from '../../src/features/tour/tour-model';
import { loadRealDataset, needsSources, readSourceDocuments, SKIP_SOURCE_TESTS, SOURCES_DIR } from '../support/real-dataset';

const result = loadRealDataset();

function dataset(): Dataset {
  if (!result.ok) throw new Error(`the real dataset is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.dataset;
}

const tour = () => dataset().tour;

describe('the guided tour (data/tour.json)', () => {
  it('has seven to nine steps and passes its integrity rule', () => {
    expect(tour().length).toBeGreaterThanOrEqual(7);
    expect(tour().length).toBeLessThanOrEqual(9);
    expect(INTEGRITY_RULES.tourMatchesDataset(dataset()).map(formatProblem)).toEqual([]);
  });

  it('runs in date order, inside the coverage', () => {
    const { from, to } = dataset().meta.coverage;
    const months = tour().map((step) => step.month);
    expect([...months].sort(compareMonths)).toEqual(months);
    for (const month of months) {
      expect(compareMonths(month, from)).toBeGreaterThanOrEqual(0);
      expect(compareMonths(month, to)).toBeLessThanOrEqual(0);
    }
  });

  it('tells the story from the 2010 white paper to accountable care', () => {
    const at = (month: string) => tour().filter((step) => step.month === month);
    expect(at('2010-07').flatMap((step) => step.events)).toContain('evt-white-paper-2010');
    expect(at('2013-04').flatMap((step) => step.events)).toContain('evt-new-commissioning-system-2013');
    expect(at('2015-04').map((step) => step.focus)).toContainEqual({ kind: 'service', id: 'general-practice' });
    expect(at('2015-10').map((step) => step.focus)).toContainEqual({ kind: 'service', id: 'health-visiting' });
    const focused = tour().map((step) => step.focus.id);
    expect(focused).toContain('sustainability-and-transformation-partnerships');
    expect(focused).toContain('accountable-care-systems');
  });

  it('highlights at every step a service or organisation that exists at that month', () => {
    const data = dataset();
    for (const step of tour()) {
      const records = step.focus.kind === 'service' ? data.services : data.organisations;
      const record = records.find((candidate) => candidate.id === step.focus.id);
      expect(record, `${step.id}: ${step.focus.kind} ${step.focus.id}`).toBeDefined();
      expect(isInPeriod(record!, step.month), `${step.id}: ${step.focus.id} at ${step.month}`).toBe(true);
    }
  });

  it('names events that exist, on or before its month, one of them in its month', () => {
    const events = new Map(dataset().events.map((event) => [event.id, event]));
    for (const step of tour()) {
      expect(step.events.length, step.id).toBeGreaterThan(0);
      const months = step.events.map((id) => {
        const event = events.get(id);
        expect(event, `${step.id}: ${id}`).toBeDefined();
        return monthOfDate(event!.date);
      });
      expect(
        months.every((month) => compareMonths(month, step.month) <= 0),
        step.id,
      ).toBe(true);
      expect(months, step.id).toContain(step.month);
    }
  });

  it('says each step in two or three plain sentences, under a short title', () => {
    for (const step of tour()) {
      const sentences = sentencesOf(step.text);
      expect(sentences.length, `${step.id}: ${step.text}`).toBeGreaterThanOrEqual(2);
      expect(sentences.length, `${step.id}: ${step.text}`).toBeLessThanOrEqual(3);
      for (const sentence of sentences) expect(sentence, step.id).toMatch(/^[A-Z0-9].*[.!?]$/);
      expect(step.title.length, step.id).toBeLessThanOrEqual(60);
    }
  });

  it('cites sources that exist, with a quote for every citation', () => {
    const sources = new Set(dataset().sources.map((source) => source.id));
    for (const step of tour()) {
      expect(step.sources.length, step.id).toBeGreaterThanOrEqual(2);
      for (const citation of step.sources) {
        expect(sources.has(citation.id), `${step.id}: ${citation.id}`).toBe(true);
        expect(citation.quote, `${step.id}: ${citation.id}`).toBeTruthy();
      }
    }
  });

  it.skipIf(SKIP_SOURCE_TESTS)(needsSources('quotes the five documents word for word'), () => {
    const documents = readSourceDocuments();
    expect(documents.size, `expects the five source documents in ${SOURCES_DIR}`).toBe(5);
    const tourProblems = checkQuotes(dataset(), documents).filter((problem) => problem.file === 'data/tour.json');
    expect(tourProblems.map(formatProblem)).toEqual([]);
  });

  it('adds no outside fact: each quote of an external source is already quoted by another record', () => {
    const data = dataset();
    const external = new Set(data.sources.filter((source) => source.kind === 'external').map((source) => source.id));
    const quoted: Citation[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (typeof record.id === 'string' && typeof record.quote === 'string') quoted.push(record as unknown as Citation);
        Object.values(record).forEach(collect);
      }
    };
    const { tour: _tour, ...rest } = data;
    collect(rest);
    for (const step of data.tour) {
      for (const citation of step.sources.filter((c) => external.has(c.id))) {
        const found = quoted.some((other) => other.id === citation.id && other.quote?.includes(citation.quote ?? '\u0000'));
        expect(found, `${step.id}: "${citation.quote}" (${citation.id})`).toBe(true);
      }
    }
  });
});

describe('reading the step from the address', () => {
  it('takes /tour as step 1 and /tour/3 as step 3', () => {
    expect(resolveTourAddress(undefined, 9)).toEqual({ index: 0, notice: null, canonical: '/tour/1', embed: false });
    expect(resolveTourAddress('', 9)).toMatchObject({ index: 0, notice: null });
    expect(resolveTourAddress('3', 9)).toEqual({ index: 2, notice: null, canonical: '/tour/3', embed: false });
    expect(resolveTourAddress('9', 9, '?embed=1')).toEqual({ index: 8, notice: null, canonical: '/tour/9?embed=1', embed: true });
  });

  it.each(['0', '10', '-1', '2.5', 'three', '03x', '1e1'])('shows step 1 with a notice for "%s"', (param) => {
    const resolved = resolveTourAddress(param, 9);
    expect(resolved.index).toBe(0);
    expect(resolved.canonical).toBe('/tour/1');
    expect(resolved.notice).toMatch(/^The tour has no step “.+”: its steps are numbered 1 to 9\. Showing step 1\.$/);
  });

  it('cuts a long step from the notice', () => {
    expect(resolveTourAddress('x'.repeat(200), 9).notice).toContain(`“${'x'.repeat(20)}…”`);
  });
});

describe('what a step shows', () => {
  it('selects its focus, named as it was called at its month', () => {
    const step = tour()[0]!;
    expect(selectionOf(step)).toEqual({ kind: 'organisation', id: 'gp-consortia' });
    expect(focusNameOf(dataset(), step)).toMatch(/GP consortia/);
    const healthVisiting = tour().find((candidate) => candidate.focus.id === 'health-visiting')!;
    expect(focusNameOf(dataset(), healthVisiting)).toBe('Health visiting (children aged 0 to 5)');
  });

  it('splits text into sentences at a stop followed by a space', () => {
    expect(sentencesOf('One. Two! Three? ')).toEqual(['One.', 'Two!', 'Three?']);
    expect(sentencesOf("The white paper 'Equity and excellence: liberating the NHS'. Next.")).toHaveLength(2);
  });
});
