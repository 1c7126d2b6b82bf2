/**
 * A drain's claim on the records it applies: a lease written on each record, then the records read again under it.
 * Two drains never apply one record at once, so the guard keys a drain takes off roll-ups and counters once it has
 * cleared a record can never meet another drain still holding an older read of it (which would add them twice).
 */
import { randomBytes } from 'node:crypto';
import type { Deps } from '../runtime/types';
import type { Filter } from '../store/port';
import type { Drained, PendingDoc } from './apply';

/**
 * Longer than any function may run (the config.json timeouts are at most 60 s; CloudBase stops a function at its
 * timeout): a lease older than this belongs to a drain that died, and the next drain may take the record.
 */
export const LEASE_MS = 90_000;

const PENDING: Filter = { fxAt: { $gt: 0 } };

/**
 * Claims those of `ids` still pending and not held by a live drain, and reads them again under the claim: the
 * batches on them now, not the ones a read before the claim saw. `force` takes held records too — only at the
 * local runtime's start-up, when no drain of the one process that could hold them is running.
 */
export async function claim(deps: Deps, collection: string, ids: string[], force = false): Promise<Drained | null> {
  if (ids.length === 0) return null;
  const now = deps.now();
  const by = `${now.toString(36)}.${randomBytes(4).toString('hex')}`;
  const c = deps.store.collection<PendingDoc>(collection);
  const free: Filter = force ? {} : { $or: [{ fxLease: { $exists: false } }, { fxLease: { $lt: now } }] };
  if ((await c.updateWhere({ _id: { $in: ids }, ...PENDING, ...free }, { $set: { fxLease: now + LEASE_MS, fxBy: by } })) === 0) return null;
  const docs = await c.find({ _id: { $in: ids }, fxBy: by });
  return docs.length ? { collection, docs, claim: by } : null;
}

/** Gives back what a drain claimed and could not finish (it threw): the next drain need not wait for the lease. */
export async function release(deps: Deps, read: Drained[]): Promise<void> {
  await Promise.all(
    read.map((r) =>
      r.claim ? deps.store.collection(r.collection).updateWhere({ _id: { $in: r.docs.map((d) => d._id) }, fxBy: r.claim }, { $set: { fxLease: 0 }, $unset: { fxBy: true } }) : null,
    ),
  );
}
