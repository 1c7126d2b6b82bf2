/** Staff over an activity: the roster (报名、签到、迟退、未到场), 全部签退, and 结束活动 (which records no-shows). */
import { AppError } from '../../shared/errors';
import { SIGNUP_STATUSES } from '../../shared/activities/model';
import type { SignupStatus } from '../../shared/activities/model';
import { canManage } from '../../shared/activities/permissions';
import type { ActivityIdInput, RosterView } from '../../shared/activities/schemas';
import { recordAudit } from '../audit/record';
import type { Ctx, Deps } from '../runtime/types';
import type { ActivityDoc } from './repo';
import { activities, signups } from './repo';
import { checkOutEveryone } from './checkout';
import { loadActivity } from './queries';
import { toActivityDetail, toRosterRow } from './views';

async function requireManaged(ctx: Ctx, activityId: string): Promise<ActivityDoc> {
  const { activity } = await loadActivity(ctx, activityId);
  if (!canManage(ctx.actor, activity)) throw new AppError('FORBIDDEN', '只有本社区的社区工作人员或街道管理员可以管理活动');
  return activity;
}

export async function activityRoster(ctx: Ctx, input: ActivityIdInput): Promise<RosterView> {
  const a = await requireManaged(ctx, input.activityId);
  const found = await signups(ctx.store).find({ activityId: a._id }, { sort: [['signedAt', 1], ['_id', 1]], limit: 1000 });
  const counts = Object.fromEntries(SIGNUP_STATUSES.map((s) => [s, 0])) as Record<SignupStatus, number>;
  for (const s of found) counts[s.status]++;
  return {
    activity: toActivityDetail(ctx.actor, a, null, ctx.now()),
    rows: found.map(toRosterRow),
    counts: { ...counts, late: found.filter((s) => s.late).length },
  };
}

/** 全部签退: everyone still checked in leaves at the end time, or now if that is earlier. */
export async function checkoutAll(ctx: Ctx, input: ActivityIdInput): Promise<{ checkedOut: number }> {
  const a = await requireManaged(ctx, input.activityId);
  if (a.status !== 'open') throw new AppError('CONFLICT', '活动已结束');
  const checkedOut = await checkOutEveryone(ctx, a, Math.min(a.endAt, ctx.now()));
  await recordAudit(ctx, { action: 'activities.checkoutAll', targetType: 'activity', targetId: a._id, areaPath: a.path, detail: { checkedOut } });
  return { checkedOut };
}

/**
 * Closes an activity: status closed, everyone still in checked out, everyone signed but never seen
 * marked 未到场. Every step is conditional, so a repeat (or the timer after staff) finishes what is left.
 */
export async function closeActivity(deps: Deps, a: ActivityDoc): Promise<{ checkedOut: number; noShows: number }> {
  const now = deps.now();
  await activities(deps.store).updateWhere({ _id: a._id, status: 'open' }, { $set: { status: 'closed', closedAt: now } });
  const checkedOut = await checkOutEveryone(deps, a, Math.min(a.endAt, now));
  const noShows = await signups(deps.store).updateWhere({ activityId: a._id, status: 'signed' }, { $set: { status: 'no_show' } });
  return { checkedOut, noShows };
}

/** 结束活动 (staff), once it has started. */
export async function closeByStaff(ctx: Ctx, input: ActivityIdInput): Promise<{ checkedOut: number; noShows: number }> {
  const a = await requireManaged(ctx, input.activityId);
  if (ctx.now() < a.startAt) throw new AppError('CONFLICT', '活动还没开始，不能结束');
  const outcome = await closeActivity(ctx, a);
  await recordAudit(ctx, { action: 'activities.close', targetType: 'activity', targetId: a._id, areaPath: a.path, detail: outcome });
  return outcome;
}
