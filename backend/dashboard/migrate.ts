/**
 * Counter days rebuilt from the orders by the recompute check:counters uses, whenever a definition changes: once when
 * 响应率 and 解决率 moved to the day of their outcome, once when every rate split by source (group `src`).
 */
import { scanAll } from '../exports/xlsx';
import type { OrderDoc } from '../orders/repo';
import { orders } from '../orders/repo';
import { counterWrites } from '../records/counts';
import { OPEN_DAY } from '../records/pending';
import type { EffectBatch, Pending } from '../records/effects';
import type { Migration } from '../records/migrate';
import type { DocumentStore, Filter } from '../store/port';
import type { Expected } from './recompute';
import { addOrder, storedFields } from './recompute';
import type { CounterDoc } from './repo';
import { counters } from './repo';

/** Passes before giving up on counters live traffic keeps changing under the rebuild (the next `npm run migrate` goes on). */
const PASSES = 5;
const WRITES_IN_FLIGHT = 20;

const valueAt = (doc: object, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);

/** A counter doc as new, from its id (`${nodeId}:${yyyymmdd}`) and its fields. */
function newDoc(id: string, fields: Map<string, number>): CounterDoc {
  const at = id.lastIndexOf(':');
  const d = id.slice(at + 1);
  const doc: Record<string, unknown> = { _id: id, nodeId: id.slice(0, at), day: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` };
  for (const [path, n] of fields) {
    const [group, key] = path.split('.') as [string, string];
    doc[group] = { ...(doc[group] as object | undefined), [key]: n };
  }
  return doc as unknown as CounterDoc;
}

/**
 * One pass. The counter docs are read first, then the orders: each doc is to hold what the orders' histories give
 * minus the batches still pending on them that it has not taken yet (its `applied` lacks their key), so draining
 * them afterwards lands on the right figure. Each set is guarded by the values read: a batch drained meanwhile
 * changes them, the set misses, and the next pass takes that doc again. `applied` is never touched.
 */
async function rebuildPass(store: DocumentStore): Promise<{ changed: number; missed: number }> {
  const stored = new Map<string, CounterDoc>();
  // The 待办 docs (day `open`, group p) are not the dashboard's: backend/records/pendingRebuild.ts keeps them.
  for await (const d of scanAll(counters(store), {}, 1000)) if (d.day !== OPEN_DAY) stored.set(d._id, d);
  const expected: Expected = new Map();
  const pending = new Map<string, EffectBatch>();
  for await (const o of scanAll(orders(store), {}, 1000)) {
    addOrder(expected, o);
    for (const b of (o as OrderDoc & Pending).fx ?? []) pending.set(b.key, b);
  }
  for (const [id, w] of counterWrites([...pending.values()])) {
    if (w.day === OPEN_DAY) continue;
    const applied = new Set(stored.get(id)?.applied ?? []);
    const want = expected.get(id) ?? new Map<string, number>();
    for (const p of w.parts) if (!applied.has(p.key)) for (const [f, n] of Object.entries(p.inc)) want.set(f, (want.get(f) ?? 0) - n);
    expected.set(id, want);
  }
  const writes: Array<() => Promise<boolean>> = [];
  for (const id of new Set([...stored.keys(), ...expected.keys()])) {
    const doc = stored.get(id);
    const have = doc ? storedFields(doc as unknown as Record<string, unknown>) : new Map<string, number>();
    const want = expected.get(id) ?? new Map<string, number>();
    const diff = [...new Set([...have.keys(), ...want.keys()])].filter((f) => (have.get(f) ?? 0) !== (want.get(f) ?? 0));
    if (diff.length === 0) continue;
    if (!doc) {
      writes.push(() => counters(store).insertIfAbsent(newDoc(id, new Map(diff.map((f) => [f, want.get(f) ?? 0])))));
      continue;
    }
    const guard: Filter = { _id: id };
    for (const f of diff) {
      const v = valueAt(doc, f);
      guard[f] = typeof v === 'number' ? v : { $exists: false };
    }
    writes.push(async () => (await counters(store).updateWhere(guard, { $set: Object.fromEntries(diff.map((f) => [f, want.get(f) ?? 0])) })) === 1);
  }
  let changed = 0;
  // A write per differing doc (nearly every old doc lacks solveDue): several in flight, so CloudBase's round trips overlap.
  for (let i = 0; i < writes.length; i += WRITES_IN_FLIGHT) for (const ok of await Promise.all(writes.slice(i, i + WRITES_IN_FLIGHT).map((w) => w()))) if (ok) changed++;
  return { changed, missed: writes.length - changed };
}

/** Every counter day to what the orders give (also after a migration changes what orders count under, e.g. their source). */
export async function rebuildCounters(store: DocumentStore): Promise<number> {
  let total = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    const { changed, missed } = await rebuildPass(store);
    total += changed;
    // Done once a pass finds nothing to set: the counters agree with the orders and their pending batches.
    if (changed === 0 && missed === 0) return total;
  }
  throw new Error(`看板计数重建 ${PASSES} 遍后仍被同时的写入改动，请稍后再运行 npm run migrate`);
}

export const COUNTERS_ON_OUTCOME_DAYS: Migration = { name: '看板计数按结果日重建（respondDue、solveDue、confirmed）', run: rebuildCounters };

/** Counter days stored before every rate split by source lack the `src` group: the same rebuild fills it (orders without a source count as 小程序). */
export const COUNTERS_BY_SOURCE: Migration = { name: '看板计数按来源拆分（src）', run: rebuildCounters };
