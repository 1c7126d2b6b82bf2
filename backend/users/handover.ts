/**
 * 撤销角色 hands over what the person held by that role (docs/areas.md#撤销角色时的交接): each open order they hold and
 * could no longer hold (no 在职党员 grant left over its place) goes to the grant's B角 when they may take it, else back
 * to 待派单 for the node's staff; each move is an ordinary order move with its timeline entry saying why. An acting
 * copy the B person held for them (AB角, away) is taken back too. Nothing is left pointing at the person. When a staff
 * grant goes and nobody else on the node holds the roles an open order there is owned by, the order goes up one level
 * (handUp), as the overdue sweep would move it. It runs after the removal's answer, as the `people` effect the role
 * write carries (backend/users/after.ts): a crash in between loses nothing, and a second pass moves nothing twice.
 */
import { isWithin } from '../../shared/areas/model';
import { AppError } from '../../shared/errors';
import { HELD_STATUSES, OPEN_STATUSES, ORDER_LIMITS } from '../../shared/orders/model';
import { mayBeGiven } from '../../shared/orders/permissions';
import { ROLE_NAMES, STAFF_ROLES } from '../../shared/users/roles';
import type { RoleGrant } from '../../shared/users/roles';
import { audited, notice } from '../records/make';
import { moveRecord } from '../records/move';
import { keptNode } from '../areas/repo';
import { escalatedOwner } from '../orders/rules';
import type { OrderDoc } from '../orders/repo';
import { orders } from '../orders/repo';
import { staffRoleName } from '../orders/staff';
import { moveOrder, step } from '../orders/transition';
import type { Ctx } from '../runtime/types';
import type { UserDoc } from './repo';
import { roleFields, staffOn, users } from './repo';

/**
 * Handed over after the removal's answer, by the drain (backend/users/after.ts): an order someone else moved in between
 * (taken back, completed, moved by an earlier pass of the same drain) has nothing left to hand over.
 */
async function unlessMoved(move: Promise<unknown>): Promise<void> {
  try {
    await move;
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
  }
}

/** Orders read per removal: a member holds at most ORDER_LIMITS.memberOpenOrders. */
const HELD_PAGE = 100;

export async function handOver(ctx: Ctx, user: Pick<UserDoc, '_id' | 'name'>, grant: RoleGrant, rest: RoleGrant[]): Promise<{ handedOver: number }> {
  const stillHolds = (o: OrderDoc) => rest.some((g) => g.role === 'member' && !g.away && isWithin(o.path, g.areaPath));
  const held = grant.role === 'member' ? await orders(ctx.store).find({ holderId: user._id, status: { $in: [...HELD_STATUSES] } }, { limit: HELD_PAGE }) : [];
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
      await unlessMoved(
        moveOrder(ctx, order, 'reassign', {
          role,
          data: { member: deputy.name },
          note: `${why}，改派给B角`,
          set: { holderId: deputy._id, holderName: deputy.name },
          // Still theirs: a second drain of the same removal (or a move meanwhile) moves nothing twice.
          guard: { holderId: user._id },
          effects: [notice(ctx, { to: [{ userId: deputy._id }], kind: 'dispatched', body: `${order.place}：${order.category}`, orderId: order._id })],
        }),
      );
    } else {
      const to = order.owner ? [{ areaId: order.owner.areaId }] : [];
      await unlessMoved(
        moveOrder(ctx, order, 'unhold', {
          role,
          data: { member: user.name, role: ROLE_NAMES[grant.role] },
          set: { holderId: null, holderName: null, pool: null },
          guard: { holderId: user._id },
          effects: to.length ? [notice(ctx, { to, kind: 'handedOver', body: `${why}，点单退回待派单`, orderId: order._id })] : [],
        }),
      );
    }
  }
  return { handedOver: orphans.length };
}

/** Open orders a node owns (at most this many moved per removal; the sweep moves any left over when they fall due). */
const OWNED_PAGE = 200;

/**
 * Orders owned by the grant's node whose owner roles nobody on the node holds any more go one level up, each with
 * its timeline step and a notice to the new owner. Nothing happens while someone else still answers for them.
 */
export async function handUp(ctx: Ctx, user: Pick<UserDoc, '_id' | 'name'>, grant: RoleGrant): Promise<{ handedUp: number }> {
  if (!STAFF_ROLES.includes(grant.role)) return { handedUp: 0 };
  const [left, open] = await Promise.all([
    staffOn(ctx.store, [grant.areaId], 50),
    orders(ctx.store).find({ status: { $in: [...OPEN_STATUSES] }, path: { $prefix: grant.areaPath } }, { limit: OWNED_PAGE }),
  ]);
  const answered = new Set(left.filter((u) => u._id !== user._id).flatMap((u) => u.roles.filter((g) => g.areaId === grant.areaId && !g.away).map((g) => g.role)));
  const orphans = open.filter((o) => o.owner?.areaId === grant.areaId && !o.owner.roles.some((r) => answered.has(r)));
  if (orphans.length === 0) return { handedUp: 0 };
  const node = await keptNode(ctx.store, grant.areaId);
  const data = { member: user.name, role: ROLE_NAMES[grant.role], node: node?.name ?? '' };
  for (const order of orphans) {
    const owner = order.owner ? escalatedOwner(order.owner) : null;
    if (!owner) continue;
    await unlessMoved(
      moveRecord(ctx, {
        collection: 'orders',
        record: order,
        to: order.status,
        entry: step(ctx, staffRoleName(ctx, order), 'handedUp', data),
        set: { owner },
        // Still owned by the node: applied again after a crash, it moves nothing twice.
        guard: { 'owner.areaId': grant.areaId },
        effects: [
          audited(ctx, { action: 'orders.handedUp', targetType: 'order', targetId: order._id, areaPath: order.path, detail: { ...data, to: owner.areaId } }),
          notice(ctx, { to: [{ areaId: owner.areaId }], kind: 'handedOver', body: `${data.node}暂无人负责：${order.place} ${order.category}`, orderId: order._id }),
        ],
        conflict: '点单刚被他人处理，请刷新后重试',
      }),
    );
  }
  return { handedUp: orphans.length };
}

/**
 * 取消单位人员 (backend/units/admin.ts): when the last person acting for a unit goes, the orders the unit holds (待接单,
 * 处理中) go back to 待派单 at their node, each with its timeline step and a notice to the node's staff. Refusing the
 * removal would keep an account of someone who left the 物业/部门 able to act for it; leaving the orders with a unit
 * nobody can open would stall them until the overdue sweep. A community expects them back in its own 派单 queue, as
 * when a member's role is removed. While anyone else still acts for the unit, nothing moves.
 */
export async function releaseUnitOrders(ctx: Ctx, person: Pick<UserDoc, '_id' | 'name'>, unit: { id: string; name: string }): Promise<{ released: number }> {
  const [left, held] = await Promise.all([
    users(ctx.store).find({ unitIds: { $has: unit.id } }, { limit: 1 }),
    orders(ctx.store).find({ 'unit.id': unit.id, status: { $in: [...HELD_STATUSES] } }, { limit: OWNED_PAGE }),
  ]);
  if (left.length > 0) return { released: 0 };
  const why = `${person.name}已不再担任${unit.name}的单位人员`;
  for (const order of held) {
    const to = order.owner ? [{ areaId: order.owner.areaId }] : [];
    await unlessMoved(
      moveOrder(ctx, order, 'unhold', {
        role: staffRoleName(ctx, order),
        data: { member: person.name, role: `${unit.name}的单位人员` },
        set: { unit: null, holderId: null, holderName: null, pool: null },
        guard: { 'unit.id': unit.id },
        effects: to.length ? [notice(ctx, { to, kind: 'handedOver', body: `${why}，该单位已无人接单，点单退回待派单`, orderId: order._id })] : [],
      }),
    );
  }
  return { released: held.length };
}
