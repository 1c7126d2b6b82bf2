/** 认领 → 圆梦 → 确认: a member (or a reporting organisation) claims, the claimant delivers, the beneficiary or staff confirm. */
import { AppError, invalid } from '../../shared/errors';
import { canConfirm, canDeliver, canSeeWish, isClaimant, isCommunityMember, isPoster, isWishStaff } from '../../shared/wishes/permissions';
import type { ClaimWishInput, DeliverInput, WishIdInput, WishMoved } from '../../shared/wishes/schemas';
import { shanghaiYear } from '../../shared/time';
import { notify } from '../notifications/outbox';
import { checkContent, checkPhotos } from '../content/check';
import { CONTENT_SCENES } from '../ports/types';
import { creditPoints } from '../points/ledger';
import { pointsRules } from '../points/rules';
import type { Ctx, Deps } from '../runtime/types';
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
  const moved = await moveWish(ctx, wish, 'claim', {
    role: org ? `报到单位（${org.name}）` : '在职党员',
    label: '认领心愿',
    conflict: CLAIMED_BY_OTHER,
    set: {
      claimantId: ctx.actor.userId,
      claimantName: ctx.actor.name,
      claimedByOrgId: org?._id ?? null,
      claimedByOrgName: org?.name ?? null,
      claimedAt: now,
      claimDeadline: now + rules.claimDays * DAY,
    },
  });
  const who = org ? `${org.name}（${ctx.actor.name}）` : `党员${ctx.actor.name}`;
  await notify(ctx, { to: [{ userId: wish.createdBy }, staffOf(wish)], kind: 'wishClaimed', body: `心愿「${wish.publicTitle}」已被${who}认领，请在 ${rules.claimDays} 天内圆梦` , sourceId: wish._id });
  return moved;
}

/** The claimant marks it fulfilled with a photo and a note; the beneficiary (or staff) is asked to confirm. */
export async function deliverWish(ctx: Ctx, input: DeliverInput): Promise<WishMoved> {
  const wish = await requireWish(ctx, input.wishId, (w) => canSeeWish(ctx.actor, w));
  if (!isClaimant(ctx.actor, wish)) throw new AppError('FORBIDDEN', '只有认领人可以登记圆梦');
  if (!canDeliver(ctx.actor, wish)) throw new AppError('CONFLICT', '这个心愿已登记圆梦');
  await checkContent(ctx, { note: input.note }, CONTENT_SCENES.comment);
  const screened = await checkPhotos(ctx, 'photo', [input.photo], CONTENT_SCENES.comment);
  const moved = await moveWish(ctx, wish, 'deliver', {
    role: '认领人',
    label: '登记圆梦',
    note: input.note,
    match: { claimantId: ctx.actor.userId },
    set: { delivery: { note: input.note, photo: input.photo, at: ctx.now() } },
  });
  await screened.register({ collection: 'wishes', recordId: wish._id, field: 'delivery.photo', targetType: 'wish', areaPath: wish.path });
  const to = wish.onBehalf ? [{ userId: wish.createdBy }, staffOf(wish)] : [{ userId: wish.createdBy }];
  await notify(ctx, { to, kind: 'wishDelivered', body: `${ctx.actor.name}已为心愿「${wish.publicTitle}」圆梦，请确认` , sourceId: wish._id });
  return moved;
}

/** Credits the claimant once per wish: the ledger id comes from the wish, so a replay adds nothing. */
async function creditClaimant(deps: Deps, wish: WishDoc): Promise<void> {
  if (!wish.claimantId) return;
  const delta = (await pointsRules(deps, wish.communityId)).wishFulfilled;
  const note = `圆梦微心愿「${wish.publicTitle}」${wish.claimedByOrgName ? `（${wish.claimedByOrgName}）` : ''}`;
  await creditPoints(deps, { memberId: wish.claimantId, delta, reason: 'wish_fulfilled', note, sourceType: 'wish', sourceId: wish._id });
}

/** 确认圆梦. Repeating it on a fulfilled wish only re-runs the idempotent credit, so a retry after a crash completes it. */
export async function confirmWish(ctx: Ctx, input: WishIdInput): Promise<WishMoved> {
  const wish = await requireWish(ctx, input.wishId, (w) => canSeeWish(ctx.actor, w));
  const mayConfirm = (isPoster(ctx.actor, wish) || isWishStaff(ctx.actor, wish)) && !isClaimant(ctx.actor, wish);
  if (!mayConfirm) throw new AppError('FORBIDDEN', '只有受助居民或社区工作人员可以确认圆梦');
  if (wish.status === 'fulfilled') {
    await creditClaimant(ctx, wish);
    return { id: wish._id, status: 'fulfilled' };
  }
  if (!canConfirm(ctx.actor, wish)) throw new AppError('CONFLICT', '认领人还没有登记圆梦，暂时不能确认');
  const now = ctx.now();
  const moved = await moveWish(ctx, wish, 'confirm', {
    role: isPoster(ctx.actor, wish) && !wish.onBehalf ? '居民' : '社区工作人员',
    label: '确认圆梦',
    match: { claimantId: wish.claimantId },
    set: { fulfilledAt: now, fulfilledYear: shanghaiYear(now) },
  });
  await creditClaimant(ctx, wish);
  if (wish.claimantId) await notify(ctx, { to: [{ userId: wish.claimantId }], kind: 'wishFulfilled', body: `心愿「${wish.publicTitle}」已确认圆梦，感谢您的付出` , sourceId: wish._id });
  return moved;
}
