/** Where a member belongs (community, grid, organisation) as rankings see it, read from 双报到 with a fallback. */
import { idsOnPath } from '../../shared/areas/model';
import { activeRegistration } from '../members/repo';
import type { Deps } from '../runtime/types';
import { users } from '../users/repo';
import type { Stamp } from './repo';

/**
 * Where a member belongs: their approved 双报到 registration; before one exists (demo people, members
 * granted the role by hand), the member grant's community and, when their home lies in it, their grid.
 */
export async function placementOf(deps: Pick<Deps, 'store'>, memberId: string): Promise<Stamp> {
  const reg = await activeRegistration(deps, memberId);
  if (reg) return { communityId: reg.communityId, gridId: reg.gridId || null, orgId: reg.orgId, path: reg.path, name: reg.name };
  const user = await users(deps.store).get(memberId);
  const grant = user?.roles.find((g) => g.role === 'member');
  if (!user || !grant) return { communityId: null, gridId: null, orgId: null, path: null, name: user?.name ?? '' };
  const home = user.homePath;
  if (!home || !home.startsWith(grant.areaPath)) return { communityId: grant.areaId, gridId: null, orgId: null, path: grant.areaPath, name: user.name };
  // Below the community the path is grid / building.
  const below = idsOnPath(home).slice(idsOnPath(grant.areaPath).length);
  return { communityId: grant.areaId, gridId: below[0] ?? null, orgId: null, path: home, name: user.name };
}

/** The path of the node `id` on `path` (`/S/Z/C/G/B/`, `G` → `/S/Z/C/G/`), or null when it is not on it. */
export function pathUpTo(path: string | null, id: string | null): string | null {
  if (!path || !id) return null;
  const ids = idsOnPath(path);
  const at = ids.indexOf(id);
  return at < 0 ? null : `/${ids.slice(0, at + 1).join('/')}/`;
}
