/** What each viewer sees of an order: cards for lists, the detail with masking and next-step abilities. */
import { orderLabel, orderNote } from '../../shared/orders/machine';
import { COLOUR_NAMES, ORDER_SOURCE_NAMES, STATUS_NAMES, orderNumber, orderSource } from '../../shared/orders/model';
import type { OrderFacts } from '../../shared/orders/permissions';
import * as can from '../../shared/orders/permissions';
import type { OrderCard, OrderDetail } from '../../shared/orders/schemas';
import type { TimelineView } from '../../shared/records/machine';
import { maskMobile } from '../../shared/users/mask';
import type { Actor } from '../../shared/users/roles';
import type { FileStore } from '../ports/types';
import type { OrderDoc, OrderEntry } from './repo';

/** An order's timeline entry as viewers see it: the words looked up from its code and data (the field keeps its name, `action`). */
export const toStepView = (t: OrderEntry): TimelineView => ({ at: t.at, actorName: t.actorName, roleName: t.role, action: orderLabel(t), note: orderNote(t) });

export function toCard(o: OrderDoc): OrderCard {
  return {
    id: o._id,
    no: orderNumber(o._id, o.createdAt),
    category: o.category,
    summary: o.description.length > 40 ? `${o.description.slice(0, 40)}…` : o.description,
    status: o.status,
    statusName: STATUS_NAMES[o.status],
    colour: o.colour,
    colourName: o.colour ? COLOUR_NAMES[o.colour] : null,
    source: orderSource(o),
    sourceName: ORDER_SOURCE_NAMES[orderSource(o)],
    place: o.place,
    createdAt: o.createdAt,
    overdue: o.overdue,
    followerCount: o.followerCount,
    requiredSkill: o.pool?.skill ?? null,
    holderName: o.holderName,
  };
}

function abilities(a: Actor, o: OrderFacts): OrderDetail['can'] {
  return {
    follow: can.canFollow(a, o),
    cancel: can.canCancel(a, o),
    rate: can.canRate(a, o),
    triage: can.canTriage(a, o),
    reject: can.canReject(a, o),
    dispatch: can.canDispatch(a, o),
    pool: can.canPool(a, o),
    note: can.canNote(a, o),
    closeReopened: can.canCloseReopened(a, o),
    returnVisit: can.canReturnVisit(a, o),
    reassign: can.canReassign(a, o),
    claim: can.canClaim(a, o),
    accept: can.canAccept(a, o),
    decline: can.canDecline(a, o),
    progress: can.canWork(a, o),
    release: can.canRelease(a, o),
    complete: can.canComplete(a, o),
    call: can.canCallContact(a, o),
    share: can.canShareOrder(a, o),
  };
}

export function toDetail(a: Actor, o: OrderDoc, files: FileStore): OrderDetail {
  const fullContact = can.canSeeContact(a, o);
  const hideName = !fullContact && !can.isStaffOver(a, o) && !can.isFiler(a, o) && o.anonymousToMembers;
  return {
    ...toCard(o),
    description: o.description,
    photoUrls: o.photos.map((p) => files.url(p.fileId)),
    completionPhotoUrls: (o.completion?.photos ?? []).map((p) => files.url(p.fileId)),
    trail: o.trail,
    contactName: hideName ? '匿名居民' : o.contactName,
    contactMobile: fullContact ? o.contactMobile : hideName ? null : maskMobile(o.contactMobile),
    respondBy: o.respondBy,
    resolveBy: o.resolveBy,
    ...(o.hotline ? { hotline: o.hotline } : {}),
    rating: o.rating,
    rejectReason: o.rejectReason,
    timeline: o.timeline.map(toStepView),
    can: abilities(a, o),
    // Only on orders with a unit (多方接单): the unit's staff go back to their own list after declining.
    ...(o.unit ? { unit: o.unit } : {}),
  };
}
