/**
 * Names of the grids and organisations on a page of totals or declarations, as a warm instance keeps them: none read
 * once warm, one read each otherwise. A renamed grid forgets its kept copy on the instance that renamed it and reaches
 * the others within WARM_TTL_MS, as every kept area does; a 报到单位 is never renamed (members.createOrganisation only).
 */
import { AREAS_KEPT, areas } from '../areas/repo';
import { organisations } from '../members/repo';
import type { Ctx } from '../runtime/types';
import { keptByIds } from '../runtime/warm';
import type { TotalDoc } from './repo';

export async function namesFor(ctx: Ctx, docs: Array<Pick<TotalDoc, 'gridId'> & { orgId?: string | null }>): Promise<{ grid: Map<string, string>; org: Map<string, string> }> {
  const gridIds = [...new Set(docs.map((d) => d.gridId).filter((x): x is string => !!x))];
  const orgIds = [...new Set(docs.map((d) => d.orgId).filter((x): x is string => !!x))];
  const [grids, orgs] = await Promise.all([
    gridIds.length ? keptByIds(ctx.store, `${AREAS_KEPT}node/`, gridIds, (ids) => areas(ctx.store).find({ _id: { $in: ids } })) : [],
    orgIds.length ? keptByIds(ctx.store, 'organisations/', orgIds, (ids) => organisations(ctx.store).find({ _id: { $in: ids } })) : [],
  ]);
  return { grid: new Map(grids.map((g) => [g._id, g.name])), org: new Map(orgs.map((o) => [o._id, o.name])) };
}
