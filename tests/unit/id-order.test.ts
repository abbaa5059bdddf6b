/**
 * Commissioners are ordered by id with a plain code-point comparison (src/domain/services.ts),
 * not a collator, whose first use costs tens of milliseconds at start-up. That is the same order
 * for every id the schema allows (lower-case words joined by hyphens).
 */
import { describe, expect, it } from 'vitest';
import { idSchema } from '../../src/data/schema';
import { comparePlain } from '../../src/lib/compare-text';
import { loadRealDataset } from '../support/real-dataset';

const collator = new Intl.Collator();
const sortedBoth = (ids: string[]) => [[...ids].sort(comparePlain), [...ids].sort((a, b) => collator.compare(a, b))];

describe('the order of ids', () => {
  it('is the same by code point as by a collator for every organisation and service of the real data', () => {
    const result = loadRealDataset();
    if (!result.ok) throw new Error('the real dataset does not load');
    const { dataset } = result;
    const ids = [
      ...dataset.organisations.map((organisation) => organisation.id),
      ...dataset.services.map((service) => service.id),
    ];
    const [plain, collated] = sortedBoth(ids);
    expect(plain).toEqual(collated);
  });

  it('is the same for ids made to differ where the two orders could: hyphens, digits, prefixes', () => {
    const ids = [
      'a',
      'a-b',
      'ab',
      'a0',
      'a-0',
      'a9-z',
      'a10',
      'b',
      'nhs-england',
      'nhs-england-area-teams',
      'nhs-englands',
      'z-1',
      'z1',
    ];
    for (const id of ids) expect(idSchema.safeParse(id).success).toBe(true);
    const [plain, collated] = sortedBoth(ids);
    expect(plain).toEqual(collated);
  });
});
