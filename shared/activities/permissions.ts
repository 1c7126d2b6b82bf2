/** Who may publish, manage, see and join posts and activities: small predicates the server enforces and the pages reflect. */
import { hasRoleAt } from '../users/permissions';
import type { Actor, Role } from '../users/roles';
import type { ActivityStatus, SignupStatus } from './model';

/** Community staff on the community, or street admins above it, publish and manage (the seeds: 社区发布岗位). */
export const PUBLISHER_ROLES: readonly Role[] = ['community_staff', 'street_admin'];

/** The facts permissions depend on: where it belongs (community or grid path). */
export interface PlacedFacts {
  path: string;
}

export const canManage = (a: Actor, x: PlacedFacts): boolean => hasRoleAt(a, PUBLISHER_ROLES, x.path);

/** A member registered (双报到) in a community that contains the post's or activity's node. */
export const isMemberFor = (a: Actor, x: PlacedFacts): boolean => hasRoleAt(a, ['member'], x.path);

export const canSee = (a: Actor, x: PlacedFacts): boolean => isMemberFor(a, x) || canManage(a, x);

export interface ActivityFacts extends PlacedFacts {
  status: ActivityStatus;
  startAt: number;
  deadline: number;
}

/** Sign-up is open to members in scope, before the deadline, while the activity is open. */
export function canSignUp(a: Actor, x: ActivityFacts, mine: SignupStatus | null, now: number): boolean {
  return isMemberFor(a, x) && x.status === 'open' && now < x.deadline && (mine === null || mine === 'cancelled');
}

/** A member may withdraw a place they hold until the activity starts. */
export const canCancel = (x: ActivityFacts, mine: SignupStatus | null, now: number): boolean => mine === 'signed' && x.status === 'open' && now < x.startAt;
