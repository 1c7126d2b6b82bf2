/**
 * 撤销角色 hands over what the person held by that role (docs/areas.md#撤销角色时的交接): each open order they hold and
 * could no longer hold (no 在职党员 grant left over its place) goes to the grant's B角 when they may take it, else back
 * to 待派单 for the node's staff; each move is an ordinary order move with its timeline entry saying why. An acting
 * copy the B person held for them (AB角, away) is taken back too. Nothing is left pointing at the person.
 */
import { isWithin } from '../../shared/areas/model';
import { HELD_STATUSES, ORDER_LIMITS } from '../../shared/orders/model';
import { mayBeGiven } from '../../shared/orders/permissions';
import { ROLE_NAMES } from '../../shared/users/roles';
import type { RoleGrant } from '../../shared/users/roles';
import { notice } from '../records/make';
import type { OrderDoc } from '../orders/repo';
import { orders } from '../orders/repo';
import { staffRoleName } from '../orders/staff';
import { moveOrder } from '../orders/transition';
import type { Ctx } from '../runtime/types';
import type { UserDoc } from './repo';
import { roleFields, users } from './repo';

/** Orders read per removal: a member holds at most ORDER_LIMITS.memberOpenOrders. */
const HELD_PAGE = 100;

export async function handOver(ctx: Ctx, user: UserDoc, grant: RoleGrant, rest: RoleGrant[]): Promise<{ handedOver: number }> {
  const stillHolds = (o: OrderDoc) => rest.some((g) => g.role === 'member' && !g.away && isWithin(o.path, g.areaPath));
  const held = grant.role === 'member' || grant.actingFor ? await orders(ctx.store).find({ holderId: user._id, status: { $in: [...HELD_STATUSES] } }, { limit: HELD_PAGE }) : [];
  const orphans = held.filter((o) => !stillHolds(o));
  const deputy = grant.deputyId && (orphans.length > 0 || grant.away) ? await users(ctx.store).get(grant.deputyId) : null;
  if (deputy && grant.away) {
    // The B person's acting copy goes with the A grant.
    const roles = deputy.roles.filter((g) => !(g.actingFor?.userId === user._id && g.role === grant.role && g.areaId === grant.areaId));
    if (roles.length !== deputy.roles.length) await users(ctx.store).updateWhere({ _id: deputy._id, rev: deputy.rev }, { $set: roleFields(roles), $inc: { rev: 1 } });
  }
  let load = deputy?.held ?? 0;
  const why = `${user.name}已不再担任${ROLE_NAMES[grant.role]}`;
  for (const order of orphans) {
    const role = staffRoleName(ctx, order);
    const takes =
      deputy &&
      deputy.roles.some((g) => g.role === 'member' && isWithin(order.path, g.areaPath)) &&
      mayBeGiven(ctx.actor, deputy._id, order) &&
      load < ORDER_LIMITS.memberOpenOrders;
    if (deputy && takes) {
      load += 1;
      await moveOrder(ctx, order, 'reassign', {
        role,
        data: { member: deputy.name },
        note: `${why}，改派给B角`,
        set: { holderId: deputy._id, holderName: deputy.name },
        effects: [notice(ctx, { to: [{ userId: deputy._id }], kind: 'dispatched', body: `${order.place}：${order.category}`, orderId: order._id })],
      });
    } else {
      const to = order.owner ? [{ areaId: order.owner.areaId }] : [];
      await moveOrder(ctx, order, 'unhold', {
        role,
        data: { member: user.name, role: ROLE_NAMES[grant.role] },
        set: { holderId: null, holderName: null, pool: null },
        effects: to.length ? [notice(ctx, { to, kind: 'released', body: `${why}，点单退回待派单`, orderId: order._id })] : [],
      });
    }
  }
  return { handedOver: orphans.length };
}
