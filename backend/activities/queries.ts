/** What members and staff read: activities of my community (即将开始 / 我报名的 / 已结束), the detail, staff's list. */
import { AppError } from '../../shared/errors';
import { canSee } from '../../shared/activities/permissions';
import type { ActivityCard, ActivityDetail, ActivityIdInput, ListInput, ManageInput } from '../../shared/activities/schemas';
import type { Page } from '../../shared/users/schemas';
import type { Ctx } from '../runtime/types';
import type { Filter, SortSpec } from '../store/port';
import type { ActivityDoc, SignupDoc } from './repo';
import { activities, signupId, signups } from './repo';
import { managerFilter, memberFilter, paging } from './place';
import { toActivityCard, toActivityDetail } from './views';

const UPCOMING: SortSpec = [['startAt', 1], ['_id', 1]];
const PAST: SortSpec = [['startAt', -1], ['_id', -1]];

async function pageOf(ctx: Ctx, filter: Filter, sort: SortSpec, input: { page?: number; pageSize?: number }) {
  const { page, pageSize, skip } = paging(input);
  const [found, total] = await Promise.all([activities(ctx.store).find(filter, { sort, limit: pageSize, skip }), activities(ctx.store).count(filter)]);
  return { found, total, page, pageSize };
}

/** My sign-ups that already left the cancelled state, newest first, with their activities. */
async function mine(ctx: Ctx, input: ListInput): Promise<Page<ActivityCard>> {
  const { page, pageSize, skip } = paging(input);
  const filter: Filter = { memberId: ctx.actor.userId, status: { $ne: 'cancelled' } };
  const [found, total] = await Promise.all([
    signups(ctx.store).find(filter, { sort: [['signedAt', -1], ['_id', -1]], limit: pageSize, skip }),
    signups(ctx.store).count(filter),
  ]);
  const docs = found.length ? await activities(ctx.store).find({ _id: { $in: found.map((s) => s.activityId) } }) : [];
  const byId = new Map(docs.map((a) => [a._id, a]));
  const items = found.flatMap((s) => {
    const a = byId.get(s.activityId);
    return a ? [toActivityCard(a, s, ctx.now())] : [];
  });
  return { items, total, page, pageSize };
}

export async function listActivities(ctx: Ctx, input: ListInput): Promise<Page<ActivityCard>> {
  const scope = memberFilter(ctx.actor);
  if (input.tab === 'mine') return mine(ctx, input);
  const now = ctx.now();
  const upcoming = input.tab === 'upcoming';
  const { found, total, page, pageSize } = await pageOf(ctx, { ...scope, endAt: upcoming ? { $gt: now } : { $lte: now } }, upcoming ? UPCOMING : PAST, input);
  const ids = found.map((a) => signupId(a._id, ctx.actor.userId));
  const my = ids.length ? await signups(ctx.store).find({ _id: { $in: ids } }) : [];
  const byActivity = new Map(my.map((s) => [s.activityId, s]));
  return { items: found.map((a) => toActivityCard(a, byActivity.get(a._id) ?? null, now)), total, page, pageSize };
}

/** Staff: activities of my area, coming or past, with places left. */
export async function manageActivities(ctx: Ctx, input: ManageInput): Promise<Page<ActivityCard>> {
  const scope = managerFilter(ctx.actor);
  const upcoming = input.tab === 'upcoming';
  const now = ctx.now();
  const { found, total, page, pageSize } = await pageOf(ctx, { ...scope, endAt: upcoming ? { $gt: now } : { $lte: now } }, upcoming ? UPCOMING : PAST, input);
  return { items: found.map((a) => toActivityCard(a, null, now)), total, page, pageSize };
}

/** The activity and the caller's sign-up, or NOT_FOUND when it is outside their community. */
export async function loadActivity(ctx: Ctx, activityId: string): Promise<{ activity: ActivityDoc; mine: SignupDoc | null }> {
  const [activity, mine] = await Promise.all([activities(ctx.store).get(activityId), signups(ctx.store).get(signupId(activityId, ctx.actor.userId))]);
  if (!activity || !canSee(ctx.actor, activity)) throw new AppError('NOT_FOUND', '活动不存在，或不在您的社区');
  return { activity, mine };
}

export async function activityDetail(ctx: Ctx, input: ActivityIdInput): Promise<ActivityDetail> {
  const { activity, mine } = await loadActivity(ctx, input.activityId);
  return toActivityDetail(ctx.actor, activity, mine, ctx.now());
}
