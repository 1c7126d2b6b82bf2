/**
 * What each viewer sees of a wish. The card is the public view: built only from the reviewed public
 * text and non-identifying fields, so no code path can put a name, phone or door on the board.
 */
import type { TimelineEntry } from '../../shared/records/machine';
import type { TimelineView } from '../../shared/records/machine';
import { wishLabel } from '../../shared/wishes/machine';
import { WISH_KIND_NAMES, WISH_STATUS_NAMES } from '../../shared/wishes/model';
import * as can from '../../shared/wishes/permissions';
import type { WishCard, WishDetail } from '../../shared/wishes/schemas';
import type { Actor } from '../../shared/users/roles';
import type { FileStore } from '../ports/types';
import type { WishDoc } from './repo';

/** A timeline entry as viewers see it: the words looked up from its code and data (the field keeps its name, `action`). */
export const toStepView = (t: TimelineEntry): TimelineView => ({ at: t.at, actorName: t.actorName, roleName: t.role, action: wishLabel(t), note: t.note ?? null });

/** Before publication the poster and staff see the text as it stands; the public only ever sees published text. */
export function toCard(a: Actor, w: WishDoc, files: FileStore): WishCard {
  return {
    id: w._id,
    title: w.publicTitle,
    summary: w.publicStory.length > 50 ? `${w.publicStory.slice(0, 50)}…` : w.publicStory,
    kind: w.kind,
    kindName: WISH_KIND_NAMES[w.kind],
    value: w.value,
    status: w.status,
    statusName: WISH_STATUS_NAMES[w.status],
    place: w.place,
    photoUrl: w.photo ? files.url(w.photo.fileId) : null,
    createdAt: w.createdAt,
    publishedAt: w.publishedAt,
    claimantName: w.claimantName,
    orgName: w.claimedByOrgName,
    canClaim: can.canClaimWish(a, w),
  };
}

export function toDetail(a: Actor, w: WishDoc, files: FileStore, orgClaimable: boolean): WishDetail {
  const involved = can.canSeePrivate(a, w);
  const canClaim = can.canClaimWish(a, w);
  return {
    ...toCard(a, w, files),
    canClaim: canClaim || orgClaimable,
    story: w.publicStory,
    claimDeadline: w.status === 'claimed' ? w.claimDeadline : null,
    private: involved
      ? {
          beneficiaryName: w.beneficiaryName,
          contactMobile: w.contactMobile,
          door: w.door,
          posterName: w.createdByName,
          onBehalf: w.onBehalf,
          originalTitle: w.title,
          originalStory: w.story,
          canCall: can.canCallBeneficiary(a, w),
        }
      : null,
    delivery: involved && w.delivery ? { note: w.delivery.note, photoUrl: w.delivery.photo ? files.url(w.delivery.photo.fileId) : null, at: w.delivery.at } : null,
    rejectReason: can.isPoster(a, w) || can.isWishStaff(a, w) ? w.rejectReason : null,
    fulfilledAt: w.fulfilledAt,
    timeline: involved ? w.timeline.map(toStepView) : [],
    can: {
      review: can.canReview(a, w),
      claim: canClaim || orgClaimable,
      claimAsOrg: orgClaimable,
      deliver: can.canDeliver(a, w),
      confirm: can.canConfirm(a, w),
    },
  };
}
