/** 认领 → 圆梦 → 确认: a member (or a reporting organisation) claims, the claimant delivers, the beneficiary or staff confirm. */
import { AppError, invalid } from '../../shared/errors';
import { canConfirm, canDeliver, canSeeWish, isClaimant, isCommunityMember, isPoster, isWishStaff } from '../../shared/wishes/permissions';
import type { ClaimWishInput, DeliverInput, WishIdInput, WishMoved } from '../../shared/wishes/schemas';
import { shanghaiYear } from '../../shared/time';
import { checkContent, checkPhotos } from '../content/check';
import { CONTENT_SCENES } from '../ports/types';
import { pointsRules } from '../points/rules';
import type { CreditEffect } from '../records/effects';
import { notice } from '../records/make';
import type { Ctx } from '../runtime/types';
import { warm } from '../runtime/warm';
import { claimingOrg, orgClaimable } from './org';
import type { WishDoc } from './repo';
import { wishRules } from './rules';
import { moveWish, requireWish, staffOf } from './transition';

const DAY = 24 * 3600 * 1000;
const CLAIMED_BY_OTHER = '这个心愿已被他人认领';

/** Exactly one claim wins: the update only matches while the wish is still 待认领. */
export async function claimWish(ctx: Ctx, input: ClaimWishInput): Promise<WishMoved> {
  const wish = await requireWish(ctx, input.wishId, (w) => canSeeWish(ctx.actor, w));
  if (isPoster(ctx.actor, wish)) throw new AppError('FORBIDDEN', '不能认领自己发布的心愿');
  const org = input.asOrg ? await claimingOrg(ctx, wish.communityId) : null;
  if (input.asOrg && !org) throw invalid('asOrg', '您没有关联的报到单位，不能以单位名义认领');
  if (!(isCommunityMember(ctx.actor, wish) || (org && orgClaimable(ctx, wish, org)))) {
    throw new AppError('FORBIDDEN', '只有在本社区双报到的党员或报到单位可以认领');
  }
  if (wish.status !== 'published') throw new AppError('CONFLICT', wish.claimantId ? CLAIMED_BY_OTHER : '这个心愿现在不能认领');
  const rules = await wishRules(ctx, wish.communityId);
  const now = ctx.now();
  const who = org ? `${org.name}（${ctx.actor.name}）` : `党员${ctx.actor.name}`;
  return moveWish(ctx, wish, 'claim', {
    role: org ? `报到单位（${org.name}）` : '在职党员',
    conflict: CLAIMED_BY_OTHER,
    set: {
      claimantId: ctx.actor.userId,
      claimantName: ctx.actor.name,
      claimedByOrgId: org?._id ?? null,
      claimedByOrgName: org?.name ?? null,
      claimedAt: now,
      claimDeadline: now + rules.claimDays * DAY,
    },
    effects: [
      notice(ctx, {
        to: [{ userId: wish.createdBy }, staffOf(wish)],
        kind: 'wishClaimed',
        body: `心愿「${wish.publicTitle}」已被${who}认领，请在 ${rules.claimDays} 天内圆梦`,
        sourceId: wish._id,
      }),
    ],
  });
}

/** The claimant marks it fulfilled with a photo and a note; the beneficiary (or staff) is asked to confirm. */
export async function deliverWish(ctx: Ctx, input: DeliverInput): Promise<WishMoved> {
  const wish = await requireWish(ctx, input.wishId, (w) => canSeeWish(ctx.actor, w));
  if (!isClaimant(ctx.actor, wish)) throw new AppError('FORBIDDEN', '只有认领人可以登记圆梦');
  if (!canDeliver(ctx.actor, wish)) throw new AppError('CONFLICT', '这个心愿已登记圆梦');
  await checkContent(ctx, { note: input.note }, CONTENT_SCENES.comment);
  const screened = await checkPhotos(ctx, 'photo', [input.photo], CONTENT_SCENES.comment);
  const to = wish.onBehalf ? [{ userId: wish.createdBy }, staffOf(wish)] : [{ userId: wish.createdBy }];
  return moveWish(ctx, wish, 'deliver', {
    role: '认领人',
    note: input.note,
    guard: { claimantId: ctx.actor.userId },
    set: { delivery: { note: input.note, photo: input.photo, at: ctx.now() } },
    effects: [
      ...screened.effects({ collection: 'wishes', recordId: wish._id, field: 'delivery.photo', targetType: 'wish', areaPath: wish.path }),
      notice(ctx, { to, kind: 'wishDelivered', body: `${ctx.actor.name}已为心愿「${wish.publicTitle}」圆梦，请确认`, sourceId: wish._id }),
    ],
  });
}

/** The claimant's points, as an effect of the move that confirms: the ledger id comes from the wish, so it applies once, in the year confirmed. */
async function claimantCredit(ctx: Ctx, wish: WishDoc, year: number): Promise<CreditEffect[]> {
  if (!wish.claimantId) return [];
  // Kept warm like the wish rules: a change of the points rules reaches credits within WARM_TTL_MS.
  const delta = await warm(ctx.store, `wishes/points_rules/${wish.communityId}`, async () => (await pointsRules(ctx, wish.communityId)).wishFulfilled);
  const note = `圆梦微心愿「${wish.publicTitle}」${wish.claimedByOrgName ? `（${wish.claimedByOrgName}）` : ''}`;
  return [{ type: 'credit', entry: { memberId: wish.claimantId, delta, reason: 'wish_fulfilled', note, sourceType: 'wish', sourceId: wish._id, year } }];
}

/** 确认圆梦. Repeating it on a fulfilled wish answers as the first did; a credit still pending is named for the client to apply. */
export async function confirmWish(ctx: Ctx, input: WishIdInput): Promise<WishMoved> {
  const wish = await requireWish(ctx, input.wishId, (w) => canSeeWish(ctx.actor, w));
  const mayConfirm = (isPoster(ctx.actor, wish) || isWishStaff(ctx.actor, wish)) && !isClaimant(ctx.actor, wish);
  if (!mayConfirm) throw new AppError('FORBIDDEN', '只有受助居民或社区工作人员可以确认圆梦');
  if (wish.status === 'fulfilled') {
    if (wish.fx?.length) ctx.pending?.push({ collection: 'wishes', id: wish._id });
    return { id: wish._id, status: 'fulfilled' };
  }
  if (!canConfirm(ctx.actor, wish)) throw new AppError('CONFLICT', '认领人还没有登记圆梦，暂时不能确认');
  const now = ctx.now();
  const thanks = wish.claimantId
    ? [notice(ctx, { to: [{ userId: wish.claimantId }], kind: 'wishFulfilled', body: `心愿「${wish.publicTitle}」已确认圆梦，感谢您的付出`, sourceId: wish._id })]
    : [];
  return moveWish(ctx, wish, 'confirm', {
    role: isPoster(ctx.actor, wish) && !wish.onBehalf ? '居民' : '社区工作人员',
    guard: { claimantId: wish.claimantId },
    set: { fulfilledAt: now, fulfilledYear: shanghaiYear(now) },
    effects: [...(await claimantCredit(ctx, wish, shanghaiYear(now))), ...thanks],
  });
}
