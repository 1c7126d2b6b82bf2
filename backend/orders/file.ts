/** 群众点单: file an order for a building (content-checked, rate-limited), see similar ones, follow one (+1 我也遇到). */
import { AppError, invalid } from '../../shared/errors';
import type { OrderSource } from '../../shared/orders/model';
import { OPEN_STATUSES, ORDER_LIMITS } from '../../shared/orders/model';
import { belongsNear, canFollow, canSeeOrder, canSeeSimilarAt, isFiler, isFollower, isHolder, isStaffOver } from '../../shared/orders/permissions';
import type { FileOrderInput, OrderCard, OrderIdInput, SimilarOrdersInput } from '../../shared/orders/schemas';
import { levelOnPath, placeName } from '../../shared/areas/place';
import { keptPathOf, trailOf } from '../areas/repo';
import { checkContent, checkPhotos } from '../content/check';
import { filingTally } from '../dashboard/events';
import type { Effect } from '../records/effects';
import { audited, counted, notice } from '../records/make';
import { withEffects } from '../records/move';
import { emergencyNotice, dispatchIfEmergency } from '../response/emergency';
import { keyedId } from '../runtime/ids';
import { insertOnce } from '../runtime/keyed';
import type { Ctx } from '../runtime/types';
import { takeUserQuota } from '../users/quota';
import { communityPathAt, withNear } from './near';
import { newOrderDoc, orders } from './repo';
import { requireOrder, step } from './transition';
import { toCard } from './views';

/** How an order comes in: a resident for themself, or staff on a resident's behalf (民情日记 转为点单). */
export interface Filing {
  role: string;
  /** The timeline's first entry: 提交点单, or staff filing for a resident (民情日记), or 代为登记 (./behalf.ts). */
  code: 'file' | 'fileForResident' | 'fileOnBehalf';
  /** Where it came in, when not the resident's own app (stored only then: absent means 'app'). */
  source?: OrderSource;
  /** Asked once the building is known, before anything is written: throws if the actor may not file there, else names their part (代为登记). */
  roleAt?: (buildingPath: string) => string;
  /** The daily per-person quota guards residents; staff filing from a visit are not limited by it. */
  quota: boolean;
  id?: string;
  /** The resident it was filed for follows it from the start. */
  followers?: string[];
  visitId?: string;
  /** What else filing causes (the visit's link to its order). */
  effects?: Effect[];
}
const BY_RESIDENT: Filing = { role: '居民', code: 'file', quota: true };

/**
 * Three requests at most: the caller (read by the handler), the quota on their own record, and the insert that
 * carries everything filing causes (audit, counters, notices, photo checks). Areas and rules come from the warm
 * instance. A resend with the same request key answers the first order's id and takes no second quota unit.
 */
export async function fileOrder(ctx: Ctx, input: FileOrderInput, how: Filing = BY_RESIDENT): Promise<{ id: string }> {
  const { node: building, known } = await keptPathOf(ctx.store, input.buildingId, '楼栋');
  if (building.level !== 'building') throw invalid('buildingId', '请选择具体的楼栋');
  const role = how.roleAt?.(building.path) ?? how.role;
  const photos = input.photos ?? [];
  await checkContent(ctx, { description: input.description, contactName: input.contactName });
  const screened = await checkPhotos(ctx, 'photos', photos);
  const giveBack = how.quota
    ? await takeUserQuota(ctx, ctx.actor.userId, 'orders', ORDER_LIMITS.perResidentPerDay, `每人每天最多提交 ${ORDER_LIMITS.perResidentPerDay} 个点单，请明天再来`)
    : null;
  // The grid owns the order whether the building sits under it or under one of its 微网格.
  const grid = levelOnPath(building, 'grid', known);
  const now = ctx.now();
  const filed = newOrderDoc({
    _id: how.id ?? keyedId('o', ctx.actor.userId, input.requestKey, now),
    category: input.category,
    description: input.description,
    photos,
    contactName: input.contactName,
    contactMobile: input.contactMobile,
    anonymousToMembers: input.anonymousToMembers ?? false,
    shareable: input.shareable === true,
    buildingId: building._id,
    path: building.path,
    place: placeName(building, known),
    trail: trailOf(building.path, known),
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.name,
    createdAt: now,
    owner: grid ? { areaId: grid._id, areaPath: grid.path, roles: ['grid_worker', 'grid_leader'] } : null,
    timeline: [step(ctx, role, how.code, how.source ? { source: how.source } : undefined)],
  });
  const followers = how.followers ?? [];
  // 急时: skips 分拣 as 红, straight to the pool (backend/response/emergency.ts).
  const extra = { ...(how.visitId ? { visitId: how.visitId } : {}), ...(how.source ? { source: how.source } : {}) };
  const order = await dispatchIfEmergency(ctx, { ...filed, followers, followerCount: followers.length, ...extra }, known);
  const effects: Effect[] = [
    audited(ctx, {
      action: 'orders.file',
      targetType: 'order',
      targetId: order._id,
      areaPath: order.path,
      detail: { category: order.category, status: order.status, ...(how.source ? { source: how.source } : {}) },
    }),
    ...counted(order.path, filingTally(order)),
    ...screened.effects({ collection: 'orders', recordId: order._id, targetType: 'order', areaPath: order.path }),
    // An order that skipped 分拣 (急时) is not waiting for the grid: the street's pool is told instead.
    ...(grid && order.status === 'new' ? [notice(ctx, { to: [{ areaId: grid._id }], kind: 'newOrder', body: `${order.place}：${order.category}`, orderId: order._id })] : []),
    ...emergencyNotice(ctx, order),
    ...(how.effects ?? []),
  ];
  const first = await insertOnce(orders(ctx.store), withEffects(ctx, 'orders', order, effects), input.requestKey);
  if (first) {
    await giveBack?.();
    return { id: first._id };
  }
  return { id: order._id };
}

/**
 * Open orders in the same building and category from the last 14 days, to follow instead of filing again:
 * for the building's community only; anyone else is simply shown none.
 */
export async function similarOrders(ctx: Ctx, input: SimilarOrdersInput): Promise<{ items: OrderCard[] }> {
  const since = ctx.now() - ORDER_LIMITS.similarDays * 24 * 3600 * 1000;
  const found = await orders(ctx.store).find(
    { buildingId: input.buildingId, category: input.category, createdAt: { $gte: since }, status: { $in: [...OPEN_STATUSES] } },
    {
      sort: [
        ['createdAt', -1],
        ['_id', -1],
      ],
      limit: 5,
    },
  );
  // One lookup per building path (the found orders share one), warm most of the time.
  const open = found.filter((o) => o.status !== 'completed');
  const near = new Map(await Promise.all([...new Set(open.map((o) => o.path))].map(async (p) => [p, await communityPathAt(ctx, p)] as const)));
  return { items: open.filter((o) => canSeeSimilarAt(ctx.actor, near.get(o.path))).map(toCard) };
}

/** +1 我也遇到: the follower sees the order in their list and is told what the filer is told. */
export async function followOrder(ctx: Ctx, input: OrderIdInput): Promise<{ followerCount: number }> {
  // Neighbours shown it as similar may follow it, though they cannot see it yet.
  const order = await withNear(ctx, await requireOrder(ctx, input.orderId, () => true));
  if (!canSeeOrder(ctx.actor, order) && !belongsNear(ctx.actor, order)) throw new AppError('NOT_FOUND', '点单不存在或您无权查看');
  if (!canFollow(ctx.actor, order)) {
    if (isFollower(ctx.actor, order) || isFiler(ctx.actor, order)) return { followerCount: order.followerCount };
    if (isStaffOver(ctx.actor, order) || isHolder(ctx.actor, order)) throw new AppError('FORBIDDEN', '工作人员和在办党员无需跟进此点单');
    throw new AppError('CONFLICT', '该点单已办结，不能再跟进');
  }
  const matched = await orders(ctx.store).updateWhere(
    { _id: order._id, followerCount: order.followerCount, status: { $in: [...OPEN_STATUSES] } },
    { $push: { followers: ctx.actor.userId }, $inc: { followerCount: 1 } },
  );
  if (matched !== 1) throw new AppError('CONFLICT', '点单刚有更新，请刷新后再试');
  return { followerCount: order.followerCount + 1 };
}
