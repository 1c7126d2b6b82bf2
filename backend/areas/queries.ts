/** 区域查询: browse the tree (open to every signed-in person), search by name within the actor's scope. */
import type { Area } from '../../shared/areas/model';
import { idsOnPath, isWithin } from '../../shared/areas/model';
import type { AreaView, AreaWithTrail, ChildrenInput, ChildrenView, GetAreaInput, SearchAreasInput } from '../../shared/areas/schemas';
import { AppError } from '../../shared/errors';
import type { Actor } from '../../shared/users/roles';
import { anyScopes, staffScopes } from '../../shared/users/permissions';
import type { Ctx } from '../runtime/types';
import { levelAt } from './levels';
import { areas, areasOnPaths, keepNode, keptNode, requireArea, toAreaView, trailOf } from './repo';

/** Children of a node (or the top of the tree, or with `mine` the person's own place), in their set order, retired ones left out. */
export async function listChildren(ctx: Ctx, input: ChildrenInput): Promise<ChildrenView> {
  if (!input.parentId && input.mine) return listOwnPlace(ctx);
  const parent = input.parentId ? await requireArea(ctx.store, input.parentId, '上级区域') : null;
  const children = await childrenOf(ctx, parent?._id ?? null);
  return { parent: parent && toAreaView(parent), children: children.map(toAreaView) };
}

/** The children in service; each is kept warm, so the tree page's next edit of one (rename, retire) reads no node. */
async function childrenOf(ctx: Ctx, parentId: string | null): Promise<Area[]> {
  const sort: [string, 1][] = [
    ['order', 1],
    ['_id', 1],
  ];
  const children = await areas(ctx.store).find({ parentId, retired: { $ne: true } }, { sort, limit: 500 });
  for (const c of children) keepNode(ctx.store, c);
  return children;
}

/**
 * Where a picker opens for this person (issue 13: a grid leader of one grid reached a building poster in 8 taps):
 * the node they are staff of, or the deepest node above all of theirs; else the grid they live in. The node and its
 * ancestors come in one read beside the children, so the page needs no second call for its breadcrumbs.
 */
async function listOwnPlace(ctx: Ctx): Promise<ChildrenView> {
  const path = ownPlacePath(ctx.actor);
  if (!path) return listChildren(ctx, {});
  const ids = idsOnPath(path);
  const [known, children] = await Promise.all([areasOnPaths(ctx.store, [path]), childrenOf(ctx, ids[ids.length - 1]!)]);
  const chain = ids.map((id) => known.get(id)).filter((a): a is Area => Boolean(a));
  const parent = chain[chain.length - 1];
  if (!parent || chain.length !== ids.length || parent.retired) return listChildren(ctx, {});
  return { parent: toAreaView(parent), children: children.map(toAreaView), crumbs: chain.map(toAreaView) };
}

/** The path a picker starts at: see listOwnPlace. A building is not a place to browse, so a resident starts at its grid. */
export function ownPlacePath(actor: Actor): string | null {
  const staff = staffScopes(actor);
  const paths = staff.length ? staff : anyScopes(actor);
  if (!paths.length) return null;
  const common = commonAncestor(paths);
  if (!common) return null;
  const living = !staff.length && actor.roles.some((g) => g.role === 'resident' && g.areaPath === common);
  return living ? parentPath(common) : common;
}

/** The longest path every one of `paths` lies within (whole ids only), or null when they share no node. */
function commonAncestor(paths: string[]): string | null {
  const split = paths.map(idsOnPath);
  const shared: string[] = [];
  for (let i = 0; split.every((ids) => i < ids.length && ids[i] === split[0]![i]); i++) shared.push(split[0]![i]!);
  return shared.length ? `/${shared.join('/')}/` : null;
}

function parentPath(path: string): string | null {
  const ids = idsOnPath(path);
  return ids.length > 1 ? `/${ids.slice(0, -1).join('/')}/` : null;
}

/** A node with its ancestors, root first: the trail a page shows above a form. */
export async function getArea(ctx: Ctx, input: GetAreaInput): Promise<{ node: AreaView; ancestors: AreaView[] }> {
  const node = await requireArea(ctx.store, input.id);
  const known = await areasOnPaths(ctx.store, [node.path]);
  const ancestors = node.ancestors.map((id) => known.get(id)).filter((a): a is Area => Boolean(a));
  return { node: toAreaView(node), ancestors: ancestors.map(toAreaView) };
}

/**
 * Where a person may search: staff search their subtrees; residents and members their community. A resident's 社区 is
 * found by level on their building's path (it may sit under a 微网格, the community under a 片区), from the warm area cache.
 */
export async function searchScopes(ctx: Pick<Ctx, 'store' | 'actor'>): Promise<string[]> {
  const staff = staffScopes(ctx.actor);
  if (staff.length > 0) return staff;
  const scopes = await Promise.all(
    ctx.actor.roles.map(async (g) => (g.role === 'resident' ? ((await levelAt(ctx.store, g.areaPath, 'community'))?.path ?? g.areaPath) : g.areaPath)),
  );
  return [...new Set(scopes)];
}

export async function searchAreas(ctx: Ctx, input: SearchAreasInput): Promise<{ items: AreaWithTrail[] }> {
  let scopes = await searchScopes(ctx);
  if (input.withinId) {
    // From the warm instance (at most WARM_TTL_MS old): a node retired meanwhile elsewhere may still be searched within for those seconds.
    const within = await keptNode(ctx.store, input.withinId);
    if (!within || within.retired) throw new AppError('NOT_FOUND', '搜索范围不存在或已停用');
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
