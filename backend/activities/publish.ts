/**
 * 发布志愿活动: staff of the community (or the street above) publish a dated activity; dates and capacity are checked
 * together. With a request key a resend lands on the first activity's id and answers with it: no second activity or audit entry.
 */
import { AppError } from '../../shared/errors';
import type { PublishActivityInput } from '../../shared/activities/schemas';
import { pointsRules } from '../points/rules';
import { keyedId } from '../runtime/ids';
import { withEffects } from '../records/move';
import { insertOnce } from '../runtime/keyed';
import type { Ctx } from '../runtime/types';
import type { ActivityDoc } from './repo';
import { activities } from './repo';
import { createdAudit } from './move';
import { keepActivity } from './queries';
import { placeFor } from './place';

const MAX_DAYS = 7;

/** The checks that span fields; every failing field is named at once. */
function checkTimes(input: PublishActivityInput, now: number): void {
  const fields: Record<string, string> = {};
  const deadline = input.deadline ?? input.startAt;
  if (input.startAt <= now) fields.startAt = '开始时间需晚于现在';
  if (input.endAt <= input.startAt) fields.endAt = '结束时间需晚于开始时间';
  else if (input.endAt - input.startAt > MAX_DAYS * 24 * 3600_000) fields.endAt = `活动时长不能超过 ${MAX_DAYS} 天`;
  if (deadline > input.startAt) fields.deadline = '报名截止时间不能晚于开始时间';
  else if (deadline <= now) fields.deadline = '报名截止时间需晚于现在';
  const first = Object.values(fields)[0];
  if (first) throw new AppError('VALIDATION', first, fields);
}

/** Three requests in a warm instance: the caller, the community's rule (none when the staff set a rate) and the insert carrying its audit record. */
export async function publishActivity(ctx: Ctx, input: PublishActivityInput): Promise<{ id: string }> {
  const place = await placeFor(ctx, input.areaId);
  checkTimes(input, ctx.now());
  const perHour = input.perHour ?? (await pointsRules(ctx, place.communityId)).activityPerHour;
  const doc: ActivityDoc = {
    _id: keyedId('va', ctx.actor.userId, input.requestKey, ctx.now()),
    ...place,
    title: input.title,
    description: input.description,
    place: input.place,
    startAt: input.startAt,
    endAt: input.endAt,
    deadline: input.deadline ?? input.startAt,
    capacity: input.capacity,
    taken: 0,
    perHour,
    seated: [],
    released: [],
    status: 'open',
    closedAt: null,
  };
  const audit = createdAudit(ctx, 'activity', 'publish', doc, { title: doc.title, startAt: doc.startAt, endAt: doc.endAt, capacity: doc.capacity, perHour });
  // A resend of a keyed request lands on the same id: the first activity answers, with no second audit record.
  const first = await insertOnce(activities(ctx.store), withEffects(ctx, 'activities', doc, [audit]), input.requestKey);
  if (!first) keepActivity(ctx.store, doc);
  return { id: (first ?? doc)._id };
}
