/** 待办: the counts that matter to the caller on the home page, urgent first, from at most three requests (one counter read for everyone with a node count). */
import { isWithin } from '../../shared/areas/model';
import { DECIDER_ROLES } from '../../shared/members/permissions';
import { POINTS_STAFF } from '../../shared/points/permissions';
import type { Role } from '../../shared/users/roles';
import { STAFF_ROLES } from '../../shared/users/roles';
import type { TodoItem, TodoKey, TodoView } from '../../shared/users/schemas';
import { counterId, counters } from '../dashboard/repo';
import { unreadOf } from '../notifications/inbox';
import { messages } from '../notifications/repo';
import type { PendingField } from '../records/pending';
import { OPEN_DAY } from '../records/pending';
import type { Ctx } from '../runtime/types';

const LABELS: Record<TodoKey, string> = {
  ack: '指令待确认',
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
/** First, in this order: 一键响应 not yet acknowledged, then overdue orders (急时 itself is the strip above the counts). */
const URGENT: readonly TodoKey[] = ['ack', 'overdue'];

type StaffField = Exclude<PendingField, 'pool'>;

/** Who works off each staff count: the roles that may act on it (the queues' own checks), over their outermost nodes. */
const WORKERS: Record<StaffField, readonly Role[]> = {
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
 * Every node count the caller works off, from the 待办 counters (backend/records/pending.ts) read by id in one request:
 * a staff member's queues over the nodes they work on, a 党员's 待接单 (the pool of each community they registered in).
 * The hall page also leaves out orders the member filed or follows and ones asking for a skill they lack: the count
 * is the pool where they may take orders, which those are rarely in. Nobody with neither: no request.
 */
async function nodeCounts(ctx: Ctx): Promise<Partial<Record<TodoKey, number>>> {
  const nodes = Object.fromEntries((Object.keys(WORKERS) as StaffField[]).map((f) => [f, nodesOf(ctx, WORKERS[f])])) as Record<StaffField, string[]>;
  const pool = nodesOf(ctx, ['member']);
  const all = [...new Set([...Object.values(nodes).flat(), ...pool])];
  if (all.length === 0) return {};
  const docs = new Map((await counters(ctx.store).find({ _id: { $in: all.map((id) => counterId(id, OPEN_DAY)) } })).map((d) => [d.nodeId, d]));
  const sum = (f: PendingField, at: string[]) =>
    Math.max(
      0,
      at.reduce((n, id) => n + (docs.get(id)?.p?.[f] ?? 0), 0),
    );
  return { ...Object.fromEntries((Object.keys(WORKERS) as StaffField[]).map((f) => [f, sum(f, nodes[f])])), hall: sum('pool', pool) };
}

/**
 * At most three requests: the caller (who brings their held orders, 待评价, instructions to acknowledge and the read
 * watermark, each kept on their record), the node counters (staff, members), the unread count.
 */
export async function todo(ctx: Ctx): Promise<TodoView> {
  const [counts, unread] = await Promise.all([nodeCounts(ctx), messages(ctx.store).count(unreadOf(ctx))]);
  const { held = 0, toRate = 0, unacked = 0 } = ctx.actor;
  const all: Partial<Record<TodoKey, number>> = { ...counts, ack: unacked, held, toRate, unread };
  const keys = (Object.keys(LABELS) as TodoKey[]).filter((k) => (all[k] ?? 0) > 0);
  const items: TodoItem[] = keys.map((key) => ({ key, label: LABELS[key], count: all[key] ?? 0, urgent: URGENT.includes(key) }));
  return { items: [...items.filter((i) => i.urgent), ...items.filter((i) => !i.urgent)] };
}
