/** Permission predicates for people and roles: small, pure, readable. */
import type { Area, AreaLevel } from '../areas/model';
import { isWithin } from '../areas/model';
import type { Actor, Role, RoleGrant } from './roles';
import { ROLE_LEVELS, ROLE_RANK, STAFF_ROLES } from './roles';

/** Grants of the actor that reach the node at `path`. */
export function grantsCovering(actor: Actor, path: string, roles?: readonly Role[]): RoleGrant[] {
  return actor.roles.filter((g) => isWithin(path, g.areaPath) && (!roles || roles.includes(g.role)));
}

export function hasRoleAt(actor: Actor, roles: readonly Role[], path: string): boolean {
  return grantsCovering(actor, path, roles).length > 0;
}

export function isStaff(actor: Actor): boolean {
  return actor.roles.some((g) => STAFF_ROLES.includes(g.role));
}

/** Paths the actor may look into as staff: their staff grants, outermost only. */
export function staffScopes(actor: Actor): string[] {
  const paths = actor.roles.filter((g) => STAFF_ROLES.includes(g.role)).map((g) => g.areaPath);
  return outermost(paths);
}

/** Paths the actor belongs to in any role (resident's building, member's community, staff's node). */
export function anyScopes(actor: Actor): string[] {
  return outermost(actor.roles.map((g) => g.areaPath));
}

function outermost(paths: string[]): string[] {
  const unique = [...new Set(paths)].sort((a, b) => a.length - b.length);
  return unique.filter((p, i) => !unique.slice(0, i).some((q) => isWithin(p, q)));
}

/** The highest rank the actor holds over the node. */
function rankAt(actor: Actor, path: string): number {
  return Math.max(-1, ...grantsCovering(actor, path).map((g) => ROLE_RANK[g.role]));
}

/**
 * 授予角色: staff (网格长 and up) may grant a role on a node in their subtree when the role fits
 * the node's level and ranks below theirs; community and street staff may also add peers.
 */
export function canGrantRole(actor: Actor, role: Role, node: Area): boolean {
  if (!ROLE_LEVELS[role].includes(node.level)) return false;
  const mine = rankAt(actor, node.path);
  if (mine < ROLE_RANK.grid_leader) return false;
  const theirs = ROLE_RANK[role];
  return theirs < mine || (mine >= ROLE_RANK.community_staff && theirs === mine);
}

/** 撤销角色 follows the same rule as granting it, so nobody can remove a grant they could not make. */
export const canRevokeRole = canGrantRole;

/** Whose work phone a node's public phone is: the 网格长 answers a grid's, 社区 staff a community's, the street's admins the street's. */
const PHONE_ANSWERED_BY: Partial<Record<AreaLevel, Role>> = { grid: 'grid_leader', community: 'community_staff', street: 'street_admin' };

/** Calling this node's public phone would ring the caller themself: no 拨打 for them, fall back to the level above. */
export function answersPhoneOf(roles: ReadonlyArray<{ role: Role; areaId: string }>, node: { id: string; level: AreaLevel }): boolean {
  const answerer = PHONE_ANSWERED_BY[node.level];
  return answerer !== undefined && roles.some((g) => g.role === answerer && g.areaId === node.id);
}

/** Nobody changes their own roles (a staff member could otherwise make themself 在职党员 and earn points): a peer or superior does. */
export const canChangeRolesOf = (actor: Actor, userId: string): boolean => actor.userId !== userId;

export function roleFitsLevel(role: Role, node: Area): boolean {
  return ROLE_LEVELS[role].includes(node.level);
}
