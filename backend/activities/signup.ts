/**
 * 报名 / 取消报名. Taking a place is one write on the activity: `taken` raised only while below the capacity and
 * only while the member's place token is not yet in `seated`, carrying the sign-up it creates — so neither the
 * crowd nor one member's double tap can overshoot, and no crash leaves a place without its sign-up. Cancelling
 * is one move of the sign-up carrying the place given back, once, by its token.
 */
import { isWithin } from '../../shared/areas/model';
import { AppError } from '../../shared/errors';
import { isLateCancel } from '../../shared/activities/model';
import { isMemberFor } from '../../shared/activities/permissions';
import type { ActivityIdInput, MySignupView } from '../../shared/activities/schemas';
import { drainRefs } from '../records/drain';
import type { Effect, PendingRef, UpdateEffect } from '../records/effects';
import { audited } from '../records/make';
import type { Ctx, Deps } from '../runtime/types';
import type { ActivityDoc, SignupDoc } from './repo';
import { activities, seatToken, signupId, signups } from './repo';
import type { ActivityMover } from './move';
import { moveActivity, moveSignup } from './move';
import { keptActivity, mySignup } from './queries';
import { toMySignup } from './views';

const ALREADY = '您已报名这个活动，不用重复报名';

function requireMember(ctx: Ctx, activity: ActivityDoc): void {
  if (!isMemberFor(ctx.actor, activity)) throw new AppError('FORBIDDEN', '只有本社区已报到的在职党员可以报名');
}

/** The place a sign-up holds goes back to the activity, once however often this is applied. */
function placeBack(activityId: string, s: SignupDoc): UpdateEffect {
  const token = seatToken(s.memberId, s.round ?? 0);
  return { type: 'update', collection: 'activities', id: activityId, where: { released: { $hasNone: [token] } }, patch: { $inc: { taken: -1 }, $pushAll: { released: [token] } } };
}

/**
 * The caller's sign-up as it will be once the activity's pending writes are applied: a sign-up the activity's write
 * created moments ago may not be written yet. Only on the paths that would refuse a member who has none.
 */
export async function settledSignup(ctx: Ctx, activityId: string, read: SignupDoc | null): Promise<SignupDoc | null> {
  if (read && read.status !== 'cancelled') return read;
  await drainRefs(ctx, [{ collection: 'activities', id: activityId }]);
  return mySignup(ctx, activityId);
}

/** Why the activity refused a place, read afresh. */
async function refused(ctx: Ctx, activityId: string, token: string): Promise<AppError> {
  const now = await activities(ctx.store).get(activityId);
  if (!now || now.status !== 'open') return new AppError('CONFLICT', '活动已结束');
  if (now.seated?.includes(token)) return new AppError('CONFLICT', ALREADY);
  if (now.taken >= now.capacity) return new AppError('CONFLICT', '名额已满，下次早点报名');
  return new AppError('CONFLICT', '报名的人太多了，请再试一次');
}

/** Three requests: the caller, their sign-up, and the activity's conditional write (the activity itself is kept warm). */
export async function signUp(ctx: Ctx, input: ActivityIdInput): Promise<MySignupView> {
  const [a, mine] = await Promise.all([keptActivity(ctx, input.activityId), mySignup(ctx, input.activityId)]);
  requireMember(ctx, a);
  const now = ctx.now();
  if (mine && mine.status !== 'cancelled') throw new AppError('CONFLICT', ALREADY);
  if (a.status !== 'open' || now >= a.endAt) throw new AppError('CONFLICT', '活动已结束');
  if (now >= a.deadline) throw new AppError('CONFLICT', '报名已截止');
  const round = (mine?.round ?? 0) + 1;
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
    round,
  };
  const { _id, ...again } = fresh;
  // The first sign-up is inserted; one cancelled before is moved back (only if it is still cancelled).
  const creates: Effect = mine
    ? { type: 'move', collection: 'activity_signups', id: _id, from: 'cancelled', to: 'signed', set: again, effects: [] }
    : { type: 'insert', collection: 'activity_signups', doc: fresh };
  const token = seatToken(ctx.actor.userId, round);
  try {
    await moveActivity(ctx, a, 'seat', {
      guard: { capacity: a.capacity, taken: { $lt: a.capacity }, seated: { $hasNone: [token] } },
      inc: { taken: 1 },
      push: { seated: token },
      audit: audited(ctx, {
        action: mine ? 'activities.signUpAgain' : 'activities.signUp',
        targetType: 'signup',
        targetId: _id,
        areaPath: a.path,
        detail: { activityId: a._id, round },
      }),
      effects: [creates],
      conflict: '名额已满，下次早点报名',
    });
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
    throw await refused(ctx, a._id, token);
  }
  return toMySignup(fresh);
}

/** 取消报名 until the start; within 24 h of it the cancellation is recorded as late. */
export async function cancelSignup(ctx: Ctx, input: ActivityIdInput): Promise<MySignupView> {
  const [a, read] = await Promise.all([keptActivity(ctx, input.activityId), mySignup(ctx, input.activityId)]);
  requireMember(ctx, a);
  const now = ctx.now();
  const mine = await settledSignup(ctx, a._id, read);
  if (!mine || mine.status === 'cancelled') throw new AppError('CONFLICT', '您没有报名这个活动');
  if (mine.status !== 'signed') throw new AppError('CONFLICT', '已签到的活动不能取消报名');
  if (now >= a.startAt) throw new AppError('CONFLICT', '活动已开始，不能取消报名');
  const late = isLateCancel(a, now);
  await moveSignup(ctx, mine, 'cancel', { set: { cancelledAt: now, late }, detail: { late }, effects: [placeBack(a._id, mine)], conflict: '报名状态刚刚变了，请刷新后重试' });
  return toMySignup({ ...mine, status: 'cancelled', cancelledAt: now, late });
}

/**
 * 转移: places a member holds in the old community's activities that have not started go back to others.
 * Not a late cancellation: the member did not choose it. Sign-ups already under way are left as they are.
 * Run while an approval's effects are applied (backend/members/membership.ts): what these moves cause is applied now too.
 */
export async function withdrawSignupsIn(deps: Deps & { actor?: ActivityMover['actor'] }, memberId: string, communityPath: string): Promise<number> {
  const now = deps.now();
  const held = (await signups(deps.store).find({ memberId, status: 'signed' }, { limit: 200 })).filter((s) => isWithin(s.path, communityPath));
  const upcoming = held.length ? await activities(deps.store).find({ _id: { $in: held.map((s) => s.activityId) }, status: 'open', startAt: { $gt: now } }) : [];
  const withdrawn: PendingRef[] = [];
  for (const a of upcoming) {
    const s = held.find((h) => h.activityId === a._id)!;
    try {
      await moveSignup(deps, s, 'withdraw', { set: { cancelledAt: now, late: false }, detail: { moved: true }, effects: [placeBack(a._id, s)], conflict: 'moved meanwhile' });
      withdrawn.push({ collection: 'activity_signups', id: s._id });
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e; // checked in or cancelled meanwhile
    }
  }
  if (withdrawn.length) await drainRefs(deps, withdrawn);
  return withdrawn.length;
}
