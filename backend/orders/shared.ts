/** 分享到网格群: opening a shared order — the whole order for who may see it, the public view when the filer allowed sharing. */
import { AppError } from '../../shared/errors';
import { COLOUR_NAMES, STATUS_NAMES, orderNumber } from '../../shared/orders/model';
import { canSeeOrder, isOnBehalf } from '../../shared/orders/permissions';
import type { OrderIdInput, PublicOrderView, SharedOrderView } from '../../shared/orders/schemas';
import { readOnce } from '../runtime/prefetch';
import type { Ctx } from '../runtime/types';
import { withNearIfFollowable } from './near';
import type { OrderDoc } from './repo';
import { toDetail } from './views';

/** "王**": the family name, the rest starred (a name is never shown whole to someone who may not see the order). */
const maskName = (name: string): string => (name ? `${[...name][0]}${'*'.repeat(Math.max(1, [...name].length - 1))}` : '居民');

/** Runs of 3 or more digits (phones, door numbers like 302室) starred; "3单元" and "2楼" stay. */
const maskDigits = (text: string): string => text.replace(/\d{3,}/g, (d) => '*'.repeat(d.length));

export function toPublicView(o: OrderDoc): PublicOrderView {
  return {
    id: o._id,
    no: orderNumber(o._id, o.createdAt),
    category: o.category,
    description: maskDigits(o.description),
    status: o.status,
    statusName: STATUS_NAMES[o.status],
    colourName: o.colour ? COLOUR_NAMES[o.colour] : null,
    trail: o.trail,
    filerName: o.anonymousToMembers ? '匿名居民' : maskName(isOnBehalf(o) ? o.contactName : o.createdByName),
    createdAt: o.createdAt,
    followerCount: o.followerCount,
  };
}

/** Two requests: the caller and the order, read side by side (theOrder). */
export async function sharedOrder(ctx: Ctx, input: OrderIdInput): Promise<SharedOrderView> {
  const order = await readOnce<OrderDoc>(ctx, 'orders', input.orderId);
  if (!order) throw new AppError('NOT_FOUND', '这个点单不存在，或已被删除。');
  if (canSeeOrder(ctx.actor, order)) return { full: toDetail(ctx.actor, await withNearIfFollowable(ctx, order), ctx.ports.files) };
  if (order.shareable !== true) throw new AppError('FORBIDDEN', '填单人没有允许分享这个点单，只有填单人、办理人和工作人员能查看。');
  return { public: toPublicView(order) };
}
