/** Which community a points page is about: the one asked for (checked), else the actor's own. */
import type { Area } from '../../shared/areas/model';
import { AppError, invalid } from '../../shared/errors';
import { levelAt } from '../areas/levels';
import { keptPathOf } from '../areas/repo';
import type { Ctx } from '../runtime/types';

/**
 * The actor's own community: staff and member grants first (they are on the community itself), then a grid, building or
 * home grant's 社区 found by the nodes' levels (a 片区 above or a 微网格 below shifts the depth), from the warm instance.
 */
export async function ownCommunityId(ctx: Pick<Ctx, 'actor' | 'store'>): Promise<string | null> {
  const order = ['community_staff', 'member', 'grid_leader', 'grid_worker', 'resident'];
  const grants = ctx.actor.roles.filter((g) => order.includes(g.role)).sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  for (const g of grants) {
    if (g.role === 'member' || g.role === 'community_staff') return g.areaId;
    const community = await levelAt(ctx.store, g.areaPath, 'community');
    if (community) return community._id;
  }
  return null;
}

/** The community (asked for, or the actor's own) as a warm instance keeps it, with `allowed` checked on its path: FORBIDDEN otherwise. */
export async function requireCommunity(ctx: Ctx, communityId: string | undefined, allowed: (path: string) => boolean): Promise<Area> {
  const id = communityId ?? (await ownCommunityId(ctx));
  if (!id) throw invalid('communityId', '请选择社区');
  const { node } = await keptPathOf(ctx.store, id, '社区');
  if (node.level !== 'community') throw invalid('communityId', '请选择社区（居委会）');
  if (!allowed(node.path)) throw new AppError('FORBIDDEN', '只能查看或管理本社区的积分');
  return node;
}
