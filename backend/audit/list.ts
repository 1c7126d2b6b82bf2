/** 操作日志: community and street staff read the audit log of a node in their subtree, filtered and paged. */
import { AppError } from '../../shared/errors';
import { actionLabel, actorRoleName, detailWords, recordName } from '../../shared/audit/labels';
import { targetName } from '../../shared/audit/model';
import type { AuditPage, AuditView, ListAuditInput } from '../../shared/audit/schemas';
import { hasRoleAt, staffScopes } from '../../shared/users/permissions';
import type { Role } from '../../shared/users/roles';
import { keptOnPaths } from '../areas/levels';
import { keptPathOf, trailOf } from '../areas/repo';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import { dayRange } from './days';
import type { AuditDoc } from './record';

const READERS: readonly Role[] = ['community_staff', 'street_admin'];

/** The node to read: the one asked for, or the caller's own when they read from exactly one. */
async function scopeNode(ctx: Ctx, areaId: string | undefined) {
  const mine = staffScopes(ctx.actor).filter((p) => hasRoleAt(ctx.actor, READERS, p));
  const own = ctx.actor.roles.find((g) => READERS.includes(g.role) && mine.includes(g.areaPath));
  const id = areaId ?? own?.areaId;
  if (!id) throw new AppError('FORBIDDEN', '只有社区工作人员和街道管理员可以查看操作日志');
  // From the warm instance, as the page's trails below: the log reads only its entries most of the time.
  const { node } = await keptPathOf(ctx.store, id);
  if (!hasRoleAt(ctx.actor, READERS, node.path)) throw new AppError('FORBIDDEN', '只能查看您负责区域的操作日志');
  return node;
}

export async function listAudit(ctx: Ctx, input: ListAuditInput): Promise<AuditPage> {
  const node = await scopeNode(ctx, input.areaId);
  const filter: Filter = { areaPath: { $prefix: node.path } };
  const at = dayRange(input.from, input.to);
  if (at) filter.at = at;
  if (input.actorId) filter.actorId = input.actorId;
  if (input.action) filter.action = input.action;
  if (input.targetType) filter.targetType = input.targetType;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const log = ctx.store.collection<AuditDoc>('audit');
  const [found, total] = await Promise.all([
    log.find(filter, {
      sort: [
        ['at', -1],
        ['_id', -1],
      ],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
    log.count(filter),
  ]);
  const known = await keptOnPaths(ctx.store, [...new Set(found.map((a) => a.areaPath))]);
  const items: AuditView[] = found.map((a) => {
    // A record that is an area (社区, 网格) is the last node on its path: named from the trail's nodes, no extra read.
    const facts = { action: a.action, targetType: a.targetType, targetId: a.targetId, detail: a.detail ?? {}, areaName: known.get(a.targetId)?.name };
    return {
      id: a._id,
      at: a.at,
      actorId: a.actorId,
      actorName: a.actorName,
      actorRole: actorRoleName(a.actorId, a.actorRole),
      action: a.action,
      actionName: actionLabel(a.action),
      targetType: a.targetType,
      targetName: targetName(a.targetType),
      targetId: a.targetId,
      recordName: recordName(facts),
      trail: trailOf(a.areaPath, known),
      details: detailWords(facts),
    };
  });
  return { items, total, page, pageSize, areaName: node.name };
}
