/**
 * 报到单位认领: which reporting organisation the caller may claim for — through their 双报到 link, or as its contact
 * person. What rarely changes is kept warm per instance (backend/runtime/warm.ts), so a detail or a claim costs at most
 * one read for it: a member's link, a person's phone, and a contact's organisation once found.
 */
import type { WishDoc } from './repo';
import { isCommunityMember, isPoster } from '../../shared/wishes/permissions';
import type { OrganisationDoc } from '../members/repo';
import { activeRegistration, organisations } from '../members/repo';
import type { Ctx } from '../runtime/types';
import { warm } from '../runtime/warm';
import { users } from '../users/repo';

/** The organisation linked to a member's approved registration (at most WARM_TTL_MS old). */
function linkedOrg(ctx: Ctx): Promise<OrganisationDoc | null> {
  return warm(ctx.store, `wishes/linkedOrg/${ctx.actor.userId}`, async () => {
    const registration = await activeRegistration(ctx, ctx.actor.userId);
    return registration?.orgId ? organisations(ctx.store).get(registration.orgId) : null;
  });
}

const mobileOf = (ctx: Ctx): Promise<string | null> =>
  warm(ctx.store, `wishes/mobile/${ctx.actor.userId}`, async () => (await users(ctx.store).get(ctx.actor.userId))?.mobile ?? null);

const NONE = new Error('no organisation');

/**
 * The organisation of this community whose contact phone is `mobile`. Only a find is kept: a load that finds none
 * fails and warm() keeps no failure, so an organisation set up a moment ago is found on the next call.
 */
function contactOrg(ctx: Ctx, communityId: string, mobile: string): Promise<OrganisationDoc | null> {
  const load = async () => {
    const [found] = await organisations(ctx.store).find({ communityId, contactMobile: mobile }, { limit: 1 });
    if (!found) throw NONE;
    return found;
  };
  return warm(ctx.store, `wishes/contactOrg/${communityId}/${mobile}`, load).catch((e: unknown) => {
    if (e === NONE) return null;
    throw e;
  });
}

/** The organisation linked to my approved registration, else the one in this community whose contact phone is mine. */
export async function claimingOrg(ctx: Ctx, communityId: string): Promise<OrganisationDoc | null> {
  // Approval is what grants the member role: without one there is no registration to look up.
  const linked = ctx.actor.roles.some((g) => g.role === 'member') ? await linkedOrg(ctx) : null;
  if (linked) return linked;
  const mobile = await mobileOf(ctx);
  return mobile ? contactOrg(ctx, communityId, mobile) : null;
}

/**
 * A member claims for their linked organisation anywhere they may claim; an organisation's contact who is
 * not a member there may claim in the community the organisation reported to.
 */
export function orgClaimable(ctx: Ctx, wish: WishDoc, org: OrganisationDoc | null): boolean {
  if (!org || wish.status !== 'published' || isPoster(ctx.actor, wish)) return false;
  return isCommunityMember(ctx.actor, wish) || org.communityId === wish.communityId;
}
