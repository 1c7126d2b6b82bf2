/** Where a post or activity belongs: a community or grid in the publisher's subtree; and the caller's scopes for lists. */
import type { Area } from '../../shared/areas/model';
import { AppError, invalid } from '../../shared/errors';
import { PUBLISHER_ROLES, canManage } from '../../shared/activities/permissions';
import type { Actor } from '../../shared/users/roles';
import { keptPathOf } from '../areas/repo';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import type { Placed } from './repo';

/**
 * The node a publisher chose, checked: it exists, is a community or grid, and lies in their subtree; stamped with who
 * and when. Areas come from the warm instance (backend/areas/repo.ts keptPathOf): most publishing reads none.
 */
export async function placeFor(ctx: Ctx, areaId: string): Promise<Placed> {
  const node: Area | null = await keptPathOf(ctx.store, areaId).then(
    (kept) => kept.node,
    () => null,
  );
  const field = { areaId: '请选择所属社区或网格' };
  if (!node || node.retired) throw invalid('areaId', '所属社区或网格不存在或已停用');
  if (node.level !== 'community' && node.level !== 'grid') throw new AppError('VALIDATION', field.areaId, field);
  if (!canManage(ctx.actor, node)) throw new AppError('FORBIDDEN', '只有本社区的社区工作人员或街道管理员可以发布');
  // A grid's parent is always its community (CHILD_LEVELS).
  const communityId = node.level === 'community' ? node._id : (node.parentId ?? node._id);
  return { areaId: node._id, areaName: node.name, communityId, path: node.path, createdBy: ctx.actor.userId, createdByName: ctx.actor.name, createdAt: ctx.now() };
}

const pathsOf = (actor: Actor, roles: readonly string[]) => [...new Set(actor.roles.filter((g) => roles.includes(g.role)).map((g) => g.areaPath))];

/** Subtree filter over the communities where the caller is a registered member; FORBIDDEN for non-members. */
export function memberFilter(actor: Actor): Filter {
  const scopes = pathsOf(actor, ['member']);
  if (scopes.length === 0) throw new AppError('FORBIDDEN', '完成双报到后才能参加志愿服务');
  return { $or: scopes.map((s) => ({ path: { $prefix: s } })) };
}

/** Subtree filter over where the caller may publish; FORBIDDEN for everyone else. */
export function managerFilter(actor: Actor): Filter {
  const scopes = pathsOf(actor, PUBLISHER_ROLES);
  if (scopes.length === 0) throw new AppError('FORBIDDEN', '只有社区工作人员或街道管理员可以管理志愿服务');
  return { $or: scopes.map((s) => ({ path: { $prefix: s } })) };
}

export const paging = (input: { page?: number; pageSize?: number }) => {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  return { page, pageSize, skip: (page - 1) * pageSize };
};
