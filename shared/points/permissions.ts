/** Who may do what with points: small predicates over the actor's role grants and a record's area path. */
import { isWithin } from '../areas/model';
import { hasRoleAt } from '../users/permissions';
import type { Actor, Role } from '../users/roles';

/** 社区 staff (and the street above them) over a community: rules, corrections, 核实, duty check, export. */
export const POINTS_STAFF: readonly Role[] = ['community_staff', 'street_admin'];

export function isPointsStaffAt(actor: Actor, path: string): boolean {
  return hasRoleAt(actor, POINTS_STAFF, path);
}

/** 召集人汇总: the grid leader of the declaration's grid, never for their own declaration. */
export function canForwardDeclaration(actor: Actor, d: { memberId: string; gridPath: string | null }): boolean {
  return d.gridPath !== null && d.memberId !== actor.userId && hasRoleAt(actor, ['grid_leader'], d.gridPath);
}

/** 社区核实: community staff over the declaration, never for their own declaration (even if they are also staff). */
export function canVerifyDeclaration(actor: Actor, d: { memberId: string; path: string }): boolean {
  return d.memberId !== actor.userId && isPointsStaffAt(actor, d.path);
}

/** Rankings and rules are visible to the community's members and workers, and to staff over it (not to every resident). */
export function canViewCommunity(actor: Actor, communityPath: string): boolean {
  return actor.roles.some((g) => g.role !== 'resident' && (isWithin(communityPath, g.areaPath) || isWithin(g.areaPath, communityPath)));
}
