/**
 * Figures kept on a record and taken again from the records they count (a person's 待评价 and 一键响应 not yet
 * acknowledged): one group over all the ids named, then one absolute set per distinct
 * figure, so a replay writes the same figures and a whole send's recipients cost two or three requests.
 */
import { scanAll } from '../exports/xlsx';
import type { Deps } from '../runtime/types';
import type { DocumentStore, Filter, GroupRow } from '../store/port';
import type { RecountEffect, RecountKind } from './effects';
import type { Migration } from './migrate';

interface Rule {
  /** Where the figure is kept, and under which field. */
  target: string;
  field: string;
  /** The records counted, grouped by the field naming the target (first of `by`). */
  source: string;
  by: string[];
  where: Filter;
  /** Rows that count (beyond the filter, which an index serves). */
  keep?: (row: GroupRow) => boolean;
}

const RULES: Record<RecountKind, Rule> = {
  // 待评价: my own orders done and awaiting my rating — not one filed for someone else (代为登记), nor work I did myself (shared/orders/permissions canRate).
  toRate: {
    target: 'users',
    field: 'toRate',
    source: 'orders',
    by: ['createdBy', 'source', 'holderId'],
    where: { status: 'completed' },
    keep: (r) => (r.key.source == null || r.key.source === 'app') && r.key.holderId !== r.key.createdBy,
  },
  // 一键响应 sent to me and not yet 收到 (the inbox's 未收到 tab, overdue ones included: they can still be acknowledged).
  unacked: { target: 'users', field: 'unacked', source: 'receipts', by: ['userId'], where: { ackedAt: null } },
};

export async function applyRecounts(deps: Pick<Deps, 'store'>, effects: RecountEffect[]): Promise<void> {
  for (const kind of Object.keys(RULES) as RecountKind[]) {
    const ids = [...new Set(effects.filter((e) => e.what === kind).flatMap((e) => e.ids))];
    if (ids.length === 0) continue;
    const rule = RULES[kind];
    const key = rule.by[0]!;
    const rows = await deps.store.collection(rule.source).group({ [key]: { $in: ids }, ...rule.where }, { by: rule.by });
    const figure = new Map<string, number>(ids.map((id) => [id, 0]));
    for (const r of rows) if (!rule.keep || rule.keep(r)) figure.set(String(r.key[key]), (figure.get(String(r.key[key])) ?? 0) + r.count);
    const byFigure = new Map<number, string[]>();
    for (const [id, n] of figure) byFigure.set(n, [...(byFigure.get(n) ?? []), id]);
    await Promise.all([...byFigure].map(([n, list]) => deps.store.collection(rule.target).updateWhere({ _id: { $in: list } }, { $set: { [rule.field]: n } })));
  }
}

/**
 * People stored before their 待评价 and 一键响应 figures were kept get them once from their records: only those with a
 * figure to keep (absent reads as 0), and only where the field is still missing (a recount since holds the true figure).
 */
export const PERSONAL_COUNTS: Migration = {
  name: '个人待办计数（待评价 toRate、未确认指令 unacked）',
  async run(store: DocumentStore) {
    const want = { toRate: new Map<string, number>(), unacked: new Map<string, number>() };
    const rule = RULES.toRate;
    for (const r of await store.collection(rule.source).group(rule.where, { by: rule.by })) {
      const id = String(r.key.createdBy);
      if (rule.keep!(r)) want.toRate.set(id, (want.toRate.get(id) ?? 0) + r.count);
    }
    for await (const r of scanAll(store.collection<{ _id: string; userId: string }>('receipts'), { ackedAt: null }))
      want.unacked.set(r.userId, (want.unacked.get(r.userId) ?? 0) + 1);
    let changed = 0;
    for (const [field, figures] of Object.entries(want))
      for (const [id, n] of figures) changed += await store.collection('users').updateWhere({ _id: id, [field]: { $exists: false } }, { $set: { [field]: n } });
    return changed;
  },
};
