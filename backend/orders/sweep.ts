/**
 * The timer: overdue orders escalate one level up the tree and notify the new owner; completed orders
 * unrated for 7 days close as 未评价 and credit the member. Safe to run twice or concurrently: every
 * change is a conditional update on the flag or status it sets.
 */
import { OPEN_STATUSES, ORDER_LIMITS } from '../../shared/orders/model';
import type { GuestCtx } from '../runtime/types';
import { recordAudit } from '../audit/record';
import { notify } from '../notifications/outbox';
import { creditOrder } from './credit';
import { orders } from './repo';
import { escalatedOwner } from './rules';

const BATCH = 200;
const SYSTEM = { userId: 'system', name: '系统' };

type Deadline = 'respond' | 'resolve';

/** Open statuses in which a deadline can still be missed. */
const WAITING: Record<Deadline, string[]> = {
  respond: ['triaged', 'pooled', 'assigned', 'reopened'],
  resolve: OPEN_STATUSES.filter((s) => s !== 'completed' && s !== 'new'),
};

async function escalate(ctx: GuestCtx, deadline: Deadline): Promise<number> {
  const now = ctx.now();
  const field = deadline === 'respond' ? 'respondBy' : 'resolveBy';
  const flag = deadline === 'respond' ? 'escalatedRespond' : 'escalatedResolve';
  const due = await orders(ctx.store).find({ status: { $in: WAITING[deadline] }, [field]: { $lt: now }, [flag]: false }, { limit: BATCH });
  let done = 0;
  for (const order of due) {
    const owner = order.owner ? escalatedOwner(order.owner) : null;
    const label = `${deadline === 'respond' ? '超时未响应' : '超时未办结'}，升级到上一级${owner ? '' : '（已在最高一级）'}`;
    const matched = await orders(ctx.store).updateWhere(
      { _id: order._id, [flag]: false },
      {
        $set: { [flag]: true, overdue: true, ...(owner ? { owner } : {}) },
        $push: { timeline: { at: now, actorId: SYSTEM.userId, actorName: SYSTEM.name, role: '系统', action: label } },
      },
    );
    if (matched !== 1) continue; // another run got there first
    done++;
    await recordAudit({ ...ctx, actor: { ...SYSTEM, roles: [], skills: [] } }, {
      action: 'orders.escalate',
      targetType: 'order',
      targetId: order._id,
      areaPath: order.path,
      detail: { deadline, to: owner?.areaId ?? null },
    });
    const to = owner ? [{ areaId: owner.areaId }] : order.owner ? [{ areaId: order.owner.areaId }] : [];
    await notify(ctx, { to, kind: 'overdue', body: `${order.place} ${order.category}：${label}`, orderId: order._id });
  }
  return done;
}

async function autoClose(ctx: GuestCtx): Promise<number> {
  const now = ctx.now();
  const cutoff = now - ORDER_LIMITS.autoCloseDays * 24 * 3600_000;
  const due = await orders(ctx.store).find({ status: 'completed', completedAt: { $lt: cutoff } }, { limit: BATCH });
  let done = 0;
  for (const order of due) {
    const matched = await orders(ctx.store).updateWhere(
      { _id: order._id, status: 'completed' },
      {
        $set: { status: 'closed', closedAt: now, closeReason: 'unrated' },
        $push: { timeline: { at: now, actorId: SYSTEM.userId, actorName: SYSTEM.name, role: '系统', action: `${ORDER_LIMITS.autoCloseDays} 天未评价，自动办结（未评价）` } },
      },
    );
    if (matched !== 1) continue;
    done++;
    await creditOrder(ctx, order, null);
  }
  return done;
}

export async function sweepOrders(ctx: GuestCtx): Promise<{ escalated: number; autoClosed: number }> {
  const escalated = (await escalate(ctx, 'respond')) + (await escalate(ctx, 'resolve'));
  return { escalated, autoClosed: await autoClose(ctx) };
}
