/** 待办: the counts that matter to the caller on the home page, urgent first, from at most three requests. */
import { isWithin } from '../../shared/areas/model';
import { DECIDER_ROLES } from '../../shared/members/permissions';
import { POINTS_STAFF } from '../../shared/points/permissions';
import type { Role } from '../../shared/users/roles';
import { STAFF_ROLES } from '../../shared/users/roles';
import type { TodoItem, TodoKey, TodoView } from '../../shared/users/schemas';
import { counterId, counters } from '../dashboard/repo';
import { unreadOf } from '../notifications/inbox';
import { messages } from '../notifications/repo';
import { orders } from '../orders/repo';
import type { PendingField } from '../records/pending';
import { OPEN_DAY } from '../records/pending';
import type { Ctx } from '../runtime/types';
import type { Filter, GroupRow } from '../store/port';

const LABELS: Record<TodoKey, string> = {
  overdue: '超时',
  new: '待分拣',
  toDispatch: '待派单',
  reg: '报到待审核',
  wish: '心愿待审核',
  sum: '待汇总',
  verify: '待核实',
  held: '办理中',
  hall: '待接单',
  toRate: '待评价',
  unread: '未读',
};
const URGENT: readonly TodoKey[] = ['overdue'];

/** Who works off each staff count: the roles that may act on it (the queues' own checks), over their outermost nodes. */
const WORKERS: Record<PendingField, readonly Role[]> = {
  overdue: STAFF_ROLES,
  new: STAFF_ROLES,
  toDispatch: STAFF_ROLES,
  reg: DECIDER_ROLES,
  wish: ['community_staff'],
  sum: ['grid_leader'],
  verify: POINTS_STAFF,
};

/** The outermost nodes the caller holds one of `roles` on: a node inside another is already counted there. */
function nodesOf(ctx: Ctx, roles: readonly Role[]): string[] {
  const grants = ctx.actor.roles.filter((g) => roles.includes(g.role)).sort((a, b) => a.areaPath.length - b.areaPath.length);
  const kept = grants.filter((g, i) => !grants.slice(0, i).some((o) => isWithin(g.areaPath, o.areaPath)));
  return [...new Set(kept.map((g) => g.areaId))];
}

/**
 * Staff: every count from the 待办 counters (backend/records/pending.ts) of the nodes they work on, read by id in one
 * request. A staff member's own 待评价 and hall are left to those pages: a fourth request is over the budget.
 */
async function staffCounts(ctx: Ctx): Promise<Partial<Record<TodoKey, number>> | null> {
  const nodes = Object.fromEntries((Object.keys(WORKERS) as PendingField[]).map((f) => [f, nodesOf(ctx, WORKERS[f])])) as Record<PendingField, string[]>;
  const all = [...new Set(Object.values(nodes).flat())];
  if (!nodes.new.length) return null;
  const docs = new Map((await counters(ctx.store).find({ _id: { $in: all.map((id) => counterId(id, OPEN_DAY)) } })).map((d) => [d.nodeId, d]));
  const sum = (f: PendingField) =>
    Math.max(
      0,
      nodes[f].reduce((n, id) => n + (docs.get(id)?.p?.[f] ?? 0), 0),
    );
  return Object.fromEntries((Object.keys(WORKERS) as PendingField[]).map((f) => [f, sum(f)]));
}

const sum = (rows: GroupRow[], keep: (r: GroupRow) => boolean) => rows.filter(keep).reduce((n, r) => n + r.count, 0);

/**
 * Everyone else: one group over the hall (pooled where I registered, not mine) and my orders done and awaiting a
 * rating — their statuses differ, so the rows tell them apart.
 */
async function personalCounts(ctx: Ctx): Promise<Partial<Record<TodoKey, number>>> {
  const me = ctx.actor.userId;
  const hall: Filter[] = ctx.actor.roles.filter((g) => g.role === 'member').map((g) => ({ status: 'pooled', 'pool.areaPath': { $prefix: g.areaPath }, createdBy: { $ne: me } }));
  const rows = await orders(ctx.store).group({ $or: [...hall, { createdBy: me, status: 'completed' }] }, { by: ['status'] });
  return { hall: sum(rows, (r) => r.key.status === 'pooled'), toRate: sum(rows, (r) => r.key.status === 'completed') };
}

/** Three requests: the caller (who brings the held count and the read watermark), the counters or the order group, the unread count. */
export async function todo(ctx: Ctx): Promise<TodoView> {
  const [counts, unread] = await Promise.all([staffCounts(ctx).then((c) => c ?? personalCounts(ctx)), messages(ctx.store).count(unreadOf(ctx))]);
  const all: Partial<Record<TodoKey, number>> = { ...counts, held: ctx.actor.held ?? 0, unread };
  const keys = (Object.keys(LABELS) as TodoKey[]).filter((k) => (all[k] ?? 0) > 0);
  const items: TodoItem[] = keys.map((key) => ({ key, label: LABELS[key], count: all[key] ?? 0, urgent: URGENT.includes(key) }));
  return { items: [...items.filter((i) => i.urgent), ...items.filter((i) => !i.urgent)] };
}
