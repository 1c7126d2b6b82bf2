/** 党员接单: the order hall, my held orders, claim (exactly one wins), accept/decline, progress, release, complete. */
import type { Moved } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { orderLabel } from '../../shared/orders/machine';
import { DONE_STATUSES, HELD_STATUSES, ORDER_LIMITS, STATUS_NAMES } from '../../shared/orders/model';
import { canClaim, canSeeOrder, isHolder, isMemberInPoolScope, isParty } from '../../shared/orders/permissions';
import { holdsForUnit } from '../../shared/units/permissions';
import type { CompleteInput, DeclineInput, HallInput, HeldInput, OrderIdInput, OrderPage, ProgressInput, ReleaseInput } from '../../shared/orders/schemas';
import type { Effect, NotifyEffect } from '../records/effects';
import { notice } from '../records/make';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import { CONTENT_SCENES } from '../ports/types';
import { checkContent, checkPhotos } from '../content/check';
import type { OrderDoc } from './repo';
import { orders } from './repo';
import { moveOrder, requireOrder } from './transition';
import { toCard } from './views';

const CLAIMED_BY_OTHER = '已被其他党员接单';
/** Nobody works their own case (shared/orders/permissions isParty). */
const OWN_CASE = '自己提交或跟进的点单';

function memberScopes(ctx: Ctx): string[] {
  return ctx.actor.roles.filter((g) => g.role === 'member').map((g) => g.areaPath);
}

/** 接单大厅: pool orders of the grids and communities where I registered, newest first. */
export async function orderHall(ctx: Ctx, input: HallInput): Promise<OrderPage> {
  const scopes = memberScopes(ctx);
  if (scopes.length === 0) throw new AppError('FORBIDDEN', '完成双报到后才能接单');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  // My own orders are not mine to take (shared/orders/permissions isParty); ones I follow are dropped below.
  const filter: Filter = { status: 'pooled', createdBy: { $ne: ctx.actor.userId }, $or: scopes.map((s) => ({ 'pool.areaPath': { $prefix: s } })) };
  if (input.skill) filter['pool.skill'] = input.skill;
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
  return { items: found.filter((o) => !isParty(ctx.actor, o)).map(toCard), total, page, pageSize };
}

/** Orders I hold now, or held and finished. */
export async function heldOrders(ctx: Ctx, input: HeldInput): Promise<OrderPage> {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const statuses = input.scope === 'done' ? [...DONE_STATUSES, 'completed', 'reopened'] : [...HELD_STATUSES];
  const filter: Filter = { holderId: ctx.actor.userId, status: { $in: statuses } };
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

/** The count kept on the member's record (recounted after every change of holder): no query before the claim. */
function underCap(ctx: Ctx): void {
  const load = ctx.actor.held ?? 0;
  if (load >= ORDER_LIMITS.memberOpenOrders) throw new AppError('CONFLICT', `您已有 ${load} 个未办结点单，办结后再接新单`);
}

function tellFiler(ctx: Ctx, order: OrderDoc, kind: 'claimed' | 'progress' | 'completed', body: string): NotifyEffect {
  return notice(ctx, { to: [{ userId: order.createdBy }, ...order.followers.map((userId) => ({ userId }))], kind, body, orderId: order._id });
}

/** The staff who own the order hear why it came back to them. */
function tellOwner(ctx: Ctx, order: OrderDoc, kind: 'declined' | 'released', reason: string): Effect[] {
  return order.owner ? [notice(ctx, { to: [{ areaId: order.owner.areaId }], kind, body: `${ctx.actor.name}：${reason}`, orderId: order._id })] : [];
}

/** Why an order that is not in the pool cannot be claimed, in the member's words. */
function notInPool(ctx: Ctx, order: OrderDoc): AppError {
  const mine = isHolder(ctx.actor, order);
  if (order.status === 'assigned') return new AppError('CONFLICT', mine ? '该点单已派给您，请点“接受派单”开始办理' : '该点单已派给其他党员');
  if (order.status === 'in_progress') return new AppError('CONFLICT', mine ? '您已在办理这个点单，不用再接单' : CLAIMED_BY_OTHER);
  if (!order.pool && (order.status === 'new' || order.status === 'triaged' || order.status === 'reopened')) {
    return new AppError('CONFLICT', '该点单还没有派到抢单池，暂时不能接单');
  }
  return new AppError('CONFLICT', `该点单当前为「${STATUS_NAMES[order.status]}」，不在抢单池`);
}

export async function claimOrder(ctx: Ctx, input: OrderIdInput): Promise<Moved> {
  const order = await requireOrder(ctx, input.orderId, (o) => canSeeOrder(ctx.actor, o) || isMemberInPoolScope(ctx.actor, o));
  if (order.status !== 'pooled') throw notInPool(ctx, order);
  if (isParty(ctx.actor, order)) throw new AppError('FORBIDDEN', `不能接${OWN_CASE}`);
  if (!canClaim(ctx.actor, order)) {
    throw new AppError('FORBIDDEN', isMemberInPoolScope(ctx.actor, order) ? `该点单需要「${order.pool?.skill}」技能` : '只能接本社区、本网格抢单池的点单');
  }
  underCap(ctx);
  return moveOrder(ctx, order, 'claim', {
    role: '在职党员',
    conflict: CLAIMED_BY_OTHER,
    set: { holderId: ctx.actor.userId, holderName: ctx.actor.name, respondedAt: ctx.now() },
    effects: [tellFiler(ctx, order, 'claimed', `党员${ctx.actor.name}已接单`)],
  });
}

/** Who the holder is on the timeline: 在职党员, or the unit (物业, 职能部门, 共建单位) whose staff act for it. */
function holderRole(ctx: Ctx, order: OrderDoc): string {
  return order.unit && holdsForUnit(ctx.actor, order) ? order.unit.name : '在职党员';
}

/** What the resident is told when the holder takes it. */
const takenBy = (ctx: Ctx, order: OrderDoc) => (order.unit && holdsForUnit(ctx.actor, order) ? `${order.unit.name}已接单` : `党员${ctx.actor.name}已接单`);

async function requireHeld(ctx: Ctx, orderId: string): Promise<OrderDoc> {
  const order = await requireOrder(ctx, orderId, (o) => canSeeOrder(ctx.actor, o));
  if (!isHolder(ctx.actor, order)) throw new AppError('FORBIDDEN', '这不是派给您的点单');
  return order;
}

export async function acceptOrder(ctx: Ctx, input: OrderIdInput): Promise<Moved> {
  const order = await requireHeld(ctx, input.orderId);
  if (isParty(ctx.actor, order)) throw new AppError('FORBIDDEN', `不能接受${OWN_CASE}，请婉拒后由社区改派`);
  return moveOrder(ctx, order, 'accept', { role: holderRole(ctx, order), set: { respondedAt: ctx.now() }, effects: [tellFiler(ctx, order, 'claimed', takenBy(ctx, order))] });
}

/** 婉拒 (a unit: 退回): back to staff (待派单) with the reason. */
export async function declineOrder(ctx: Ctx, input: DeclineInput): Promise<Moved> {
  const order = await requireHeld(ctx, input.orderId);
  const unit = order.unit && holdsForUnit(ctx.actor, order) ? order.unit : null;
  return moveOrder(ctx, order, 'decline', {
    role: holderRole(ctx, order),
    ...(unit ? { data: { unit: unit.name } } : {}),
    note: input.reason,
    set: { holderId: null, holderName: null, unit: null },
    effects: tellOwner(ctx, order, 'declined', input.reason),
  });
}

/** 进展 or 延期说明: the resident sees it on the timeline and in their messages. */
export async function postProgress(ctx: Ctx, input: ProgressInput): Promise<Moved> {
  const order = await requireHeld(ctx, input.orderId);
  await checkContent(ctx, { note: input.note }, CONTENT_SCENES.comment);
  const data = { delayed: input.delayed ?? false };
  const label = orderLabel({ code: 'progress', data });
  return moveOrder(ctx, order, 'progress', {
    role: holderRole(ctx, order),
    data,
    note: input.note,
    effects: [tellFiler(ctx, order, 'progress', `${label}：${input.note}`)],
    requestKey: input.requestKey,
  });
}

/** 退回抢单池 with a reason, for someone else to take. */
export async function releaseOrder(ctx: Ctx, input: ReleaseInput): Promise<Moved> {
  const order = await requireHeld(ctx, input.orderId);
  if (!order.pool) throw new AppError('CONFLICT', '派给您的点单请联系社区改派，不能退回抢单池');
  return moveOrder(ctx, order, 'release', {
    role: '在职党员',
    note: input.reason,
    set: { holderId: null, holderName: null },
    effects: tellOwner(ctx, order, 'released', input.reason),
  });
}

export async function completeOrder(ctx: Ctx, input: CompleteInput): Promise<Moved> {
  const order = await requireHeld(ctx, input.orderId);
  if (isParty(ctx.actor, order)) throw new AppError('FORBIDDEN', `不能办结${OWN_CASE}，请联系社区改派其他党员`);
  const photos = input.photos ?? [];
  await checkContent(ctx, { note: input.note }, CONTENT_SCENES.comment);
  const screened = await checkPhotos(ctx, 'photos', photos, CONTENT_SCENES.comment);
  return moveOrder(ctx, order, 'complete', {
    role: holderRole(ctx, order),
    note: input.note,
    set: { completedAt: ctx.now(), completion: { note: input.note, photos } },
    effects: [
      ...screened.effects({ collection: 'orders', recordId: order._id, field: 'completion.photos', targetType: 'order', areaPath: order.path }),
      tellFiler(ctx, order, 'completed', `${order.category}已办结，请确认并评价`),
    ],
  });
}
