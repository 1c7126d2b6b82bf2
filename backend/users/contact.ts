/** 一键呼叫: who answers for a place — the grid leader on the grid's public phone, else the community office. */
import type { Area } from '../../shared/areas/model';
import { idsOnPath } from '../../shared/areas/model';
import type { ContactView } from '../../shared/users/schemas';
import type { Ctx, Deps } from '../runtime/types';
import { areasOnPaths } from '../areas/repo';
import { users } from './repo';

/** The grid leader's name: leaders are looked for among the community's residents (an indexed prefix read). */
async function gridLeaderName(deps: Deps, grid: Area, community: Area | undefined): Promise<string | null> {
  const near = await users(deps.store).find(
    { homePath: { $prefix: community?.path ?? grid.path }, roleNames: { $has: 'grid_leader' } },
    { limit: 50 },
  );
  return near.find((u) => u.roles.some((g) => g.role === 'grid_leader' && g.areaId === grid._id))?.name ?? null;
}

/**
 * The contact for any node at or below a grid (a building, a grid) or a community. Only public
 * service phones stored on the area tree are given out, never a person's own mobile.
 */
export async function contactFor(deps: Deps, path: string, known?: Map<string, Area>): Promise<ContactView | null> {
  const nodes = known ?? (await areasOnPaths(deps.store, [path]));
  const chain = idsOnPath(path).map((id) => nodes.get(id)).filter((a): a is Area => Boolean(a));
  const grid = chain.find((a) => a.level === 'grid');
  const community = chain.find((a) => a.level === 'community');
  if (grid?.phone) {
    return { name: await gridLeaderName(deps, grid, community), roleName: '网格长', phone: grid.phone, areaName: grid.name };
  }
  if (community?.phone) return { name: null, roleName: '社区居委会', phone: community.phone, areaName: community.name };
  const street = chain.find((a) => a.level === 'street' && a.phone);
  return street?.phone ? { name: null, roleName: '街道', phone: street.phone, areaName: street.name } : null;
}

/** 一键呼叫 for the caller: the contact of the building they live in. */
export async function myCallContact(ctx: Ctx): Promise<{ contact: ContactView | null }> {
  const me = await users(ctx.store).get(ctx.actor.userId);
  return { contact: me?.homePath ? await contactFor(ctx, me.homePath) : null };
}
