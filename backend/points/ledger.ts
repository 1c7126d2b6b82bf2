/**
 * 积分 ledger: append-only entries whose id comes from their source and reason, so a retry or a
 * replay can never credit twice; yearly totals are kept on write (issue 4 adds the recompute check).
 */
import type { PointReason } from '../../shared/points/schemas';
import type { Deps } from '../runtime/types';
import type { Collection, DocumentStore } from '../store/port';

export interface LedgerDoc {
  _id: string;
  memberId: string;
  delta: number;
  reason: PointReason;
  note: string;
  sourceType: string;
  sourceId: string;
  year: number;
  at: number;
}

export interface TotalDoc {
  _id: string;
  memberId: string;
  year: number;
  total: number;
}

export const ledger = (store: DocumentStore): Collection<LedgerDoc> => store.collection<LedgerDoc>('points_ledger');
export const totals = (store: DocumentStore): Collection<TotalDoc> => store.collection<TotalDoc>('points_totals');

export function ledgerId(reason: PointReason, sourceType: string, sourceId: string): string {
  return `${reason}:${sourceType}:${sourceId}`;
}

/** Shanghai calendar year of an instant (UTC+8, no daylight saving). */
export function shanghaiYear(at: number): number {
  return new Date(at + 8 * 3600 * 1000).getUTCFullYear();
}

/** Credits once per (reason, source); returns false when this credit was already made. */
export async function creditPoints(
  deps: Deps,
  entry: { memberId: string; delta: number; reason: PointReason; note: string; sourceType: string; sourceId: string },
): Promise<boolean> {
  const at = deps.now();
  const year = shanghaiYear(at);
  const inserted = await ledger(deps.store).insertIfAbsent({ _id: ledgerId(entry.reason, entry.sourceType, entry.sourceId), ...entry, year, at });
  if (!inserted) return false;
  const totalId = `${entry.memberId}:${year}`;
  const bumped = await totals(deps.store).updateWhere({ _id: totalId }, { $inc: { total: entry.delta } });
  if (bumped === 0 && !(await totals(deps.store).insertIfAbsent({ _id: totalId, memberId: entry.memberId, year, total: entry.delta }))) {
    // Someone created the total between our two writes: add to it instead.
    await totals(deps.store).updateWhere({ _id: totalId }, { $inc: { total: entry.delta } });
  }
  return true;
}
