/**
 * Keyed creates (issue 12, "retries are safe"): a request key names the record it creates (`keyedId`), so a resend
 * after a lost answer finds the first write and answers as it did — with no second record, audit entry, message,
 * quota unit or point effect. A plain resend is caught before any work by `firstWrite`; two copies racing each
 * other are caught at the insert by `insertOnce`. Without a key both step aside and the command runs as before.
 */
import type { Collection, Doc } from '../store/port';
import { DuplicateKeyError } from '../store/port';

export type Found<T, R> = { first: T; read?: undefined } | { first: null; read: R };

/**
 * The record an earlier copy of this keyed request wrote, looked up beside the command's first read (no extra
 * round trip). The earlier copy wins even where the read would now refuse: the answer is the first one.
 */
export async function firstWrite<T extends Doc, R>(coll: Collection<T>, id: string, requestKey: string | undefined, read: () => Promise<R>): Promise<Found<T, R>> {
  const [first, got] = await Promise.all([
    requestKey ? coll.get(id) : null,
    read().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  ]);
  if (first) return { first };
  if (!got.ok) throw got.error;
  return { first: null, read: got.value };
}

/** Inserts `doc`; null when this call wrote it, else the record a racing copy of the same keyed request wrote first. */
export async function insertOnce<T extends Doc>(coll: Collection<T>, doc: T, requestKey: string | undefined): Promise<T | null> {
  try {
    await coll.insert(doc);
    return null;
  } catch (e) {
    if (!requestKey || !(e instanceof DuplicateKeyError)) throw e;
    // A unique index other than the id clashed: not a repeat, so the error stands.
    const first = await coll.get(doc._id);
    if (!first) throw e;
    return first;
  }
}
