/** Moves an order along the state machine with one conditional update carrying its timeline entry, then audits it. */
import type { Moved } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { OrderTransition } from '../../shared/orders/machine';
import { TRANSITIONS, canTransition } from '../../shared/orders/machine';
import { STATUS_NAMES } from '../../shared/orders/model';
import { recordAudit } from '../audit/record';
import { countOrderMove } from '../dashboard/count';
import type { Ctx } from '../runtime/types';
import type { Patch } from '../store/port';
import type { OrderDoc, TimelineEntry } from './repo';
import { orders } from './repo';

export interface Move {
  /** Timeline words: what happened, and the actor's part in it. */
  label: string;
  role: string;
  note?: string;
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
  /** Said when another action got there first. */
  conflict?: string;
}

export function entry(ctx: Pick<Ctx, 'now'> & { actor: { userId: string; name: string } }, role: string, action: string, note?: string): TimelineEntry {
  const e: TimelineEntry = { at: ctx.now(), actorId: ctx.actor.userId, actorName: ctx.actor.name, role, action };
  if (note) e.note = note;
  return e;
}

/** Loads an order the actor may see; NOT_FOUND otherwise, so existence does not leak. */
export async function requireOrder(ctx: Ctx, id: string, visible: (o: OrderDoc) => boolean): Promise<OrderDoc> {
  const order = await orders(ctx.store).get(id);
  if (!order || !visible(order)) throw new AppError('NOT_FOUND', '点单不存在或您无权查看');
  return order;
}

/**
 * Applies `action` if the order is still in the status we read: "update where _id and status" must
 * match exactly one document, else someone else moved it first and the caller gets CONFLICT.
 */
export async function moveOrder(ctx: Ctx, order: OrderDoc, action: OrderTransition, move: Move): Promise<Moved> {
  if (!canTransition(action, order.status)) {
    throw new AppError('CONFLICT', move.conflict ?? `点单当前为「${STATUS_NAMES[order.status]}」，不能进行此操作`);
  }
  const to = TRANSITIONS[action].to;
  const patch: Patch = {
    $set: { status: to, ...move.set },
    $push: { timeline: entry(ctx, move.role, move.label, move.note) },
  };
  if (move.inc) patch.$inc = move.inc;
  const matched = await orders(ctx.store).updateWhere({ _id: order._id, status: order.status }, patch);
  if (matched !== 1) throw new AppError('CONFLICT', move.conflict ?? '点单刚被他人处理，请刷新后重试');
  await countOrderMove(ctx, order, action, patch);
  await recordAudit(ctx, {
    action: `orders.${action}`,
    targetType: 'order',
    targetId: order._id,
    areaPath: order.path,
    detail: { from: order.status, to, ...(move.note ? { note: move.note } : {}) },
  });
  return { id: order._id, status: to };
}
