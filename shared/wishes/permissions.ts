/** Who may see and move a wish: small predicates the server enforces and the detail page reflects. */
import { hasRoleAt } from '../users/permissions';
import type { Actor } from '../users/roles';
import type { WishStatus } from './model';
import { PUBLIC_STATUSES, canWishTransition } from './model';

/** The facts about a wish that permissions depend on. */
export interface WishFacts {
  status: WishStatus;
  /** The beneficiary's building path: community staff and members of the community reach it. */
  path: string;
  createdBy: string;
  claimantId: string | null;
  /** Posted by staff for an elderly resident: the poster is then not the one the wish is for. */
  onBehalf: boolean;
}

export const isPoster = (a: Actor, w: WishFacts) => w.createdBy === a.userId;
/** The wish is the actor's own case: they posted it for themself (not for a resident, 代许). */
export const isOwnWish = (a: Actor, w: WishFacts) => isPoster(a, w) && !w.onBehalf;
export const isClaimant = (a: Actor, w: WishFacts) => w.claimantId !== null && w.claimantId === a.userId;
/** 社区审核 is community staff's work, in their own community only. */
export const isWishStaff = (a: Actor, w: WishFacts) => hasRoleAt(a, ['community_staff'], w.path);
/** A 双报到 member registered in the wish's community. */
export const isCommunityMember = (a: Actor, w: WishFacts) => hasRoleAt(a, ['member'], w.path);
export const isPublic = (w: WishFacts) => PUBLIC_STATUSES.includes(w.status);

/** Published wishes are public (anonymised); before that only the poster and staff see them. */
export const canSeeWish = (a: Actor, w: WishFacts) => isPublic(w) || isPoster(a, w) || isWishStaff(a, w);

/** The beneficiary's name, phone and door: the poster, staff, and the claimant while they hold the claim. */
export const canSeePrivate = (a: Actor, w: WishFacts) => isPoster(a, w) || isWishStaff(a, w) || (isClaimant(a, w) && w.status !== 'published');
/** 拨打 the beneficiary: only someone it reaches other than themself (not a resident on their own wish). */
export const canCallBeneficiary = (a: Actor, w: WishFacts) => canSeePrivate(a, w) && !isOwnWish(a, w);

/** Nobody reviews their own wish: a colleague publishes it. */
export const canReview = (a: Actor, w: WishFacts) => isWishStaff(a, w) && !isOwnWish(a, w) && canWishTransition('approve', w.status);
/** Nobody claims their own wish. */
export const canClaimWish = (a: Actor, w: WishFacts) => isCommunityMember(a, w) && !isPoster(a, w) && canWishTransition('claim', w.status);
export const canDeliver = (a: Actor, w: WishFacts) => isClaimant(a, w) && canWishTransition('deliver', w.status);
/** The beneficiary confirms; staff confirm for an elderly resident they posted for (or any in scope). */
export const canConfirm = (a: Actor, w: WishFacts) => (isPoster(a, w) || isWishStaff(a, w)) && !isClaimant(a, w) && canWishTransition('confirm', w.status);

/** 心愿规则 (value cap, claim days) belong to the community's staff. */
export const canEditWishRules = (a: Actor, communityPath: string) => hasRoleAt(a, ['community_staff'], communityPath);
