/**
 * The timer: overdue orders escalate one level up the tree and notify the new owner; completed orders
 * unrated for 7 days close as 未评价 and credit the member, through the one mover as the system. Safe to run
 * twice or concurrently: every change is a conditional update on the flag or status it sets.
 */
import { ORDER_MACHINE, orderLabel } from '../../shared/orders/machine';
import { ORDER_LIMITS } from '../../shared/orders/model';
import { statesOfKind } from '../../shared/records/machine';
import { AppError } from '../../shared/errors';
import type { GuestCtx } from '../runtime/types';
import { audited, notice, SYSTEM_ACTOR } from '../records/make';
import { moveRecord } from '../records/move';
import { orderCredit } from './credit';
import { orders } from './repo';
import { escalatedOwner } from './rules';
import type { OrderMover } from './transition';
import { moveOrder, step } from './transition';

const BATCH = 200;

type Deadline = 'respond' | 'resolve';

/** Statuses in which a deadline can still be missed: waiting for a member, or being worked (not before 分拣). */
const WAITING: Record<Deadline, string[]> = {
  respond: ['triaged', 'pooled', 'assigned', 'reopened'],
  resolve: statesOfKind(ORDER_MACHINE, 'open', 'active').filter((s) => s !== 'new'),
};

/** The system as the mover: named in timelines and the audit log. */
const bySystem = (ctx: GuestCtx): OrderMover => ({ ...ctx, actor: SYSTEM_ACTOR });

async function escalate(ctx: GuestCtx, deadline: Deadline): Promise<number> {
  const now = ctx.now();
  const field = deadline === 'respond' ? 'respondBy' : 'resolveBy';
  const flag = deadline === 'respond' ? 'escalatedRespond' : 'escalatedResolve';
  const due = await orders(ctx.store).find({ status: { $in: WAITING[deadline] }, [field]: { $lt: now }, [flag]: false }, { limit: BATCH });
  const system = bySystem(ctx);
  let done = 0;
  for (const order of due) {
    const owner = order.owner ? escalatedOwner(order.owner) : null;
    const data = { deadline, top: !owner };
    const label = orderLabel({ code: 'escalate', data });
    const to = owner ? [{ areaId: owner.areaId }] : order.owner ? [{ areaId: order.owner.areaId }] : [];
    try {
      // The status stays; the flag is the guard, so a second run (or a concurrent one) escalates nothing twice.
      await moveRecord(system, {
        collection: 'orders',
        record: order,
        to: order.status,
        guard: { [flag]: false },
        set: { [flag]: true, overdue: true, ...(owner ? { owner } : {}) },
        entry: step(system, '系统', 'escalate', data),
        effects: [
          audited(system, { action: 'orders.escalate', targetType: 'order', targetId: order._id, areaPath: order.path, detail: { deadline, to: owner?.areaId ?? null } }),
          notice(system, { to, kind: 'overdue', body: `${order.place} ${order.category}：${label}`, orderId: order._id }),
        ],
        conflict: 'moved meanwhile',
      });
      done++;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e; // another run, or a person, got there first
    }
  }
  return done;
}

async function autoClose(ctx: GuestCtx): Promise<number> {
  const cutoff = ctx.now() - ORDER_LIMITS.autoCloseDays * 24 * 3600_000;
  const due = await orders(ctx.store).find({ status: 'completed', completedAt: { $lt: cutoff } }, { limit: BATCH });
  const system = bySystem(ctx);
  let done = 0;
  for (const order of due) {
    try {
      await moveOrder(system, order, 'autoClose', {
        role: '系统',
        data: { days: ORDER_LIMITS.autoCloseDays },
        set: { closedAt: ctx.now(), closeReason: 'unrated' },
        effects: [orderCredit(order, null)],
      });
      done++;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e; // rated meanwhile
    }
  }
  return done;
}

/**
 * Moves what is due. What the moves caused (notices to the new owner, the member's points) is applied by the
 * effects function's one-minute drain: keeping the appliers out of this bundle keeps it small (≤ 300 KB).
 */
export async function sweepOrders(ctx: GuestCtx): Promise<{ escalated: number; autoClosed: number }> {
  const escalated = (await escalate(ctx, 'respond')) + (await escalate(ctx, 'resolve'));
  return { escalated, autoClosed: await autoClose(ctx) };
}
