/** The ground truth the map is measured against: who commissions each service at each month, from the data. */
import { mapModelAt, serviceNodeId } from '../../src/domain/graph';
import { monthRange, type MonthString } from '../../src/domain/months';
import { loadRealDataset } from '../../tests/support/real-dataset';

export const FIRST_MONTH = '2010-07';
export const LAST_MONTH = '2018-04';
export const ALL_MONTHS: MonthString[] = monthRange(FIRST_MONTH, LAST_MONTH);

/** For a month: each service node id (`service:<id>`) and the organisation ids with a commissioning link to it. */
export type Commissioners = Map<string, Set<string>>;

export function commissionersByMonth(months: readonly MonthString[]): Map<MonthString, Commissioners> {
  const loaded = loadRealDataset();
  if (!loaded.ok) throw new Error(`data/ does not load: ${loaded.problems.length} problems (run npm run check:data)`);
  const byMonth = new Map<MonthString, Commissioners>();
  for (const month of months) {
    const commissioners: Commissioners = new Map();
    const model = mapModelAt(loaded.dataset, month);
    for (const node of model.nodes) if (node.type === 'service') commissioners.set(serviceNodeId(node.serviceId), new Set());
    for (const link of model.links) {
      if (link.kind !== 'commissions') continue;
      const set = commissioners.get(link.target) ?? new Set<string>();
      set.add(link.source);
      commissioners.set(link.target, set);
    }
    byMonth.set(month, commissioners);
  }
  return byMonth;
}
