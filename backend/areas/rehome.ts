/**
 * 移动有人住的楼栋 (issue 16): the people of a moved 楼栋 follow it, carried as one `rehome` effect on the node's own
 * conditional write (backend/areas/edit.ts moveArea) and applied by the effects function's drain, never before the answer.
 * Each rewrite is conditional on still holding the old path, so a replay, or a drain interrupted halfway, changes nothing twice.
 */
import type { RoleGrant } from '../../shared/users/roles';
import { invitations } from '../invitations/repo';
import { registrations } from '../members/repo';
import type { Deps } from '../runtime/types';
import type { UserDoc } from '../users/repo';
import { roleFields, users } from '../users/repo';

export interface RehomeEffect {
  type: 'rehome';
  /** The 楼栋 moved, its path before and after, and the grid it now sits in (a 双报到 registration names it). */
  areaId: string;
  from: string;
  to: string;
  gridId: string;
}

/** People whose grants are re-pointed per read: a 楼栋 has a few hundred residents, each holding a `resident` grant on it. */
const PAGE = 100;

/** The grants on the building with the new path, or null when none still holds the old one (already done). */
function repointed(roles: RoleGrant[], e: RehomeEffect): RoleGrant[] | null {
  if (!roles.some((g) => g.areaId === e.areaId && g.areaPath !== e.to)) return null;
  return roles.map((g) => (g.areaId === e.areaId ? { ...g, areaPath: e.to } : g));
}

/** One person's grants on the building, on the record as read (`rev`); a role change in between is read again. */
async function repointGrants(deps: Deps, first: UserDoc, e: RehomeEffect): Promise<void> {
  let user: UserDoc | null = first;
  for (let attempt = 0; attempt < 5 && user; attempt++) {
    const roles = repointed(user.roles, e);
    if (!roles) return;
    if ((await users(deps.store).updateWhere({ _id: user._id, rev: user.rev }, { $set: roleFields(roles), $inc: { rev: 1 } })) === 1) return;
    user = await users(deps.store).get(user._id);
  }
  if (user) throw new Error(`rehome effect: ${user._id} kept changing, retried by the next drain`);
}

export async function applyRehome(deps: Deps, e: RehomeEffect): Promise<void> {
  // Homes, 双报到 registrations still in force and invitations not yet accepted: each one conditional write over all of them, on the old path.
  await Promise.all([
    users(deps.store).updateWhere({ homePath: e.from }, { $set: { homePath: e.to } }),
    registrations(deps.store).updateWhere({ status: { $in: ['pending', 'approved'] }, path: e.from }, { $set: { path: e.to, gridId: e.gridId } }),
    invitations(deps.store).updateWhere({ areaId: e.areaId, status: 'pending' }, { $set: { areaPath: e.to } }),
  ]);
  // Grants (resident, 楼栋长, …): a page of holders at a time in id order, each person's roles rewritten on their `rev`.
  let after = '';
  for (;;) {
    const page = await users(deps.store).find({ roleAreaIds: { $has: e.areaId }, _id: { $gt: after } }, { sort: [['_id', 1]], limit: PAGE });
    for (const u of page) await repointGrants(deps, u, e);
    if (page.length < PAGE) return;
    after = page[page.length - 1]?._id ?? after;
  }
}
