/**
 * Applies effect batches, idempotently and in bulk: one batch insert per collection (audit, messages), one
 * guarded increment per counter document (counts.ts), each credit once by its ledger id, then clears what it applied.
 */
import type { AuditDoc } from '../audit/record';
import type { MessageDoc } from '../notifications/outbox';
import { messageDocs, messages, pushMessages } from '../notifications/outbox';
import { registerCheck } from '../content/photoChecks';
import { HELD_STATUSES } from '../../shared/orders/model';
import { orders } from '../orders/repo';
import { users } from '../users/repo';
import { creditPoints } from '../points/ledger';
import { syncPlacement } from '../points/placement';
import type { Deps } from '../runtime/types';
import type { Doc } from '../store/port';
import { AppError } from '../../shared/errors';
import { applyCounts, counterWrites, releaseCounts } from './counts';
import type { EffectBatch, KeyMark, Marking, MoveEffect, Pending, RecountEffect } from './effects';
import { appliesHere, applyCarried, carried } from './carried';
import { applyRecounts } from './recount';
import { moveRecord } from './move';
import { claim, release } from './claim';

/** A record read with its pending batches. */
export type PendingDoc = Doc & Pending;

export interface Drained {
  collection: string;
  docs: PendingDoc[];
  /** The drain's claim on these records (claim.ts): clearing is conditional on still holding it. */
  claim?: string;
}

/** Ids made from the batch key (which starts with a time-ordered id): replays land on the same documents. */
const childId = (prefix: string, key: string, ...n: number[]): string => `${prefix}${key.slice(1)}-${n.join('-')}`;

function audits(batches: EffectBatch[]): AuditDoc[] {
  return batches.flatMap((b) =>
    b.effects.flatMap((e, i) =>
      e.type === 'audit'
        ? [
            {
              _id: childId('a', b.key, i),
              at: b.at,
              actorId: e.actorId,
              actorName: e.actorName,
              ...(e.actorRole && { actorRole: e.actorRole }),
              action: e.action,
              targetType: e.targetType,
              targetId: e.targetId,
              areaPath: e.areaPath,
              detail: e.detail,
            },
          ]
        : [],
    ),
  );
}

/** Batches whose audits ask for a count (`countInto`) with it filled in: one count per such audit, in the drain, not before the answer. */
async function counted(deps: Deps, batches: EffectBatch[]): Promise<EffectBatch[]> {
  return Promise.all(
    batches.map(async (b) => {
      if (!b.effects.some((e) => e.type === 'audit' && e.countInto)) return b;
      const effects = await Promise.all(
        b.effects.map(async (e) => {
          if (e.type !== 'audit' || !e.countInto) return e;
          const { field, collection, where } = e.countInto;
          return { ...e, detail: { ...e.detail, [field]: await deps.store.collection(collection).count(where) } };
        }),
      );
      return { ...b, effects };
    }),
  );
}

/** Message documents grouped by the notice they came from (one push list per notice). */
function notices(batches: EffectBatch[]): Array<{ docs: MessageDoc[]; actorId: string | null }> {
  return batches.flatMap((b) =>
    b.effects.flatMap((e, i) => (e.type === 'notify' ? [{ docs: messageDocs(e, b.at, (j) => childId('m', b.key, i, j)), actorId: e.actorId ?? null }] : [])),
  );
}

async function applyMessages(deps: Deps, batches: EffectBatch[]): Promise<void> {
  const all = notices(batches);
  const docs = all.flatMap((n) => n.docs);
  if (docs.length === 0) return;
  // Pushed only by whoever inserted the message: a replay pushes nothing twice (a crash in between loses the push, not the message).
  const inserted = new Set(await messages(deps.store).insertMany(docs));
  await Promise.all(
    all.map((n) =>
      pushMessages(
        deps,
        n.docs.filter((d) => inserted.has(d._id)),
        n.actorId,
      ),
    ),
  );
}

/** Applies each batch's credits and placement restamps; returns the guard keys they left on roll-ups, by batch (released once it is cleared). */
async function applyCredits(deps: Deps, batches: EffectBatch[]): Promise<Map<string, KeyMark[]>> {
  const left = new Map<string, KeyMark[]>();
  // One at a time: credits to one member contend on their total, and a drain batch is small.
  for (const b of batches) {
    const marking: Deps & Marking = { ...deps, marks: [] };
    for (const e of b.effects) {
      if (e.type === 'credit') await creditPoints(marking, e.entry);
      if (e.type === 'orderCredit' && carried.orderCredit) await carried.orderCredit(marking, e);
      // Restamping sets the placement read now: applied again, it finds the total already there and writes nothing.
      if (e.type === 'placement') await syncPlacement(deps, e.memberId);
    }
    if (marking.marks?.length) left.set(b.key, marking.marks);
  }
  return left;
}

/** Takes the guard keys of cleared batches off the documents they were left on, one write per document. */
async function releaseMarks(deps: Deps, left: Map<string, KeyMark[]>, cleared: Set<string>): Promise<void> {
  const byDoc = new Map<string, { collection: string; id: string; keys: string[] }>();
  for (const [batch, marks] of left) {
    if (!cleared.has(batch)) continue;
    for (const m of marks) {
      const at = byDoc.get(`${m.collection}/${m.id}`) ?? { collection: m.collection, id: m.id, keys: [] };
      at.keys.push(m.key);
      byDoc.set(`${m.collection}/${m.id}`, at);
    }
  }
  await Promise.all([...byDoc.values()].map((d) => deps.store.collection(d.collection).updateWhere({ _id: d.id }, { $pullAll: { applied: d.keys } })));
}

/** A count, then an absolute set: applying it again gives the same figure. */
async function recountHeld(deps: Deps, memberId: string): Promise<void> {
  const held = await orders(deps.store).count({ holderId: memberId, status: { $in: [...HELD_STATUSES] } });
  await users(deps.store).updateWhere({ _id: memberId }, { $set: { held } });
}

/** Absolute sets, recounts and photo-check registrations: each idempotent on its own. */
async function applyLinks(deps: Deps, batches: EffectBatch[]): Promise<void> {
  const effects = batches.flatMap((b) => b.effects);
  await Promise.all([
    applyRecounts(
      deps,
      effects.filter((e): e is RecountEffect => e.type === 'recount'),
    ),
    ...effects.map((e) => {
      if (e.type === 'set') return deps.store.collection(e.collection).updateWhere({ ...e.where, _id: e.id }, { $set: e.set });
      if (e.type === 'update') return deps.store.collection(e.collection).updateWhere({ ...e.where, _id: e.id }, e.patch);
      if (e.type === 'photoCheck') return registerCheck(deps, e.traceId, e.fileId, e.target);
      if (e.type === 'recountHeld') return recountHeld(deps, e.memberId);
      return null;
    }),
  ]);
}

/** Records other records' moves create, one batch insert per collection (a replay inserts none): before anything moves them. */
async function applyInserts(deps: Deps, batches: EffectBatch[]): Promise<void> {
  const docs = new Map<string, Doc[]>();
  for (const e of batches.flatMap((b) => b.effects)) if (e.type === 'insert') docs.set(e.collection, [...(docs.get(e.collection) ?? []), e.doc]);
  await Promise.all([...docs].map(([collection, list]) => deps.store.collection(collection).insertMany(list)));
}

/**
 * Moves of other records, each conditional on the status it expects (moved meanwhile: nothing happens), then what those
 * records carry — also what an earlier, interrupted pass moved them to — applied the same way.
 */
async function applyMoves(deps: Deps, batches: EffectBatch[]): Promise<void> {
  const moves = batches.flatMap((b) => b.effects.filter((e): e is MoveEffect => e.type === 'move'));
  if (moves.length === 0) return;
  for (const m of moves) {
    try {
      await moveRecord(deps, { collection: m.collection, record: { _id: m.id, status: m.from }, to: m.to, set: m.set, effects: m.effects, conflict: 'moved meanwhile' });
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
    }
  }
  const read: Drained[] = [];
  for (const collection of new Set(moves.map((m) => m.collection))) {
    const held = await claim(deps, collection, [...new Set(moves.filter((m) => m.collection === collection).map((m) => m.id))]);
    if (held) read.push(held);
  }
  await applyHeld(deps, read);
}

/**
 * Applies every pending batch of the records read, then clears each record whose last batch is still the one
 * it read (a move meanwhile added another: it stays pending and the next drain re-applies, adding nothing twice).
 */
export async function applyPending(deps: Deps, all: Drained[]): Promise<{ records: number; batches: number }> {
  const read = all.map((r) => ({ ...r, docs: r.docs.filter(appliesHere) }));
  // Left for the effects function's drain (see appliesHere): not held meanwhile.
  const left = all.map((r) => ({ ...r, docs: r.docs.filter((d) => !appliesHere(d)) })).filter((r) => r.docs.length);
  if (left.length) await release(deps, left);
  // By key: one step of many records carries the same batch on each (backend/records/move.ts moveRecords) and applies once.
  const batches = [...new Map(read.flatMap((r) => r.docs.flatMap((d) => d.fx ?? [])).map((b) => [b.key, b])).values()];
  if (batches.length === 0) return { records: 0, batches: 0 };
  const auditDocs = audits(await counted(deps, batches));
  const counts = counterWrites(batches);
  await applyInserts(deps, batches);
  await Promise.all([
    auditDocs.length ? deps.store.collection<AuditDoc>('audit').insertMany(auditDocs) : null,
    applyMessages(deps, batches),
    applyCounts(deps, counts),
    applyLinks(deps, batches),
  ]);
  const marks = await applyCredits(deps, batches);
  await applyCarried(deps, batches);
  await applyMoves(deps, batches);
  let records = 0;
  const kept = new Set<string>();
  await Promise.all(
    read.flatMap((r) =>
      r.docs.map(async (d) => {
        const c = deps.store.collection(r.collection);
        // Cleared only by the drain still holding its claim: one whose lease ran out may have a successor applying it.
        const held = r.claim ? { fxBy: r.claim } : {};
        const done = await c.updateWhere(
          { _id: d._id, fxLast: d.fxLast ?? null, ...held },
          { $unset: { fx: true, ...(r.claim && { fxBy: true }) }, $set: { fxAt: null, fxLast: null, ...(r.claim && { fxLease: 0 }) } },
        );
        // Moved meanwhile: the claim stays, and applyHeld reads it again for the batches added since.
        records += done;
        // Moved meanwhile: it still carries these batches, and their keys must stay to guard the next drain's replay.
        for (const b of d.fx ?? []) if (done === 0 || b.many) kept.add(b.key);
      }),
    ),
  );
  const cleared = new Set(batches.map((b) => b.key).filter((k) => !kept.has(k)));
  await Promise.all([releaseCounts(deps, counts, cleared), releaseMarks(deps, marks, cleared)]);
  return { records, batches: batches.length };
}

/**
 * How long a drain goes on with records it holds while moves keep adding batches to them (a busy activity's sign-ups),
 * well inside the lease and any function's timeout; then it gives them back and the next drain goes on.
 */
const HELD_FOR_MS = 5_000;

/**
 * Applies what a drain claimed until each record is cleared. A batch added while it worked stays on the record under its
 * claim, which no other drain may apply: it reads those records again and goes on (for HELD_FOR_MS at most), then gives back what is left (and
 * everything, if it throws). So when every caller's drain has returned, nothing they caused is left pending.
 */
export async function applyHeld(deps: Deps, read: Drained[]): Promise<{ records: number; batches: number }> {
  const total = { records: 0, batches: 0 };
  let held = read;
  try {
    for (const until = Date.now() + HELD_FOR_MS; held.length && Date.now() < until;) {
      const done = await applyPending(deps, held);
      total.records += done.records;
      total.batches += done.batches;
      held = await stillHeld(deps, held);
    }
  } catch (e) {
    await release(deps, held).catch(() => undefined);
    throw e;
  }
  await release(deps, held);
  return total;
}

/** The records of `read` this drain still holds with batches on them (added after its read). */
async function stillHeld(deps: Deps, read: Drained[]): Promise<Drained[]> {
  const out: Drained[] = [];
  for (const r of read) {
    if (!r.claim) continue;
    const docs = await deps.store.collection<PendingDoc>(r.collection).find({ _id: { $in: r.docs.map((d) => d._id) }, fxBy: r.claim, fxAt: { $gt: 0 } });
    if (docs.length) out.push({ ...r, docs });
  }
  return out;
}
