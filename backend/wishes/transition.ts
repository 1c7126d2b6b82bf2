/** Moves a wish along its machine through the one mover: the conditional update carries the timeline entry, the audit record and whatever else the move causes. */
import { AppError } from '../../shared/errors';
import type { EntryData, TimelineEntry } from '../../shared/records/machine';
import type { Actor } from '../../shared/users/roles';
import type { WishTransition } from '../../shared/wishes/machine';
import { WISH_MACHINE } from '../../shared/wishes/machine';
import { WISH_STATUS_NAMES, canWishTransition } from '../../shared/wishes/model';
import type { WishFacts } from '../../shared/wishes/permissions';
import type { WishMoved } from '../../shared/wishes/schemas';
import type { Effect } from '../records/effects';
import { audited } from '../records/make';
import type { Mover } from '../records/move';
import { moveRecord } from '../records/move';
import { readOnce } from '../runtime/prefetch';
import type { Ctx, Prefetch } from '../runtime/types';
import type { Filter } from '../store/port';
import type { WishDoc } from './repo';

export interface WishMove {
  /** The actor's part in it, in words (居民, 社区工作人员, 认领人, 系统); the code is the action. */
  role: string;
  /** The entry's data, from which the machine's label says what happened (shared/wishes/machine.ts). */
  data?: EntryData;
  note?: string;
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
  /** Conditions besides the status read (the same claimant, the same deadline). */
  guard?: Filter;
  /** What else the move causes (notices, points, photo checks); the audit record is added here. */
  effects?: Effect[];
  /** Said when another action got there first. */
  conflict?: string;
  /** More for the audit record than from, to and note. */
  detail?: Record<string, unknown>;
}

/** Who moves a wish: a person, or the system actor for the lapse timer (backend/records/make.ts SYSTEM_ACTOR). */
export type WishMover = Mover & { actor: Pick<Actor, 'userId' | 'name'> };

/** A wish timeline entry: who, when, the code and its data; never words. */
export function step(ctx: WishMover, role: string, code: WishTransition, data?: EntryData, note?: string): TimelineEntry {
  const e: TimelineEntry = { at: ctx.now(), actorId: ctx.actor.userId, actorName: ctx.actor.name, role, code };
  if (data && Object.keys(data).length) e.data = data;
  if (note) e.note = note;
  return e;
}

/** Loads a wish the actor may see (the handler read it beside the caller); NOT_FOUND otherwise, so existence does not leak. */
export async function requireWish(ctx: Ctx, id: string, visible: (w: WishFacts) => boolean): Promise<WishDoc> {
  const wish = await readOnce<WishDoc>(ctx, 'wishes', id);
  if (!wish || !visible(wish)) throw new AppError('NOT_FOUND', '心愿不存在或您无权查看');
  return wish;
}

/** "update where _id and status (and `guard`)" must hit exactly one wish, else someone else moved it first. One request. */
export async function moveWish(ctx: WishMover, wish: WishDoc, action: WishTransition, move: WishMove): Promise<WishMoved> {
  if (!canWishTransition(action, wish.status)) {
    throw new AppError('CONFLICT', move.conflict ?? `心愿当前为「${WISH_STATUS_NAMES[wish.status]}」，不能进行此操作`);
  }
  const to = WISH_MACHINE.transitions[action].to;
  const audit = audited(ctx, {
    action: `wishes.${action}`,
    targetType: 'wish',
    targetId: wish._id,
    areaPath: wish.path,
    detail: { title: wish.title, from: wish.status, to, ...(move.note ? { note: move.note } : {}), ...move.detail },
  });
  await moveRecord(ctx, {
    collection: 'wishes',
    record: wish,
    to,
    entry: step(ctx, move.role, action, move.data, move.note),
    set: move.set,
    inc: move.inc,
    guard: move.guard,
    effects: [audit, ...(move.effects ?? [])],
    conflict: move.conflict ?? '心愿刚被他人处理，请刷新后重试',
  });
  return { id: wish._id, status: to };
}

/** Tell the community's staff (their inbox is the community node). */
export const staffOf = (wish: Pick<WishDoc, 'communityId'>) => ({ areaId: wish.communityId });

/** Wish actions name their wish: the handler reads it beside the caller. */
export const theWish = (input: { wishId: string }): Prefetch => ({ docs: [{ collection: 'wishes', id: input.wishId }] });
