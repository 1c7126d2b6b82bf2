/** Which nodes and activities a staff member may make codes for, and what each code names. */
import type { Area } from '../../shared/areas/model';
import { AREA_LEVEL_NAMES } from '../../shared/areas/model';
import { CODE_LEVELS, CODE_PAGES, encodeScene, webRouteFor } from '../../shared/codes/scene';
import type { SceneTarget } from '../../shared/codes/scene';
import { AppError, invalid } from '../../shared/errors';
import { hasRoleAt } from '../../shared/users/permissions';
import { STAFF_ROLES } from '../../shared/users/roles';
import { keptPathOf } from '../areas/repo';
import type { CodeTarget } from '../ports/types';
import type { Ctx } from '../runtime/types';
import type { ActivityRef } from './repo';
import { activityRefs } from './repo';

/** Levels a code's title names: from the community down, the same for a community, a grid and a building. */
const TITLE_LEVELS: readonly Area['level'][] = ['community', 'grid', 'building'];

/** A code's place in words: `梅川第一居委会 / 第一网格 / 1号楼`, never the street or 片区 above the community. */
export function placeNames(node: Area, known: Map<string, Area>): string[] {
  return [...node.ancestors, node._id]
    .map((id) => (id === node._id ? node : known.get(id)))
    .filter((a): a is Area => Boolean(a && TITLE_LEVELS.includes(a.level)))
    .map((a) => a.name);
}

export function codeTarget(target: SceneTarget, level?: Area['level']): CodeTarget {
  return { scene: encodeScene(target), page: CODE_PAGES.scan, webRoute: webRouteFor(target, level) };
}

/** A node in service, of a level that takes a code, inside the actor's staff scope: from the warm instance with its path (keptOnPath then reads nothing). */
export async function requireManagedNode(ctx: Ctx, areaId: string, field = 'areaId'): Promise<Area> {
  const { node } = await keptPathOf(ctx.store, areaId);
  if (!(CODE_LEVELS as readonly string[]).includes(node.level)) {
    const msg = `${AREA_LEVEL_NAMES[node.level]}不能生成民情二维码，请选择社区、网格或楼栋`;
    throw invalid(field, msg);
  }
  if (!hasRoleAt(ctx.actor, STAFF_ROLES, node.path)) throw new AppError('FORBIDDEN', '只能为您负责区域内的社区、网格和楼栋生成二维码');
  return node;
}

export async function requireManagedActivity(ctx: Ctx, activityId: string): Promise<ActivityRef> {
  const activity = await activityRefs(ctx.store).get(activityId);
  if (!activity) throw new AppError('NOT_FOUND', '活动不存在或已删除');
  if (!hasRoleAt(ctx.actor, STAFF_ROLES, activity.path)) throw new AppError('FORBIDDEN', '只能为您负责区域内的活动生成签到码');
  return activity;
}
