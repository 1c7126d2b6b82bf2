/** 审核双报到: the community's staff (or the street) approve — issuing the 报到证 number and the member role — or reject with a reason. */
import { AppError } from '../../shared/errors';
import { REGISTRATION_STATUS_NAMES, certNumber } from '../../shared/members/model';
import { canDecideAt, canViewAt, isOwnRegistration } from '../../shared/members/permissions';
import type { Decided, RegistrationIdInput, RejectRegistrationInput } from '../../shared/members/schemas';
import { endPostsIn } from '../activities/posts';
import { withdrawSignupsIn } from '../activities/signup';
import { recordAudit } from '../audit/record';
import { requireArea } from '../areas/repo';
import { notify } from '../notifications/outbox';
import { shanghaiYear } from '../points/ledger';
import { syncPlacement } from '../points/placement';
import type { Ctx } from '../runtime/types';
import { applyMembership } from './membership';
import type { RegistrationDoc } from './repo';
import { memberCounters, registrations } from './repo';

/** A pending application the actor may decide; others see NOT_FOUND (outside their subtree) or FORBIDDEN. */
async function requirePending(ctx: Ctx, registrationId: string): Promise<RegistrationDoc> {
  const doc = await registrations(ctx.store).get(registrationId);
  if (!doc || !canViewAt(ctx.actor, doc.path)) throw new AppError('NOT_FOUND', '报到申请不存在或不在您负责的区域');
  if (!canDecideAt(ctx.actor, doc.path)) throw new AppError('FORBIDDEN', '只有本社区工作人员或街道可以审核双报到');
  if (isOwnRegistration(ctx.actor, doc)) throw new AppError('FORBIDDEN', '不能审核自己的申请，请由其他工作人员或街道审核');
  if (doc.status !== 'pending') throw new AppError('CONFLICT', `该申请当前为「${REGISTRATION_STATUS_NAMES[doc.status]}」，不能重复审核`);
  return doc;
}

/**
 * The next 报到证 sequence number of a year: compare-and-set on one counter document, so two
 * approvals never get the same number. A racing approval that loses its registration afterwards
 * leaves a gap in the numbers, never a duplicate.
 */
async function nextCertSeq(ctx: Ctx, year: number): Promise<number> {
  const id = `cert:${year}`;
  const counters = memberCounters(ctx.store);
  for (let attempt = 0; attempt < 50; attempt++) {
    const current = await counters.get(id);
    if (!current) {
      if (await counters.insertIfAbsent({ _id: id, seq: 1 })) return 1;
      continue;
    }
    if ((await counters.updateWhere({ _id: id, seq: current.seq }, { $set: { seq: current.seq + 1 } })) === 1) return current.seq + 1;
  }
  throw new AppError('CONFLICT', '审核的人太多了，请稍后重试');
}

/** Moved on from `pending` by a conditional write: exactly one of two racing decisions wins. */
async function decide(ctx: Ctx, doc: RegistrationDoc, set: Partial<RegistrationDoc>): Promise<void> {
  const matched = await registrations(ctx.store).updateWhere({ _id: doc._id, status: 'pending' }, { $set: { ...set, decidedAt: ctx.now(), decidedBy: ctx.actor.userId } });
  if (matched !== 1) throw new AppError('CONFLICT', '该申请刚被其他工作人员审核，请刷新后查看');
}

export async function approveRegistration(ctx: Ctx, input: RegistrationIdInput): Promise<Decided> {
  const doc = await requirePending(ctx, input.registrationId);
  const community = await requireArea(ctx.store, doc.communityId, '社区');
  const old = doc.transferOf ? await registrations(ctx.store).get(doc.transferOf) : null;
  const leaving = old && old.status === 'approved' ? { doc: old, community: await requireArea(ctx.store, old.communityId, '原社区') } : null;
  const certNo = certNumber(shanghaiYear(ctx.now()), await nextCertSeq(ctx, shanghaiYear(ctx.now())));
  await decide(ctx, doc, { status: 'approved', certNo, reason: null });
  if (leaving) {
    // The old registration ends only now, so a rejected transfer leaves the member where they were.
    await registrations(ctx.store).updateWhere({ _id: leaving.doc._id, status: 'approved' }, { $set: { status: 'ended', endedAt: ctx.now(), movedTo: doc._id } });
  }
  await applyMembership(ctx, doc, community, leaving);
  // Posts and upcoming activities of the community left behind end with the membership there.
  const left = leaving
    ? { posts: await endPostsIn(ctx, doc.memberId, leaving.community.path), signups: await withdrawSignupsIn(ctx, doc.memberId, leaving.community.path) }
    : null;
  await syncPlacement(ctx, doc.memberId);
  await recordAudit(ctx, {
    action: 'members.approve',
    targetType: 'registration',
    targetId: doc._id,
    areaPath: doc.path,
    detail: { name: doc.name, certNo, memberId: doc.memberId, endedRegistration: leaving?.doc._id ?? null, ...(left ? { endedPosts: left.posts, withdrawnSignups: left.signups } : {}) },
  });
  await notify(ctx, { to: [{ userId: doc.memberId }], kind: 'registrationApproved', body: `您已在${community.name}完成双报到，报到证编号 ${certNo}` });
  return { id: doc._id, status: 'approved', certNo };
}

export async function rejectRegistration(ctx: Ctx, input: RejectRegistrationInput): Promise<Decided> {
  const doc = await requirePending(ctx, input.registrationId);
  await decide(ctx, doc, { status: 'rejected', reason: input.reason });
  await recordAudit(ctx, {
    action: 'members.reject',
    targetType: 'registration',
    targetId: doc._id,
    areaPath: doc.path,
    detail: { name: doc.name, reason: input.reason, memberId: doc.memberId },
  });
  await notify(ctx, { to: [{ userId: doc.memberId }], kind: 'registrationRejected', body: `您的双报到申请未通过：${input.reason}` });
  return { id: doc._id, status: 'rejected', certNo: null };
}
