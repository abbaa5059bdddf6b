import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../src/data/schema';
import { buildTermMatcher, buildTermMatcherAsOneExpression, findTermBySlug, termSlug } from '../../src/domain/glossary';
import { loadRealDataset } from '../support/real-dataset';

const entry = (term: string, expansion?: string): GlossaryEntry => ({ term, expansion, meaning: `About ${term}.` });

const glossary = [
  entry('CCG', 'Clinical commissioning group'),
  entry('PCT', 'Primary care trust'),
  entry('STP', 'Sustainability and transformation partnership (earlier: plan)'),
  entry('AT', 'Area team'),
  entry('commissioning'),
  entry('co-commissioning'),
  entry('primary care'),
  entry('local authority'),
  entry('A&E', 'Accident and emergency'),
  entry('section 75'),
];

/** The text with each link written [words→term]. */
function linked(text: string, options?: { exclude?: GlossaryEntry }): string {
  return buildTermMatcher(glossary)
    .segment(text, options)
    .map((segment) => (segment.entry ? `[${segment.text}→${segment.entry.term}]` : segment.text))
    .join('');
}

describe('linking glossary terms in a text', () => {
  it('gives the text back unchanged apart from the links', () => {
    const text = 'PCTs and CCGs, commissioning at A&E.';
    expect(
      buildTermMatcher(glossary)
        .segment(text)
        .map((segment) => segment.text)
        .join(''),
    ).toBe(text);
  });

  it('links whole words only, never inside a word', () => {
    expect(linked('The ACCGX and CCGfoo are not CCG.')).toBe('The ACCGX and CCGfoo are not [CCG→CCG].');
    expect(linked('recommissioning and commissioningly')).toBe('recommissioning and commissioningly');
  });

  it('matches acronyms by case, other terms in any case', () => {
    expect(linked('Meet at the AT office')).toBe('Meet at the [AT→AT] office');
    expect(linked('ccg and Ccg')).toBe('ccg and Ccg');
    expect(linked('Commissioning changed.')).toBe('[Commissioning→commissioning] changed.');
  });

  it('links only the first mention of a term in a text', () => {
    expect(linked('A CCG here, a CCG there, clinical commissioning groups everywhere.')).toBe(
      'A [CCG→CCG] here, a CCG there, clinical commissioning groups everywhere.',
    );
  });

  it('links plurals to the singular term', () => {
    expect(linked('CCGs replaced PCTs')).toBe('[CCGs→CCG] replaced [PCTs→PCT]');
    expect(linked('local authorities')).toBe('[local authorities→local authority]');
    expect(linked("The CCG's budget")).toBe("The [CCG→CCG]'s budget");
  });

  it('prefers the longest term, so a full name wins over a word inside it', () => {
    expect(linked('Clinical commissioning groups took over commissioning.')).toBe(
      '[Clinical commissioning groups→CCG] took over [commissioning→commissioning].',
    );
    expect(linked('primary care co-commissioning')).toBe('[primary care→primary care] [co-commissioning→co-commissioning]');
    expect(linked('A sustainability and transformation partnership')).toBe(
      'A [sustainability and transformation partnership→STP]',
    );
  });

  it('handles terms with signs and digits, and can leave one term out', () => {
    expect(linked('At A&E under section 75 and section 751')).toBe('At [A&E→A&E] under [section 75→section 75] and section 751');
    expect(linked('commissioning of CCGs', { exclude: glossary[4] })).toBe('commissioning of [CCGs→CCG]');
  });
});

describe('the matcher against its definition (one expression with every phrase in it)', () => {
  const segmentsBoth = (terms: readonly GlossaryEntry[], text: string, exclude?: GlossaryEntry) => [
    buildTermMatcher(terms).segment(text, { exclude }),
    buildTermMatcherAsOneExpression(terms).segment(text, { exclude }),
  ];

  it('splits tricky texts the same way', () => {
    const texts = [
      'PCTs and CCGs, commissioning at A&E.',
      'The ACCGX and CCGfoo are not CCG; co-commissioning is not commissioning-led, nor CCG-ish.',
      'clinical commissioning groups, a Clinical Commissioning Group and CCG’s budget',
      'Section 75 and section   75, at the AT office, at an at.',
      'Local authorities and local authority and primary care (primary-care) and sustainability and transformation partnerships',
      'A&E, a&e, Accident and emergency, accidents and emergencies',
      '',
      'no terms at all',
    ];
    for (const text of texts) {
      const [fast, reference] = segmentsBoth(glossary, text);
      expect(fast, text).toEqual(reference);
    }
    const [fast, reference] = segmentsBoth(glossary, 'CCGs and PCTs', glossary[0]);
    expect(fast).toEqual(reference);
  });

  it('splits every text of the real dataset the same way', () => {
    const dataset = loadRealDataset().dataset!;
    const texts = [
      ...dataset.events.flatMap((event) => [event.title, event.summary]),
      ...dataset.services.flatMap((service) => [service.name, service.description ?? '']),
      ...dataset.organisations.flatMap((organisation) => [organisation.name, organisation.role]),
      ...dataset.glossary.map((entry) => entry.meaning),
    ].filter((text): text is string => typeof text === 'string' && text.length > 0);
    expect(texts.length).toBeGreaterThan(200);
    const fast = buildTermMatcher(dataset.glossary);
    const reference = buildTermMatcherAsOneExpression(dataset.glossary);
    let linkedSomewhere = 0;
    for (const text of texts) {
      const segments = fast.segment(text);
      expect(segments, text).toEqual(reference.segment(text));
      if (segments.some((segment) => segment.entry)) linkedSomewhere += 1;
    }
    expect(linkedSomewhere).toBeGreaterThan(50);
    for (const entry of dataset.glossary)
      expect(fast.segment(entry.meaning, { exclude: entry })).toEqual(reference.segment(entry.meaning, { exclude: entry }));
  });
});

describe('glossary slugs', () => {
  it('are lower-case words joined by hyphens', () => {
    expect(termSlug('CCG')).toBe('ccg');
    expect(termSlug('A&E')).toBe('a-e');
    expect(termSlug("arm's-length body")).toBe('arms-length-body');
    expect(termSlug('FYFV/5YFV')).toBe('fyfv-5yfv');
  });

  it('are unique across the real glossary, and find their entry', () => {
    const dataset = loadRealDataset().dataset!;
    const slugs = dataset.glossary.map((item) => termSlug(item.term));
    expect(new Set(slugs).size).toBe(dataset.glossary.length);
    for (const item of dataset.glossary) expect(findTermBySlug(dataset.glossary, termSlug(item.term))).toBe(item);
    expect(findTermBySlug(dataset.glossary, 'no-such-term')).toBeUndefined();
  });
});
