/**
 * The drain: applies pending effects of named records (right after an answer, asked by the client) or of every
 * record still pending (the one-minute timer and start-up), so a crash anywhere is made good within a minute.
 */
import type { Deps } from '../runtime/types';
import type { Filter } from '../store/port';
import type { PendingRef } from './effects';
import type { Drained, PendingDoc } from './apply';
import { applyHeld } from './apply';
import { claim } from './claim';

// Collections whose records carry effects (each indexed on `fxAt`, see backend/collections.ts).
import { PENDING_COLLECTIONS } from '../../shared/records/schemas';
export { PENDING_COLLECTIONS };

/** At most this many records per collection per pass: one read page. */
const PAGE = 100;

const PENDING: Filter = { fxAt: { $gt: 0 } };

/**
 * The named records' pending batches (a record with none, one another drain holds, or one that is not ours to name,
 * is skipped: the holder or the timer applies it).
 */
export async function drainRefs(deps: Deps, refs: PendingRef[]): Promise<{ records: number; batches: number }> {
  const read: Drained[] = [];
  for (const collection of PENDING_COLLECTIONS) {
    const held = await claim(deps, collection, [...new Set(refs.filter((r) => r.collection === collection).map((r) => r.id))]);
    if (held) read.push(held);
  }
  return applyClaimed(deps, read);
}

/** Applies what this drain claimed (apply.ts applyHeld); a drain that dies keeps its claims until the lease runs out. */
const applyClaimed = applyHeld;

/**
 * Everything pending, oldest first, a page per collection per pass until none is left or `budgetMs` is spent
 * (a function's timeout bounds one run; the next tick continues). Records another drain holds wait for it or
 * for its lease to run out; `atStartUp` takes them anyway (see claim.ts).
 */
export async function drainDue(deps: Deps, budgetMs = 10_000, atStartUp = false): Promise<{ records: number; batches: number }> {
  const until = Date.now() + budgetMs;
  const total = { records: 0, batches: 0 };
  for (;;) {
    const read: Drained[] = [];
    for (const collection of PENDING_COLLECTIONS) {
      const docs = await deps.store.collection<PendingDoc>(collection).find(PENDING, { sort: [['fxAt', 1]], limit: PAGE });
      const held = await claim(
        deps,
        collection,
        docs.map((d) => d._id),
        atStartUp,
      );
      if (held) read.push(held);
    }
    if (read.length === 0) return total;
    const done = await applyClaimed(deps, read);
    total.records += done.records;
    total.batches += done.batches;
    // Nothing cleared means every record read gained a batch meanwhile, or a write keeps failing: the next tick retries.
    if (done.records === 0 || Date.now() > until) return total;
  }
}

/** How many records have effects not yet applied, and how old the oldest is (the pending-effects check). */
export async function pendingReport(deps: Pick<Deps, 'store' | 'now'>): Promise<{ pending: number; oldestMs: number | null; byCollection: Record<string, number> }> {
  const byCollection: Record<string, number> = {};
  let oldest: number | null = null;
  for (const collection of PENDING_COLLECTIONS) {
    byCollection[collection] = await deps.store.collection(collection).count(PENDING);
    const [first] = await deps.store.collection<PendingDoc>(collection).find(PENDING, { sort: [['fxAt', 1]], limit: 1 });
    if (first?.fxAt && (oldest === null || first.fxAt < oldest)) oldest = first.fxAt;
  }
  const pending = Object.values(byCollection).reduce((a, b) => a + b, 0);
  return { pending, oldestMs: oldest === null ? null : deps.now() - oldest, byCollection };
}
