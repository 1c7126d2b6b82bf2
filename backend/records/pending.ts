/**
 * 待办 counters: how many records wait on someone at each area node, kept by the mover. A record in a waiting state
 * adds 1 to a field of the `open` counter doc (`${nodeId}:open` in order_counters, group `p`) of every node on its
 * path; each move (and each creation) carries the difference as a `count` effect, applied once like the dashboard's.
 * users.todo then reads a staff member's counts as a few docs by id, whatever the number of records.
 */
import { idsOnPath } from '../../shared/areas/model';
import { OPEN_STATUSES } from '../../shared/orders/model';
import type { OrderStatus } from '../../shared/orders/model';
import type { Doc } from '../store/port';
import type { CountEffect } from './effects';

/** The pseudo-day of the counter docs that hold the 待办 counts (order_counters' days are YYYY-MM-DD, so no range reaches it). */
export const OPEN_DAY = 'open';

export type PendingField = 'new' | 'toDispatch' | 'overdue' | 'reg' | 'wish' | 'sum' | 'verify' | 'pool';

/** The open backlog by state (the dashboard's 在办, `o_<status>` at the order's path): kept beside the 待办 on the same docs, read by dashboard.summary. */
export type BacklogField = `o_${OrderStatus}`;
export const BACKLOG_FIELDS: BacklogField[] = OPEN_STATUSES.map((st) => `o_${st}` as const);

/** Every field of the `open` docs' group `p`. */
export type OpenDocField = PendingField | BacklogField;

interface Share {
  field: OpenDocField;
  path: string;
}

type Facts = Doc & { status?: unknown; path?: unknown; gridPath?: unknown; overdue?: unknown; pool?: { areaPath?: unknown } | null };
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const at = (field: OpenDocField, path: unknown): Share[] => (str(path) ? [{ field, path: str(path)! }] : []);

/** What a record in its current state waits for, and where: one rule per collection that has a 待办. */
const SHARES: Partial<Record<string, (d: Facts) => Share[]>> = {
  // 待分拣, 待派单 (重办 waits for a new 派单 too), and 超时 while still open: the 派单台's own tabs.
  orders: (d) => [
    ...(d.status === 'new' ? at('new', d.path) : []),
    ...(d.status === 'triaged' || d.status === 'reopened' ? at('toDispatch', d.path) : []),
    ...(d.overdue === true && OPEN_STATUSES.includes(d.status as OrderStatus) ? at('overdue', d.path) : []),
    // 接单大厅: in the pool at its node, so a member reads the count of the community they registered in.
    ...(d.status === 'pooled' ? at('pool', d.pool?.areaPath) : []),
    // 在办 by state, where the order is (not where its pool is).
    ...(OPEN_STATUSES.includes(d.status as OrderStatus) ? at(`o_${d.status as OrderStatus}`, d.path) : []),
  ],
  // 报到审核: the applicant's building path.
  registrations: (d) => (d.status === 'pending' ? at('reg', d.path) : []),
  // 心愿审核.
  wishes: (d) => (d.status === 'pending' ? at('wish', d.path) : []),
  // 待汇总 at the member's grid (the grid leader's queue), 待核实 at their home (the community's queue).
  points_declarations: (d) => [...(d.status === 'declared' ? at('sum', d.gridPath) : []), ...(d.status === 'forwarded' ? at('verify', d.path) : [])],
};

export const hasPending = (collection: string): boolean => collection in SHARES;

/** The shares of a record as it stands (none for a collection without a 待办). */
export function sharesOf(collection: string, doc: Facts | null): Share[] {
  const rule = SHARES[collection];
  return rule && doc ? rule(doc) : [];
}

/** The count effects taking a record from `before` to `after` (null: not there); none when its 待办 is unchanged. */
export function pendingEffects(collection: string, before: Facts | null, after: Facts | null): CountEffect[] {
  if (!hasPending(collection)) return [];
  const delta = new Map<string, Map<string, number>>();
  const add = (shares: Share[], n: number) => {
    for (const s of shares) {
      const fields = delta.get(s.path) ?? new Map<string, number>();
      fields.set(`p.${s.field}`, (fields.get(`p.${s.field}`) ?? 0) + n);
      delta.set(s.path, fields);
    }
  };
  add(sharesOf(collection, before), -1);
  add(sharesOf(collection, after), 1);
  const out: CountEffect[] = [];
  for (const [path, fields] of delta) {
    const inc = Object.fromEntries([...fields].filter(([, n]) => n !== 0));
    if (Object.keys(inc).length) out.push({ type: 'count', path, tally: { [OPEN_DAY]: inc } });
  }
  return out;
}

/** Sums the 待办 fields of a record set on each node of their paths (the rebuild's and the tests' side). */
export function tallyPending(collection: string, docs: Facts[], into = new Map<string, Map<OpenDocField, number>>()): Map<string, Map<OpenDocField, number>> {
  for (const d of docs) {
    for (const s of sharesOf(collection, d)) {
      for (const nodeId of idsOnPath(s.path)) {
        const fields = into.get(nodeId) ?? new Map<OpenDocField, number>();
        fields.set(s.field, (fields.get(s.field) ?? 0) + 1);
        into.set(nodeId, fields);
      }
    }
  }
  return into;
}
