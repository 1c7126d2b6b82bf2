/** Which community a points page is about: the one asked for (checked), else the actor's own. */
import type { Area } from '../../shared/areas/model';
import { idsOnPath } from '../../shared/areas/model';
import { AppError, invalid } from '../../shared/errors';
import type { Actor, RoleGrant } from '../../shared/users/roles';
import { keptPathOf } from '../areas/repo';
import type { Ctx } from '../runtime/types';

/** The community a grant sits in, when it is at or below one (grids and buildings sit 1 and 2 below). */
function communityOfGrant(g: RoleGrant): string | null {
  const ids = idsOnPath(g.areaPath);
  if (g.role === 'member' || g.role === 'community_staff') return g.areaId;
  if (g.role === 'grid_leader' || g.role === 'grid_worker') return ids[ids.length - 2] ?? null;
  if (g.role === 'resident') return ids[ids.length - 3] ?? null;
  return null;
}

/** The actor's own community: staff and member grants first, then the resident's home. */
export function ownCommunityId(actor: Actor): string | null {
  const order = ['community_staff', 'member', 'grid_leader', 'grid_worker', 'resident'];
  const grants = [...actor.roles].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  for (const g of grants) {
    const id = communityOfGrant(g);
    if (id) return id;
  }
  return null;
}

/** The community (asked for, or the actor's own) as a warm instance keeps it, with `allowed` checked on its path: FORBIDDEN otherwise. */
export async function requireCommunity(ctx: Ctx, communityId: string | undefined, allowed: (path: string) => boolean): Promise<Area> {
  const id = communityId ?? ownCommunityId(ctx.actor);
  if (!id) throw invalid('communityId', '请选择社区');
  const { node } = await keptPathOf(ctx.store, id, '社区');
  if (node.level !== 'community') throw invalid('communityId', '请选择社区（居委会）');
  if (!allowed(node.path)) throw new AppError('FORBIDDEN', '只能查看或管理本社区的积分');
  return node;
}
