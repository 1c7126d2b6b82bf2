/** Moves a wish along its state machine with one conditional update carrying its timeline entry, then audits it. */
import { AppError } from '../../shared/errors';
import type { WishTransition } from '../../shared/wishes/model';
import { WISH_STATUS_NAMES, WISH_TRANSITIONS, canWishTransition } from '../../shared/wishes/model';
import type { WishFacts } from '../../shared/wishes/permissions';
import type { WishMoved } from '../../shared/wishes/schemas';
import { recordAudit } from '../audit/record';
import { entry } from '../orders/transition';
import type { Ctx } from '../runtime/types';
import type { Filter, Patch } from '../store/port';
import type { WishDoc } from './repo';
import { wishes } from './repo';

export interface WishMove {
  /** Timeline words: what happened, and the actor's part in it. */
  label: string;
  role: string;
  note?: string;
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
  /** Extra conditions the document must still meet (e.g. the same claimant). */
  match?: Filter;
  /** Said when another action got there first. */
  conflict?: string;
}

/** Loads a wish the actor may see; NOT_FOUND otherwise, so existence does not leak. */
export async function requireWish(ctx: Ctx, id: string, visible: (w: WishFacts) => boolean): Promise<WishDoc> {
  const wish = await wishes(ctx.store).get(id);
  if (!wish || !visible(wish)) throw new AppError('NOT_FOUND', '心愿不存在或您无权查看');
  return wish;
}

/** "update where _id and status (and `match`)" must hit exactly one document, else someone else moved it first. */
export async function moveWish(ctx: Ctx, wish: WishDoc, action: WishTransition, move: WishMove): Promise<WishMoved> {
  if (!canWishTransition(action, wish.status)) {
    throw new AppError('CONFLICT', move.conflict ?? `心愿当前为「${WISH_STATUS_NAMES[wish.status]}」，不能进行此操作`);
  }
  const to = WISH_TRANSITIONS[action].to;
  const patch: Patch = { $set: { status: to, ...move.set }, $push: { timeline: entry(ctx, move.role, move.label, move.note) } };
  if (move.inc) patch.$inc = move.inc;
  const matched = await wishes(ctx.store).updateWhere({ ...move.match, _id: wish._id, status: wish.status }, patch);
  if (matched !== 1) throw new AppError('CONFLICT', move.conflict ?? '心愿刚被他人处理，请刷新后重试');
  await recordAudit(ctx, {
    action: `wishes.${action}`,
    targetType: 'wish',
    targetId: wish._id,
    areaPath: wish.path,
    detail: { from: wish.status, to, ...(move.note ? { note: move.note } : {}) },
  });
  return { id: wish._id, status: to };
}

/** Tell the community's staff (their inbox is the community node). */
export const staffOf = (wish: Pick<WishDoc, 'communityId'>) => ({ areaId: wish.communityId });
