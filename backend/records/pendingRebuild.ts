/**
 * The 待办 counters rebuilt from the records themselves: once as a migration (records that were already waiting when
 * the counters came in), and whenever `npm run migrate -- --force` is asked. Each node's `open` doc is set to what
 * its waiting records give, minus the batches still pending on them that it has not taken yet (draining them
 * afterwards lands on the right figure); each set is guarded by the values read, so a drain meanwhile makes it miss.
 */
import { counterId, counters } from '../dashboard/repo';
import type { CounterDoc } from '../dashboard/repo';
import { scanAll } from '../exports/xlsx';
import type { DocumentStore, Filter } from '../store/port';
import { counterWrites } from './counts';
import type { EffectBatch, Pending } from './effects';
import type { Migration } from './migrate';
import type { OpenDocField } from './pending';
import { BACKLOG_FIELDS, OPEN_DAY, tallyPending } from './pending';

const COLLECTIONS = ['orders', 'registrations', 'wishes', 'points_declarations'];
const FIELDS: OpenDocField[] = ['new', 'toDispatch', 'overdue', 'reg', 'wish', 'sum', 'verify', 'pool', ...BACKLOG_FIELDS];

export async function rebuildPending(store: DocumentStore): Promise<number> {
  const stored = new Map<string, CounterDoc>();
  for await (const d of scanAll(counters(store), {}, 1000)) if (d.day === OPEN_DAY) stored.set(d.nodeId, d);
  const want = new Map<string, Map<OpenDocField, number>>();
  const pending = new Map<string, EffectBatch>();
  for (const name of COLLECTIONS) {
    for await (const doc of scanAll(store.collection<Pending & { _id: string }>(name), {}, 1000)) {
      tallyPending(name, [doc], want);
      for (const b of doc.fx ?? []) pending.set(b.key, b);
    }
  }
  // A batch not yet applied to a node's doc is in the records already: it will add its part when drained.
  for (const [, w] of counterWrites([...pending.values()])) {
    if (w.day !== OPEN_DAY) continue;
    const applied = new Set(stored.get(w.nodeId)?.applied ?? []);
    const fields = want.get(w.nodeId) ?? new Map<OpenDocField, number>();
    for (const p of w.parts) {
      if (applied.has(p.key)) continue;
      for (const [f, n] of Object.entries(p.inc)) fields.set(f.slice(2) as OpenDocField, (fields.get(f.slice(2) as OpenDocField) ?? 0) - n);
    }
    want.set(w.nodeId, fields);
  }
  let changed = 0;
  for (const nodeId of new Set([...stored.keys(), ...want.keys()])) {
    const doc = stored.get(nodeId);
    const fields = want.get(nodeId) ?? new Map<OpenDocField, number>();
    const diff = FIELDS.filter((f) => (doc?.p?.[f] ?? 0) !== (fields.get(f) ?? 0));
    if (diff.length === 0) continue;
    const set = Object.fromEntries(diff.map((f) => [`p.${f}`, fields.get(f) ?? 0]));
    if (!doc) {
      const p = Object.fromEntries(diff.map((f) => [f, fields.get(f) ?? 0]));
      if (await counters(store).insertIfAbsent({ _id: counterId(nodeId, OPEN_DAY), nodeId, day: OPEN_DAY, p })) changed++;
      continue;
    }
    const guard: Filter = { _id: doc._id };
    for (const f of diff) guard[`p.${f}`] = doc.p?.[f] === undefined ? { $exists: false } : doc.p[f];
    changed += await counters(store).updateWhere(guard, { $set: set });
  }
  return changed;
}

export const PENDING_COUNTS: Migration = { name: '首页待办计数（各节点 open 计数器）', run: rebuildPending };
/** The same rebuild again once the 接单大厅 count (`pool`) joined the counters: orders already in the pool count there. */
export const PENDING_POOL_COUNTS: Migration = { name: '首页待办计数：接单大厅（pool）', run: rebuildPending };
/** And once the open backlog by state (`o_<status>`, dashboard.summary's 在办) joined them: orders already open count there. */
export const PENDING_BACKLOG_COUNTS: Migration = { name: '看板在办计数（各节点 open 计数器，按状态）', run: rebuildPending };
