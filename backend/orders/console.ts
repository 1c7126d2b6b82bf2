/** The staff dispatch console: tabs with counts, filters and paging over the staff member's subtree; the member picker. */
import type { Area } from '../../shared/areas/model';
import { isWithin } from '../../shared/areas/model';
import { AppError } from '../../shared/errors';
import type { ConsoleTab } from '../../shared/orders/model';
import { CONSOLE_TABS } from '../../shared/orders/model';
import { mayBeGiven } from '../../shared/orders/permissions';
import type { CandidateView, ConsoleCounts, ConsoleInput, OrderIdInput, OrderPage } from '../../shared/orders/schemas';
import { staffScopes } from '../../shared/users/permissions';
import { levelAt } from '../areas/levels';
import { AREAS_KEPT, areas, keptNode, trailOf } from '../areas/repo';
import { warm } from '../runtime/warm';
import type { Ctx } from '../runtime/types';
import type { Filter, GroupRow } from '../store/port';
import { users } from '../users/repo';
import { orders } from './repo';
import { requireStaffOrder } from './staff';
import { toCard } from './views';

async function consoleScopes(ctx: Ctx, areaId: string | undefined): Promise<string[]> {
  const scopes = staffScopes(ctx.actor);
  if (scopes.length === 0) throw new AppError('FORBIDDEN', '派单台仅供网格员、网格长、社区和街道使用');
  if (!areaId) return scopes;
  // Kept warm: switching between one's grids reads no area most of the time.
  const node = await keptNode(ctx.store, areaId);
  if (!node || node.retired) throw new AppError('NOT_FOUND', '区域不存在或已停用');
  if (!scopes.some((s) => isWithin(node.path, s))) throw new AppError('FORBIDDEN', '只能查看您负责区域内的点单');
  return [node.path];
}

/** The orders of `statuses` in the scopes, narrowed by the colour and category asked for. */
function scopeFilter(statuses: readonly string[], scopes: string[], input: ConsoleInput): Filter {
  const filter: Filter = { status: { $in: [...statuses] }, $or: scopes.map((s) => ({ path: { $prefix: s } })) };
  if (input.colour) filter.colour = input.colour;
  if (input.category) filter.category = input.category;
  return filter;
}

function tabFilter(tab: ConsoleTab, scopes: string[], input: ConsoleInput): Filter {
  const filter = scopeFilter(CONSOLE_TABS[tab].statuses, scopes, input);
  if (tab === 'overdue') filter.overdue = true;
  return filter;
}

/** Every tab's count from one group by status and overdue flag (SQLite answers the flag as 1, CloudBase as true). */
function tabCounts(rows: GroupRow[]): ConsoleCounts {
  const tabs = Object.keys(CONSOLE_TABS) as ConsoleTab[];
  const count = (tab: ConsoleTab) =>
    rows
      .filter((r) => (CONSOLE_TABS[tab].statuses as readonly unknown[]).includes(r.key.status) && (tab !== 'overdue' || r.key.overdue === true || r.key.overdue === 1))
      .reduce((n, r) => n + r.count, 0);
  return Object.fromEntries(tabs.map((t) => [t, count(t)])) as ConsoleCounts;
}

const ALL_TABS_STATUSES = [...new Set(Object.values(CONSOLE_TABS).flatMap((t) => t.statuses))];

/** Three requests: the caller, one group for every tab's count, the page. */
export async function orderConsole(ctx: Ctx, input: ConsoleInput): Promise<{ counts: ConsoleCounts; page: OrderPage }> {
  const scopes = await consoleScopes(ctx, input.areaId);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const [rows, found] = await Promise.all([
    orders(ctx.store).group(scopeFilter(ALL_TABS_STATUSES, scopes, input), { by: ['status', 'overdue'] }),
    orders(ctx.store).find(tabFilter(input.tab, scopes, input), {
      // 待分拣 oldest first (first come, first triaged); every other tab newest first.
      sort: [
        [input.tab === 'done' ? 'closedAt' : 'createdAt', input.tab === 'new' ? 1 : -1],
        ['_id', input.tab === 'new' ? 1 : -1],
      ],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
  ]);
  const counts = tabCounts(rows);
  return { counts, page: { items: found.map(toCard), total: counts[input.tab], page, pageSize } };
}

/**
 * 派单 picker: members registered in the order's community (not its filer or followers), with skills and how many
 * orders they hold. Three requests: the caller and the order (read together by the handler), the members — their
 * load is the `held` count kept on each (the same figure the cap checks), the community's areas come warm.
 */
export async function dispatchCandidates(ctx: Ctx, input: OrderIdInput): Promise<{ items: CandidateView[] }> {
  const order = await requireStaffOrder(ctx, input.orderId);
  const { community, known } = await keptCommunity(ctx, order.path);
  const found = (await users(ctx.store).find({ homePath: { $prefix: community.path }, roleNames: { $has: 'member' } }, { limit: 200 })).filter(
    (u) => u.roles.some((g) => g.role === 'member' && order.path.startsWith(g.areaPath)) && mayBeGiven(ctx.actor, u._id, order),
  );
  const items = found
    .map((u) => ({ id: u._id, name: u.name, skills: u.skills ?? [], openLoad: u.held ?? 0, homeTrail: u.homePath ? trailOf(u.homePath, known) : '' }))
    .sort((a, b) => a.openLoad - b.openLoad || a.name.localeCompare(b.name, 'zh'));
  return { items };
}

/**
 * The order's community in service and every node its members' homes can be on (the community's subtree and the
 * nodes above it), kept warm per community: the community found by level on the order's path (warm since filing),
 * then one read when cold; NOT_FOUND as requireArea when it is retired.
 */
async function keptCommunity(ctx: Ctx, orderPath: string): Promise<{ community: Area; known: Map<string, Area> }> {
  const found = await levelAt(ctx.store, orderPath, 'community');
  if (!found) throw new AppError('NOT_FOUND', '区域不存在或已停用');
  const id = found._id;
  const known = await warm(ctx.store, `${AREAS_KEPT}subtree/${id}`, async () => {
    const rows = await areas(ctx.store).find({ $or: [{ _id: { $in: found.ancestors } }, { path: { $prefix: found.path } }] });
    return new Map(rows.map((a) => [a._id, a]));
  });
  const community = known.get(id);
  if (!community || community.retired) throw new AppError('NOT_FOUND', '区域不存在或已停用');
  return { community, known };
}
