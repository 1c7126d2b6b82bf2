/** The one place an order turns into points for its member: colour base, on-time and 5-star bonuses, by the community's rules. */
import { COLOUR_NAMES } from '../../shared/orders/model';
import { isPartyId } from '../../shared/orders/permissions';
import { creditPoints } from '../points/ledger';
import { pointsRules } from '../points/rules';
import type { Deps } from '../runtime/types';
import type { OrderCreditEffect } from '../records/effects';
import { communityIdOf } from './rules';

/**
 * Reads the rules in force now (a rule change affects only later credits); a replay credits nothing twice.
 * Work on one's own case earns nothing, whatever let it through (the actions refuse it).
 */
export async function creditOrder(deps: Deps, order: OrderCreditEffect['order'], stars: number | null): Promise<void> {
  if (!order.holderId || !order.colour || isPartyId(order.holderId, order)) return;
  const rules = await pointsRules(deps, await communityIdOf(deps, order.path));
  const onTime = order.completedAt !== null && order.resolveBy !== null && order.completedAt <= order.resolveBy;
  const base = rules.orderByColour[order.colour];
  const parts = [`${COLOUR_NAMES[order.colour]}色点单 ${base} 分`];
  let delta = base;
  if (onTime && rules.onTimeBonus > 0) {
    delta += rules.onTimeBonus;
    parts.push(`按时办结 +${rules.onTimeBonus}`);
  }
  if (stars === 5 && rules.fiveStarBonus > 0) {
    delta += rules.fiveStarBonus;
    parts.push(`五星好评 +${rules.fiveStarBonus}`);
  }
  await creditPoints(deps, { memberId: order.holderId, delta, reason: 'order_completed', note: parts.join('，'), sourceType: 'order', sourceId: order._id });
}

/** The credit as an effect of the move that closes the order (rated, or closed unrated by the timer). */
export function orderCredit(order: OrderCreditEffect['order'], stars: number | null): OrderCreditEffect {
  const { _id, holderId, colour, createdBy, visitId, followers, completedAt, resolveBy, path } = order;
  return { type: 'orderCredit', order: { _id, holderId, colour, createdBy, visitId: visitId ?? null, followers, completedAt, resolveBy, path }, stars };
}
