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
    // A parent searching CAMHS gets the community services that clinical commissioning groups
    // commission as well as the specialist inpatient tier that NHS England commissions.
    expect(ids('CAMHS').slice(0, 2).sort()).toEqual(['childrens-mental-health-services', 'specialist-camhs']);
    expect(ids('camhs').slice(0, 2).sort()).toEqual(['childrens-mental-health-services', 'specialist-camhs']);
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
    expect(mental[0]).toBe('mental-health-services');
    expect(mental.slice(0, 4).sort()).toEqual([
      'childrens-mental-health-services',
      'mental-health-services',
      'specialist-camhs',
      'specialist-mental-health',
    ]);
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

/**
 * The services added so that common "who commissions…?" questions have an answer: each is found
 * first by its name, and by each of the other names and acronyms people use for it.
 */
const ADDED_SERVICES: Array<{ id: string; name: string; otherNames: string[] }> = [
  { id: 'termination-of-pregnancy', name: 'termination of pregnancy', otherNames: ['abortion', 'abortion clinic'] },
  {
    id: 'fertility-treatment',
    name: 'fertility treatment',
    otherNames: ['IVF', 'ivf', 'in vitro fertilisation', 'assisted conception'],
  },
  { id: 'wheelchair-services', name: 'wheelchair services', otherNames: ['wheelchairs', 'NHS wheelchair service'] },
  { id: 'veterans-health-care', name: 'NHS care for veterans', otherNames: ['veterans', 'ex-service personnel', 'TILS'] },
  {
    id: 'gender-identity-services',
    name: 'gender identity services',
    otherNames: ['gender identity clinic', 'GIDS', 'gender dysphoria services'],
  },
  {
    id: 'weight-management',
    name: 'weight management services',
    otherNames: ['weight management', 'tier 3 weight management', 'obesity clinic'],
  },
  {
    id: 'better-care-fund-services',
    name: 'services funded through the Better Care Fund',
    otherNames: ['Better Care Fund', 'BCF'],
  },
  {
    id: 'greater-manchester-health-and-care',
    name: 'health and social care in Greater Manchester',
    otherNames: ['Greater Manchester', 'Devo Manc', 'GMHSCP'],
  },
  {
    id: 'community-equipment',
    name: 'community equipment services',
    otherNames: ['community equipment', 'ICES', 'home nursing equipment'],
  },
  {
    id: 'childrens-mental-health-services',
    name: "children and young people's mental health services",
    otherNames: ['community CAMHS', 'CAMHS tier 3', 'CYPMHS'],
  },
  {
    id: 'sexual-assault-referral-centres',
    name: 'sexual assault referral centres',
    otherNames: ['SARC', 'sexual assault services'],
  },
  { id: 'liaison-and-diversion', name: 'liaison and diversion services', otherNames: ['L&D', 'court diversion'] },
  {
    id: 'talking-therapies',
    name: 'talking therapies',
    otherNames: ['IAPT', 'Improving Access to Psychological Therapies', 'cognitive behavioural therapy'],
  },
  {
    id: 'patient-transport',
    name: 'non-emergency patient transport',
    otherNames: ['patient transport', 'NEPTS', 'hospital transport'],
  },
  { id: 'palliative-care', name: 'palliative and end of life care', otherNames: ['hospice', 'end of life care'] },
  { id: 'home-adaptations', name: 'home adaptations', otherNames: ['disabled facilities grant', 'DFG', 'stairlifts'] },
  { id: 'oral-health-improvement', name: 'oral health improvement', otherNames: ['fluoride varnish', 'water fluoridation'] },
  { id: 'reablement', name: 'reablement', otherNames: ['enablement', 'intermediate care'] },
  {
    id: 'specialised-eating-disorder-services',
    name: 'specialised eating disorder services',
    otherNames: ['eating disorders', 'anorexia treatment'],
  },
  {
    id: 'police-custody-health-care',
    name: 'health care in police custody',
    otherNames: ['custody healthcare', 'police surgeons'],
  },
  {
    id: 'armed-forces-health-care',
    name: 'health care for serving armed forces personnel',
    otherNames: ['Defence Medical Services', 'DMS', 'military GP'],
  },
];

describe('the services added for common questions', () => {
  it('are all in the dataset, with the other names the test looks for', () => {
    const byId = new Map(dataset.services.map((service) => [service.id, service]));
    for (const { id, otherNames } of ADDED_SERVICES) {
      const service = byId.get(id);
      expect(service, id).toBeDefined();
      const known = [service!.name, ...service!.synonyms].map((name) => name.toLowerCase());
      for (const other of otherNames) expect(known, `${id}: ${other}`).toContain(other.toLowerCase());
    }
  });

  it.each(ADDED_SERVICES)('finds $id first by its name and by each of its other names', ({ id, name, otherNames }) => {
    expect(ids(name)[0], name).toBe(id);
    for (const other of otherNames) expect(ids(other)[0], other).toBe(id);
  });
});

describe('suggestServices and suggestOrganisations', () => {
  it('suggests services for a mistyped id', () => {
    expect(suggestServices(dataset.services, 'helth-visting')[0]?.id).toBe('health-visiting');
    expect(suggestServices(dataset.services, 'dentistry-services')[0]?.id).toBe('dental');
    expect(
      suggestServices(dataset.services, 'camhs')
        .slice(0, 2)
        .map((service) => service.id)
        .sort(),
    ).toEqual(['childrens-mental-health-services', 'specialist-camhs']);
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
