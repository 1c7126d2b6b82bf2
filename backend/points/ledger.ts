/**
 * 积分 ledger: append-only entries whose id comes from their source and reason, so a retry or a replay can
 * never credit twice. Nothing here edits or deletes an entry; corrections are entries of their own.
 */
import type { PointReason } from '../../shared/points/schemas';
import type { Deps } from '../runtime/types';
import type { LedgerDoc } from './repo';
import { ledger } from './repo';
import { shanghaiYear } from '../../shared/time';
import { applyDelta, totalOrPlacement } from './totals';

export type { LedgerDoc, TotalDoc } from './repo';
export { ledger, totals } from './repo';
/** Other domains read the period from here; it is the Shanghai calendar year of shared/time. */
export { shanghaiYear } from '../../shared/time';

export function ledgerId(reason: PointReason, sourceType: string, sourceId: string): string {
  return `${reason}:${sourceType}:${sourceId}`;
}

export interface CreditEntry {
  memberId: string;
  delta: number;
  reason: PointReason;
  note: string;
  sourceType: string;
  sourceId: string;
  /** The period it counts for; defaults to the current Shanghai year (a declared service counts in its own year). */
  year?: number;
  /**
   * Set when the ledger row itself carries this credit (a correction is inserted with its effects, correct.ts): the row
   * exists with these figures and this served-count change, so only the totals and roll-ups are left to add.
   */
  carried?: { credit: number };
}

/** Extra fields a correction carries. */
export interface CreditExtra {
  actorId?: string;
  corrects?: string;
  /** Served-count change: +1 for an ordinary credit, -1 for a full reversal, 0 for an adjustment. */
  credit?: number;
}

/** Credits once per (reason, source); returns false when this credit was already made. */
export async function creditPoints(deps: Deps, entry: CreditEntry, extra: CreditExtra = {}): Promise<boolean> {
  const at = deps.now();
  const year = entry.year ?? shanghaiYear(at);
  if (entry.carried) {
    // Guarded by the row's id like any credit: applied again after a crash (or by the next drain), it adds once.
    await applyDelta(deps, entry.memberId, year, entry.delta, entry.carried.credit, undefined, ledgerId(entry.reason, entry.sourceType, entry.sourceId));
    return true;
  }
  const credit = extra.credit ?? (entry.reason === 'correction' ? 0 : 1);
  const known = await totalOrPlacement(deps, entry.memberId, year);
  const { stamp } = known;
  const row: LedgerDoc = {
    _id: ledgerId(entry.reason, entry.sourceType, entry.sourceId),
    memberId: entry.memberId,
    delta: entry.delta,
    reason: entry.reason,
    note: entry.note,
    sourceType: entry.sourceType,
    sourceId: entry.sourceId,
    year,
    at,
    communityId: stamp.communityId,
    path: stamp.path,
    ...extra,
    credit,
    marked: true,
  };
  // The totals and roll-ups carry this entry's id as a marker, so applying it again (after a crash between the
  // writes, or by a drain running twice) adds nothing. Entries from before the markers were applied in full.
  if (await ledger(deps.store).insertIfAbsent(row)) {
    await applyDelta(deps, entry.memberId, year, entry.delta, credit, known, row._id);
    return true;
  }
  // Already written: finish applying what was stored (a replay's own figures may differ and never count).
  const stored = await ledger(deps.store).get(row._id);
  if (stored?.marked)
    await applyDelta(
      deps,
      stored.memberId,
      stored.year,
      stored.delta,
      stored.credit ?? 0,
      stored.year === year && stored.memberId === entry.memberId ? known : undefined,
      stored._id,
    );
  return false;
}
