/** 授予/撤销角色: staff change roles on nodes of their own subtree; every change is audited. */
import { AppError } from '../../shared/errors';
import { AREA_LEVEL_NAMES } from '../../shared/areas/model';
import type { Area } from '../../shared/areas/model';
import { canChangeRolesOf, canGrantRole, canRevokeRole, roleFitsLevel } from '../../shared/users/permissions';
import { ROLE_LEVELS, ROLE_NAMES } from '../../shared/users/roles';
import type { Role } from '../../shared/users/roles';
import type { RoleGrant } from '../../shared/users/roles';
import type { GrantRoleInput, RevokeRoleInput } from '../../shared/users/schemas';
import { recordAudit } from '../audit/record';
import { handOver, handUp } from './handover';
import { requireArea } from '../areas/repo';
import type { Ctx } from '../runtime/types';
import type { UserDoc } from './repo';
import { roleFields, users } from './repo';

/** The person whose roles change: someone other than the actor. */
async function requireUser(ctx: Ctx, id: string): Promise<UserDoc> {
  const user = await users(ctx.store).get(id);
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

async function saveRoles(ctx: Ctx, user: UserDoc, roles: RoleGrant[]): Promise<void> {
  if (!(await writeRoles(ctx, user, roles))) throw new AppError('CONFLICT', '该人员的角色刚被他人修改，请刷新后重试');
}

/** The audit entry of one grant or revoke, the same wherever the change was made (here, or by 双报到). */
export async function auditRoleChange(
  ctx: Ctx,
  change: 'grantRole' | 'revokeRole',
  user: Pick<UserDoc, '_id' | 'name'>,
  role: Role,
  node: Pick<Area, '_id' | 'path'>,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(ctx, {
    action: `users.${change}`,
    targetType: 'user',
    targetId: user._id,
    areaPath: node.path,
    detail: { role, areaId: node._id, userName: user.name, ...detail },
  });
}

/** A 网格长 belongs on a grid, a 社区工作人员 on a community: say which level the role needs. */
function requireFit(role: Role, node: Area): void {
  if (roleFitsLevel(role, node)) return;
  const levels = ROLE_LEVELS[role].map((l) => AREA_LEVEL_NAMES[l]).join('或');
  const message = `${ROLE_NAMES[role]}只能设在${levels}上，「${node.name}」是${AREA_LEVEL_NAMES[node.level]}`;
  throw new AppError('VALIDATION', message, { areaId: message });
}

export async function grantRole(ctx: Ctx, input: GrantRoleInput): Promise<{ changed: boolean }> {
  const node = await requireArea(ctx.store, input.areaId);
  requireFit(input.role, node);
  if (!canGrantRole(ctx.actor, input.role, node)) {
    throw new AppError('FORBIDDEN', `您不能在「${node.name}」授予${ROLE_NAMES[input.role]}角色`);
  }
  const user = await requireUser(ctx, input.userId);
  if (user.roles.some((g) => g.role === input.role && g.areaId === node._id && !g.actingFor)) return { changed: false };
  await saveRoles(ctx, user, [...user.roles, newGrant(ctx, input.role, node)]);
  await auditRoleChange(ctx, 'grantRole', user, input.role, node);
  return { changed: true };
}

export async function revokeRole(ctx: Ctx, input: RevokeRoleInput): Promise<{ changed: boolean }> {
  const node = await requireArea(ctx.store, input.areaId);
  requireFit(input.role, node);
  if (!canRevokeRole(ctx.actor, input.role, node)) {
    throw new AppError('FORBIDDEN', `您不能在「${node.name}」撤销${ROLE_NAMES[input.role]}角色`);
  }
  const user = await requireUser(ctx, input.userId);
  // The person's own grant; an acting copy (AB角) ends when its A person is back.
  const removed = user.roles.find((g) => g.role === input.role && g.areaId === node._id && !g.actingFor);
  if (!removed) return { changed: false };
  const rest = user.roles.filter((g) => g !== removed);
  await saveRoles(ctx, user, rest);
  await auditRoleChange(ctx, 'revokeRole', user, input.role, node, { reason: input.reason });
  // What they held by it goes to the B角 or back to the node's staff (backend/users/handover.ts).
  await handOver(ctx, user, removed, rest);
  await handUp(ctx, user, removed);
  return { changed: true };
}
