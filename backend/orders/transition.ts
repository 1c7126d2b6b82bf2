/** Moves an order along its machine through the one mover: the conditional update carries the timeline entry, the audit record, the counters and whatever else the move causes. */
import type { Moved } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { OrderCode, OrderTransition } from '../../shared/orders/machine';
import { TRANSITIONS, canTransition } from '../../shared/orders/machine';
import type { EntryData } from '../../shared/records/machine';
import type { OrderStatus } from '../../shared/orders/model';
import { HELD_STATUSES, STATUS_NAMES } from '../../shared/orders/model';
import type { Actor } from '../../shared/users/roles';
import { moveTally } from '../dashboard/events';
import type { Effect, RecountEffect, RecountHeldEffect } from '../records/effects';
import { isOnBehalf } from '../../shared/orders/permissions';
import { audited, counted } from '../records/make';
import type { Mover } from '../records/move';
import { moveRecord } from '../records/move';
import { keyedId } from '../runtime/ids';
import { readOnce } from '../runtime/prefetch';
import type { Ctx, Prefetch } from '../runtime/types';
import type { Filter } from '../store/port';
import type { OrderDoc, OrderEntry } from './repo';

export interface Move {
  /** The actor's part in it, in words (居民, 网格长, 在职党员, 系统); the code is the action. */
  role: string;
  /** The entry's data, from which the machine's label says what happened (shared/orders/machine.ts). */
  data?: EntryData;
  note?: string;
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
  /** Conditions besides the status read (a deadline flag not yet raised). */
  guard?: Filter;
  /** What else the move causes (notices, points); the audit record and the counters are added here. */
  effects?: Effect[];
  /** Said when another action got there first. */
  conflict?: string;
  /** The client's request key (progress notes, staff notes): a resend answers as the first and writes nothing. */
  requestKey?: string;
}

/** Who moves an order: a person, or the system actor for timers (backend/records/make.ts SYSTEM_ACTOR). */
export type OrderMover = Mover & { actor: Pick<Actor, 'userId' | 'name'> };

type Stamp = Pick<Ctx, 'now'> & { actor: { userId: string; name: string } };

/** An order timeline entry: who, when, the code and its data; never words. */
export function step(ctx: Stamp, role: string, code: OrderCode, data?: EntryData, note?: string): OrderEntry {
  const e: OrderEntry = { at: ctx.now(), actorId: ctx.actor.userId, actorName: ctx.actor.name, role, code };
  if (data && Object.keys(data).length) e.data = data;
  if (note) e.note = note;
  return e;
}

/** Loads an order the actor may see; NOT_FOUND otherwise, so existence does not leak. */
export async function requireOrder(ctx: Ctx, id: string, visible: (o: OrderDoc) => boolean): Promise<OrderDoc> {
  const order = await readOnce<OrderDoc>(ctx, 'orders', id);
  if (!order || !visible(order)) throw new AppError('NOT_FOUND', '点单不存在或您无权查看');
  return order;
}

/**
 * Whoever starts or stops holding the order by this move gets their held count (the cap) taken again; the filer's
 * 待评价 (on their record, read by users.todo with the caller) when it comes to or leaves 待评价.
 */
function recounts(order: OrderDoc, to: OrderStatus, set: Record<string, unknown> = {}): Array<RecountHeldEffect | RecountEffect> {
  const toRate: RecountEffect[] =
    (order.status === 'completed') !== (to === 'completed') && !isOnBehalf(order) ? [{ type: 'recount', what: 'toRate', ids: [order.createdBy] }] : [];
  const holds = (status: OrderStatus, holder: unknown) => (HELD_STATUSES.includes(status) && typeof holder === 'string' ? holder : null);
  const before = holds(order.status, order.holderId);
  const after = holds(to, 'holderId' in set ? set.holderId : order.holderId);
  if (before === after) return toRate;
  return [...[before, after].flatMap((memberId) => (memberId ? [{ type: 'recountHeld' as const, memberId }] : [])), ...toRate];
}

/**
 * Applies `action` if the order is still in the status we read: "update where _id and status" must match
 * exactly one document, else someone else moved it first and the caller gets CONFLICT. One request.
 */
export async function moveOrder(ctx: OrderMover, order: OrderDoc, action: OrderTransition, move: Move): Promise<Moved> {
  if (!canTransition(action, order.status)) {
    throw new AppError('CONFLICT', move.conflict ?? `点单当前为「${STATUS_NAMES[order.status]}」，不能进行此操作`);
  }
  const to = TRANSITIONS[action].to;
  const added = step(ctx, move.role, action, move.data, move.note);
  const audit = audited(ctx, {
    action: `orders.${action}`,
    targetType: 'order',
    targetId: order._id,
    areaPath: order.path,
    detail: { from: order.status, to, ...(move.note ? { note: move.note } : {}) },
  });
  await moveRecord(ctx, {
    collection: 'orders',
    record: order,
    to,
    entry: added,
    set: move.set,
    inc: move.inc,
    guard: move.guard,
    effects: [audit, ...counted(order.path, moveTally(order, action, { status: to, ...move.set }, added.at)), ...recounts(order, to, move.set), ...(move.effects ?? [])],
    conflict: move.conflict ?? '点单刚被他人处理，请刷新后重试',
    requestKey: moveKey(ctx, move.requestKey),
  });
  return { id: order._id, status: to };
}

/** A request key as stored on the order: hashed with the person, so nobody can name another's move. */
export function moveKey(ctx: Pick<OrderMover, 'actor' | 'now'>, requestKey: string | undefined): string | undefined {
  return requestKey ? keyedId('m', ctx.actor.userId, requestKey, ctx.now()) : undefined;
}

/** Order actions name their order: the handler reads it beside the caller. */
export const theOrder = (input: { orderId: string }): Prefetch => ({ docs: [{ collection: 'orders', id: input.orderId }] });
/** …and, for 派单/改派, the member in the caller's own read. */
export const theOrderAndMember = (input: { orderId: string; memberId: string }): Prefetch => ({ ...theOrder(input), users: [input.memberId] });
