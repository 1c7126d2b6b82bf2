/** The staff dispatch console: tabs with counts, filters and paging over the staff member's subtree; the member picker. */
import { isWithin } from '../../shared/areas/model';
import { AppError } from '../../shared/errors';
import type { ConsoleTab } from '../../shared/orders/model';
import { CONSOLE_TABS, HELD_STATUSES } from '../../shared/orders/model';
import { mayBeGiven } from '../../shared/orders/permissions';
import type { CandidateView, ConsoleCounts, ConsoleInput, OrderIdInput, OrderPage } from '../../shared/orders/schemas';
import { staffScopes } from '../../shared/users/permissions';
import { areasOnPaths, requireArea, trailOf } from '../areas/repo';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import { users } from '../users/repo';
import { orders } from './repo';
import { communityIdOf } from './rules';
import { requireStaffOrder } from './staff';
import { toCard } from './views';

async function consoleScopes(ctx: Ctx, areaId: string | undefined): Promise<string[]> {
  const scopes = staffScopes(ctx.actor);
  if (scopes.length === 0) throw new AppError('FORBIDDEN', '派单台仅供网格员、网格长、社区和街道使用');
  if (!areaId) return scopes;
  const node = await requireArea(ctx.store, areaId);
  if (!scopes.some((s) => isWithin(node.path, s))) throw new AppError('FORBIDDEN', '只能查看您负责区域内的点单');
  return [node.path];
}

function tabFilter(tab: ConsoleTab, scopes: string[], input: ConsoleInput): Filter {
  const filter: Filter = {
    status: { $in: [...CONSOLE_TABS[tab].statuses] },
    $or: scopes.map((s) => ({ path: { $prefix: s } })),
  };
  if (tab === 'overdue') filter.overdue = true;
  if (input.colour) filter.colour = input.colour;
  if (input.category) filter.category = input.category;
  return filter;
}

export async function orderConsole(ctx: Ctx, input: ConsoleInput): Promise<{ counts: ConsoleCounts; page: OrderPage }> {
  const scopes = await consoleScopes(ctx, input.areaId);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const tabs = Object.keys(CONSOLE_TABS) as ConsoleTab[];
  const [counted, found] = await Promise.all([
    Promise.all(tabs.map((t) => orders(ctx.store).count(tabFilter(t, scopes, input)))),
    orders(ctx.store).find(tabFilter(input.tab, scopes, input), {
      // 待分拣 oldest first (first come, first triaged); every other tab newest first.
      sort: [[input.tab === 'done' ? 'closedAt' : 'createdAt', input.tab === 'new' ? 1 : -1], ['_id', input.tab === 'new' ? 1 : -1]],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
  ]);
  const counts = Object.fromEntries(tabs.map((t, i) => [t, counted[i] ?? 0])) as ConsoleCounts;
  return { counts, page: { items: found.map(toCard), total: counts[input.tab], page, pageSize } };
}

/** 派单 picker: members registered in the order's community (not its filer or followers), with skills and how many orders they hold. */
export async function dispatchCandidates(ctx: Ctx, input: OrderIdInput): Promise<{ items: CandidateView[] }> {
  const order = await requireStaffOrder(ctx, input.orderId);
  const community = await requireArea(ctx.store, communityIdOf(order.path));
  const found = (await users(ctx.store).find({ homePath: { $prefix: community.path }, roleNames: { $has: 'member' } }, { limit: 200 })).filter((u) =>
    u.roles.some((g) => g.role === 'member' && order.path.startsWith(g.areaPath)) && mayBeGiven(ctx.actor, u._id, order),
  );
  const loads = found.length
    ? await orders(ctx.store).group({ holderId: { $in: found.map((u) => u._id) }, status: { $in: [...HELD_STATUSES] } }, { by: ['holderId'] })
    : [];
  const loadOf = new Map(loads.map((r) => [String(r.key.holderId), r.count]));
  const known = await areasOnPaths(ctx.store, found.map((u) => u.homePath ?? ''));
  const items = found
    .map((u) => ({ id: u._id, name: u.name, skills: u.skills ?? [], openLoad: loadOf.get(u._id) ?? 0, homeTrail: u.homePath ? trailOf(u.homePath, known) : '' }))
    .sort((a, b) => a.openLoad - b.openLoad || a.name.localeCompare(b.name, 'zh'));
  return { items };
}
