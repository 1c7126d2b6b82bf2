/** 积分更正: community staff post a reversing entry (or a stated change) with a reason; the original is never edited. */
import { createHash } from 'node:crypto';
import { AppError, invalid } from '../../shared/errors';
import { isPointsStaffAt } from '../../shared/points/permissions';
import type { CorrectInput, CorrectionView } from '../../shared/points/schemas';
import { POINT_REASONS } from '../../shared/points/schemas';
import { recordAudit } from '../audit/record';
import { notify } from '../notifications/outbox';
import type { Ctx } from '../runtime/types';
import { creditPoints, ledgerId } from './ledger';
import { ledger, totals } from './repo';
import { totalId } from './totals';

export async function correctEntry(ctx: Ctx, input: CorrectInput): Promise<CorrectionView> {
  const entry = await ledger(ctx.store).get(input.entryId);
  if (!entry) throw new AppError('NOT_FOUND', '积分记录不存在');
  const total = await totals(ctx.store).get(totalId(entry.memberId, entry.year));
  const path = total?.path ?? entry.path ?? null;
  if (!path || !isPointsStaffAt(ctx.actor, path)) throw new AppError('FORBIDDEN', '只有该党员所在社区的工作人员可以更正积分');
  if (entry.memberId === ctx.actor.userId) throw new AppError('FORBIDDEN', '不能更正自己的积分');
  if (entry.reason === 'correction') throw invalid('entryId', '更正记录不能再更正，请更正原始记录');

  const reversal = input.delta === undefined;
  const delta = input.delta ?? -entry.delta;
  // Derived ids: a full reversal happens once; a stated change is the same change only with the same delta and reason.
  const sourceType = reversal ? 'reversal' : 'adjust';
  const sourceId = reversal ? entry._id : `${entry._id}~${createHash('sha1').update(`${delta}|${input.reason}`).digest('hex').slice(0, 12)}`;
  const note = `更正「${POINT_REASONS[entry.reason]}」${reversal ? '（冲正）' : ''}：${input.reason}`;
  const credited = await creditPoints(
    ctx,
    { memberId: entry.memberId, delta, reason: 'correction', note, sourceType, sourceId, year: entry.year },
    { actorId: ctx.actor.userId, corrects: entry._id, credit: reversal ? -(entry.credit ?? 1) : 0 },
  );
  const id = ledgerId('correction', sourceType, sourceId);
  if (credited) {
    await recordAudit(ctx, { action: 'points.correct', targetType: 'points_entry', targetId: entry._id, areaPath: path, detail: { correction: id, delta, reason: input.reason } });
    await notify(ctx, { to: [{ userId: entry.memberId }], kind: 'pointsCorrected', body: `${delta > 0 ? '+' : ''}${delta} 分：${input.reason}` });
  }
  const after = await totals(ctx.store).get(totalId(entry.memberId, entry.year));
  return { id, delta, total: after?.total ?? 0 };
}
