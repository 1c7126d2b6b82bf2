/** Names of the grids and organisations on a page of totals or declarations: one read each, not one per row. */
import { areas } from '../areas/repo';
import { organisations } from '../members/repo';
import type { Ctx } from '../runtime/types';
import type { TotalDoc } from './repo';

export async function namesFor(ctx: Ctx, docs: Array<Pick<TotalDoc, 'gridId'> & { orgId?: string | null }>): Promise<{ grid: Map<string, string>; org: Map<string, string> }> {
  const gridIds = [...new Set(docs.map((d) => d.gridId).filter((x): x is string => !!x))];
  const orgIds = [...new Set(docs.map((d) => d.orgId).filter((x): x is string => !!x))];
  const [grids, orgs] = await Promise.all([
    gridIds.length ? areas(ctx.store).find({ _id: { $in: gridIds } }) : [],
    orgIds.length ? organisations(ctx.store).find({ _id: { $in: orgIds } }) : [],
  ]);
  return { grid: new Map(grids.map((g) => [g._id, g.name])), org: new Map(orgs.map((o) => [o._id, o.name])) };
}
