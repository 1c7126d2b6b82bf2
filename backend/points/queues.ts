/** Declaration lists: my declarations, the grid leader's 汇总 queue, the community's 核实 queue. */
import { AppError } from '../../shared/errors';
import { declarationLabel, declarationNote } from '../../shared/points/machine';
import { DECLARATION_STATUSES, canStepFrom, declaredPoints } from '../../shared/points/model';
import { canVerifyDeclaration, isPointsStaffAt } from '../../shared/points/permissions';
import type { DeclarationView, GridQueueInput, MyDeclarationsInput, VerifyQueueInput } from '../../shared/points/schemas';
import { hasRoleAt } from '../../shared/users/permissions';
import type { TimelineView } from '../../shared/records/machine';
import type { TimelineEntry } from '../../shared/records/machine';
import type { Page } from '../../shared/users/schemas';
import { AREAS_KEPT, areas, keptPathOf } from '../areas/repo';
import type { Ctx } from '../runtime/types';
import { warm } from '../runtime/warm';
import type { Filter, SortSpec } from '../store/port';
import { requireCommunity } from './community';
import type { DeclarationDoc } from './repo';
import { declarations } from './repo';
import { keptPointsRules } from './rules';

const toStepView = (e: TimelineEntry): TimelineView => ({ at: e.at, actorName: e.actorName, roleName: e.role, action: declarationLabel(e), note: declarationNote(e) });

/** A grid's name as a warm instance keeps it (retired grids keep theirs): no read once warm. */
const gridName = (ctx: Ctx, id: string): Promise<string> => warm(ctx.store, `${AREAS_KEPT}name/${id}`, async () => (await areas(ctx.store).get(id))?.name ?? '');

/** Views for a page of declarations: grid names and each community's rules as this instance keeps them. */
async function toViews(ctx: Ctx, docs: DeclarationDoc[]): Promise<DeclarationView[]> {
  const communityIds = [...new Set(docs.map((d) => d.communityId))];
  const gridIds = [...new Set(docs.map((d) => d.gridId).filter((g): g is string => !!g))];
  const [grids, rules] = await Promise.all([
    Promise.all(gridIds.map(async (g) => [g, await gridName(ctx, g)] as const)),
    Promise.all(communityIds.map(async (c) => [c, await keptPointsRules(ctx, c)] as const)),
  ]);
  const names = new Map(grids);
  const perHour = new Map(rules.map(([c, r]) => [c, r.activityPerHour]));
  return docs.map((d) => ({
    id: d._id,
    memberId: d.memberId,
    memberName: d.memberName,
    gridName: (d.gridId && names.get(d.gridId)) || '',
    date: d.date,
    hours: d.hours,
    description: d.description,
    photoUrls: d.photos.map((p) => ctx.ports.files.url(p.fileId)),
    status: d.status,
    statusName: DECLARATION_STATUSES[d.status],
    points: d.points,
    suggestedPoints: declaredPoints(d.hours, perHour.get(d.communityId) ?? 0),
    reason: d.reason,
    createdAt: d.createdAt,
    steps: d.timeline.map(toStepView),
    canVerify: canStepFrom('verify', d.status) && canVerifyDeclaration(ctx.actor, d),
  }));
}

async function pageOf(ctx: Ctx, filter: Filter, sort: SortSpec, input: { page?: number; pageSize?: number }): Promise<Page<DeclarationView>> {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const [docs, total] = await Promise.all([declarations(ctx.store).find(filter, { sort, limit: pageSize, skip: (page - 1) * pageSize }), declarations(ctx.store).count(filter)]);
  return { items: await toViews(ctx, docs), total, page, pageSize };
}

export function myDeclarations(ctx: Ctx, input: MyDeclarationsInput): Promise<Page<DeclarationView>> {
  const filter: Filter = { memberId: ctx.actor.userId };
  if (input.status) filter.status = input.status;
  return pageOf(ctx, filter, [['createdAt', -1]], input);
}

/** 召集人汇总 queue: the grid asked for (or the first the actor leads), oldest first. */
export async function gridQueue(ctx: Ctx, input: GridQueueInput): Promise<Page<DeclarationView> & { gridName: string }> {
  const gridId = input.gridId ?? ctx.actor.roles.find((g) => g.role === 'grid_leader')?.areaId;
  if (!gridId) throw new AppError('FORBIDDEN', '只有网格长可以汇总积分申报');
  const { node: grid } = await keptPathOf(ctx.store, gridId, '网格');
  if (grid.level !== 'grid' || !hasRoleAt(ctx.actor, ['grid_leader'], grid.path)) throw new AppError('FORBIDDEN', '只能汇总您担任网格长的网格');
  const page = await pageOf(ctx, { gridId: grid._id, status: 'declared' }, [['createdAt', 1]], input);
  return { ...page, gridName: grid.name };
}

/**
 * 社区核实 queue: forwarded declarations of the community, oldest first — or those still waiting at a grid
 * (`declared`: the community may decide them too), or those already decided.
 */
export async function verifyQueue(ctx: Ctx, input: VerifyQueueInput): Promise<Page<DeclarationView> & { communityName: string }> {
  const community = await requireCommunity(ctx, input.communityId, (p) => isPointsStaffAt(ctx.actor, p));
  const status = input.status ?? 'forwarded';
  const waiting = status === 'forwarded' || status === 'declared';
  const page = await pageOf(ctx, { communityId: community._id, status }, [['createdAt', waiting ? 1 : -1]], input);
  return { ...page, communityName: community.name };
}
