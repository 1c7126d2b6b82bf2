/**
 * 报名 / 取消报名. A place is taken by raising `taken` only while `taken < capacity` (capacity read with
 * it, so a changed capacity fails the condition), then the sign-up is written under the derived id
 * `${activityId}:${memberId}`; if that write loses to a double tap the place is given back.
 */
import { isWithin } from '../../shared/areas/model';
import { AppError } from '../../shared/errors';
import { isLateCancel } from '../../shared/activities/model';
import { isMemberFor } from '../../shared/activities/permissions';
import type { ActivityIdInput, MySignupView } from '../../shared/activities/schemas';
import type { Ctx, Deps } from '../runtime/types';
import type { ActivityDoc, SignupDoc } from './repo';
import { activities, signupId, signups } from './repo';
import { loadActivity } from './queries';
import { toMySignup } from './views';

const ALREADY = '您已报名这个活动，不用重复报名';

function requireMember(ctx: Ctx, activity: ActivityDoc): void {
  if (!isMemberFor(ctx.actor, activity)) throw new AppError('FORBIDDEN', '只有本社区已报到的在职党员可以报名');
}

export async function signUp(ctx: Ctx, input: ActivityIdInput): Promise<MySignupView> {
  const { activity: a, mine } = await loadActivity(ctx, input.activityId);
  requireMember(ctx, a);
  const now = ctx.now();
  if (mine && mine.status !== 'cancelled') throw new AppError('CONFLICT', ALREADY);
  if (a.status !== 'open' || now >= a.endAt) throw new AppError('CONFLICT', '活动已结束');
  if (now >= a.deadline) throw new AppError('CONFLICT', '报名已截止');
  const seat = await activities(ctx.store).updateWhere({ _id: a._id, status: 'open', capacity: a.capacity, taken: { $lt: a.capacity } }, { $inc: { taken: 1 } });
  if (seat !== 1) throw new AppError('CONFLICT', '名额已满，下次早点报名');
  const fresh: SignupDoc = {
    _id: signupId(a._id, ctx.actor.userId),
    activityId: a._id,
    memberId: ctx.actor.userId,
    memberName: ctx.actor.name,
    communityId: a.communityId,
    path: a.path,
    status: 'signed',
    signedAt: now,
    cancelledAt: null,
    // A late cancellation stays on this sign-up's record: signing up again does not wipe it.
    late: mine?.late ?? false,
    checkInAt: null,
    checkOutAt: null,
    hours: null,
    points: null,
  };
  const { _id, ...again } = fresh;
  const placed = mine
    ? (await signups(ctx.store).updateWhere({ _id, status: 'cancelled' }, { $set: again })) === 1
    : await signups(ctx.store).insertIfAbsent(fresh);
  if (!placed) {
    await activities(ctx.store).updateWhere({ _id: a._id }, { $inc: { taken: -1 } });
    throw new AppError('CONFLICT', ALREADY);
  }
  return toMySignup(fresh);
}

/** 取消报名 until the start; within 24 h of it the cancellation is recorded as late. */
export async function cancelSignup(ctx: Ctx, input: ActivityIdInput): Promise<MySignupView> {
  const { activity: a, mine } = await loadActivity(ctx, input.activityId);
  requireMember(ctx, a);
  const now = ctx.now();
  if (!mine || mine.status === 'cancelled') throw new AppError('CONFLICT', '您没有报名这个活动');
  if (mine.status !== 'signed') throw new AppError('CONFLICT', '已签到的活动不能取消报名');
  if (a.status !== 'open' || now >= a.startAt) throw new AppError('CONFLICT', '活动已开始，不能取消报名');
  const late = isLateCancel(a, now);
  const done = await signups(ctx.store).updateWhere({ _id: mine._id, status: 'signed' }, { $set: { status: 'cancelled', cancelledAt: now, late } });
  if (done !== 1) throw new AppError('CONFLICT', '报名状态刚刚变了，请刷新后重试');
  await activities(ctx.store).updateWhere({ _id: a._id }, { $inc: { taken: -1 } });
  return toMySignup({ ...mine, status: 'cancelled', cancelledAt: now, late });
}

/**
 * 转移: places a member holds in the old community's activities that have not started go back to others.
 * Not a late cancellation: the member did not choose it. Sign-ups already under way are left as they are.
 */
export async function withdrawSignupsIn(deps: Pick<Deps, 'store' | 'now'>, memberId: string, communityPath: string): Promise<number> {
  const now = deps.now();
  const held = (await signups(deps.store).find({ memberId, status: 'signed' }, { limit: 200 })).filter((s) => isWithin(s.path, communityPath));
  const upcoming = held.length ? await activities(deps.store).find({ _id: { $in: held.map((s) => s.activityId) }, status: 'open', startAt: { $gt: now } }) : [];
  let withdrawn = 0;
  for (const a of upcoming) {
    const id = signupId(a._id, memberId);
    if ((await signups(deps.store).updateWhere({ _id: id, status: 'signed' }, { $set: { status: 'cancelled', cancelledAt: now, late: false } })) !== 1) continue;
    await activities(deps.store).updateWhere({ _id: a._id }, { $inc: { taken: -1 } });
    withdrawn++;
  }
  return withdrawn;
}
