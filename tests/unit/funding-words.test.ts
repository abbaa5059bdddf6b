import { describe, expect, it } from 'vitest';
import type { FundingFlow } from '../../src/data/schema';
import { fundingPairs } from '../../src/domain/funding';
import { missingDescription, pairDescription, sourceTitles } from '../../src/features/funding/funding-words';

const dataset = {
  sources: [
    {
      id: 'a',
      kind: 'external' as const,
      title: 'Source A',
      publisher: 'P',
      date: '2015',
      url: 'https://example.org/a',
      description: 'A.',
    },
    {
      id: 'b',
      kind: 'external' as const,
      title: 'Source B',
      publisher: 'P',
      date: '2016',
      url: 'https://example.org/b',
      description: 'B.',
    },
  ],
};
const names: Record<string, string> = { dh: 'Department of Health', nhse: 'NHS England', la: 'Local authorities' };
const nameOf = (id: string) => names[id] ?? id;

function flow(partial: Partial<FundingFlow> & Pick<FundingFlow, 'id' | 'payer' | 'recipient'>): FundingFlow {
  return { financialYear: '2015/16', basis: 'allocation', description: 'A figure.', sources: [{ id: 'a' }], ...partial };
}

describe('the words read aloud for a flow', () => {
  it('gives every figure with its basis, says what is not added, and names the sources once each', () => {
    const [pair] = fundingPairs([
      flow({ id: 's', payer: 'dh', recipient: 'nhse', share: 'over 80 per cent', sources: [{ id: 'b' }] }),
      flow({ id: 'n', payer: 'dh', recipient: 'nhse', amountBn: 104.4, sources: [{ id: 'a' }, { id: 'b' }] }),
    ]);
    expect(pairDescription(pair!, '2015/16', nameOf, dataset)).toBe(
      'Department of Health to NHS England, 2015/16: £104.4bn, allocation (money given to spend). ' +
        'Also given, not added: as a share, over 80 per cent. Source: Source A; Source B.',
    );
  });

  it('says a share alone is drawn not to scale, and marks contested figures', () => {
    const [pair] = fundingPairs([
      flow({ id: 's', payer: 'dh', recipient: 'nhse', share: 'over 80 per cent', contested: { reason: 'They differ.' } }),
    ]);
    const words = pairDescription(pair!, '2015/16', nameOf, dataset);
    expect(words).toContain('a share, not an amount: over 80 per cent; drawn not to scale.');
    expect(words).toContain('Sources differ.');
  });

  it("names a body's own money as such", () => {
    const [pair] = fundingPairs([flow({ id: 'o', payer: 'la', recipient: 'la', amountBn: 15, basis: 'spend' })]);
    expect(pairDescription(pair!, '2016/17', nameOf, dataset)).toMatch(
      /^Local authorities, money it keeps or spends itself, 2016\/17: £15bn, spending/,
    );
  });

  it('says there is no figure for a gap, and which years have one', () => {
    expect(
      missingDescription({ key: 'nhse→la', payer: 'nhse', recipient: 'la', yearsWithFigures: ['2013/14'] }, '2015/16', nameOf),
    ).toBe('NHS England to Local authorities: no figure in the dataset for 2015/16. Figures are given for 2013/14.');
  });

  it('lists source titles once each, in citation order, falling back to the id', () => {
    expect(
      sourceTitles(
        [flow({ id: 'x', payer: 'a', recipient: 'b', sources: [{ id: 'b' }, { id: 'a' }, { id: 'b' }, { id: 'zz' }] })],
        dataset,
      ),
    ).toEqual(['Source B', 'Source A', 'zz']);
  });
});
