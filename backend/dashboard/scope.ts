/** Who may look at a node's dashboard and exports: staff (网格员 up to 街道) whose subtree holds the node; the period's days. */
import type { Area } from '../../shared/areas/model';
import { isWithin } from '../../shared/areas/model';
import type { Period } from '../../shared/dashboard/model';
import type { Days } from '../../shared/dashboard/period';
import { customRangeProblem, daysBetween, periodDays } from '../../shared/dashboard/period';
import { AppError, invalid } from '../../shared/errors';
import { staffScopes } from '../../shared/users/permissions';
import { AREAS_KEPT, areas, keptNode, requireArea } from '../areas/repo';
import { warm } from '../runtime/warm';
import type { Ctx } from '../runtime/types';

/** The node asked for (or the actor's own outermost staff node), if it lies in the actor's staff subtree. */
export async function requireDashboardNode(ctx: Ctx, areaId: string | undefined): Promise<Area> {
  const scopes = staffScopes(ctx.actor);
  if (scopes.length === 0) throw new AppError('FORBIDDEN', '数据看板仅供网格员、网格长、社区和街道工作人员使用');
  if (!areaId) {
    const [own] = await areas(ctx.store).find({ path: scopes[0] ?? '' }, { limit: 1 });
    if (!own) throw new AppError('NOT_FOUND', '区域不存在或已停用');
    return own;
  }
  const node = await requireArea(ctx.store, areaId);
  if (!scopes.some((s) => isWithin(node.path, s))) throw new AppError('FORBIDDEN', '只能查看您负责区域内的数据');
  return node;
}

/** Turns the period input into days; custom needs both dates, named periods take none. */
export function resolvePeriod(input: { period: Period; from?: string; to?: string }, now: number): Days {
  if (input.period !== 'custom') {
    if (input.from !== undefined || input.to !== undefined) {
      const field = input.from !== undefined ? 'from' : 'to';
      throw invalid(field, '只有自定义时段才能指定起止日期');
    }
    return periodDays(input.period, now);
  }
  if (input.from === undefined) throw invalid('from', '自定义时段请选择开始日期');
  if (input.to === undefined) throw invalid('to', '自定义时段请选择结束日期');
  const problem = customRangeProblem(input.from, input.to);
  if (problem) throw invalid(problem.field, problem.message);
  return daysBetween(input.from, input.to);
}

/**
 * requireDashboardNode as a warm instance answers it: the node (or the actor's own) from the kept area nodes, so
 * the 下级对比 call spends its requests on counters, not on the tree. Retired nodes are NOT_FOUND, as there.
 */
export async function keptDashboardNode(ctx: Ctx, areaId: string | undefined): Promise<Area> {
  const scopes = staffScopes(ctx.actor);
  if (scopes.length === 0) throw new AppError('FORBIDDEN', '数据看板仅供网格员、网格长、社区和街道工作人员使用');
  const scope = scopes[0] ?? '';
  const node = areaId
    ? await keptNode(ctx.store, areaId)
    : await warm(ctx.store, `${AREAS_KEPT}path/${scope}`, async () => (await areas(ctx.store).find({ path: scope }, { limit: 1 }))[0] ?? null);
  if (!node || node.retired) throw new AppError('NOT_FOUND', '区域不存在或已停用');
  if (!scopes.some((s) => isWithin(node.path, s))) throw new AppError('FORBIDDEN', '只能查看您负责区域内的数据');
  return node;
}
