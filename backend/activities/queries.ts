/** What members and staff read: activities of my community (即将开始 / 我报名的 / 已结束), the detail, staff's list. */
import { AppError } from '../../shared/errors';
import { canSee } from '../../shared/activities/permissions';
import type { ActivityCard, ActivityDetail, ActivityIdInput, ListInput, ManageInput } from '../../shared/activities/schemas';
import type { Page } from '../../shared/users/schemas';
import { readOnce } from '../runtime/prefetch';
import type { Ctx, Prefetch } from '../runtime/types';
import { forget, warm } from '../runtime/warm';
import type { DocumentStore, Filter, SortSpec } from '../store/port';
import type { ActivityDoc, SignupDoc } from './repo';
import { activities, signupId, signups } from './repo';
import { managerFilter, memberFilter, paging } from './place';
import { toActivityCard, toActivityDetail } from './views';

const UPCOMING: SortSpec = [
  ['startAt', 1],
  ['_id', 1],
];
const PAST: SortSpec = [
  ['startAt', -1],
  ['_id', -1],
];

/**
 * A page read one row long, instead of a page and a count: `total` is exact on the last page and, before it, one more
 * than the rows shown so far — all a list needs to offer 加载更多 and say 共 N 个 at the end, for one request less.
 */
async function pageOf<T>(read: (limit: number, skip: number) => Promise<T[]>, input: { page?: number; pageSize?: number }): Promise<Page<T>> {
  const { page, pageSize, skip } = paging(input);
  const found = await read(pageSize + 1, skip);
  return { items: found.slice(0, pageSize), total: skip + found.length, page, pageSize };
}

/** My sign-ups that already left the cancelled state, newest first, with their activities. */
async function mine(ctx: Ctx, input: ListInput): Promise<Page<ActivityCard>> {
  const filter: Filter = { memberId: ctx.actor.userId, status: { $ne: 'cancelled' } };
  const { items, ...rest } = await pageOf(
    (limit, skip) =>
      signups(ctx.store).find(filter, {
        sort: [
          ['signedAt', -1],
          ['_id', -1],
        ],
        limit,
        skip,
      }),
    input,
  );
  const docs = items.length ? await activities(ctx.store).find({ _id: { $in: items.map((s) => s.activityId) } }) : [];
  const byId = new Map(docs.map((a) => [a._id, a]));
  return { ...rest, items: items.flatMap((s) => (byId.has(s.activityId) ? [toActivityCard(byId.get(s.activityId)!, s, ctx.now())] : [])) };
}

export async function listActivities(ctx: Ctx, input: ListInput): Promise<Page<ActivityCard>> {
  const scope = memberFilter(ctx.actor);
  if (input.tab === 'mine') return mine(ctx, input);
  const now = ctx.now();
  const upcoming = input.tab === 'upcoming';
  const filter = { ...scope, endAt: upcoming ? { $gt: now } : { $lte: now } };
  const { items, ...rest } = await pageOf((limit, skip) => activities(ctx.store).find(filter, { sort: upcoming ? UPCOMING : PAST, limit, skip }), input);
  const ids = items.map((a) => signupId(a._id, ctx.actor.userId));
  const my = ids.length ? await signups(ctx.store).find({ _id: { $in: ids } }) : [];
  const byActivity = new Map(my.map((s) => [s.activityId, s]));
  return { ...rest, items: items.map((a) => toActivityCard(a, byActivity.get(a._id) ?? null, now)) };
}

/** Staff: activities of my area, coming or past, with places left. */
export async function manageActivities(ctx: Ctx, input: ManageInput): Promise<Page<ActivityCard>> {
  const scope = managerFilter(ctx.actor);
  const upcoming = input.tab === 'upcoming';
  const now = ctx.now();
  const filter = { ...scope, endAt: upcoming ? { $gt: now } : { $lte: now } };
  const { page, pageSize, skip } = paging(input);
  const [found, total] = await Promise.all([activities(ctx.store).find(filter, { sort: upcoming ? UPCOMING : PAST, limit: pageSize, skip }), activities(ctx.store).count(filter)]);
  return { items: found.map((a) => toActivityCard(a, null, now)), total, page, pageSize };
}

const notFound = () => new AppError('NOT_FOUND', '活动不存在，或不在您的社区');
const keptKey = (id: string) => `activities/${id}/`;

/**
 * An activity as a warm instance keeps it (backend/runtime/warm.ts): trusted only for what never changes after
 * publication — where, when, capacity, rate. Its status and places may be stale; every write re-checks them in its
 * own condition, and a refusal reads the activity afresh before it explains itself.
 */
export async function keptActivity(ctx: Ctx, activityId: string): Promise<ActivityDoc> {
  const activity = await warm(ctx.store, keptKey(activityId), async () => {
    // Thrown, not kept: an activity published a moment later through another instance is found next time.
    const a = await activities(ctx.store).get(activityId);
    if (!a) throw notFound();
    return a;
  });
  if (!canSee(ctx.actor, activity)) throw notFound();
  return activity;
}

/** This instance changed the activity's status: its kept copy goes. */
export const forgetActivity = (store: DocumentStore, activityId: string): void => forget(store, keptKey(activityId));

/** Keeps an activity this instance has just read or written (unless it keeps one already). */
export const keepActivity = (store: DocumentStore, activity: ActivityDoc): void => void warm(store, keptKey(activity._id), async () => activity);

/** The activity as it is now (read beside the caller when the action prefetches it), kept for the writes that follow. */
export async function freshActivity(ctx: Ctx, activityId: string): Promise<ActivityDoc> {
  const activity = await readOnce<ActivityDoc>(ctx, 'activities', activityId);
  if (!activity || !canSee(ctx.actor, activity)) throw notFound();
  // A member opens the detail before 报名 or 签到: that write then finds it here.
  keepActivity(ctx.store, activity);
  return activity;
}

/** The caller's sign-up: read once the caller is known (a prefetch is named from the input alone, before the caller). */
export const mySignup = (ctx: Ctx, activityId: string): Promise<SignupDoc | null> => signups(ctx.store).get(signupId(activityId, ctx.actor.userId));

export async function activityDetail(ctx: Ctx, input: ActivityIdInput): Promise<ActivityDetail> {
  const [activity, mine] = await Promise.all([freshActivity(ctx, input.activityId), mySignup(ctx, input.activityId)]);
  return toActivityDetail(ctx.actor, activity, mine, ctx.now());
}

/** Reads of one activity as it is now (detail, roster) fetch it beside the caller. */
export const theActivity = (input: { activityId: string }): Prefetch => ({ docs: [{ collection: 'activities', id: input.activityId }] });
