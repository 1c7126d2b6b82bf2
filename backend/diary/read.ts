/** Reading the 民情日记: a grid's (网格员, 网格长), a community's (社区) or a street's visits, paged and filtered; one visit. */
import { AppError } from '../../shared/errors';
import { TAG_CATEGORY } from '../../shared/diary/model';
import type { ListVisitsInput, VisitCard, VisitIdInput, VisitPage, VisitView } from '../../shared/diary/schemas';
import { hasRoleAt, staffScopes } from '../../shared/users/permissions';
import { STAFF_ROLES } from '../../shared/users/roles';
import { dayRange } from '../audit/days';
import { keptPathOf } from '../areas/repo';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import type { VisitDoc } from './repo';
import { visits } from './repo';

export const canReadVisit = (ctx: Ctx, v: Pick<VisitDoc, 'path'>) => hasRoleAt(ctx.actor, STAFF_ROLES, v.path);

export function toVisitCard(v: VisitDoc): VisitCard {
  return {
    id: v._id,
    residentName: v.residentName,
    place: v.place,
    summary: v.heard.length > 60 ? `${v.heard.slice(0, 60)}…` : v.heard,
    tags: v.tags,
    photoCount: v.photos.length,
    createdAt: v.createdAt,
    createdByName: v.createdByName,
    orderId: v.orderId,
  };
}

/** Staff only; others learn nothing about whether the visit exists. */
export async function requireVisit(ctx: Ctx, id: string): Promise<VisitDoc> {
  const v = await visits(ctx.store).get(id);
  if (!v || !canReadVisit(ctx, v)) throw new AppError('NOT_FOUND', '走访记录不存在或您无权查看');
  return v;
}

export async function listVisits(ctx: Ctx, input: ListVisitsInput): Promise<VisitPage> {
  const areaId = input.areaId ?? ctx.actor.roles.find((g) => STAFF_ROLES.includes(g.role) && staffScopes(ctx.actor).includes(g.areaPath))?.areaId;
  if (!areaId) throw new AppError('FORBIDDEN', '只有网格员、网格长、社区和街道工作人员可以查看民情日记');
  const { node } = await keptPathOf(ctx.store, areaId);
  if (!hasRoleAt(ctx.actor, STAFF_ROLES, node.path)) throw new AppError('FORBIDDEN', '只能查看您负责区域的民情日记');
  const filter: Filter = { path: { $prefix: node.path } };
  if (input.buildingId) filter.buildingId = input.buildingId;
  if (input.tag) filter.tags = { $has: input.tag };
  const at = dayRange(input.from, input.to);
  if (at) filter.createdAt = at;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const [found, total] = await Promise.all([
    visits(ctx.store).find(filter, {
      sort: [
        ['createdAt', -1],
        ['_id', -1],
      ],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
    visits(ctx.store).count(filter),
  ]);
  return { items: found.map(toVisitCard), total, page, pageSize, areaName: node.name };
}

export async function visitDetail(ctx: Ctx, input: VisitIdInput): Promise<VisitView> {
  const v = await requireVisit(ctx, input.visitId);
  return {
    ...toVisitCard(v),
    heard: v.heard,
    buildingId: v.buildingId,
    trail: v.trail,
    residentLinked: v.residentId !== null,
    photoUrls: v.photos.map((p) => ctx.ports.files.url(p.fileId)),
    canMakeOrder: v.orderId === null,
    suggestedCategory: TAG_CATEGORY[v.tags[0] ?? '其他'],
  };
}
