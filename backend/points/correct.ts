/**
 * 积分更正: community staff post a reversing entry (or a stated change) with a reason; the original is never edited.
 * Three requests: the caller and the entry in parallel, then one insert of the correction's ledger row carrying the
 * totals, the audit record and the member's message as effects (backend/records: applied after the answer, once).
 */
import { createHash } from 'node:crypto';
import { AppError, invalid } from '../../shared/errors';
import { isPointsStaffAt } from '../../shared/points/permissions';
import type { CorrectInput, CorrectionView } from '../../shared/points/schemas';
import { POINT_REASONS } from '../../shared/points/schemas';
import type { PendingRef } from '../records/effects';
import { audited, notice } from '../records/make';
import { withEffects } from '../records/move';
import { readOnce } from '../runtime/prefetch';
import type { Ctx, Prefetch } from '../runtime/types';
import { DuplicateKeyError } from '../store/port';
import type { CreditEntry } from './ledger';
import { ledgerId } from './ledger';
import type { LedgerDoc } from './repo';
import { ledger, totals } from './repo';
import { totalId } from './totals';

/** The entry to correct is read beside the caller. */
export const theEntry = (input: { entryId: string }): Prefetch => ({ docs: [{ collection: 'points_ledger', id: input.entryId }] });

/** Where the entry was placed; an entry written before placements were recorded on it falls back to the member's total (one more read). */
async function whereWritten(ctx: Ctx, entry: LedgerDoc): Promise<Pick<LedgerDoc, 'communityId' | 'path'>> {
  if (entry.path) return { communityId: entry.communityId ?? null, path: entry.path };
  const total = await totals(ctx.store).get(totalId(entry.memberId, entry.year));
  return { communityId: total?.communityId ?? null, path: total?.path ?? null };
}

export async function correctEntry(ctx: Ctx, input: CorrectInput): Promise<CorrectionView> {
  const entry = await readOnce<LedgerDoc>(ctx, 'points_ledger', input.entryId);
  if (!entry) throw new AppError('NOT_FOUND', '积分记录不存在');
  const placed = await whereWritten(ctx, entry);
  if (!placed.path || !isPointsStaffAt(ctx.actor, placed.path)) throw new AppError('FORBIDDEN', '只有该党员所在社区的工作人员可以更正积分');
  if (entry.memberId === ctx.actor.userId) throw new AppError('FORBIDDEN', '不能更正自己的积分');
  if (entry.reason === 'correction') throw invalid('entryId', '更正记录不能再更正，请更正原始记录');

  const reversal = input.delta === undefined;
  const delta = input.delta ?? -entry.delta;
  // Derived ids: a full reversal happens once; a stated change is the same change only with the same delta and reason.
  const sourceType = reversal ? 'reversal' : 'adjust';
  const sourceId = reversal ? entry._id : `${entry._id}~${createHash('sha1').update(`${delta}|${input.reason}`).digest('hex').slice(0, 12)}`;
  const note = `更正「${POINT_REASONS[entry.reason]}」${reversal ? '（冲正）' : ''}：${input.reason}`;
  const credit = reversal ? -(entry.credit ?? 1) : 0;
  const id = ledgerId('correction', sourceType, sourceId);
  const row: LedgerDoc = {
    _id: id,
    memberId: entry.memberId,
    delta,
    reason: 'correction',
    note,
    sourceType,
    sourceId,
    year: entry.year,
    at: ctx.now(),
    // The correction belongs where the entry it corrects was written (the total it lands on may have moved since).
    communityId: placed.communityId ?? null,
    path: placed.path,
    actorId: ctx.actor.userId,
    corrects: entry._id,
    credit,
    marked: true,
  };
  const credited: CreditEntry = { memberId: row.memberId, delta, reason: 'correction', note, sourceType, sourceId, year: row.year, carried: { credit } };
  const effects = [
    { type: 'credit' as const, entry: credited },
    audited(ctx, { action: 'points.correct', targetType: 'points_entry', targetId: entry._id, areaPath: placed.path, detail: { correction: id, delta, reason: input.reason } }),
    notice(ctx, { to: [{ userId: entry.memberId }], kind: 'pointsCorrected', body: `${delta > 0 ? '+' : ''}${delta} 分：${input.reason}` }),
  ];
  // Named for the client's drain only by the call that wrote it: a double tap's second drain of the same row would
  // overlap the first's, and a drain that read the row before another cleared it applies its roll-ups again.
  const written: PendingRef[] = [];
  try {
    await ledger(ctx.store).insert(withEffects({ store: ctx.store, now: ctx.now, pending: written }, 'points_ledger', row, effects));
    ctx.pending?.push(...written);
  } catch (e) {
    // The same reversal (or the same stated change) again — a retry, a double tap: it stands as written the first time.
    if (!(e instanceof DuplicateKeyError)) throw e;
  }
  return { id, delta };
}
