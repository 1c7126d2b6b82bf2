/** 报到单位认领: which reporting organisation the caller may claim for — through their 双报到 link, or as its contact person. */
import type { WishDoc } from './repo';
import { isCommunityMember, isPoster } from '../../shared/wishes/permissions';
import type { OrganisationDoc } from '../members/repo';
import { activeRegistration, organisations } from '../members/repo';
import type { Ctx } from '../runtime/types';
import { users } from '../users/repo';

/** The organisation linked to my approved registration, else the one in this community whose contact phone is mine. */
export async function claimingOrg(ctx: Ctx, communityId: string): Promise<OrganisationDoc | null> {
  const registration = await activeRegistration(ctx, ctx.actor.userId);
  if (registration?.orgId) {
    const linked = await organisations(ctx.store).get(registration.orgId);
    if (linked) return linked;
  }
  const mobile = (await users(ctx.store).get(ctx.actor.userId))?.mobile;
  if (!mobile) return null;
  const [contactOf] = await organisations(ctx.store).find({ communityId, contactMobile: mobile }, { limit: 1 });
  return contactOf ?? null;
}

/**
 * A member claims for their linked organisation anywhere they may claim; an organisation's contact who is
 * not a member there may claim in the community the organisation reported to.
 */
export function orgClaimable(ctx: Ctx, wish: WishDoc, org: OrganisationDoc | null): boolean {
  if (!org || wish.status !== 'published' || isPoster(ctx.actor, wish)) return false;
  return isCommunityMember(ctx.actor, wish) || org.communityId === wish.communityId;
}
