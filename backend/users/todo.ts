/** 待办: the counts that matter to the caller on the home page, urgent first, from at most three requests. */
import { OPEN_STATUSES } from '../../shared/orders/model';
import { staffScopes } from '../../shared/users/permissions';
import type { TodoItem, TodoKey, TodoView } from '../../shared/users/schemas';
import { unreadOf } from '../notifications/inbox';
import { messages } from '../notifications/repo';
import { orders } from '../orders/repo';
import type { Ctx } from '../runtime/types';
import type { Filter, GroupRow } from '../store/port';

const LABELS: Record<TodoKey, string> = { overdue: '超时', new: '待分拣', toDispatch: '待派单', held: '办理中', hall: '待接单', toRate: '待评价', unread: '未读' };
const URGENT: readonly TodoKey[] = ['overdue'];

const sum = (rows: GroupRow[], keep: (r: GroupRow) => boolean) => rows.filter(keep).reduce((n, r) => n + r.count, 0);
// SQLite answers the flag as 1, CloudBase as true (as the console's counts).
const isOverdue = (r: GroupRow) => r.key.overdue === true || r.key.overdue === 1;

/**
 * Staff: one group of the open orders in their subtree by status and flag (the console's own counts). Everyone else:
 * one group over the hall (pooled where I registered, not mine) and my orders done and awaiting a rating — their
 * statuses differ, so the rows tell them apart. A staff member's own 待评价 and hall are left to those pages:
 * mixed into the subtree's rows they could not be told apart, and a fourth request is over the budget.
 */
async function orderCounts(ctx: Ctx): Promise<Partial<Record<TodoKey, number>>> {
  const me = ctx.actor.userId;
  const scopes = staffScopes(ctx.actor);
  if (scopes.length) {
    const rows = await orders(ctx.store).group({ status: { $in: [...OPEN_STATUSES] }, $or: scopes.map((s) => ({ path: { $prefix: s } })) }, { by: ['status', 'overdue'] });
    return {
      overdue: sum(rows, isOverdue),
      new: sum(rows, (r) => r.key.status === 'new'),
      toDispatch: sum(rows, (r) => r.key.status === 'triaged' || r.key.status === 'reopened'),
    };
  }
  const hall: Filter[] = ctx.actor.roles.filter((g) => g.role === 'member').map((g) => ({ status: 'pooled', 'pool.areaPath': { $prefix: g.areaPath }, createdBy: { $ne: me } }));
  const rows = await orders(ctx.store).group({ $or: [...hall, { createdBy: me, status: 'completed' }] }, { by: ['status'] });
  return { hall: sum(rows, (r) => r.key.status === 'pooled'), toRate: sum(rows, (r) => r.key.status === 'completed') };
}

/** Three requests: the caller (who brings the held count and the read watermark), the order group, the unread count. */
export async function todo(ctx: Ctx): Promise<TodoView> {
  const [counts, unread] = await Promise.all([orderCounts(ctx), messages(ctx.store).count(unreadOf(ctx))]);
  const all: Partial<Record<TodoKey, number>> = { ...counts, held: ctx.actor.held ?? 0, unread };
  const keys = (Object.keys(LABELS) as TodoKey[]).filter((k) => (all[k] ?? 0) > 0);
  const items: TodoItem[] = keys.map((key) => ({ key, label: LABELS[key], count: all[key] ?? 0, urgent: URGENT.includes(key) }));
  return { items: [...items.filter((i) => i.urgent), ...items.filter((i) => !i.urgent)] };
}
