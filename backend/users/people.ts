/** 人员列表: staff see the people who live in a node of their subtree, with their roles. */
import { AppError } from '../../shared/errors';
import { maskMobile } from '../../shared/users/mask';
import { canChangeRolesOf, canRevokeRole, hasRoleAt } from '../../shared/users/permissions';
import type { RoleGrant } from '../../shared/users/roles';
import { STAFF_ROLES } from '../../shared/users/roles';
import type { ListPeopleInput, Page, PersonView } from '../../shared/users/schemas';
import { keptOnPaths } from '../areas/levels';
import { keptPathOf, trailOf } from '../areas/repo';
import type { Ctx } from '../runtime/types';
import type { Filter } from '../store/port';
import { users } from './repo';
import { roleView } from './views';

export async function listPeople(ctx: Ctx, input: ListPeopleInput): Promise<Page<PersonView>> {
  // The node and the page's homes and grants from the warm instance: the list reads only people most of the time.
  const { node } = await keptPathOf(ctx.store, input.areaId);
  if (!hasRoleAt(ctx.actor, STAFF_ROLES, node.path)) throw new AppError('FORBIDDEN', '只能查看您负责区域内的人员');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter: Filter = { homePath: { $prefix: node.path } };
  if (input.role) filter.roleNames = { $has: input.role };
  const [found, total] = await Promise.all([
    users(ctx.store).find(filter, {
      sort: [
        ['name', 1],
        ['_id', 1],
      ],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
    users(ctx.store).count(filter),
  ]);
  const known = await keptOnPaths(
    ctx.store,
    found.flatMap((u) => [u.homePath ?? '', ...u.roles.map((g) => g.areaPath)]),
  );
  const items = found.map((u) => {
    const canChangeRoles = canChangeRolesOf(ctx.actor, u._id);
    // As revokeRole decides: the rule on the node, and never an acting copy (AB角), which ends when its A person is back.
    const canRevoke = (g: RoleGrant) => {
      const node = known.get(g.areaId);
      return canChangeRoles && !g.actingFor && Boolean(node) && canRevokeRole(ctx.actor, g.role, node!);
    };
    return {
      id: u._id,
      name: u.name,
      mobileMasked: maskMobile(u.mobile),
      homeTrail: u.homePath ? trailOf(u.homePath, known) : '',
      roles: u.roles.map((g) => ({ ...roleView(g, known), canRevoke: canRevoke(g) })),
      canChangeRoles,
    };
  });
  return { items, total, page, pageSize };
}
