/** 急时派单: in a community switched to 急时, a new order skips 分拣 as 红 and goes straight to the community's 抢单池. */
import type { Area } from '../../shared/areas/model';
import type { Actor } from '../../shared/users/roles';
import type { NotifyEffect } from '../records/effects';
import { notice } from '../records/make';
import type { OrderDoc } from '../orders/repo';
import { levelIn } from '../areas/levels';
import { colourRule, deadlinesOf, ownerFor } from '../orders/rules';
import type { Deps } from '../runtime/types';
import type { CommunityNode } from './mode';
import { isEmergency } from './mode';

/**
 * The order as it should be stored: unchanged in 平时; in 急时 already 红, owned by the street, with
 * 红's deadlines and in the community pool. `known` holds the nodes on the order's path (filing read them).
 */
export async function dispatchIfEmergency<T extends OrderDoc>(deps: Deps, order: T, known: Map<string, Area>): Promise<T> {
  const community = levelIn(order.path, 'community', known) as CommunityNode | undefined;
  if (!community || !isEmergency(community)) return order;
  const rule = await colourRule(deps, order.path, 'red');
  const at = order.createdAt;
  return {
    ...order,
    status: 'pooled',
    colour: 'red',
    owner: ownerFor(order.path, 'red', null),
    ...deadlinesOf(rule, at),
    pool: { areaId: community._id, areaPath: community.path, skill: null },
    timeline: [
      ...order.timeline,
      // The reason is data: shared/orders/machine.ts orderNote says it in words.
      { at, actorId: 'system', actorName: '系统', role: '系统', code: 'emergency', data: { reason: community.modeReason ?? null } },
    ],
  };
}

/** Tells the street (红's owner) that an emergency order is waiting in the pool. */
export function emergencyNotice(ctx: { actor?: Actor | null }, order: OrderDoc): NotifyEffect[] {
  if (order.status !== 'pooled' || !order.owner) return [];
  return [notice(ctx, { to: [{ areaId: order.owner.areaId }], kind: 'emergencyOrder', body: `${order.place}：${order.category}`, orderId: order._id })];
}
