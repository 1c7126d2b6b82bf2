/** The one place an order turns into points for its member: colour base, on-time and 5-star bonuses. */
import type { Colour } from '../../shared/orders/model';
import { COLOUR_NAMES } from '../../shared/orders/model';
import { creditPoints } from '../points/ledger';
import type { Deps } from '../runtime/types';
import type { OrderDoc } from './repo';

/** Defaults until per-community rules arrive (issue 4): 绿 2, 黄 3, 红 5; +1 on time; +1 for 5 stars. */
export const ORDER_POINTS: Record<Colour, number> = { green: 2, yellow: 3, red: 5 };

export async function creditOrder(deps: Deps, order: OrderDoc, stars: number | null): Promise<void> {
  if (!order.holderId || !order.colour) return;
  const onTime = order.completedAt !== null && order.resolveBy !== null && order.completedAt <= order.resolveBy;
  const parts = [`${COLOUR_NAMES[order.colour]}色点单 ${ORDER_POINTS[order.colour]} 分`];
  let delta = ORDER_POINTS[order.colour];
  if (onTime) {
    delta += 1;
    parts.push('按时办结 +1');
  }
  if (stars === 5) {
    delta += 1;
    parts.push('五星好评 +1');
  }
  await creditPoints(deps, { memberId: order.holderId, delta, reason: 'order_completed', note: parts.join('，'), sourceType: 'order', sourceId: order._id });
}
