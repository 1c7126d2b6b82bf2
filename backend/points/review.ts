/**
 * 召集人汇总 and 社区核实: the grid leader forwards a batch or sends one back; community staff verify (credit)
 * or reject. Each step is a conditional update on the status it starts from, audited, and tells the next person.
 */
import { AppError } from '../../shared/errors';
import { DECLARATION_STATUSES, canStepFrom, declaredPoints } from '../../shared/points/model';
import type { DeclarationStep } from '../../shared/points/model';
import { canForwardDeclaration, canVerifyDeclaration } from '../../shared/points/permissions';
import type { BatchResult, DeclarationMove, ForwardInput, RejectDeclarationInput, SendBackInput, VerifyInput } from '../../shared/points/schemas';
import { recordAudit } from '../audit/record';
import { notify } from '../notifications/outbox';
import { entry } from '../orders/transition';
import { newId } from '../runtime/ids';
import type { Ctx } from '../runtime/types';
import type { Patch } from '../store/port';
import { creditPoints } from './ledger';
import type { DeclarationDoc } from './repo';
import { declarations } from './repo';
import { pointsRules } from './rules';

async function requireDeclaration(ctx: Ctx, id: string, may: (d: DeclarationDoc) => boolean, forbidden: string): Promise<DeclarationDoc> {
  const doc = await declarations(ctx.store).get(id);
  if (!doc) throw new AppError('NOT_FOUND', '申报不存在');
  if (doc.memberId === ctx.actor.userId) throw new AppError('FORBIDDEN', '不能处理自己的申报');
  if (!may(doc)) throw new AppError('FORBIDDEN', forbidden);
  return doc;
}

function conflict(doc: DeclarationDoc): AppError {
  return new AppError('CONFLICT', `这条申报当前为「${DECLARATION_STATUSES[doc.status]}」，请刷新后再看`);
}

/** Moves one declaration from the status its step starts from; false when someone moved it first. */
async function moveDeclaration(ctx: Ctx, doc: DeclarationDoc, action: DeclarationStep, set: Record<string, unknown>, label: string, note?: string): Promise<boolean> {
  if (!canStepFrom(action, doc.status)) return false;
  const patch: Patch = { $set: { ...set, updatedAt: ctx.now() }, $push: { timeline: entry(ctx, action === 'verify' || action === 'reject' ? '社区' : '网格长', label, note) } };
  return (await declarations(ctx.store).updateWhere({ _id: doc._id, status: doc.status }, patch)) === 1;
}

const LEADER_ONLY = '只有该党员所在网格的网格长可以汇总';
const STAFF_ONLY = '只有该党员所在社区的工作人员可以核实';

/** 召集人汇总: all-or-nothing authorisation first (nothing is written if any one is not the leader's), then each moves. */
export async function forwardDeclarations(ctx: Ctx, input: ForwardInput): Promise<BatchResult> {
  const ids = [...new Set(input.declarationIds)];
  const docs = await declarations(ctx.store).find({ _id: { $in: ids } });
  const byId = new Map(docs.map((d) => [d._id, d]));
  for (const id of ids) {
    const doc = byId.get(id);
    if (!doc) throw new AppError('NOT_FOUND', '申报不存在');
    if (doc.memberId === ctx.actor.userId) throw new AppError('FORBIDDEN', '不能汇总自己的申报', { declarationIds: '不能汇总自己的申报' });
    if (!canForwardDeclaration(ctx.actor, doc)) throw new AppError('FORBIDDEN', `${LEADER_ONLY}：${doc.memberName}的申报不在您的网格`, { declarationIds: LEADER_ONLY });
    if (!canStepFrom('forward', doc.status)) throw conflict(doc);
  }
  const batchId = newId('pb', ctx.now());
  const forwarded: string[] = [];
  const skipped: string[] = [];
  for (const doc of docs) {
    const moved = await moveDeclaration(ctx, doc, 'forward', { status: 'forwarded', batchId }, '汇总上报社区', input.note);
    (moved ? forwarded : skipped).push(doc._id);
  }
  const first = docs[0];
  if (first && forwarded.length) {
    await recordAudit(ctx, { action: 'points.forward', targetType: 'points_batch', targetId: batchId, areaPath: first.gridPath ?? first.path, detail: { declarations: forwarded, note: input.note ?? null } });
    const communities = [...new Set(docs.filter((d) => forwarded.includes(d._id)).map((d) => d.communityId))];
    await notify(ctx, { to: communities.map((areaId) => ({ areaId })), kind: 'pointsForwarded', body: `${ctx.actor.name}汇总上报 ${forwarded.length} 条积分申报，请核实` });
  }
  return { forwarded, skipped };
}

/** 退回: the grid leader sends one back to the member with a reason. */
export async function sendBackDeclaration(ctx: Ctx, input: SendBackInput): Promise<DeclarationMove> {
  const doc = await requireDeclaration(ctx, input.declarationId, (d) => canForwardDeclaration(ctx.actor, d), LEADER_ONLY);
  if (!(await moveDeclaration(ctx, doc, 'sendBack', { status: 'returned', reason: input.reason }, '退回申报', input.reason))) throw conflict(doc);
  await recordAudit(ctx, { action: 'points.sendBack', targetType: 'points_declaration', targetId: doc._id, areaPath: doc.path, detail: { reason: input.reason } });
  await notify(ctx, { to: [{ userId: doc.memberId }], kind: 'pointsReturned', body: `${doc.date} 的服务申报被退回：${input.reason}` });
  return { id: doc._id, status: 'returned' };
}

/** 社区核实: verified → credited at the points the verifier confirms (default hours × the per-hour rule). Safe to retry. */
export async function verifyDeclaration(ctx: Ctx, input: VerifyInput): Promise<DeclarationMove & { points: number }> {
  const doc = await requireDeclaration(ctx, input.declarationId, (d) => canVerifyDeclaration(ctx.actor, d), STAFF_ONLY);
  let points = doc.points ?? 0;
  if (doc.status !== 'verified') {
    points = input.points ?? declaredPoints(doc.hours, (await pointsRules(ctx, doc.communityId)).activityPerHour);
    if (!(await moveDeclaration(ctx, doc, 'verify', { status: 'verified', points }, `核实通过，记 ${points} 分`, input.note))) throw conflict(doc);
    await recordAudit(ctx, { action: 'points.verify', targetType: 'points_declaration', targetId: doc._id, areaPath: doc.path, detail: { points, hours: doc.hours } });
  }
  // After the status is won; a retry after a crash here credits it then, and never twice (the id is the declaration's).
  const credited = await creditPoints(ctx, {
    memberId: doc.memberId,
    delta: points,
    reason: 'declared_service',
    note: `${doc.date} 服务 ${doc.hours} 小时：${doc.description.slice(0, 40)}`,
    sourceType: 'declaration',
    sourceId: doc._id,
    year: doc.year,
  });
  if (credited) await notify(ctx, { to: [{ userId: doc.memberId }], kind: 'pointsVerified', body: `${doc.date} 的服务已核实，记 ${points} 分` });
  return { id: doc._id, status: 'verified', points };
}

export async function rejectDeclaration(ctx: Ctx, input: RejectDeclarationInput): Promise<DeclarationMove> {
  const doc = await requireDeclaration(ctx, input.declarationId, (d) => canVerifyDeclaration(ctx.actor, d), STAFF_ONLY);
  if (!(await moveDeclaration(ctx, doc, 'reject', { status: 'rejected', reason: input.reason }, '核实未通过', input.reason))) throw conflict(doc);
  await recordAudit(ctx, { action: 'points.reject', targetType: 'points_declaration', targetId: doc._id, areaPath: doc.path, detail: { reason: input.reason } });
  await notify(ctx, { to: [{ userId: doc.memberId }], kind: 'pointsRejected', body: `${doc.date} 的服务申报未通过核实：${input.reason}` });
  return { id: doc._id, status: 'rejected' };
}
