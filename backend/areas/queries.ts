/** 区域查询: browse the tree (open to every signed-in person), search by name within the actor's scope. */
import type { Area } from '../../shared/areas/model';
import { idsOnPath, isWithin } from '../../shared/areas/model';
import type { AreaView, AreaWithTrail, ChildrenInput, GetAreaInput, SearchAreasInput } from '../../shared/areas/schemas';
import { AppError } from '../../shared/errors';
import type { Actor } from '../../shared/users/roles';
import { staffScopes } from '../../shared/users/permissions';
import type { Ctx } from '../runtime/types';
import { areas, areasOnPaths, requireArea, toAreaView, trailOf } from './repo';

/** Children of a node (or the top of the tree), in their set order, retired ones left out. */
export async function listChildren(ctx: Ctx, input: ChildrenInput): Promise<{ parent: AreaView | null; children: AreaView[] }> {
  const parent = input.parentId ? await requireArea(ctx.store, input.parentId, '上级区域') : null;
  const children = await areas(ctx.store).find(
    { parentId: parent ? parent._id : null, retired: { $ne: true } },
    {
      sort: [
        ['order', 1],
        ['_id', 1],
      ],
      limit: 500,
    },
  );
  return { parent: parent && toAreaView(parent), children: children.map(toAreaView) };
}

/** A node with its ancestors, root first: the trail a page shows above a form. */
export async function getArea(ctx: Ctx, input: GetAreaInput): Promise<{ node: AreaView; ancestors: AreaView[] }> {
  const node = await requireArea(ctx.store, input.id);
  const known = await areasOnPaths(ctx.store, [node.path]);
  const ancestors = node.ancestors.map((id) => known.get(id)).filter((a): a is Area => Boolean(a));
  return { node: toAreaView(node), ancestors: ancestors.map(toAreaView) };
}

/**
 * Where a person may search: staff search their subtrees; residents and members their community
 * (a building grant sits two levels below its community, a member grant on the community itself).
 */
export function searchScopes(actor: Actor): string[] {
  const staff = staffScopes(actor);
  if (staff.length > 0) return staff;
  return actor.roles.map((g) => {
    const ids = idsOnPath(g.areaPath);
    const keep = g.role === 'resident' ? ids.slice(0, -2) : ids;
    return `/${keep.join('/')}/`;
  });
}

export async function searchAreas(ctx: Ctx, input: SearchAreasInput): Promise<{ items: AreaWithTrail[] }> {
  let scopes = searchScopes(ctx.actor);
  if (input.withinId) {
    const within = await requireArea(ctx.store, input.withinId, '搜索范围');
    if (!scopes.some((s) => isWithin(within.path, s))) throw new AppError('FORBIDDEN', '只能在您负责的区域内搜索');
    scopes = [within.path];
  }
  if (scopes.length === 0) return { items: [] };
  const limit = input.limit ?? 20;
  const found = await areas(ctx.store).find(
    {
      $or: scopes.map((s) => ({ path: { $prefix: s } })),
      name: { $contains: input.q },
      retired: { $ne: true },
      ...(input.level ? { level: input.level } : {}),
    },
    { sort: [['path', 1]], limit },
  );
  const known = await areasOnPaths(
    ctx.store,
    found.map((a) => a.path),
  );
  return { items: found.map((a) => ({ ...toAreaView(a), trail: trailOf(a.path, known) })) };
}
