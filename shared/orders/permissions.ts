/** Who may see and move an order: small predicates the server enforces and the detail page reflects. */
import { hasRoleAt } from '../users/permissions';
import type { Actor } from '../users/roles';
import { STAFF_ROLES } from '../users/roles';
import type { OrderSource, OrderStatus } from './model';
import { OPEN_STATUSES } from './model';
import { canTransition } from './machine';
import type { OrderUnit } from '../units/model';
import { holdsForUnit } from '../units/permissions';

/** The facts about an order that permissions depend on. */
export interface OrderFacts {
  status: OrderStatus;
  path: string;
  createdBy: string;
  followers: string[];
  holderId: string | null;
  pool: { areaPath: string; skill: string | null } | null;
  anonymousToMembers: boolean;
  /** Set when staff filed it for a resident from a visit (民情日记): the staff filer is then not a party to it. */
  visitId?: string | null;
  /** The unit (物业, 职能部门, 共建单位) the order was dispatched or 转办 to; absent or null when it is not with a unit. */
  unit?: OrderUnit | null;
  /** Where it came in (absent: 小程序); any other source was filed by staff on someone's behalf. */
  source?: OrderSource | null;
  /** The filer allowed it to be shared into the 网格微信群 (absent: not allowed). */
  shareable?: boolean;
  /** Its building's 社区 by level, set by the server where neighbours matter (backend/orders/near.ts); absent: nobody is near. */
  communityPath?: string;
}

/** Filed by staff for someone else (电话/来访/网格巡查/12345): the staff filer is neither its filer nor a party, and the verdict comes by 回访. */
export const isOnBehalf = (o: Pick<OrderFacts, 'source'>) => o.source != null && o.source !== 'app';

export const isFiler = (a: Actor, o: OrderFacts) => o.createdBy === a.userId && !isOnBehalf(o);
export const isFollower = (a: Actor, o: OrderFacts) => o.followers.includes(a.userId);
/** The member holding it, or staff of the unit it is with (shared/units): they accept, decline, work and complete it. */
export const isHolder = (a: Actor, o: OrderFacts) => (o.holderId !== null && o.holderId === a.userId) || holdsForUnit(a, o);
/** 网格员、网格长、社区、街道 whose subtree holds the order's building. */
export const isStaffOver = (a: Actor, o: OrderFacts) => hasRoleAt(a, STAFF_ROLES, o.path);

/**
 * The people whose case the order is: the resident who filed it for themself and the neighbours following
 * it. Nobody decides or works their own case — a member who took their own order could rate it and earn points.
 */
export const isPartyId = (userId: string, o: Pick<OrderFacts, 'createdBy' | 'visitId' | 'followers' | 'source'>) =>
  (o.createdBy === userId && !o.visitId && !isOnBehalf(o)) || o.followers.includes(userId);
export const isParty = (a: Actor, o: OrderFacts) => isPartyId(a.userId, o);
/** Staff over the order who are not a party to it: only they triage, dispatch and close it. */
export const decidesOver = (a: Actor, o: OrderFacts) => isStaffOver(a, o) && !isParty(a, o);
/** Whom staff may dispatch or reassign the order to: anyone but its parties, never themself (they would pick their own points). */
export const mayBeGiven = (a: Actor, memberId: string, o: OrderFacts) => !isPartyId(memberId, o) && memberId !== a.userId;

/** A member registered (双报到) in the community or grid whose pool the order sits in. */
export function isMemberInPoolScope(a: Actor, o: OrderFacts): boolean {
  return o.pool !== null && hasRoleAt(a, ['member'], o.pool.areaPath);
}

/** 党员接单: a pooled order, in the member's scope, with the skill it asks for, and not the member's own case. */
export function canClaim(a: Actor, o: OrderFacts): boolean {
  if (o.status !== 'pooled' || !isMemberInPoolScope(a, o) || isParty(a, o)) return false;
  return o.pool?.skill == null || (a.skills as string[]).includes(o.pool.skill);
}

/** Residents see what they filed or follow; members what they hold or may claim; staff their subtree. */
export function canSeeOrder(a: Actor, o: OrderFacts): boolean {
  return isFiler(a, o) || isFollower(a, o) || isHolder(a, o) || isStaffOver(a, o) || (o.status === 'pooled' && isMemberInPoolScope(a, o));
}

/** The full phone number: the filer, staff, and the member holding it unless the resident chose anonymity. */
export function canSeeContact(a: Actor, o: OrderFacts): boolean {
  return isFiler(a, o) || isStaffOver(a, o) || (isHolder(a, o) && !o.anonymousToMembers);
}

/** 分享: an order its filer allowed to be shared, by anyone who sees it whole (others get the public view, shared.ts). */
export const canShareOrder = (a: Actor, o: OrderFacts) => o.shareable === true && canSeeOrder(a, o);

/** 拨打 the contact: only someone who reaches another person by it — never the resident her own phone. */
export const canCallContact = (a: Actor, o: OrderFacts) => canSeeContact(a, o) && !isParty(a, o);

/**
 * Someone of a community (a resident, member or staff there, or staff above it). `communityPath` is the order building's 社区,
 * found by level on the server (backend/orders/near.ts: the building may sit under a 微网格, the community under a 片区); without it nobody is.
 */
export function isNeighbourOf(a: Actor, communityPath: string | undefined): boolean {
  const c = communityPath;
  return c !== undefined && a.roles.some((g) => g.areaPath.startsWith(c) || c.startsWith(g.areaPath));
}

export const belongsNear = (a: Actor, o: OrderFacts) => isNeighbourOf(a, o.communityPath);

/**
 * 附近已有相同问题: a building's open orders (summary, holder) are shown only to its community — the people
 * who may +1 them. Anyone may still file for any building (a code on a wall is scanned by passers-by too).
 */
export const canSeeSimilarAt = isNeighbourOf;

export const canCancel = (a: Actor, o: OrderFacts) => isFiler(a, o) && canTransition('cancel', o.status);
/** 群众评单 by the filer, never of work they did themself. */
export const canRate = (a: Actor, o: OrderFacts) => isFiler(a, o) && !isHolder(a, o) && canTransition('rate', o.status);
/** +1 我也遇到: neighbours of the same community, on an order still being handled. */
export const canFollow = (a: Actor, o: OrderFacts) =>
  belongsNear(a, o) && !isFiler(a, o) && !isFollower(a, o) && !isStaffOver(a, o) && !isHolder(a, o) && OPEN_STATUSES.includes(o.status) && o.status !== 'completed';
export const canTriage = (a: Actor, o: OrderFacts) => decidesOver(a, o) && canTransition('triage', o.status);
export const canDispatch = (a: Actor, o: OrderFacts) => decidesOver(a, o) && canTransition('dispatch', o.status);
export const canReassign = (a: Actor, o: OrderFacts) => decidesOver(a, o) && canTransition('reassign', o.status);
export const canCloseReopened = (a: Actor, o: OrderFacts) => decidesOver(a, o) && canTransition('closeReopened', o.status);
/**
 * 回访: staff over a completed order the resident has not rated, who are not a party to it and did not do the work
 * themselves (the holder would be judging their own result). Both results take the returnVisit status check.
 */
export const canReturnVisit = (a: Actor, o: OrderFacts) => decidesOver(a, o) && !isHolder(a, o) && canTransition('returnVisit', o.status);
export const canNote = (a: Actor, o: OrderFacts) => decidesOver(a, o) && OPEN_STATUSES.includes(o.status);
export const canAccept = (a: Actor, o: OrderFacts) => isHolder(a, o) && !isParty(a, o) && canTransition('accept', o.status);
export const canWork = (a: Actor, o: OrderFacts) => isHolder(a, o) && o.status === 'in_progress';
/** 办结 (and with it the points): the holder, unless the order is their own case. */
export const canComplete = (a: Actor, o: OrderFacts) => canWork(a, o) && !isParty(a, o);
/** Only an order taken from the pool goes back to it; a dispatched one is returned to staff instead. */
export const canRelease = (a: Actor, o: OrderFacts) => canWork(a, o) && o.pool !== null;
export const canReject = (a: Actor, o: OrderFacts) => decidesOver(a, o) && canTransition('reject', o.status);
export const canPool = (a: Actor, o: OrderFacts) => decidesOver(a, o) && canTransition('pool', o.status);
export const canDecline = (a: Actor, o: OrderFacts) => isHolder(a, o) && canTransition('decline', o.status);

/** 时限规则: staff anywhere in the community read them; community staff and the street change them. */
export const canViewOrderRules = (a: Actor, communityPath: string) =>
  a.roles.some((g) => STAFF_ROLES.includes(g.role) && (g.areaPath.startsWith(communityPath) || communityPath.startsWith(g.areaPath)));
export const canEditOrderRules = (a: Actor, communityPath: string) => hasRoleAt(a, ['community_staff', 'street_admin'], communityPath);
