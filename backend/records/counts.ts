/**
 * The dashboard counts a drain applies: one guarded `$inc` per counter document (all levels of a place in one write
 * when they get the same), the batch keys kept on the document while a record still carries the batch, then released.
 */
import { idsOnPath } from '../../shared/areas/model';
import { counterId, counters } from '../dashboard/repo';
import type { Deps } from '../runtime/types';
import type { CountEffect, EffectBatch } from './effects';

export interface CounterWrite {
  nodeId: string;
  day: string;
  inc: Record<string, number>;
  keys: string[];
  parts: Array<{ key: string; batch: string; inc: Record<string, number> }>;
}

/** Counter doc id → summed increments and the batch keys they come from (also what the counters' rebuild leaves to pending batches). */
export function counterWrites(batches: EffectBatch[]): Map<string, CounterWrite> {
  const out = new Map<string, CounterWrite>();
  for (const b of batches) {
    const counts = b.effects.filter((e): e is CountEffect => e.type === 'count');
    counts.forEach((e, i) => {
      const key = counts.length > 1 ? `${b.key}.${i}` : b.key;
      for (const [day, fields] of Object.entries(e.tally)) {
        const inc = Object.fromEntries(Object.entries(fields).filter(([, n]) => n !== 0));
        if (Object.keys(inc).length === 0) continue;
        for (const nodeId of idsOnPath(e.path)) {
          const id = counterId(nodeId, day);
          const w = out.get(id) ?? { nodeId, day, inc: {}, keys: [], parts: [] };
          for (const [f, n] of Object.entries(inc)) w.inc[f] = (w.inc[f] ?? 0) + n;
          w.keys.push(key);
          w.parts.push({ key, batch: b.key, inc });
          out.set(id, w);
        }
      }
    });
  }
  return out;
}

/**
 * Each counter document gets one `$inc` of everything due to it, guarded by "holds none of these keys" and
 * recording them in the same write. When part of the set was applied before (a crash mid-drain), the guard
 * fails and the parts go one by one, each under its own key. A day's first write to a node creates its document.
 * The keys stay only while their records still carry the batch: `releaseCounts` takes them off once cleared, so a
 * counter document holds the keys in flight, not the day's history (each write would otherwise grow with the day).
 */
export async function applyCounts(deps: Deps, writes: Map<string, CounterWrite>): Promise<void> {
  if (writes.size === 0) return;
  const c = counters(deps.store);
  const guarded = (ids: string[], keys: string[], inc: Record<string, number>) =>
    c.updateWhere({ _id: ids.length === 1 ? ids[0]! : { $in: ids }, applied: { $hasNone: keys } }, { $inc: inc, $pushAll: { applied: keys } });
  // One batch adds the same to every level of its place (street, 片区, community, grid, building): one write for all.
  const missed: Array<[string, CounterWrite]> = [];
  await Promise.all(
    sameWrites(writes, (w) => JSON.stringify([w.inc, w.keys])).map(async (group) => {
      if (
        (await guarded(
          group.map(([id]) => id),
          group[0]![1].keys,
          group[0]![1].inc,
        )) < group.length
      )
        missed.push(...group);
    }),
  );
  if (missed.length === 0) return;
  // Some not there yet (a node's first count of the day), or some of these keys applied already: read which.
  const existing = new Set((await c.find({ _id: { $in: missed.map(([id]) => id) } })).map((d) => d._id));
  const absent = missed.filter(([id]) => !existing.has(id)).map(([id, w]) => ({ _id: id, nodeId: w.nodeId, day: w.day }));
  if (absent.length) await c.insertMany(absent);
  await Promise.all(
    missed.map(async ([id, w]) => {
      if (!existing.has(id) && (await guarded([id], w.keys, w.inc)) === 1) return;
      for (const p of w.parts) await guarded([id], [p.key], p.inc);
    }),
  );
}

/** Counter documents grouped by what is written to them. */
function sameWrites(writes: Map<string, CounterWrite>, by: (w: CounterWrite) => string): Array<Array<[string, CounterWrite]>> {
  const groups = new Map<string, Array<[string, CounterWrite]>>();
  for (const entry of writes) groups.set(by(entry[1]), [...(groups.get(by(entry[1])) ?? []), entry]);
  return [...groups.values()];
}

/** Takes the keys of batches no record carries any more off their counter documents: nothing can replay them. */
export async function releaseCounts(deps: Deps, writes: Map<string, CounterWrite>, cleared: Set<string>): Promise<void> {
  const released = (w: CounterWrite) => w.parts.filter((p) => cleared.has(p.batch)).map((p) => p.key);
  await Promise.all(
    sameWrites(writes, (w) => JSON.stringify(released(w))).map((group) => {
      const keys = released(group[0]![1]);
      return keys.length ? counters(deps.store).updateWhere({ _id: { $in: group.map(([id]) => id) } }, { $pullAll: { applied: keys } }) : null;
    }),
  );
}
