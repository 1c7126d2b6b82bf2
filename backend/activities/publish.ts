/**
 * 发布志愿活动: staff of the community (or the street above) publish a dated activity; dates and capacity are checked
 * together. With a request key a resend answers as the first did, with no second activity or audit entry.
 */
import { AppError } from '../../shared/errors';
import type { PublishActivityInput } from '../../shared/activities/schemas';
import { recordAudit } from '../audit/record';
import { pointsRules } from '../points/rules';
import { keyedId } from '../runtime/ids';
import { firstWrite, insertOnce } from '../runtime/keyed';
import type { Ctx } from '../runtime/types';
import type { ActivityDoc } from './repo';
import { activities } from './repo';
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

export async function publishActivity(ctx: Ctx, input: PublishActivityInput): Promise<{ id: string }> {
  const id = keyedId('va', ctx.actor.userId, input.requestKey, ctx.now());
  const found = await firstWrite(activities(ctx.store), id, input.requestKey, () => placeFor(ctx, input.areaId));
  if (found.first) return { id: found.first._id };
  const place = found.read;
  checkTimes(input, ctx.now());
  const perHour = input.perHour ?? (await pointsRules(ctx, place.communityId)).activityPerHour;
  const doc: ActivityDoc = {
    _id: id,
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
    status: 'open',
    closedAt: null,
  };
  const first = await insertOnce(activities(ctx.store), doc, input.requestKey);
  if (first) return { id: first._id };
  await recordAudit(ctx, {
    action: 'activities.publish',
    targetType: 'activity',
    targetId: doc._id,
    areaPath: doc.path,
    detail: { title: doc.title, startAt: doc.startAt, endAt: doc.endAt, capacity: doc.capacity, perHour },
  });
  return { id: doc._id };
}
