/**
 * 许个心愿: a resident posts for their own home, or community staff post for an elderly resident; staff review it next.
 * With a request key a resend answers as the first did: no second wish, quota unit, audit entry or message.
 */
import { AppError, invalid } from '../../shared/errors';
import { hasRoleAt } from '../../shared/users/permissions';
import { WISH_LIMITS } from '../../shared/wishes/model';
import type { PostWishInput } from '../../shared/wishes/schemas';
import { checkContent, checkPhotos } from '../content/check';
import { audited, notice } from '../records/make';
import { withEffects } from '../records/move';
import { keyedId } from '../runtime/ids';
import { insertOnce } from '../runtime/keyed';
import type { Ctx } from '../runtime/types';
import type { GiveBack } from '../users/quota';
import { takeUserQuota } from '../users/quota';
import { buildingPlace } from './place';
import { newWishDoc, wishes } from './repo';
import { wishRules } from './rules';
import { staffOf, step } from './transition';

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

/** Takes a unit of the poster's daily quota; a keyed resend refused for the quota answers the first wish if there is one. */
async function takeQuota(ctx: Ctx, id: string, requestKey: string | undefined): Promise<GiveBack | { first: string }> {
  const limit = WISH_LIMITS.perResidentPerDay;
  try {
    return await takeUserQuota(ctx, ctx.actor.userId, 'wishes', limit, `每人每天最多许 ${limit} 个心愿，请明天再来`);
  } catch (e) {
    // Only on the refused path: the resend of the day's last wish finds it rather than being refused one more.
    const first = requestKey && e instanceof AppError && e.code === 'RATE_LIMITED' ? await wishes(ctx.store).get(id) : null;
    if (!first) throw e;
    // Named as the first answer named it: the client asks for its effects again, which applies nothing twice.
    ctx.pending?.push({ collection: 'wishes', id });
    return { first: first._id };
  }
}

/**
 * Three requests at most: the caller (read by the handler), the quota on their own record, and the insert that carries
 * everything posting causes (audit, the staff's notice, the photo check). Areas and rules come from the warm instance.
 */
export async function postWish(ctx: Ctx, input: PostWishInput): Promise<{ id: string }> {
  const id = keyedId('w', ctx.actor.userId, input.requestKey, ctx.now());
  const { building, community, grid, onBehalf } = await whereFor(ctx, input.buildingId);
  const rules = await wishRules(ctx, community._id);
  if (input.value > rules.valueCap) {
    const message = `估算价值不能超过本社区的上限 ${rules.valueCap} 元`;
    throw new AppError('VALIDATION', message, { value: message });
  }
  await checkContent(ctx, { title: input.title, story: input.story, beneficiaryName: input.beneficiaryName, door: input.door });
  const screened = await checkPhotos(ctx, 'photo', input.photo ? [input.photo] : []);
  const taken = onBehalf ? null : await takeQuota(ctx, id, input.requestKey);
  if (taken && 'first' in taken) return { id: taken.first };
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
    timeline: [step(ctx, onBehalf ? '社区工作人员' : '居民', 'post', { onBehalf })],
  });
  const effects = [
    audited(ctx, {
      action: 'wishes.post',
      targetType: 'wish',
      targetId: wish._id,
      areaPath: wish.path,
      detail: { title: wish.title, kind: wish.kind, value: wish.value, onBehalf },
    }),
    notice(ctx, { to: [staffOf(wish)], kind: 'wishReview', body: `${wish.place}：${wish.title}`, sourceId: wish._id }),
    ...screened.effects({ collection: 'wishes', recordId: wish._id, targetType: 'wish', areaPath: wish.path }),
  ];
  // A racing copy of the same keyed request wrote first: answer its wish and hand back the unit taken.
  const first = await insertOnce(wishes(ctx.store), withEffects(ctx, 'wishes', wish, effects), input.requestKey);
  if (first) {
    await taken?.();
    return { id: first._id };
  }
  return { id: wish._id };
}
