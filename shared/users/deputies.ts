/**
 * AB角 deputies, 一人联十户 households and the node page: inputs, views and who may do what. A grant may name a B person;
 * while its holder is away the B person holds an acting copy of it, so whatever reaches the grant reaches them.
 */
import * as z from 'zod/mini';
import type { AreaView } from '../areas/schemas';
import { isWithin } from '../areas/model';
import { bool, id, input } from '../validation';
import type { Actor, Role, RoleGrant } from './roles';
import { ROLE_RANK, ROLES } from './roles';
import { oneOf } from '../validation';

const theGrant = { userId: id('人员'), role: oneOf('角色', ROLES), areaId: id('区域') };

/** 设置B角: `deputyId` absent clears it. */
export const setDeputyInput = input({ ...theGrant, deputyId: z.optional(id('B角')) });
/** 标记不在岗/已返回: the B person is named so the page confirms who receives the items (and the server reads them beside the caller). */
export const setAwayInput = input({ ...theGrant, away: bool('是否不在岗'), deputyId: id('B角') });
/** 一人联十户: the residents a 微网格联络员 is linked to (the whole list, replacing the last). */
export const linkHouseholdsInput = input({ ...theGrant, residentIds: z.array(id('住户')).check(z.maxLength(30, '住户最多 30 户')) });
export const nodeInput = input({ areaId: id('区域') });

export type SetDeputyInput = z.infer<typeof setDeputyInput>;
export type SetAwayInput = z.infer<typeof setAwayInput>;
export type LinkHouseholdsInput = z.infer<typeof linkHouseholdsInput>;
export type NodeInput = z.infer<typeof nodeInput>;

/** One role held on the node, as its page shows it. */
export interface NodeRoleView {
  role: Role;
  roleName: string;
  deputyId: string | null;
  deputyName: string | null;
  away: boolean;
  /** Acting for an away A person (this person is their B角). */
  actingForName: string | null;
  households: number;
  /** The residents a 联络员 is linked to, for staff who may change the list (empty otherwise). */
  householdIds: string[];
  /** The viewer may name the deputy, link households, mark away (a grant of a role below theirs, not their own). */
  canManage: boolean;
  /** The viewer may mark this grant away or back: its holder themself or whoever may manage it. */
  canMarkAway: boolean;
}
export interface NodePersonView {
  id: string;
  name: string;
  mobileMasked: string | null;
  roles: NodeRoleView[];
}
export interface NodeView {
  node: AreaView;
  /** People holding a role on this node (staff first). */
  staff: NodePersonView[];
  /** 在职党员 living under the node (双报到), first 50 by name. */
  members: Array<{ id: string; name: string; mobileMasked: string | null }>;
}
export interface HouseholdView {
  id: string;
  name: string;
  mobile: string | null;
  homeTrail: string;
}

/** The highest rank the actor holds over the node at `path`. */
function rankAt(actor: Actor, path: string): number {
  return Math.max(-1, ...actor.roles.filter((g) => isWithin(path, g.areaPath)).map((g) => ROLE_RANK[g.role]));
}

/** Naming a grant's deputy, linking its households, marking it away: as granting it (a role below one's own within one's subtree), never one's own. */
export function canManageGrant(actor: Actor, holderId: string, grant: Pick<RoleGrant, 'role' | 'areaPath'>): boolean {
  if (actor.userId === holderId) return false;
  const mine = rankAt(actor, grant.areaPath);
  if (mine < ROLE_RANK.grid_leader) return false;
  const theirs = ROLE_RANK[grant.role];
  return theirs < mine || (mine >= ROLE_RANK.community_staff && theirs === mine);
}

/** The holder says they are away or back themself; staff who may manage the grant may too. */
export const canMarkAway = (actor: Actor, holderId: string, grant: Pick<RoleGrant, 'role' | 'areaPath'>): boolean =>
  actor.userId === holderId || canManageGrant(actor, holderId, grant);

/** The parent's path of a node's path: "/S/C/G/" → "/S/C/". */
export const parentPathOf = (path: string): string => path.replace(/[^/]+\/$/, '');

/**
 * A B person works nearby: they hold a role above 居民 of their own (not an acting copy) on a node under the grant's
 * parent, so a grid's B角 is someone of the same community, a building's someone of the same grid.
 */
export function worksNear(roles: readonly RoleGrant[], grant: Pick<RoleGrant, 'areaPath'>): boolean {
  const near = parentPathOf(grant.areaPath);
  return roles.some((g) => !g.actingFor && ROLE_RANK[g.role] >= 1 && isWithin(g.areaPath, near));
}

/** A person's own grant of `role` on a node (not an acting copy). */
export const ownGrant = (roles: readonly RoleGrant[], role: Role, areaId: string): RoleGrant | undefined =>
  roles.find((g) => g.role === role && g.areaId === areaId && !g.actingFor);
