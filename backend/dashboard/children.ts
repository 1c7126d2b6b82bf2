/**
 * 下级对比: a node's children side by side for a period — the 三率, counts and overdue of each — so an admin sees
 * which of 28 communities lags. From the children's counter docs summed in one indexed `group` (one row per child
 * however many days) and the open backlog grouped by path; the node and its children come from the warm instance.
 */
import type { Area } from '../../shared/areas/model';
import { AREA_LEVEL_NAMES, CHILD_LEVELS, idsOnPath } from '../../shared/areas/model';
import { CHILD_RATES, isBehind } from '../../shared/dashboard/model';
import type { ChildRow, ChildrenInput, ChildrenView } from '../../shared/dashboard/schemas';
import { OPEN_STATUSES } from '../../shared/orders/model';
import { AREAS_KEPT, areas } from '../areas/repo';
import { orders } from '../orders/repo';
import type { Ctx } from '../runtime/types';
import { warm } from '../runtime/warm';
import { counters } from './repo';
import { keptDashboardNode, resolvePeriod } from './scope';
import { ratio } from './summary';

const SUMS = ['filed', 'responded', 'completed', 'respondDue', 'respondedOnTime', 'solveDue', 'confirmed', 'rated', 'ratedGood'] as const;
type Sums = Record<(typeof SUMS)[number], number>;

/** A node's children in service, in their set order, as a warm instance keeps them. */
const keptChildren = (ctx: Ctx, node: Area): Promise<Area[]> =>
  warm(ctx.store, `${AREAS_KEPT}children/${node._id}`, () =>
    areas(ctx.store).find(
      { parentId: node._id, retired: { $ne: true } },
      {
        sort: [
          ['order', 1],
          ['_id', 1],
        ],
        limit: 500,
      },
    ),
  );

const threeRates = (x: Sums) => ({
  responseRate: ratio(x.respondedOnTime, x.respondDue),
  resolutionRate: ratio(x.confirmed, x.solveDue),
  satisfactionRate: ratio(x.ratedGood, x.rated),
});

export async function dashboardChildren(ctx: Ctx, input: ChildrenInput): Promise<ChildrenView> {
  const node = await keptDashboardNode(ctx, input.areaId);
  const days = resolvePeriod(input, ctx.now());
  const kids = CHILD_LEVELS[node.level].length ? await keptChildren(ctx, node) : [];
  const [sumRows, openRows] = await Promise.all([
    counters(ctx.store).group(
      { nodeId: { $in: [node._id, ...kids.map((k) => k._id)] }, day: { $gte: days.from, $lte: days.to } },
      { by: ['nodeId'], sum: SUMS.map((f) => `c.${f}`) },
    ),
    kids.length ? orders(ctx.store).group({ status: { $in: [...OPEN_STATUSES] }, path: { $prefix: node.path } }, { by: ['path', 'overdue'] }) : Promise.resolve([]),
  ]);
  const sums = new Map(sumRows.map((r) => [String(r.key.nodeId), Object.fromEntries(SUMS.map((f) => [f, r.sums[`c.${f}`] ?? 0])) as Sums]));
  const zero = Object.fromEntries(SUMS.map((f) => [f, 0])) as Sums;
  // An open order's child is the id right below the node on its path.
  const depth = idsOnPath(node.path).length;
  const open = new Map<string, { open: number; overdue: number }>();
  for (const r of openRows) {
    const child = idsOnPath(String(r.key.path))[depth];
    if (!child) continue;
    const o = open.get(child) ?? { open: 0, overdue: 0 };
    o.open += r.count;
    if (r.key.overdue === true || r.key.overdue === 1) o.overdue += r.count;
    open.set(child, o);
  }
  const own = threeRates(sums.get(node._id) ?? zero);
  const rows: ChildRow[] = kids.map((k) => {
    const x = sums.get(k._id) ?? zero;
    const rates = threeRates(x);
    return {
      id: k._id,
      name: k.name,
      level: k.level,
      filed: x.filed,
      responded: x.responded,
      completed: x.completed,
      open: open.get(k._id)?.open ?? 0,
      overdue: open.get(k._id)?.overdue ?? 0,
      ...rates,
      behind: CHILD_RATES.filter((r) => isBehind(rates[r], own[r])),
    };
  });
  // A grid's children may mix 微网格 and 楼栋: "微网格/楼栋", in the tree's level order.
  const levels = kids.length ? CHILD_LEVELS[node.level].filter((l) => kids.some((k) => k.level === l)) : CHILD_LEVELS[node.level].slice(-1);
  return {
    node: { id: node._id, name: node.name, level: node.level, levelName: AREA_LEVEL_NAMES[node.level] },
    childLevelName: levels.length ? levels.map((l) => AREA_LEVEL_NAMES[l]).join('/') : null,
    period: { kind: input.period, from: days.from, to: days.to, days: days.days.length },
    own,
    rows,
  };
}
