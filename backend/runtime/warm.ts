/**
 * What a warm instance keeps between invocations: area nodes and community rules, which change rarely, read
 * at most once per `WARM_TTL_MS` per instance instead of on every call. Kept per store, so tests never share.
 * A write through this instance forgets its key at once; other instances see it when their copy expires.
 */
import type { DocumentStore } from '../store/port';

/** How stale a kept copy may be (deploy setting `WG_WARM_TTL_MS`; 10 s by default), read when a copy is kept. */
const warmTtlMs = (): number => Number(process.env.WG_WARM_TTL_MS ?? 10_000);

/** A kept copy; `settled` holds the value once loaded, so a write can forget only the copies that hold what it changed. */
type Kept = { until: number; value: Promise<unknown>; settled?: { v: unknown } };

const kept = new WeakMap<DocumentStore, Map<string, Kept>>();

function shelf(store: DocumentStore): Map<string, Kept> {
  let s = kept.get(store);
  if (!s) kept.set(store, (s = new Map()));
  return s;
}

/** The kept value of `key`, or `load()` (shared by concurrent callers); a failed load is not kept. */
export function warm<T>(store: DocumentStore, key: string, load: () => Promise<T>): Promise<T> {
  const s = shelf(store);
  const hit = s.get(key);
  // Elapsed time in this instance, not the business clock (which tests and the simulator move).
  const now = performance.now();
  if (hit && hit.until > now) return hit.value as Promise<T>;
  const value = load();
  const entry: Kept = { until: now + warmTtlMs(), value };
  s.set(key, entry);
  value.then(
    (v) => (entry.settled = { v }),
    () => s.delete(key),
  );
  if (s.size > 5000) for (const [k, v] of s) if (v.until <= now) s.delete(k);
  return value;
}

/** Forgets every kept key starting with `prefix` (after this instance wrote it). */
export function forget(store: DocumentStore, prefix: string): void {
  const s = kept.get(store);
  if (s) for (const k of [...s.keys()]) if (k.startsWith(prefix)) s.delete(k);
}

/** Forgets the kept keys starting with `prefix` that `test` picks by key and loaded value; one still loading is forgotten too. */
export function forgetIf(store: DocumentStore, prefix: string, test: (key: string, value: unknown) => boolean): void {
  const s = kept.get(store);
  if (s) for (const [k, e] of [...s]) if (k.startsWith(prefix) && (!e.settled || test(k, e.settled.v))) s.delete(k);
}

/**
 * Documents by id as a warm instance keeps them (under `prefix` + id): those not kept come in one read of all `ids`,
 * so a page costs at most one request per collection, and none once warm.
 */
export async function keptByIds<T extends { _id: string }>(store: DocumentStore, prefix: string, ids: string[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  let once: Promise<Map<string, T>> | null = null;
  const load = () => (once ??= read(ids).then((found) => new Map(found.map((d) => [d._id, d]))));
  const got = await Promise.all(ids.map((id) => warm(store, `${prefix}${id}`, async () => (await load()).get(id) ?? null)));
  return got.filter((d): d is Awaited<T> => d !== null);
}
