import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/data/schema';
import { createServiceSearch, type ServiceSearch, suggestServices } from '../../src/features/services/service-search';
import { suggestOrganisations } from '../../src/features/services/organisation-search';
import { loadRealDataset } from '../support/real-dataset';

let dataset: Dataset;
let search: ServiceSearch;

beforeAll(() => {
  const result = loadRealDataset();
  if (!result.ok) throw new Error('the real dataset does not load');
  dataset = result.dataset;
  search = createServiceSearch(dataset.services);
});

const ids = (query: string) => search.search(query).map((service) => service.id);

describe('createServiceSearch on the real dataset', () => {
  it('finds a service by its name, forgiving typos', () => {
    expect(ids('health visiting')[0]).toBe('health-visiting');
    expect(ids('helth visting')[0]).toBe('health-visiting');
    expect(ids('helth visitng')[0]).toBe('health-visiting');
    expect(ids('imunisation')[0]).toBe('immunisation');
    expect(ids('dialisis')[0]).toBe('renal-dialysis');
    expect(ids('ambulence')[0]).toBe('ambulance-services');
  });

  it('finds a service by an acronym among its synonyms, case-insensitively', () => {
    expect(ids('NCMP')).toEqual(['national-child-measurement-programme']);
    expect(ids('FNP')).toEqual(['family-nurse-partnership']);
    expect(ids('CAMHS')[0]).toBe('specialist-camhs');
    expect(ids('camhs')[0]).toBe('specialist-camhs');
    expect(ids('A&E')).toEqual(['urgent-and-emergency-care']);
    expect(ids('CHC')[0]).toBe('nhs-continuing-healthcare');
  });

  it('finds a service by what people call it', () => {
    expect(ids('dentist')[0]).toBe('dental');
    expect(ids('chemist')[0]).toBe('community-pharmacy');
    expect(ids('GP')[0]).toBe('general-practice');
    expect(ids('NHS 111')[0]).toBe('nhs-111');
    expect(ids('kidney')[0]).toBe('renal-dialysis');
  });

  it('finds a service by its id', () => {
    expect(ids('health-visiting')[0]).toBe('health-visiting');
    expect(ids('nhs-continuing-healthcare')[0]).toBe('nhs-continuing-healthcare');
  });

  it('finds the services of a category by its name', () => {
    const found = ids('public health');
    const publicHealth = dataset.services.filter((service) => service.category === 'public-health').map((service) => service.id);
    expect(found).toHaveLength(publicHealth.length);
    expect(new Set(found)).toEqual(new Set(publicHealth));
  });

  it('ranks the closer match first and leaves out faint ones', () => {
    const mental = ids('mental health');
    expect(mental.slice(0, 2).sort()).toEqual(['mental-health-services', 'specialist-mental-health']);
    expect(ids('visit')).toEqual(['health-visiting']);
    expect(ids('gastric')).toEqual(['bariatric-surgery']);
  });

  it('says which synonym matched when the name did not', () => {
    const [match] = search.matches('NCMP');
    expect(match?.matchedSynonym).toBe('NCMP');
    const [byName] = search.matches('school nursing');
    expect(byName?.service.id).toBe('school-nursing');
    expect(byName?.matchedSynonym).toBeUndefined();
  });

  it('finds nothing for an empty query or nonsense, and copes with a very long one', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('xyzzy')).toEqual([]);
    expect(() => ids('health visiting '.repeat(200))).not.toThrow();
  });
});

describe('suggestServices and suggestOrganisations', () => {
  it('suggests services for a mistyped id', () => {
    expect(suggestServices(dataset.services, 'helth-visting')[0]?.id).toBe('health-visiting');
    expect(suggestServices(dataset.services, 'dentistry-services')[0]?.id).toBe('dental');
    expect(suggestServices(dataset.services, 'camhs')[0]?.id).toBe('specialist-camhs');
  });

  it('suggests at most the limit, and nothing for an empty id', () => {
    expect(suggestServices(dataset.services, 'care', 3).length).toBeLessThanOrEqual(3);
    expect(suggestServices(dataset.services, '---')).toEqual([]);
  });

  it('suggests organisations by any of their names', () => {
    expect(suggestOrganisations(dataset.organisations, 'nhs-englnd')[0]?.id).toBe('nhs-england');
    expect(suggestOrganisations(dataset.organisations, 'nhs-commissioning-board').map((org) => org.id)).toContain('nhs-england');
    expect(suggestOrganisations(dataset.organisations, 'ccgs')[0]?.id).toBe('clinical-commissioning-groups');
    expect(suggestOrganisations(dataset.organisations, 'monitr')[0]?.id).toBe('monitor');
  });
});
