/**
 * 记民情日记: a grid worker or grid leader records a visit in their grid (who, where, what was heard, tags, photos).
 * With a request key the visit's id comes from it, so a resend is the same insert: refused by the id, it answers as the
 * first did, with no second visit or audit entry (the audit rides on the insert as an effect, docs/effects.md).
 */
import { AppError, invalid } from '../../shared/errors';
import { DIARY_WRITERS } from '../../shared/diary/model';
import type { RecordVisitInput } from '../../shared/diary/schemas';
import { hasRoleAt } from '../../shared/users/permissions';
import { levelOnPath, placeName } from '../../shared/areas/place';
import { keptPathOf, trailOf } from '../areas/repo';
import { checkContent, checkPhotos } from '../content/check';
import { CONTENT_SCENES } from '../ports/types';
import { keyedId } from '../runtime/ids';
import { audited } from '../records/make';
import { withEffects } from '../records/move';
import { insertOnce } from '../runtime/keyed';
import { readOnce } from '../runtime/prefetch';
import type { Ctx } from '../runtime/types';
import type { UserDoc } from '../users/repo';
import type { VisitDoc } from './repo';
import { visits } from './repo';

/** A linked resident must live in the visit's community, so a typo cannot attach a stranger; their record as read. */
async function checkResident(ctx: Ctx, residentId: string, communityPath: string): Promise<UserDoc> {
  // Read in the caller's own read (the action's prefetch).
  const person = await readOnce<UserDoc>(ctx, 'users', residentId);
  if (!person?.homePath?.startsWith(communityPath)) throw invalid('residentId', '关联的居民不在本社区，请重新选择');
  return person;
}

export async function recordVisit(ctx: Ctx, input: RecordVisitInput): Promise<{ id: string }> {
  const id = keyedId('v', ctx.actor.userId, input.requestKey, ctx.now());
  // The building and its path from the warm instance: most visits read no area. No resend check first: a resend's insert
  // is refused by the id and finds the first (insertOnce), so a visit is the caller and one insert.
  const { node: building, known } = await keptPathOf(ctx.store, input.buildingId, '楼栋');
  if (building.level !== 'building') throw invalid('buildingId', '请选择具体的楼栋');
  if (!hasRoleAt(ctx.actor, DIARY_WRITERS, building.path)) throw new AppError('FORBIDDEN', '只有本网格的网格员、网格长可以记民情日记');
  const grid = levelOnPath(building, 'grid', known);
  const community = levelOnPath(building, 'community', known);
  const resident = input.residentId ? await checkResident(ctx, input.residentId, community?.path ?? building.path) : null;
  const photos = input.photos ?? [];
  await checkContent(ctx, { heard: input.heard, residentName: input.residentName }, CONTENT_SCENES.social);
  const screened = await checkPhotos(ctx, 'photos', photos, CONTENT_SCENES.social);
  const now = ctx.now();
  const doc: VisitDoc = {
    _id: id,
    buildingId: building._id,
    path: building.path,
    gridId: grid?._id ?? '',
    place: placeName(building, known),
    trail: trailOf(building.path, known),
    residentName: input.residentName,
    residentId: input.residentId ?? null,
    ...(resident?.mobile ? { residentMobile: resident.mobile } : {}),
    heard: input.heard,
    tags: [...new Set(input.tags)],
    photos,
    createdAt: now,
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.name,
    orderId: null,
  };
  const audit = audited(ctx, { action: 'diary.record', targetType: 'visit', targetId: doc._id, areaPath: doc.path, detail: { tags: doc.tags } });
  // A resend names the visit for the client's drain too, so it answers exactly as the first: draining it again applies
  // nothing twice (the audit entry's id is its own).
  const first = await insertOnce(visits(ctx.store), withEffects(ctx, 'visits', doc, [audit]), input.requestKey);
  if (first) return { id: first._id };
  await screened.register({ collection: 'visits', recordId: doc._id, targetType: 'visit', areaPath: doc.path });
  return { id: doc._id };
}
