/** 授予/撤销角色: staff change roles on nodes of their own subtree; every change is audited, on the same write as the change. */
import { AppError } from '../../shared/errors';
import { AREA_LEVEL_NAMES } from '../../shared/areas/model';
import type { Area } from '../../shared/areas/model';
import { canChangeRolesOf, canGrantRole, canRevokeRole, roleFitsLevel } from '../../shared/users/permissions';
import { ROLE_LEVELS, ROLE_NAMES, STAFF_ROLES } from '../../shared/users/roles';
import type { Role } from '../../shared/users/roles';
import type { RoleGrant } from '../../shared/users/roles';
import type { GrantRoleInput, RevokeRoleInput } from '../../shared/users/schemas';
import { keptNode } from '../areas/repo';
import type { Effect } from '../records/effects';
import { audited } from '../records/make';
import { updateWithEffects } from '../records/move';
import { readOnce } from '../runtime/prefetch';
import type { Ctx } from '../runtime/types';
import type { PeopleEffect } from './after';
import type { UserDoc } from './repo';
import { roleFields, users } from './repo';

/** The person whose roles change (read beside the caller): someone other than the actor. */
async function requireUser(ctx: Ctx, id: string): Promise<UserDoc> {
  const user = await readOnce<UserDoc>(ctx, 'users', id);
  if (!user) throw new AppError('NOT_FOUND', '要设置的人员不存在');
  if (!canChangeRolesOf(ctx.actor, user._id)) throw new AppError('FORBIDDEN', '不能调整自己的角色，请由其他工作人员或上级处理');
  return user;
}

/** A grant of `role` on a node, made now by the actor. */
export function newGrant(ctx: Ctx, role: Role, node: Pick<Area, '_id' | 'path'>): RoleGrant {
  return { role, areaId: node._id, areaPath: node.path, grantedBy: ctx.actor.userId, grantedAt: ctx.now() };
}

/**
 * Writes the new role list (and any fields that change with it, as 双报到 approval's home and skills)
 * only if nobody changed the person since we read them; false when someone did.
 */
export async function writeRoles(ctx: Ctx, user: UserDoc, roles: RoleGrant[], also: Partial<UserDoc> = {}): Promise<boolean> {
  const matched = await users(ctx.store).updateWhere({ _id: user._id, rev: user.rev }, { $set: { ...also, ...roleFields(roles) }, $inc: { rev: 1 } });
  return matched === 1;
}

/** A 网格长 belongs on a grid, a 社区工作人员 on a community: say which level the role needs. */
function requireFit(role: Role, node: Area): void {
  if (roleFitsLevel(role, node)) return;
  const levels = ROLE_LEVELS[role].map((l) => AREA_LEVEL_NAMES[l]).join('或');
  const message = `${ROLE_NAMES[role]}只能设在${levels}上，「${node.name}」是${AREA_LEVEL_NAMES[node.level]}`;
  throw new AppError('VALIDATION', message, { areaId: message });
}

/** The node a role is changed on, as a warm instance keeps it (no read most of the time). */
async function nodeOf(ctx: Ctx, id: string): Promise<Area> {
  const node = await keptNode(ctx.store, id);
  if (!node || node.retired) throw new AppError('NOT_FOUND', '区域不存在或已停用');
  return node;
}

/**
 * The person's new role list, written only if nobody changed them since the read (read beside the caller), carrying
 * the audit and the `people` effect: two requests on a warm instance (backend/users/after.ts applies the rest).
 */
async function writeChange(ctx: Ctx, user: UserDoc, roles: RoleGrant[], audit: Effect, people: Omit<PeopleEffect, 'type' | 'userId'>): Promise<void> {
  const effects: Effect[] = [audit, { type: 'people', userId: user._id, ...people }];
  const matched = await updateWithEffects(ctx, 'users', user._id, { _id: user._id, rev: user.rev }, { $set: roleFields(roles), $inc: { rev: 1 } }, effects);
  if (matched !== 1) throw new AppError('CONFLICT', '该人员的角色刚被他人修改，请刷新后重试');
}

/** The audit entry of one grant or revoke, the same wherever the change was made (here, or by 双报到). */
export const auditRoleChange = (ctx: Ctx, change: 'grantRole' | 'revokeRole', user: UserDoc, role: Role, node: Area, detail: Record<string, unknown> = {}) =>
  audited(ctx, { action: `users.${change}`, targetType: 'user', targetId: user._id, areaPath: node.path, detail: { role, areaId: node._id, userName: user.name, ...detail } });

export async function grantRole(ctx: Ctx, input: GrantRoleInput): Promise<{ changed: boolean }> {
  const node = await nodeOf(ctx, input.areaId);
  requireFit(input.role, node);
  if (!canGrantRole(ctx.actor, input.role, node)) {
    throw new AppError('FORBIDDEN', `您不能在「${node.name}」授予${ROLE_NAMES[input.role]}角色`);
  }
  const user = await requireUser(ctx, input.userId);
  if (user.roles.some((g) => g.role === input.role && g.areaId === node._id && !g.actingFor)) return { changed: false };
  // Invitations they sent are checked again: one refused because they had lost the node holds again.
  await writeChange(ctx, user, [...user.roles, newGrant(ctx, input.role, node)], auditRoleChange(ctx, 'grantRole', user, input.role, node), { recheck: true });
  return { changed: true };
}

export async function revokeRole(ctx: Ctx, input: RevokeRoleInput): Promise<{ changed: boolean }> {
  const node = await nodeOf(ctx, input.areaId);
  requireFit(input.role, node);
  if (!canRevokeRole(ctx.actor, input.role, node)) {
    throw new AppError('FORBIDDEN', `您不能在「${node.name}」撤销${ROLE_NAMES[input.role]}角色`);
  }
  const user = await requireUser(ctx, input.userId);
  // The person's own grant; an acting copy (AB角) ends when its A person is back.
  const removed = user.roles.find((g) => g.role === input.role && g.areaId === node._id && !g.actingFor);
  if (!removed) return { changed: false };
  const rest = user.roles.filter((g) => g !== removed);
  // What they held by it goes to the B角 or back to the node's staff (backend/users/handover.ts), applied after the
  // answer from this same write: a member's held orders, a staff grant's orders nobody else answers for, a B's acting copy.
  const hands = removed.role === 'member' || STAFF_ROLES.includes(removed.role) || !!removed.away;
  const by = { userId: ctx.actor.userId, name: ctx.actor.name, roles: ctx.actor.roles };
  await writeChange(ctx, user, rest, auditRoleChange(ctx, 'revokeRole', user, input.role, node, { reason: input.reason }), {
    recheck: true,
    ...(removed.role === 'building_head' && { vacateHead: node._id }),
    ...(hands && { handover: { by, name: user.name, grant: removed, rest } }),
  });
  return { changed: true };
}
