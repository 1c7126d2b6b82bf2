/**
 * 一键呼叫: who answers for a place — the grid leader on the grid's public phone, else the community office —
 * and whether a grid has a 网格长 at all (declarations and posters fall back to the community without one).
 */
import type { Area } from '../../shared/areas/model';
import { idsOnPath } from '../../shared/areas/model';
import { answersPhoneOf } from '../../shared/users/permissions';
import type { Actor } from '../../shared/users/roles';
import type { ContactView } from '../../shared/users/schemas';
import type { Ctx, Deps } from '../runtime/types';
import { keptOnPath } from '../areas/levels';
import { areasOnPaths } from '../areas/repo';
import { readOnce } from '../runtime/prefetch';
import type { UserDoc } from './repo';
import { users } from './repo';

/**
 * The 网格长 of a grid, or null when it has none: leaders are looked for among the residents of the
 * community at `communityPath` (an indexed prefix read).
 */
export async function gridLeaderOf(deps: Pick<Deps, 'store'>, gridId: string, communityPath: string): Promise<UserDoc | null> {
  const near = await users(deps.store).find({ homePath: { $prefix: communityPath }, roleNames: { $has: 'grid_leader' } }, { limit: 50 });
  return near.find((u) => u.roles.some((g) => g.role === 'grid_leader' && g.areaId === gridId)) ?? null;
}

/**
 * The contact for any node at or below a grid (a building, a grid) or a community: the grid's phone while
 * the grid has a 网格长, else the community office, else the street. Only public service phones stored on
 * the area tree are given out, never a person's own mobile. With a `caller`, a line they answer themself
 * is passed over: a grid leader's 一键呼叫 rings the community, not his own phone.
 */
export async function contactFor(deps: Deps, path: string, known?: Map<string, Area>, caller?: Actor): Promise<ContactView | null> {
  const nodes = known ?? (await areasOnPaths(deps.store, [path]));
  const chain = idsOnPath(path)
    .map((id) => nodes.get(id))
    .filter((a): a is Area => Boolean(a));
  const reaches = (a: Area) => Boolean(a.phone) && !(caller && answersPhoneOf(caller.roles, { id: a._id, level: a.level }));
  const grid = chain.find((a) => a.level === 'grid');
  const community = chain.find((a) => a.level === 'community');
  if (grid?.phone && reaches(grid)) {
    const leader = await gridLeaderOf(deps, grid._id, community?.path ?? grid.path);
    if (leader) return { name: leader.name, roleName: '网格长', phone: grid.phone, areaName: grid.name };
  }
  if (community?.phone && reaches(community)) return { name: null, roleName: '社区居委会', phone: community.phone, areaName: community.name };
  const street = chain.find((a) => a.level === 'street');
  return street?.phone && reaches(street) ? { name: null, roleName: '街道', phone: street.phone, areaName: street.name } : null;
}

/** 一键呼叫 for the caller: the contact of the building they live in (their record as read for the caller, the path from the warm instance). */
export async function myCallContact(ctx: Ctx): Promise<{ contact: ContactView | null }> {
  const me = await readOnce<UserDoc>(ctx, 'users', ctx.actor.userId);
  return { contact: me?.homePath ? await contactFor(ctx, me.homePath, await keptOnPath(ctx.store, me.homePath), ctx.actor) : null };
}
