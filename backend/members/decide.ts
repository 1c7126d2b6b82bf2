/**
 * 审核双报到: the community's staff (or the street) approve — issuing the 报到证 number — or reject with a reason.
 * Each decision is one conditional update from `pending` carrying its audit record and the applicant's message; an
 * approval also carries what it changes on the person (the member role, home and skills, the old stint of a
 * transfer, the points placement: backend/members/membership.ts), applied right after the answer.
 */
import { AppError } from '../../shared/errors';
import { REGISTRATION_MACHINE } from '../../shared/members/machine';
import type { RegistrationMove } from '../../shared/members/machine';
import { REGISTRATION_STATUS_NAMES, certNumber } from '../../shared/members/model';
import { canDecideAt, canViewAt, isOwnRegistration } from '../../shared/members/permissions';
import type { Decided, RegistrationIdInput, RejectRegistrationInput } from '../../shared/members/schemas';
import { shanghaiYear } from '../../shared/time';
import { keptPathOf } from '../areas/repo';
import type { Effect } from '../records/effects';
import { audited, notice } from '../records/make';
import { moveRecord } from '../records/move';
import { readOnce } from '../runtime/prefetch';
import type { Ctx, Prefetch } from '../runtime/types';
import { nextCertSeq } from './certs';
import type { RegistrationDoc } from './repo';

/** Decisions name their registration: the handler reads it beside the caller. */
export const theRegistration = (input: { registrationId: string }): Prefetch => ({ docs: [{ collection: 'registrations', id: input.registrationId }] });

/** A pending application the actor may decide; others see NOT_FOUND (outside their subtree) or FORBIDDEN. */
async function requirePending(ctx: Ctx, registrationId: string): Promise<RegistrationDoc> {
  const doc = await readOnce<RegistrationDoc>(ctx, 'registrations', registrationId);
  if (!doc || !canViewAt(ctx.actor, doc.path)) throw new AppError('NOT_FOUND', '报到申请不存在或不在您负责的区域');
  if (!canDecideAt(ctx.actor, doc.path)) throw new AppError('FORBIDDEN', '只有本社区工作人员或街道可以审核双报到');
  if (isOwnRegistration(ctx.actor, doc)) throw new AppError('FORBIDDEN', '不能审核自己的申请，请由其他工作人员或街道审核');
  if (doc.status !== 'pending') throw new AppError('CONFLICT', `该申请当前为「${REGISTRATION_STATUS_NAMES[doc.status]}」，不能重复审核`);
  return doc;
}

/** Moved on from `pending` by one conditional write: exactly one of two racing decisions wins. */
async function decide(ctx: Ctx, doc: RegistrationDoc, move: RegistrationMove, set: Partial<RegistrationDoc>, detail: Record<string, unknown>, effects: Effect[]): Promise<void> {
  await moveRecord(ctx, {
    collection: 'registrations',
    record: doc,
    to: REGISTRATION_MACHINE.transitions[move].to,
    set: { ...set, decidedAt: ctx.now(), decidedBy: ctx.actor.userId },
    effects: [
      audited(ctx, { action: `members.${move}`, targetType: 'registration', targetId: doc._id, areaPath: doc.path, detail: { name: doc.name, memberId: doc.memberId, ...detail } }),
      ...effects,
    ],
    conflict: '该申请刚被其他工作人员审核，请刷新后查看',
  });
}

export async function approveRegistration(ctx: Ctx, input: RegistrationIdInput): Promise<Decided> {
  const doc = await requirePending(ctx, input.registrationId);
  const { node: community } = await keptPathOf(ctx.store, doc.communityId, '社区');
  const year = shanghaiYear(ctx.now());
  const certNo = certNumber(year, await nextCertSeq(ctx, year));
  await decide(ctx, doc, 'approve', { certNo, reason: null }, { certNo, endedRegistration: doc.transferOf ?? null }, [
    {
      type: 'membership',
      registrationId: doc._id,
      memberId: doc.memberId,
      community: { _id: community._id, path: community.path, name: community.name },
      home: { _id: doc.buildingId, path: doc.path },
      skills: doc.skills,
      mobile: doc.mobile,
      transferOf: doc.transferOf ?? null,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
    },
    notice(ctx, { to: [{ userId: doc.memberId }], kind: 'registrationApproved', body: `您已在${community.name}完成双报到，报到证编号 ${certNo}` }),
  ]);
  return { id: doc._id, status: 'approved', certNo };
}

export async function rejectRegistration(ctx: Ctx, input: RejectRegistrationInput): Promise<Decided> {
  const doc = await requirePending(ctx, input.registrationId);
  await decide(ctx, doc, 'reject', { reason: input.reason }, { reason: input.reason }, [
    notice(ctx, { to: [{ userId: doc.memberId }], kind: 'registrationRejected', body: `您的双报到申请未通过：${input.reason}` }),
  ]);
  return { id: doc._id, status: 'rejected', certNo: null };
}
