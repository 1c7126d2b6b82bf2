/**
 * 许个心愿: a resident posts for their own home, or community staff post for an elderly resident; staff review it next.
 * With a request key a resend answers as the first did: no second wish, quota unit, audit entry or message.
 */
import { AppError, invalid } from '../../shared/errors';
import { hasRoleAt } from '../../shared/users/permissions';
import { WISH_LIMITS } from '../../shared/wishes/model';
import type { PostWishInput } from '../../shared/wishes/schemas';
import { recordAudit } from '../audit/record';
import { notify } from '../notifications/outbox';
import { checkContent, checkPhotos } from '../content/check';
import { entry } from '../orders/transition';
import { keyedId } from '../runtime/ids';
import { firstWrite, insertOnce } from '../runtime/keyed';
import { takeDailyQuota } from '../runtime/quota';
import type { Ctx } from '../runtime/types';
import { buildingPlace } from './place';
import { newWishDoc, wishes } from './repo';
import { wishRules } from './rules';
import { staffOf } from './transition';

/** The building a wish is for, and whether staff are posting it on someone's behalf. */
async function whereFor(ctx: Ctx, buildingId: string | undefined) {
  const home = ctx.actor.roles.find((g) => g.role === 'resident');
  const target = buildingId ?? home?.areaId;
  if (!target) {
    if (ctx.actor.roles.some((g) => g.role === 'community_staff')) throw invalid('buildingId', '请选择受助居民所在的楼栋');
    throw new AppError('FORBIDDEN', '请先在首页设置所住楼栋，再许心愿');
  }
  const place = await buildingPlace(ctx, target);
  if (hasRoleAt(ctx.actor, ['community_staff'], place.building.path)) return { ...place, onBehalf: buildingId !== undefined && target !== home?.areaId };
  if (target !== home?.areaId) throw new AppError('FORBIDDEN', '只能为自己所住的楼栋许心愿；社区工作人员可为辖区老人代许心愿');
  return { ...place, onBehalf: false };
}

export async function postWish(ctx: Ctx, input: PostWishInput): Promise<{ id: string }> {
  const id = keyedId('w', ctx.actor.userId, input.requestKey, ctx.now());
  const found = await firstWrite(wishes(ctx.store), id, input.requestKey, () => whereFor(ctx, input.buildingId));
  if (found.first) return { id: found.first._id };
  const { building, community, grid, onBehalf } = found.read;
  const rules = await wishRules(ctx, community._id);
  if (input.value > rules.valueCap) {
    const message = `估算价值不能超过本社区的上限 ${rules.valueCap} 元`;
    throw new AppError('VALIDATION', message, { value: message });
  }
  await checkContent(ctx, { title: input.title, story: input.story, beneficiaryName: input.beneficiaryName, door: input.door });
  const screened = await checkPhotos(ctx, 'photo', input.photo ? [input.photo] : []);
  const giveBack = onBehalf ? null : await takeDailyQuota(ctx, `wish:${ctx.actor.userId}`, WISH_LIMITS.perResidentPerDay, `每人每天最多许 ${WISH_LIMITS.perResidentPerDay} 个心愿，请明天再来`);
  const now = ctx.now();
  const wish = newWishDoc({
    _id: id,
    communityId: community._id,
    place: grid ? `${community.name} · ${grid.name}` : community.name,
    buildingId: building._id,
    path: building.path,
    title: input.title,
    story: input.story,
    kind: input.kind,
    value: input.value,
    photo: input.photo ?? null,
    beneficiaryName: input.beneficiaryName,
    contactMobile: input.contactMobile,
    door: input.door ?? null,
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.name,
    onBehalf,
    createdAt: now,
    timeline: [entry(ctx, onBehalf ? '社区工作人员' : '居民', onBehalf ? '代居民许心愿' : '许心愿')],
  });
  const first = await insertOnce(wishes(ctx.store), wish, input.requestKey);
  if (first) {
    await giveBack?.();
    return { id: first._id };
  }
  await screened.register({ collection: 'wishes', recordId: wish._id, targetType: 'wish', areaPath: wish.path });
  await recordAudit(ctx, { action: 'wishes.post', targetType: 'wish', targetId: wish._id, areaPath: wish.path, detail: { kind: wish.kind, value: wish.value, onBehalf } });
  await notify(ctx, { to: [staffOf(wish)], kind: 'wishReview', body: `${wish.place}：${wish.title}` , sourceId: wish._id });
  return { id: wish._id };
}
