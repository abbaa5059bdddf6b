import { describe, expect, it } from 'vitest';
import type { FundingFlow } from '../../src/data/schema';
import { flowsForYear, fundingOrganisationOrder, missingFlows, yearsWithFigures } from '../../src/domain/funding';
import {
  fundingSankeyLayout,
  fundingSankeyScale,
  MISSING_STROKE,
  MIN_NODE_HEIGHT,
  SHARE_STROKE,
  spreadLabels,
} from '../../src/features/funding/sankey-layout';
import { loadRealDataset } from '../support/real-dataset';

const cite = [{ id: 'doc' }];

function flow(partial: Partial<FundingFlow> & Pick<FundingFlow, 'id' | 'payer' | 'recipient'>): FundingFlow {
  return { financialYear: '2015/16', basis: 'allocation', description: 'A figure.', sources: cite, ...partial };
}

const year2015 = [
  flow({ id: 'treasury', payer: 'hmt', recipient: 'dh', amountBn: 116.4 }),
  flow({ id: 'share', payer: 'dh', recipient: 'nhse', share: 'over 80 per cent' }),
  flow({ id: 'nhse', payer: 'dh', recipient: 'nhse', amountBn: 104.4 }),
  flow({ id: 'own', payer: 'nhse', recipient: 'nhse', amountBn: 14.6 }),
  flow({ id: 'grant', payer: 'dh', recipient: 'la', amountBn: 3.23, basis: 'grant' }),
  flow({ id: 'pledge', payer: 'ccgs', recipient: 'bcf', amountBn: 3.8, basis: 'pledge' }),
  flow({ id: 'pooled', payer: 'ccgs', recipient: 'bcf', amountBn: 5.3, basis: 'pooled' }),
];

const allFinite = (layout: ReturnType<typeof fundingSankeyLayout>) =>
  layout.nodes.every((node) =>
    [node.x0, node.x1, node.y0, node.y1, node.valueBn, node.labelX, node.labelY].every(Number.isFinite),
  ) &&
  layout.links.every((link) => [link.strokeWidth, link.labelX, link.labelY].every(Number.isFinite) && !link.path.includes('NaN'));

describe('fundingSankeyLayout', () => {
  const layout = fundingSankeyLayout(year2015, { width: 800, order: ['hmt', 'dh', 'nhse', 'ccgs', 'la', 'bcf'] });
  const node = (id: string) => layout.nodes.find((candidate) => candidate.id === id);
  const link = (id: string) => layout.links.find((candidate) => candidate.id === id);

  it('draws one link per payer → recipient, never one per figure', () => {
    expect(layout.links.map((l) => l.id).sort()).toEqual(['ccgs→bcf', 'dh→la', 'dh→nhse', 'hmt→dh', 'nhse→nhse'].sort());
  });

  it('does not double count: the Better Care Fund holds the pooled £5.3bn, not pledge + pooled', () => {
    expect(node('bcf')?.valueBn).toBeCloseTo(5.3);
    expect(link('ccgs→bcf')?.amountBn).toBe(5.3);
    // NHS England holds £104.4bn: the share for the same flow adds nothing.
    expect(node('nhse')?.valueBn).toBeCloseTo(104.4);
  });

  it("draws a body's own money into a terminal box of its own, not a cycle", () => {
    const own = node('own:nhse');
    expect(own?.kind).toBe('own-money');
    expect(own?.label.join(' ')).toBe('nhse: commissions directly');
    expect(link('nhse→nhse')).toMatchObject({ source: 'nhse', target: 'own:nhse', kind: 'amount', amountBn: 14.6 });
    expect(own!.column).toBeGreaterThan(node('nhse')!.column);
  });

  it('labels own spending as spending', () => {
    const spend = fundingSankeyLayout([flow({ id: 'asc', payer: 'la', recipient: 'la', amountBn: 15, basis: 'spend' })], {
      width: 600,
    });
    expect(spend.nodes.find((n) => n.kind === 'own-money')?.label.join(' ')).toBe('la: own spending');
  });

  it('makes widths proportional to amounts', () => {
    const treasury = link('hmt→dh')!.strokeWidth;
    const grant = link('dh→la')!.strokeWidth;
    expect(treasury / grant).toBeCloseTo(116.4 / 3.23, 1);
  });

  it('puts each body in the column of its longest path from the Treasury, in the given order within a column', () => {
    expect(node('hmt')?.column).toBe(0);
    expect(node('dh')?.column).toBe(1);
    expect(node('nhse')?.column).toBe(2);
    expect(node('la')?.column).toBe(2);
    // Same column: NHS England is above local authorities, as the order says.
    expect(node('nhse')!.y0).toBeLessThan(node('la')!.y0);
    const columns = layout.nodes.map((n) => n.x0);
    expect(node('dh')!.x0).toBeGreaterThan(node('hmt')!.x0);
    expect(Math.max(...columns)).toBeLessThanOrEqual(layout.width);
  });

  it('has no NaN anywhere, and stays within its size', () => {
    expect(allFinite(layout)).toBe(true);
    for (const n of layout.nodes) {
      expect(n.y0).toBeGreaterThanOrEqual(0);
      expect(n.y1).toBeLessThanOrEqual(layout.height);
    }
  });

  it('draws a flow given only as a share dashed, at a nominal width that adds nothing to the boxes', () => {
    const shares = fundingSankeyLayout([flow({ id: 's', payer: 'dh', recipient: 'nhse', share: 'over 80 per cent' })], {
      width: 600,
    });
    expect(shares.links).toHaveLength(1);
    expect(shares.links[0]).toMatchObject({ kind: 'share', strokeWidth: SHARE_STROKE, amountBn: undefined });
    // No amount at all: no division by zero, no NaN, and every box still visible.
    expect(allFinite(shares)).toBe(true);
    for (const n of shares.nodes) {
      expect(n.valueBn).toBe(0);
      expect(n.y1 - n.y0).toBeGreaterThanOrEqual(MIN_NODE_HEIGHT);
    }
  });

  it('draws a gap as a dotted "missing" line that adds nothing', () => {
    const withGap = fundingSankeyLayout(year2015, {
      width: 800,
      missing: [{ key: 'nhse→ccgs', payer: 'nhse', recipient: 'ccgs', yearsWithFigures: ['2013/14'] }],
    });
    const gap = withGap.links.find((l) => l.id === 'nhse→ccgs');
    expect(gap).toMatchObject({ kind: 'missing', strokeWidth: MISSING_STROKE, amountBn: undefined });
    expect(withGap.nodes.find((n) => n.id === 'nhse')?.valueBn).toBeCloseTo(104.4);
    // The gap pushes the CCGs (and the fund after them) a column to the right of NHS England.
    expect(withGap.nodes.find((n) => n.id === 'ccgs')?.column).toBe(3);
    expect(allFinite(withGap)).toBe(true);
  });

  it('copies the data before d3-sankey mutates it: the flows are left as they were', () => {
    const frozen = year2015.map((f) => Object.freeze(structuredClone(f)));
    const before = structuredClone(frozen);
    expect(() => fundingSankeyLayout(frozen, { width: 800 })).not.toThrow();
    expect(frozen).toEqual(before);
  });

  it('is the same for the same input (pure)', () => {
    expect(fundingSankeyLayout(year2015, { width: 800 })).toEqual(fundingSankeyLayout(year2015, { width: 800 }));
  });

  it('returns nothing to draw for a year without figures', () => {
    expect(fundingSankeyLayout([], { width: 800 })).toEqual({ nodes: [], links: [], width: 800, height: 0 });
  });
});

describe('spreadLabels', () => {
  it('moves overlapping labels apart and leaves clear ones in place', () => {
    const middles = spreadLabels(
      [
        { id: 'a', x: 100, y: 50, width: 80, lines: 1 },
        { id: 'b', x: 110, y: 55, width: 80, lines: 1 },
        { id: 'c', x: 400, y: 52, width: 80, lines: 1 },
      ],
      14,
    );
    expect(middles.get('a')).toBe(50);
    expect(middles.get('b')).toBeGreaterThanOrEqual(50 + 14);
    expect(middles.get('c')).toBe(52);
  });
});

describe('the real dataset, every year', () => {
  const result = loadRealDataset();
  if (!result.ok) throw new Error('the real dataset must load');
  const { funding, organisations } = result.dataset;
  const order = fundingOrganisationOrder(funding);

  it.each(yearsWithFigures(funding))('%s lays out without NaN or overlap of boxes in a column', (year) => {
    const layout = fundingSankeyLayout(flowsForYear(funding, year), {
      width: 680,
      order,
      missing: missingFlows(funding, year, organisations),
    });
    expect(layout.nodes.length).toBeGreaterThan(0);
    expect(allFinite(layout)).toBe(true);
    const byColumn = new Map<number, typeof layout.nodes>();
    for (const n of layout.nodes) byColumn.set(n.column, [...(byColumn.get(n.column) ?? []), n]);
    for (const column of byColumn.values()) {
      const sorted = [...column].sort((a, b) => a.y0 - b.y0);
      for (let index = 1; index < sorted.length; index += 1)
        expect(sorted[index]!.y0).toBeGreaterThanOrEqual(sorted[index - 1]!.y1);
    }
  });
});

describe('one scale for every year', () => {
  const result = loadRealDataset();
  if (!result.ok) throw new Error('the real dataset must load');
  const { funding, organisations } = result.dataset;
  const order = fundingOrganisationOrder(funding);
  const years = yearsWithFigures(funding).map((year) => ({
    year,
    flows: flowsForYear(funding, year),
    missing: missingFlows(funding, year, organisations),
  }));
  const scale = fundingSankeyScale(years, { width: 680, order });

  it('draws £1bn the same width in every year, and every year fits the same height', () => {
    expect(scale.pxPerBn).toBeGreaterThan(0);
    for (const { flows, missing } of years) {
      const layout = fundingSankeyLayout(flows, { width: 680, order, missing, height: scale.height, pxPerBn: scale.pxPerBn });
      expect(layout.pxPerBn).toBeCloseTo(scale.pxPerBn!, 6);
      expect(layout.height).toBe(scale.height);
      for (const node of layout.nodes) expect(node.y1).toBeLessThanOrEqual(scale.height);
    }
  });

  it('leaves bands uncrossed where they leave a box: they leave in the order they arrive', () => {
    const startY = (path: string) => Number(/^M[^,]+,([^C]+)C/.exec(path)?.[1]);
    for (const { flows, missing } of years) {
      const layout = fundingSankeyLayout(flows, { width: 680, order, missing, height: scale.height, pxPerBn: scale.pxPerBn });
      const targetTop = new Map(layout.nodes.map((node) => [node.id, node.y0]));
      for (const source of new Set(layout.links.map((link) => link.source))) {
        const leaving = layout.links.filter((link) => link.source === source).sort((a, b) => startY(a.path) - startY(b.path));
        expect(leaving.every((link) => Number.isFinite(startY(link.path)))).toBe(true);
        const arrivals = leaving.map((link) => targetTop.get(link.target)!);
        expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));
      }
    }
  });
});
