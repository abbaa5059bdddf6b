/**
 * Matching in the service finder: typos forgiven within a word, not a query found inside an
 * unrelated longer word; CAMHS finds every service called that; a search that finds nothing
 * suggests the nearest services, or none rather than unrelated ones.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, Service } from '../../src/data/schema';
import { createServiceSearch, nearestServices, suggestServices, wordsOf } from '../../src/features/services/service-search';
import { loadRealDataset } from '../support/real-dataset';

let dataset: Dataset;
const ids = (query: string, services: readonly Service[] = dataset.services) =>
  createServiceSearch(services)
    .search(query)
    .map((service) => service.id);

/** A children's mental health service commissioned by CCGs, called CAMHS, beside the specialist (tier 4) one. */
const childrensMentalHealth: Service = {
  id: 'childrens-mental-health-services',
  name: "Children and young people's mental health services",
  synonyms: ['CAMHS', "children's mental health services", 'child and adolescent mental health services'],
  category: 'mental-health',
  description: 'Community and outpatient mental health services for children and young people.',
  from: null,
  to: null,
  sources: [{ id: 'think-tank-2017' }],
};

beforeAll(() => {
  const result = loadRealDataset();
  if (!result.ok) throw new Error('the real dataset does not load');
  dataset = result.dataset;
});

describe('typos, and words inside other words', () => {
  it('does not find "dentist" inside "residential"', () => {
    expect(ids('dentist')).toEqual(['dental']);
    expect(ids('dentist')).not.toContain('residential-care');
  });

  it('still forgives a typo or two in a word, and finds acronyms exactly', () => {
    expect(ids('helth visting')).toEqual(['health-visiting']);
    expect(ids('helth visitng')).toEqual(['health-visiting']);
    expect(ids('NCMP')).toEqual(['national-child-measurement-programme']);
    expect(ids('imunisation')[0]).toBe('immunisation');
    expect(ids('dentst')).toEqual(['dental']);
    expect(ids('pharmcy')).toEqual(['community-pharmacy']);
  });

  it('does not let a typo change the first letter: "dental" is not "mental"', () => {
    // Oral health improvement (dental public health, councils' work) is dental too; mental health is not.
    expect(ids('dental')[0]).toBe('dental');
    expect(ids('dental').filter((id) => id.includes('mental'))).toEqual([]);
    expect(ids('mental')).not.toContain('dental');
  });

  it('needs every word that says which service is meant, but not generic ones like "services" or "care"', () => {
    expect(ids('mental health')).not.toContain('sexual-health');
    expect(ids('dental care')[0]).toBe('dental');
    expect(ids('dental care').filter((id) => id.includes('mental'))).toEqual([]);
    expect(ids('dentistry services')).toEqual(['dental']);
    expect(ids('visiting health')).toEqual(['health-visiting']);
  });

  it('reads words without case, accents or punctuation, keeping A&E whole', () => {
    expect(wordsOf("Children's Health-Visiting")).toEqual(['children', 's', 'health', 'visiting']);
    expect(wordsOf('A&E')).toEqual(['a&e']);
    expect(wordsOf('Café')).toEqual(['cafe']);
  });
});

describe('CAMHS', () => {
  it('finds both the CCG-commissioned children’s mental health services and the specialist tier', () => {
    const services = [...dataset.services.filter((service) => service.id !== childrensMentalHealth.id), childrensMentalHealth];
    for (const query of ['CAMHS', 'camhs', "children's mental health"]) {
      const found = ids(query, services);
      expect(found.slice(0, 2).sort(), query).toEqual(['childrens-mental-health-services', 'specialist-camhs']);
    }
    // The service simply called CAMHS comes first; the specialist tier is the narrower answer.
    expect(ids('CAMHS', services)[0]).toBe('childrens-mental-health-services');
  });

  it('finds every service of the real dataset called CAMHS', () => {
    const called = dataset.services
      .filter((service) => service.synonyms.some((synonym) => wordsOf(synonym).includes('camhs')))
      .map((service) => service.id);
    expect(called).toContain('specialist-camhs');
    expect(new Set(ids('CAMHS'))).toEqual(new Set(called));
  });
});

describe('when nothing matches', () => {
  it('suggests the nearest services where a word is like one of theirs', () => {
    const nearest = nearestServices(dataset.services, 'hospice').map((service) => service.id);
    expect(nearest).toContain('acute-hospital-care');
    expect(nearest).toContain('elective-hospital-care');
    expect(nearest.length).toBeLessThanOrEqual(3);
  });

  it('suggests nothing rather than something unrelated', () => {
    expect(nearestServices(dataset.services, 'xyzzy')).toEqual([]);
    expect(nearestServices(dataset.services, 'qqq')).toEqual([]);
    expect(suggestServices(dataset.services, 'nope-thing')).toEqual([]);
  });

  it('still suggests a service for a mistyped address', () => {
    expect(suggestServices(dataset.services, 'helth-visting')[0]?.id).toBe('health-visiting');
    expect(suggestServices(dataset.services, 'dentistry-services')[0]?.id).toBe('dental');
  });
});
