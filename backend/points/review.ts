/**
 * 召集人汇总 and 社区核实: the grid leader forwards a batch or sends one back; community staff verify (credit) or
 * reject. Each is one conditional update on the status it starts from, carrying its audit record, the next
 * person's message and the points (backend/records: applied after the answer, once).
 */
import { AppError } from '../../shared/errors';
import { DECLARATION_MACHINE } from '../../shared/points/machine';
import { canStepFrom, declaredPoints } from '../../shared/points/model';
import { canForwardDeclaration, canVerifyDeclaration } from '../../shared/points/permissions';
import type { BatchResult, DeclarationMove, ForwardInput, RejectDeclarationInput, SendBackInput, VerifyInput } from '../../shared/points/schemas';
import { audited, notice } from '../records/make';
import { moveRecords, remember } from '../records/move';
import { newId } from '../runtime/ids';
import type { Ctx } from '../runtime/types';
import type { DeclarationDoc } from './repo';
import { declarations } from './repo';
import { keptPointsRules } from './rules';
import { conflict, moveDeclaration, requireDeclaration, stepOf } from './transition';

const LEADER_ONLY = '只有该党员所在网格的网格长可以汇总';
const STAFF_ONLY = '只有该党员所在社区的工作人员可以核实';

/** 召集人汇总 of the batch read: all-or-nothing authorisation, then one conditional update moves them all. */
function checkBatch(ctx: Ctx, ids: string[], docs: DeclarationDoc[]): void {
  const byId = new Map(docs.map((d) => [d._id, d]));
  for (const id of ids) {
    const doc = byId.get(id);
    if (!doc) throw new AppError('NOT_FOUND', '申报不存在');
    if (doc.memberId === ctx.actor.userId) throw new AppError('FORBIDDEN', '不能汇总自己的申报', { declarationIds: '不能汇总自己的申报' });
    if (!canForwardDeclaration(ctx.actor, doc)) throw new AppError('FORBIDDEN', `${LEADER_ONLY}：${doc.memberName}的申报不在您的网格`, { declarationIds: LEADER_ONLY });
    if (!canStepFrom('forward', doc.status)) throw conflict(doc);
  }
}

/**
 * 召集人汇总: three requests (the caller, the batch, the move) however many it holds. The audit record and the
 * community's message ride on the move and name the batch as asked. When someone decided one of them in the
 * instant between our read and our write, the move leaves it as it is and it is answered as skipped (one more read
 * tells which; the records' batchId says which were forwarded).
 */
export async function forwardDeclarations(ctx: Ctx, input: ForwardInput): Promise<BatchResult> {
  const ids = [...new Set(input.declarationIds)];
  const docs = await declarations(ctx.store).find({ _id: { $in: ids } });
  checkBatch(ctx, ids, docs);
  const batchId = newId('pb', ctx.now());
  const first = docs[0]!;
  const communities = [...new Set(docs.map((d) => d.communityId))];
  const { moved, batch } = await moveRecords(ctx, {
    collection: 'points_declarations',
    ids,
    records: docs,
    from: 'declared',
    to: DECLARATION_MACHINE.transitions.forward.to,
    entry: stepOf(ctx, '网格长', 'forward', undefined, input.note),
    set: { batchId, updatedAt: ctx.now() },
    effects: [
      audited(ctx, {
        action: 'points.forward',
        targetType: 'points_batch',
        targetId: batchId,
        areaPath: first.gridPath ?? first.path,
        detail: { declarations: ids, note: input.note ?? null },
      }),
      notice(ctx, { to: communities.map((areaId) => ({ areaId })), kind: 'pointsForwarded', body: `${ctx.actor.name}汇总上报 ${ids.length} 条积分申报，请核实` }),
    ],
  });
  if (moved === ids.length) return { forwarded: ids, skipped: [] };
  const now = await declarations(ctx.store).find({ _id: { $in: ids } });
  const forwarded = now.filter((d) => d.batchId === batchId).map((d) => d._id);
  if (forwarded[0]) remember(ctx, 'points_declarations', forwarded[0], batch);
  return { forwarded: ids.filter((id) => forwarded.includes(id)), skipped: ids.filter((id) => !forwarded.includes(id)) };
}

/** 退回: the grid leader sends one back to the member with a reason. */
export async function sendBackDeclaration(ctx: Ctx, input: SendBackInput): Promise<DeclarationMove> {
  const doc = await requireDeclaration(ctx, input.declarationId, (d) => canForwardDeclaration(ctx.actor, d), LEADER_ONLY);
  const status = await moveDeclaration(ctx, doc, 'sendBack', {
    role: '网格长',
    note: input.reason,
    set: { reason: input.reason },
    detail: { reason: input.reason },
    effects: [notice(ctx, { to: [{ userId: doc.memberId }], kind: 'pointsReturned', body: `${doc.date} 的服务申报被退回：${input.reason}` })],
  });
  return { id: doc._id, status };
}

/**
 * 社区核实: verified and credited at the points the verifier confirms (default hours × the per-hour rule, as this
 * instance keeps the rules). The credit rides on the move and is applied once by its ledger id; asking again
 * answers what was verified.
 */
export async function verifyDeclaration(ctx: Ctx, input: VerifyInput): Promise<DeclarationMove & { points: number }> {
  const doc = await requireDeclaration(ctx, input.declarationId, (d) => canVerifyDeclaration(ctx.actor, d), STAFF_ONLY);
  if (doc.status === 'verified') return { id: doc._id, status: 'verified', points: doc.points ?? 0 };
  const points = input.points ?? declaredPoints(doc.hours, (await keptPointsRules(ctx, doc.communityId)).activityPerHour);
  const entry = {
    memberId: doc.memberId,
    delta: points,
    reason: 'declared_service' as const,
    note: `${doc.date} 服务 ${doc.hours} 小时：${doc.description.slice(0, 40)}`,
    sourceType: 'declaration',
    sourceId: doc._id,
    year: doc.year,
  };
  const status = await moveDeclaration(ctx, doc, 'verify', {
    role: '社区',
    data: { points },
    note: input.note,
    set: { points },
    detail: { points, hours: doc.hours },
    effects: [{ type: 'credit', entry }, notice(ctx, { to: [{ userId: doc.memberId }], kind: 'pointsVerified', body: `${doc.date} 的服务已核实，记 ${points} 分` })],
  });
  return { id: doc._id, status, points };
}

export async function rejectDeclaration(ctx: Ctx, input: RejectDeclarationInput): Promise<DeclarationMove> {
  const doc = await requireDeclaration(ctx, input.declarationId, (d) => canVerifyDeclaration(ctx.actor, d), STAFF_ONLY);
  const status = await moveDeclaration(ctx, doc, 'reject', {
    role: '社区',
    note: input.reason,
    set: { reason: input.reason },
    detail: { reason: input.reason },
    effects: [notice(ctx, { to: [{ userId: doc.memberId }], kind: 'pointsRejected', body: `${doc.date} 的服务申报未通过核实：${input.reason}` })],
  });
  return { id: doc._id, status };
}
