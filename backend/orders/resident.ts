/** The resident's side after filing: my orders, the detail, 撤单, and 群众评单 (rate, or reopen on a low rating). */
import type { Moved } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { DONE_STATUSES, OPEN_STATUSES, ORDER_LIMITS } from '../../shared/orders/model';
import { canCancel, canRate, canSeeOrder, isFiler, isHolder } from '../../shared/orders/permissions';
import type { CancelOrderInput, MyOrdersInput, OrderDetail, OrderIdInput, OrderPage, RateOrderInput } from '../../shared/orders/schemas';
import type { NotifyEffect } from '../records/effects';
import { notice } from '../records/make';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import { orderCredit } from './credit';
import type { OrderDoc } from './repo';
import { orders } from './repo';
import { withNearIfFollowable } from './near';
import { moveOrder, requireOrder } from './transition';
import { toCard, toDetail } from './views';

/** Orders I filed or follow (+1), newest first. */
export async function myOrders(ctx: Ctx, input: MyOrdersInput): Promise<OrderPage> {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter: Filter = { $or: [{ createdBy: ctx.actor.userId }, { followers: { $has: ctx.actor.userId } }] };
  if (input.scope) filter.status = { $in: [...(input.scope === 'open' ? OPEN_STATUSES : DONE_STATUSES)] };
  const [found, total] = await Promise.all([
    orders(ctx.store).find(filter, {
      sort: [
        ['createdAt', -1],
        ['_id', -1],
      ],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
    orders(ctx.store).count(filter),
  ]);
  return { items: found.map(toCard), total, page, pageSize };
}

export async function orderDetail(ctx: Ctx, input: OrderIdInput): Promise<OrderDetail> {
  const order = await requireOrder(ctx, input.orderId, (o) => canSeeOrder(ctx.actor, o));
  return toDetail(ctx.actor, await withNearIfFollowable(ctx, order), ctx.ports.files);
}

export async function cancelOrder(ctx: Ctx, input: CancelOrderInput): Promise<Moved> {
  const order = await requireOrder(ctx, input.orderId, (o) => canSeeOrder(ctx.actor, o));
  if (!isFiler(ctx.actor, order)) throw new AppError('FORBIDDEN', '只有提交人可以撤单');
  if (!canCancel(ctx.actor, order)) throw new AppError('CONFLICT', '党员已接单，不能撤单；如有需要请联系网格员');
  const toHolder = order.holderId ? [notice(ctx, { to: [{ userId: order.holderId }], kind: 'released', body: '居民已撤单，无需再办', orderId: order._id })] : [];
  return moveOrder(ctx, order, 'cancel', { role: '居民', note: input.reason, set: { closedAt: ctx.now(), holderId: null, holderName: null }, effects: toHolder });
}

/** 重办 tells the staff who answer for the order now (a low rating, or 回访 不满意: backend/orders/visit.ts). */
export function reopenNotice(ctx: Ctx, order: OrderDoc, why: string): NotifyEffect {
  const to = order.owner ? [{ areaId: order.owner.areaId }] : [];
  return notice(ctx, { to, kind: 'reopened', body: `${order.place}的点单${why}，需要重办`, orderId: order._id });
}

/** 群众评单: ≥3 stars closes and credits the member; ≤2 reopens it to staff with the comment (重办). */
export async function rateOrder(ctx: Ctx, input: RateOrderInput): Promise<Moved> {
  const order = await requireOrder(ctx, input.orderId, (o) => canSeeOrder(ctx.actor, o));
  if (!isFiler(ctx.actor, order)) throw new AppError('FORBIDDEN', '只有提交人可以评价');
  if (isHolder(ctx.actor, order)) throw new AppError('FORBIDDEN', '不能评价自己办理的点单');
  if (!canRate(ctx.actor, order)) throw new AppError('CONFLICT', '点单尚未办结或已评价');
  const rating = { stars: input.stars, comment: input.comment ?? null };
  // The stars are data, the comment the resident's own words (shared/orders/machine.ts orderNote shows them together).
  const data = { stars: input.stars };
  const note = input.comment;
  if (input.stars <= ORDER_LIMITS.reopenAtOrBelow) {
    return moveOrder(ctx, order, 'reopen', { role: '居民', data, note, set: { rating }, effects: [reopenNotice(ctx, order, `评价 ${input.stars} 星`)] });
  }
  return moveOrder(ctx, order, 'rate', { role: '居民', data, note, set: { rating, closedAt: ctx.now(), closeReason: 'rated' }, effects: [orderCredit(order, input.stars)] });
}
