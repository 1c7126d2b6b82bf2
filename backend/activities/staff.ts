/**
 * Staff over an activity: the roster (报名、签到、迟退、未到场), 全部签退, and 结束活动 (which records no-shows). The
 * last two are one write on the activity each: the sign-ups it moves ride on it as moves the drain makes, each
 * only if that sign-up is still where the roster found it, each carrying its own audit record and points.
 */
import { AppError } from '../../shared/errors';
import { ACTIVITY_RULES, SIGNUP_STATUSES } from '../../shared/activities/model';
import type { SignupStatus } from '../../shared/activities/model';
import { canManage } from '../../shared/activities/permissions';
import type { ActivityIdInput, RosterView } from '../../shared/activities/schemas';
import type { MoveEffect } from '../records/effects';
import type { Ctx } from '../runtime/types';
import type { ActivityDoc, SignupDoc } from './repo';
import { activities, signups } from './repo';
import { checkoutAt } from './checkout';
import type { ActivityMover } from './move';
import { moveActivity, signupMoveEffect } from './move';
import { forgetActivity, freshActivity, keptActivity } from './queries';
import { toActivityDetail, toRosterRow } from './views';

function requireManager(ctx: Ctx, a: ActivityDoc): ActivityDoc {
  if (!canManage(ctx.actor, a)) throw new AppError('FORBIDDEN', '只有本社区的社区工作人员或街道管理员可以管理活动');
  return a;
}

export async function activityRoster(ctx: Ctx, input: ActivityIdInput): Promise<RosterView> {
  const a = requireManager(ctx, await freshActivity(ctx, input.activityId));
  const found = await signups(ctx.store).find(
    { activityId: a._id },
    {
      sort: [
        ['signedAt', 1],
        ['_id', 1],
      ],
      limit: 1000,
    },
  );
  const counts = Object.fromEntries(SIGNUP_STATUSES.map((s) => [s, 0])) as Record<SignupStatus, number>;
  for (const s of found) counts[s.status]++;
  return {
    activity: toActivityDetail(ctx.actor, a, null, ctx.now()),
    rows: found.map(toRosterRow),
    counts: { ...counts, late: found.filter((s) => s.late).length },
  };
}

/** Everyone still checked in, or also everyone signed but never seen: a capacity's worth is one read. */
const stillIn = (ctx: Pick<Ctx, 'store'>, a: ActivityDoc, statuses: SignupStatus[]): Promise<SignupDoc[]> =>
  signups(ctx.store).find({ activityId: a._id, status: { $in: statuses } }, { limit: ACTIVITY_RULES.maxCapacity });

/** The sign-up moves that check out whoever is in (at the end time, or now if earlier) and mark the unseen 未到场. */
function rosterMoves(mover: ActivityMover, a: ActivityDoc, roster: SignupDoc[], at: number): { effects: MoveEffect[]; checkedOut: number; noShows: number } {
  const effects = roster.map((s) => {
    if (s.status === 'signed') return signupMoveEffect(mover, s, 'noShow', {});
    const out = checkoutAt(a, s, at);
    return signupMoveEffect(mover, s, 'checkOut', out.set, out.effects);
  });
  const checkedOut = roster.filter((s) => s.status === 'checked_in').length;
  return { effects, checkedOut, noShows: roster.length - checkedOut };
}

/** 全部签退: everyone still checked in leaves at the end time, or now if that is earlier. */
export async function checkoutAll(ctx: Ctx, input: ActivityIdInput): Promise<{ checkedOut: number }> {
  const a = requireManager(ctx, await keptActivity(ctx, input.activityId));
  if (a.status !== 'open') throw new AppError('CONFLICT', '活动已结束');
  const moves = rosterMoves(ctx, a, await stillIn(ctx, a, ['checked_in']), Math.min(a.endAt, ctx.now()));
  await moveActivity(ctx, a, 'checkoutAll', { detail: { checkedOut: moves.checkedOut }, effects: moves.effects, conflict: '活动已结束' });
  return { checkedOut: moves.checkedOut };
}

/**
 * Closes an activity as `a` says it stands: open → closed, or, when it is closed already, finishes whoever a first
 * close left (nothing to write when nobody is left). CONFLICT when its status is no longer what `a` says.
 */
export async function closeActivity(mover: ActivityMover, a: ActivityDoc): Promise<{ checkedOut: number; noShows: number }> {
  const now = mover.now();
  const moves = rosterMoves(mover, a, await stillIn(mover, a, ['checked_in', 'signed']), Math.min(a.endAt, now));
  const outcome = { checkedOut: moves.checkedOut, noShows: moves.noShows };
  if (a.status === 'open') await moveActivity(mover, a, 'close', { set: { closedAt: now }, detail: outcome, effects: moves.effects, conflict: '活动刚被结束' });
  else if (moves.effects.length) await moveActivity(mover, a, 'finish', { detail: outcome, effects: moves.effects, conflict: '活动刚被结束' });
  return outcome;
}

/** 结束活动 (staff), once it has started; again later, it finishes whatever is left. */
export async function closeByStaff(ctx: Ctx, input: ActivityIdInput): Promise<{ checkedOut: number; noShows: number }> {
  const kept = requireManager(ctx, await keptActivity(ctx, input.activityId));
  if (ctx.now() < kept.startAt) throw new AppError('CONFLICT', '活动还没开始，不能结束');
  forgetActivity(ctx.store, kept._id);
  try {
    return await closeActivity(ctx, kept);
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'CONFLICT') || kept.status !== 'open') throw e;
    // The kept copy said open; closed meanwhile (or long ago, through another instance): finish from what it is now.
    const now = await activities(ctx.store).get(kept._id);
    if (!now) throw e;
    return closeActivity(ctx, now);
  }
}
