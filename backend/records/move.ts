/**
 * The one mover: a state change is one conditional update ("where _id = X and status = S") that sets the new
 * status, appends the timeline entry and carries the move's effects. Inserts carry theirs the same way.
 */
import { AppError } from '../../shared/errors';
import { newId } from '../runtime/ids';
import type { Deps } from '../runtime/types';
import type { Doc, Filter, Patch } from '../store/port';
import type { Effect, EffectBatch, Pending, PendingRef } from './effects';
import { pendingEffects } from './pending';

/** What a command may use to say which records it left with effects to apply (the handler answers with them). */
export type Mover = Pick<Deps, 'store' | 'now'> & { pending?: PendingRef[] };

export interface MoveSpec {
  collection: string;
  record: Doc & { status: string };
  to: string;
  /** The timeline entry this move appends (omitted by moves that keep no timeline). */
  entry?: object;
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
  push?: Record<string, unknown>;
  /** Conditions besides the status we read (a follower count, a deadline flag). */
  guard?: Filter;
  effects: Effect[];
  /** Said when another action got there first. */
  conflict: string;
  /** A resend of this very move (same person, same request key) is answered as the first, not written twice. */
  requestKey?: string;
}

export function newBatch(now: number, effects: Effect[]): EffectBatch {
  return { key: newId('x', now), at: now, effects };
}

/** The pending fields and patch pieces for a batch; empty when the move causes nothing. */
function carry(batch: EffectBatch): { set: Pending; push: Record<string, unknown> } {
  if (batch.effects.length === 0) return { set: {}, push: {} };
  return { set: { fxAt: batch.at, fxLast: batch.key }, push: { fx: batch } };
}

/** Names a record left with a batch to apply, so the answer asks for it now. */
export function remember(deps: Mover, collection: string, id: string, batch: EffectBatch): void {
  if (batch.effects.length && deps.pending && !deps.pending.some((r) => r.collection === collection && r.id === id)) deps.pending.push({ collection, id });
}

/** The status, the move's own fields, its timeline entry and the batch it carries, as one patch. */
function patchOf(spec: Pick<MoveSpec, 'to' | 'set' | 'inc' | 'push' | 'entry'>, pending: ReturnType<typeof carry>): Patch {
  const patch: Patch = { $set: { status: spec.to, ...spec.set, ...pending.set } };
  const push = { ...spec.push, ...(spec.entry ? { timeline: spec.entry } : {}), ...pending.push };
  if (Object.keys(push).length) patch.$push = push;
  if (spec.inc) patch.$inc = spec.inc;
  return patch;
}

/**
 * Applies the move if the record is still in the status we read; CONFLICT otherwise. Returns the batch written, or
 * null for a resend of a keyed move that already landed (the record keeps the keys of its keyed moves in `reqKeys`).
 */
export async function moveRecord(deps: Mover, spec: MoveSpec): Promise<EffectBatch | null> {
  // The 待办 counters follow every move of a record that can wait on someone (backend/records/pending.ts).
  const after = { ...spec.record, status: spec.to, ...spec.set };
  const batch = newBatch(deps.now(), [...spec.effects, ...pendingEffects(spec.collection, spec.record, after)]);
  const pending = carry(batch);
  const patch = patchOf(spec, pending);
  const where: Filter = { ...spec.guard, _id: spec.record._id, status: spec.record.status };
  if (spec.requestKey) {
    where.reqKeys = { $hasNone: [spec.requestKey] };
    patch.$pushAll = { reqKeys: [spec.requestKey] };
  }
  const coll = deps.store.collection<Doc & { reqKeys?: string[] }>(spec.collection);
  if ((await coll.updateWhere(where, patch)) !== 1) {
    // Only on the refused path: was it refused because this very request already landed?
    if (spec.requestKey && (await coll.get(spec.record._id))?.reqKeys?.includes(spec.requestKey)) return null;
    throw new AppError('CONFLICT', spec.conflict);
  }
  remember(deps, spec.collection, spec.record._id, batch);
  return batch;
}

export interface ManySpec extends Omit<MoveSpec, 'record' | 'conflict' | 'requestKey'> {
  ids: string[];
  /** The status every one of them was read in. */
  from: string;
  /** The records as read, for the 待办 counters of a collection that keeps them (backend/records/pending.ts). */
  records?: Doc[];
}

/**
 * One step of many records read in the same status (召集人汇总 a batch): one conditional update over all of them,
 * appending the same timeline entry and carrying one batch of effects about the whole step on each (the drain
 * applies a batch once by its key). Returns how many moved; fewer than asked means others moved some first: the
 * caller tells which by a field the move sets, and names one that moved (`remember`).
 */
export async function moveRecords(deps: Mover, spec: ManySpec): Promise<{ moved: number; batch: EffectBatch }> {
  // Counted as if all move: one decided by someone else in the instant between read and write is counted twice until
  // `npm run migrate -- --force` rebuilds the 待办 counters (backend/records/pendingRebuild.ts).
  const counts = (spec.records ?? []).flatMap((r) => pendingEffects(spec.collection, r, { ...r, status: spec.to, ...spec.set }));
  const batch: EffectBatch = { ...newBatch(deps.now(), [...spec.effects, ...counts]), many: true };
  const pending = carry(batch);
  const patch = patchOf(spec, pending);
  const moved = await deps.store.collection(spec.collection).updateWhere({ ...spec.guard, _id: { $in: spec.ids }, status: spec.from }, patch);
  // Draining one of them applies the batch; the minute's drain clears the copies on the rest (applying nothing twice).
  if (moved === spec.ids.length && spec.ids[0]) remember(deps, spec.collection, spec.ids[0], batch);
  return { moved, batch };
}

/**
 * A conditional update of records that have no state machine (an area of the tree), carrying its effects the same way
 * as a move: one request. Returns how many matched. When `where` may match several (a node and its subtree) the
 * batch rides on each of them and applies once; the answer names the one at `id`.
 */
export async function updateWithEffects(deps: Mover, collection: string, id: string, where: Filter, patch: Patch, effects: Effect[], many = false): Promise<number> {
  const batch: EffectBatch = { ...newBatch(deps.now(), effects), ...(many ? { many: true as const } : {}) };
  const pending = carry(batch);
  const carried: Patch = { ...patch, $set: { ...patch.$set, ...pending.set } };
  if (pending.push.fx) carried.$push = { ...patch.$push, ...pending.push };
  const matched = await deps.store.collection(collection).updateWhere(where, carried);
  if (matched > 0) remember(deps, collection, id, batch);
  return matched;
}

/** A new record carrying the effects of its creation; the caller inserts it (one request). */
export function withEffects<T extends Doc>(deps: Mover, collection: string, doc: T, effects: Effect[]): T & Pending {
  const batch = newBatch(deps.now(), [...effects, ...pendingEffects(collection, null, doc)]);
  const pending = carry(batch);
  remember(deps, collection, doc._id, batch);
  return { ...doc, ...pending.set, ...(pending.push.fx ? { fx: [batch] } : {}) };
}
