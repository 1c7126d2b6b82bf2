/**
 * 节点页 (docs/areas.md#节点页): a node's people for staff whose subtree holds it — who holds which role there, their
 * B角 and whether they are away — and the 在职党员 living under it. Three requests: the caller beside the node, then
 * one query for both (role holders by `roleAreaIds`, members by home). Child nodes and open orders come from
 * areas.children and orders.console, which the page calls beside it.
 */
import { AppError } from '../../shared/errors';
import { AREA_LEVEL_NAMES } from '../../shared/areas/model';
import type { Area } from '../../shared/areas/model';
import { canManageGrant, canMarkAway } from '../../shared/users/deputies';
import type { HouseholdView, NodeInput, NodePersonView, NodeView } from '../../shared/users/deputies';
import { maskMobile } from '../../shared/users/mask';
import { hasRoleAt } from '../../shared/users/permissions';
import { ROLE_NAMES, ROLE_RANK, STAFF_ROLES } from '../../shared/users/roles';
import { areasOnPaths, toAreaView, trailOf } from '../areas/repo';
import { readOnce } from '../runtime/prefetch';
import type { Ctx } from '../runtime/types';
import type { UserDoc } from './repo';
import { users } from './repo';

const PEOPLE_LIMIT = 200;

export async function nodePage(ctx: Ctx, input: NodeInput): Promise<NodeView> {
  const node = await readOnce<Area>(ctx, 'areas', input.areaId);
  if (!node || node.retired) throw new AppError('NOT_FOUND', '区域不存在或已停用');
  if (!hasRoleAt(ctx.actor, STAFF_ROLES, node.path)) throw new AppError('FORBIDDEN', `「${node.name}」不在您的辖区内，不能查看该${AREA_LEVEL_NAMES[node.level]}的人员`);
  const found = await users(ctx.store).find(
    { $or: [{ roleAreaIds: { $has: node._id } }, { homePath: { $prefix: node.path }, roleNames: { $has: 'member' } }] },
    { limit: PEOPLE_LIMIT },
  );
  const here = (u: UserDoc) => u.roles.filter((g) => g.areaId === node._id);
  // Own grants before acting copies (a B角 standing in comes after the person they stand in for).
  const rank = (u: UserDoc) => Math.max(...here(u).map((g) => ROLE_RANK[g.role] - (g.actingFor ? 0.5 : 0)));
  const staff: NodePersonView[] = found
    .filter((u) => here(u).length > 0)
    .sort((a, b) => rank(b) - rank(a) || a.name.localeCompare(b.name, 'zh'))
    .map((u) => ({
      id: u._id,
      name: u.name,
      mobileMasked: maskMobile(u.mobile),
      roles: here(u).map((g) => ({
        role: g.role,
        roleName: ROLE_NAMES[g.role],
        deputyId: g.deputyId ?? null,
        deputyName: g.deputyName ?? null,
        away: !!g.away,
        actingForName: g.actingFor?.name ?? null,
        households: g.households?.length ?? 0,
        householdIds: !g.actingFor && canManageGrant(ctx.actor, u._id, g) ? (g.households ?? []) : [],
        canManage: !g.actingFor && canManageGrant(ctx.actor, u._id, g),
        canMarkAway: !g.actingFor && canMarkAway(ctx.actor, u._id, g),
      })),
    }));
  const members = found
    .filter((u) => u.roleNames.includes('member') && u.homePath?.startsWith(node.path))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
    .slice(0, 50)
    .map((u) => ({ id: u._id, name: u.name, mobileMasked: maskMobile(u.mobile) }));
  return { node: toAreaView(node), staff, members };
}

/** 我联系的住户: a 微网格联络员's linked residents with their phones (they call them). Three requests at most. */
export async function myHouseholds(ctx: Ctx): Promise<{ items: HouseholdView[] }> {
  const ids = [...new Set(ctx.actor.roles.filter((g) => g.role === 'liaison').flatMap((g) => g.households ?? []))];
  if (!ctx.actor.roles.some((g) => g.role === 'liaison')) throw new AppError('FORBIDDEN', '只有微网格联络员有联系住户名单');
  if (ids.length === 0) return { items: [] };
  const found = await users(ctx.store).find({ _id: { $in: ids } }, { limit: ids.length });
  const known = await areasOnPaths(
    ctx.store,
    found.map((u) => u.homePath ?? ''),
  );
  const items = found
    .map((u) => ({ id: u._id, name: u.name, mobile: u.mobile ?? null, homeTrail: u.homePath ? trailOf(u.homePath, known) : '' }))
    .sort((a, b) => a.homeTrail.localeCompare(b.homeTrail, 'zh') || a.name.localeCompare(b.name, 'zh'));
  return { items };
}
