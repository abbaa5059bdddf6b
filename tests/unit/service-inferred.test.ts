import { describe, expect, it } from 'vitest';
import type { Commissioning } from '../../src/data/schema';
import { isInferred } from '../../src/features/services/service-view';
import { loadRealDataset } from '../support/real-dataset';

const record = (note: string | undefined, status: Commissioning['status'] = 'in-force'): Commissioning => ({
  id: 'c',
  service: 's',
  commissioner: 'o',
  role: 'sole',
  from: null,
  to: null,
  status,
  ...(note === undefined ? {} : { note }),
  sources: [{ id: 'doc' }],
});

describe('isInferred', () => {
  it('reads the notes that say a commissioner is inferred', () => {
    expect(isInferred(record('It is shown under CCGs; treat this as an inference, not a sourced fact.'))).toBe(true);
    expect(isInferred(record('The sources do not say who commissioned this service before April 2013.'))).toBe(true);
    expect(isInferred(record('The sources describe this in general terms and do not name this service.'))).toBe(true);
    expect(isInferred(record('The sources do not list this service by name.'))).toBe(true);
  });

  it('leaves alone a stated commissioner, one with no note, and a plan', () => {
    expect(isInferred(record('NHS England did this through its 27 local area teams.'))).toBe(false);
    expect(isInferred(record(undefined))).toBe(false);
    expect(isInferred(record('Treat this as an inference.', 'proposed'))).toBe(false);
  });

  it('finds the inferred arrangements of the real dataset: prison health care before 2013, not after', () => {
    const result = loadRealDataset();
    if (!result.ok) throw new Error('the real dataset must load');
    const inferred = new Set(result.dataset.commissioning.filter(isInferred).map((c) => c.id));
    expect(inferred.has('com-prison-health-care-pct')).toBe(true);
    expect(inferred.has('com-nhs-111-ccg')).toBe(true);
    expect(inferred.has('com-prison-health-care-nhse')).toBe(false);
    expect(inferred.has('com-health-visiting-la')).toBe(false);
  });
});
