/**
 * The dashboard per unit (多方接单): what each unit was given, answered, finished and how residents rated it, over a
 * node and period, from the `un` counts on the node's counter docs (one doc per day, read by id), and the units'
 * names in one read. A unit behind all units together on one of its 三率 is marked, so the street sees who lags.
 */
import { isBehind } from '../../shared/dashboard/model';
import type { Ratio, SummaryInput } from '../../shared/dashboard/schemas';
import type { UnitMetric, UnitRate } from '../../shared/units/model';
import { UNIT_KIND_NAMES, UNIT_METRICS, UNIT_RATES } from '../../shared/units/model';
import type { UnitBoardRow, UnitBoardView } from '../../shared/units/schemas';
import { counterId, counters } from '../dashboard/repo';
import { keptDashboardNode, resolvePeriod } from '../dashboard/scope';
import { ratio } from '../dashboard/summary';
import type { Ctx } from '../runtime/types';
import { units } from './repo';

type Counts = Record<UnitMetric, number>;

const zero = (): Counts => Object.fromEntries(UNIT_METRICS.map((m) => [m, 0])) as Counts;

const ratesOf = (c: Counts): Record<UnitRate, Ratio> => ({
  acceptRate: ratio(c.a, c.a + c.x),
  onTimeRate: ratio(c.ko, c.kd),
  satisfactionRate: ratio(c.g, c.n),
});

export async function unitBoard(ctx: Ctx, input: SummaryInput): Promise<UnitBoardView> {
  const node = await keptDashboardNode(ctx, input.areaId);
  const days = resolvePeriod(input, ctx.now());
  const docs = await counters(ctx.store).find({ _id: { $in: days.days.map((d) => counterId(node._id, d)) } });
  const byUnit = new Map<string, Counts>();
  for (const d of docs) {
    for (const [key, n] of Object.entries(d.un ?? {})) {
      const cut = key.lastIndexOf('_');
      const [id, metric] = [key.slice(0, cut), key.slice(cut + 1) as UnitMetric];
      if (!UNIT_METRICS.includes(metric)) continue;
      const c = byUnit.get(id) ?? zero();
      c[metric] += n ?? 0;
      byUnit.set(id, c);
    }
  }
  const found = byUnit.size ? await units(ctx.store).find({ _id: { $in: [...byUnit.keys()] } }) : [];
  const all = zero();
  for (const c of byUnit.values()) for (const m of UNIT_METRICS) all[m] += c[m];
  const overall = ratesOf(all);
  const rows: UnitBoardRow[] = found.map((u) => {
    const c = byUnit.get(u._id) ?? zero();
    const rates = ratesOf(c);
    return {
      id: u._id,
      name: u.name,
      kindName: UNIT_KIND_NAMES[u.kind],
      dispatched: c.d,
      declined: c.x,
      accepted: c.a,
      completed: c.k,
      ...rates,
      behind: UNIT_RATES.filter((r) => isBehind(rates[r], overall[r])),
    };
  });
  rows.sort((p, q) => q.behind.length - p.behind.length || q.dispatched - p.dispatched || p.name.localeCompare(q.name));
  return { node: { id: node._id, name: node.name }, period: { from: days.from, to: days.to }, overall, rows };
}
