/**
 * What a warm instance keeps between invocations: area nodes and community rules, which change rarely, read
 * at most once per `WARM_TTL_MS` per instance instead of on every call. Kept per store, so tests never share.
 * A write through this instance forgets its key at once; other instances see it when their copy expires.
 */
import type { DocumentStore } from '../store/port';

/** How stale a kept copy may be (deploy setting `WG_WARM_TTL_MS`; 10 s by default). */
export const WARM_TTL_MS = Number(process.env.WG_WARM_TTL_MS ?? 10_000);

const kept = new WeakMap<DocumentStore, Map<string, { until: number; value: Promise<unknown> }>>();

function shelf(store: DocumentStore): Map<string, { until: number; value: Promise<unknown> }> {
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
  s.set(key, { until: now + WARM_TTL_MS, value });
  value.catch(() => s.delete(key));
  if (s.size > 5000) for (const [k, v] of s) if (v.until <= now) s.delete(k);
  return value;
}

/** Forgets every kept key starting with `prefix` (after this instance wrote it). */
export function forget(store: DocumentStore, prefix: string): void {
  const s = kept.get(store);
  if (s) for (const k of [...s.keys()]) if (k.startsWith(prefix)) s.delete(k);
}
