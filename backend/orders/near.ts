/** Who is near an order (附近已有相同问题, +1 我也遇到): its building's 社区 by level, from the warm area cache. */
import { canFollow } from '../../shared/orders/permissions';
import { levelAt } from '../areas/levels';
import type { Ctx } from '../runtime/types';
import type { OrderDoc } from './repo';

/** The 社区 path of a building path (under a 微网格 or not, the community under a 片区 or not); undefined when it has none. */
export async function communityPathAt(ctx: Pick<Ctx, 'store'>, path: string): Promise<string | undefined> {
  return (await levelAt(ctx.store, path, 'community'))?.path;
}

/** The order with its 社区, for asking who is near it. */
export async function withNear(ctx: Pick<Ctx, 'store'>, order: OrderDoc): Promise<OrderDoc> {
  return { ...order, communityPath: await communityPathAt(ctx, order.path) };
}

/** The order with its 社区 only when the viewer could follow it were they near (an open order they are no party to): most views need no lookup. */
export async function withNearIfFollowable(ctx: Pick<Ctx, 'store' | 'actor'>, order: OrderDoc): Promise<OrderDoc> {
  // '/' puts everyone near: canFollow then says whether nearness is all that is left to decide.
  return canFollow(ctx.actor, { ...order, communityPath: '/' }) ? withNear(ctx, order) : order;
}
