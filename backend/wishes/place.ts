/** Where a wish belongs: the community of a building, or of the viewer (for the board they open by default). */
import type { Area } from '../../shared/areas/model';
import { AppError, invalid } from '../../shared/errors';
import type { Role } from '../../shared/users/roles';
import { areasOnPaths, keptPathOf } from '../areas/repo';
import type { Ctx } from '../runtime/types';

export async function requireCommunity(ctx: Ctx, id: string): Promise<Area> {
  const { node } = await keptPathOf(ctx.store, id, '社区');
  if (node.level !== 'community') throw invalid('communityId', '请选择一个社区');
  return node;
}

/** A building and the community and grid above it, as the warm instance keeps the path (no read most of the time). */
export async function buildingPlace(ctx: Ctx, buildingId: string): Promise<{ building: Area; community: Area; grid: Area | null }> {
  const { node: building, known: path } = await keptPathOf(ctx.store, buildingId, '楼栋');
  if (building.level !== 'building') throw invalid('buildingId', '请选择具体的楼栋');
  const known = [...path.values()];
  const community = known.find((a) => a.level === 'community');
  if (!community) throw new AppError('NOT_FOUND', '楼栋不属于任何社区');
  return { building, community, grid: known.find((a) => a.level === 'grid') ?? null };
}

/** Grants that say where someone lives or serves, most personal first. */
const HOME_ORDER: Role[] = ['resident', 'member', 'community_staff', 'grid_leader', 'grid_worker'];

/** The community the viewer belongs to; street staff (above any community) must choose one. */
export async function viewerCommunity(ctx: Ctx): Promise<Area> {
  const grant = HOME_ORDER.map((r) => ctx.actor.roles.find((g) => g.role === r)).find(Boolean);
  // A grant on a node since retired still says where the viewer belongs: read its path as it stands.
  const path = grant
    ? await keptPathOf(ctx.store, grant.areaId).then(
        (p) => p.known,
        () => areasOnPaths(ctx.store, [grant.areaPath]),
      )
    : new Map<string, Area>();
  const known = [...path.values()];
  const community = known.find((a) => a.level === 'community');
  if (!community) throw invalid('communityId', '请先选择要查看的社区');
  return community;
}
