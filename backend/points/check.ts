/**
 * Recomputes every kept total from its source and lists where they disagree: member totals (and served
 * counts) from the ledger, organisation and grid roll-ups from the member totals. Used by
 * `npm run check:points` and by the concurrency tests. A full scan by design: it is the audit, not a view.
 */
import type { DocumentStore } from '../store/port';
import { ledger, rollups, totals } from './repo';

export interface Difference {
  kind: 'member' | 'org' | 'grid';
  id: string;
  year: number;
  field: 'total' | 'credits' | 'members';
  kept: number;
  recomputed: number;
}

export interface CheckResult {
  ok: boolean;
  entries: number;
  members: number;
  rollups: number;
  differences: Difference[];
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

export async function checkTotals(store: DocumentStore): Promise<CheckResult> {
  const differences: Difference[] = [];
  const diff = (kind: Difference['kind'], id: string, year: number, field: Difference['field'], kept: number, recomputed: number) => {
    if (kept !== recomputed) differences.push({ kind, id, year, field, kept, recomputed });
  };

  const fromLedger = await ledger(store).group({}, { by: ['memberId', 'year'], sum: ['delta', 'credit'] });
  const kept = await totals(store).find({});
  const keptById = new Map(kept.map((t) => [`${t.memberId}:${t.year}`, t]));
  let entries = 0;
  for (const row of fromLedger) {
    entries += row.count;
    const memberId = String(row.key.memberId);
    const year = num(row.key.year);
    const t = keptById.get(`${memberId}:${year}`);
    keptById.delete(`${memberId}:${year}`);
    diff('member', memberId, year, 'total', t?.total ?? 0, num(row.sums.delta));
    diff('member', memberId, year, 'credits', t?.credits ?? 0, num(row.sums.credit));
  }
  // Totals with no entries at all (placed members) must be zero.
  for (const t of keptById.values()) {
    diff('member', t.memberId, t.year, 'total', t.total, 0);
    diff('member', t.memberId, t.year, 'credits', t.credits, 0);
  }

  const expected = new Map<string, { total: number; members: number }>();
  for (const t of kept) {
    for (const [kind, ref] of [
      ['org', t.orgId],
      ['grid', t.gridId],
    ] as const) {
      if (!ref) continue;
      const key = `${kind}:${ref}:${t.year}`;
      const e = expected.get(key) ?? { total: 0, members: 0 };
      e.total += t.total;
      e.members += 1;
      expected.set(key, e);
    }
  }
  const rolled = await rollups(store).find({});
  for (const r of rolled) {
    const e = expected.get(r._id) ?? { total: 0, members: 0 };
    expected.delete(r._id);
    diff(r.kind, r.refId, r.year, 'total', r.total, e.total);
    diff(r.kind, r.refId, r.year, 'members', r.members, e.members);
  }
  for (const [key, e] of expected) {
    const [kind, ref, year] = key.split(':') as ['org' | 'grid', string, string];
    diff(kind, ref, Number(year), 'total', 0, e.total);
    diff(kind, ref, Number(year), 'members', 0, e.members);
  }
  return { ok: differences.length === 0, entries, members: kept.length, rollups: rolled.length, differences };
}
