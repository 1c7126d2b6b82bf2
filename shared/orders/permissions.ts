/** Who may see and move an order: small predicates the server enforces and the detail page reflects. */
import { hasRoleAt } from '../users/permissions';
import type { Actor } from '../users/roles';
import { STAFF_ROLES } from '../users/roles';
import type { OrderStatus } from './model';
import { OPEN_STATUSES } from './model';
import { canTransition } from './machine';

/** The facts about an order that permissions depend on. */
export interface OrderFacts {
  status: OrderStatus;
  path: string;
  createdBy: string;
  followers: string[];
  holderId: string | null;
  pool: { areaPath: string; skill: string | null } | null;
  anonymousToMembers: boolean;
}

export const isFiler = (a: Actor, o: OrderFacts) => o.createdBy === a.userId;
export const isFollower = (a: Actor, o: OrderFacts) => o.followers.includes(a.userId);
export const isHolder = (a: Actor, o: OrderFacts) => o.holderId !== null && o.holderId === a.userId;
/** 网格员、网格长、社区、街道 whose subtree holds the order's building. */
export const isStaffOver = (a: Actor, o: OrderFacts) => hasRoleAt(a, STAFF_ROLES, o.path);

/** A member registered (双报到) in the community or grid whose pool the order sits in. */
export function isMemberInPoolScope(a: Actor, o: OrderFacts): boolean {
  return o.pool !== null && hasRoleAt(a, ['member'], o.pool.areaPath);
}

/** 党员接单: a pooled order, in the member's scope, with the skill it asks for. */
export function canClaim(a: Actor, o: OrderFacts): boolean {
  if (o.status !== 'pooled' || !isMemberInPoolScope(a, o)) return false;
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

/** The order's community path: its building path less grid and building. */
function communityPath(o: OrderFacts): string {
  const ids = o.path.split('/').filter(Boolean);
  return `/${ids.slice(0, -2).join('/')}/`;
}

/** Someone of the order's community (a resident, member or staff there, or staff above it). */
export function belongsNear(a: Actor, o: OrderFacts): boolean {
  const c = communityPath(o);
  return a.roles.some((g) => g.areaPath.startsWith(c) || c.startsWith(g.areaPath));
}

export const canCancel = (a: Actor, o: OrderFacts) => isFiler(a, o) && canTransition('cancel', o.status);
export const canRate = (a: Actor, o: OrderFacts) => isFiler(a, o) && canTransition('rate', o.status);
/** +1 我也遇到: neighbours of the same community, on an order still being handled. */
export const canFollow = (a: Actor, o: OrderFacts) =>
  belongsNear(a, o) && !isFiler(a, o) && !isFollower(a, o) && !isStaffOver(a, o) && !isHolder(a, o) && OPEN_STATUSES.includes(o.status) && o.status !== 'completed';
export const canTriage = (a: Actor, o: OrderFacts) => isStaffOver(a, o) && canTransition('triage', o.status);
export const canDispatch = (a: Actor, o: OrderFacts) => isStaffOver(a, o) && canTransition('dispatch', o.status);
export const canReassign = (a: Actor, o: OrderFacts) => isStaffOver(a, o) && canTransition('reassign', o.status);
export const canCloseReopened = (a: Actor, o: OrderFacts) => isStaffOver(a, o) && canTransition('closeReopened', o.status);
export const canNote = (a: Actor, o: OrderFacts) => isStaffOver(a, o) && OPEN_STATUSES.includes(o.status);
export const canAccept = (a: Actor, o: OrderFacts) => isHolder(a, o) && canTransition('accept', o.status);
export const canWork = (a: Actor, o: OrderFacts) => isHolder(a, o) && o.status === 'in_progress';
/** Only an order taken from the pool goes back to it; a dispatched one is returned to staff instead. */
export const canRelease = (a: Actor, o: OrderFacts) => canWork(a, o) && o.pool !== null;
export const canReject = (a: Actor, o: OrderFacts) => isStaffOver(a, o) && canTransition('reject', o.status);
export const canPool = (a: Actor, o: OrderFacts) => isStaffOver(a, o) && canTransition('pool', o.status);
export const canDecline = (a: Actor, o: OrderFacts) => isHolder(a, o) && canTransition('decline', o.status);
