/**
 * 移动区域，人随区域走 (issue 16): a moved 楼栋, 微网格 or 网格 takes its subtree and its people along, carried as one `rehome`
 * effect on the node's own conditional write (backend/areas/edit.ts moveArea) and applied by the effects function's drain.
 * Every rewrite is conditional on still holding the old path, and the subtree is read again by that old path, so a replay,
 * or a drain killed between pages, picks up what is left and changes nothing twice.
 */
import { idsOnPath } from '../../shared/areas/model';
import type { RoleGrant } from '../../shared/users/roles';
import { invitations } from '../invitations/repo';
import type { RegistrationDoc } from '../members/repo';
import { registrations } from '../members/repo';
import { syncPlacement } from '../points/placement';
import { pendingEffects } from '../records/pending';
import { drainRefs } from '../records/drain';
import type { NotifyEffect, PendingRef } from '../records/effects';
import { notice } from '../records/make';
import { updateWithEffects } from '../records/move';
import type { Deps } from '../runtime/types';
import type { UserDoc } from '../users/repo';
import { roleFields, users } from '../users/repo';
import { areas } from './repo';

export interface RehomeEffect {
  type: 'rehome';
  /** The node moved (its own write already holds the new path), its path before and after. */
  areaId: string;
  from: string;
  to: string;
  /** The grid every 双报到 under the node now names: the new grid of a moved 楼栋 or 微网格, a moved 网格 itself. */
  gridId: string;
  /** Set when the node left its 社区: the new one, which its 双报到 registrations and their member grants follow. */
  community?: { id: string; path: string };
}

/** Nodes and people rewritten per read: a 楼栋 has a few hundred residents, a 网格 a few hundred nodes. */
const PAGE = 100;

/** The path a node or record under the moved node takes: the same tail under the new one. */
const movedPath = (e: RehomeEffect, path: string): string => `${e.to}${path.slice(e.from.length)}`;

/** A person's grants with the ones at `at` (old path) re-pointed, or null when none still holds it (already done). */
function repointed(roles: RoleGrant[], areaId: string, to: string): RoleGrant[] | null {
  if (!roles.some((g) => g.areaId === areaId && g.areaPath !== to)) return null;
  return roles.map((g) => (g.areaId === areaId ? { ...g, areaPath: to } : g));
}

/** A member grant on the 社区 left behind moved to the new one, or null when there is none (already done). */
function memberMoved(roles: RoleGrant[], fromCommunity: string, to: { id: string; path: string }): RoleGrant[] | null {
  if (!roles.some((g) => g.role === 'member' && g.areaId === fromCommunity)) return null;
  const kept = roles.filter((g) => !(g.role === 'member' && g.areaId === to.id));
  return kept.map((g) => (g.role === 'member' && g.areaId === fromCommunity ? { ...g, areaId: to.id, areaPath: to.path } : g));
}

/** One person's roles rewritten on the record as read (`rev`); a role change in between is read again. */
async function rewriteRoles(deps: Deps, first: UserDoc | null, change: (roles: RoleGrant[]) => RoleGrant[] | null): Promise<void> {
  let user = first;
  for (let attempt = 0; attempt < 5 && user; attempt++) {
    const roles = change(user.roles);
    if (!roles) return;
    if ((await users(deps.store).updateWhere({ _id: user._id, rev: user.rev }, { $set: roleFields(roles), $inc: { rev: 1 } })) === 1) return;
    user = await users(deps.store).get(user._id);
  }
  if (user) throw new Error(`rehome effect: ${user._id} kept changing, retried by the next drain`);
}

/**
 * The 双报到 registrations at one 楼栋 (or other node) path: each its own conditional write, carrying the 待办 count it moves
 * (a pending one counts on its path's nodes). Across 社区 the registration goes to the new 社区, its member grant with it,
 * and the member's points placement follows; that second half is redone for the ones already at the new path, so a
 * drain killed after the registration's write still finishes it.
 */
async function rehomeRegistrations(deps: Deps, e: RehomeEffect, from: string, to: string, refs: PendingRef[]): Promise<void> {
  const live = { status: { $in: ['pending', 'approved'] } };
  const regs = await registrations(deps.store).find({ ...live, path: from }, { limit: 500 });
  const movers = new Map<string, string>();
  for (const r of regs) {
    const set = { path: to, gridId: e.gridId, ...(e.community ? { communityId: e.community.id } : {}) };
    const across = e.community && r.communityId !== e.community.id;
    const effects = [...pendingEffects('registrations', r, { ...r, ...set }), ...(across ? [await toldOfMove(deps, e, r)] : [])];
    const mover = { store: deps.store, now: deps.now, pending: refs };
    const where = { _id: r._id, path: from };
    const done = effects.length
      ? await updateWithEffects(mover, 'registrations', r._id, where, { $set: set }, effects)
      : await registrations(deps.store).updateWhere(where, { $set: set });
    if (done === 1 && r.status === 'approved' && e.community && r.communityId !== e.community.id) movers.set(r.memberId, r.communityId);
  }
  if (!e.community) return;
  // Already at the new path (this run's, or a run killed before its grants): the member grant and placement follow, idempotently.
  const here: RegistrationDoc[] = await registrations(deps.store).find({ status: 'approved', path: to }, { limit: 500 });
  const community = e.community;
  for (const r of here) {
    const left = movers.get(r.memberId);
    const user = await users(deps.store).get(r.memberId);
    const old = left ?? user?.roles.find((g) => g.role === 'member' && g.areaId !== community.id)?.areaId;
    if (old) await rewriteRoles(deps, user, (roles) => memberMoved(roles, old, community));
    await syncPlacement(deps, r.memberId);
  }
}

const told = new WeakMap<RehomeEffect, Promise<{ moved: string; community: string }>>();

/**
 * The member's message that their 双报到 went to the new 社区 with the building: on the registration's own write, so a
 * replay (conditional on the old path) never sends it twice. The two names are read once per move.
 */
async function toldOfMove(deps: Deps, e: RehomeEffect, r: RegistrationDoc): Promise<NotifyEffect> {
  if (!told.has(e)) {
    const names = Promise.all([areas(deps.store).get(e.areaId), areas(deps.store).get(e.community!.id)]).then(([n, c]) => ({ moved: n?.name ?? '', community: c?.name ?? '' }));
    told.set(e, names);
  }
  const { moved, community } = await told.get(e)!;
  const then = r.status === 'approved' ? '报到关系、报到证和此后的积分随之转入' : '您的报到申请改由该社区审核';
  return notice({}, { to: [{ userId: r.memberId }], kind: 'registrationMoved', body: `「${moved}」已划入${community}，${then}` });
}

/** Everything held at one node's old path: homes, 双报到, pending invitations, and the grants on it (a page of holders at a time). */
async function rehomeAt(deps: Deps, e: RehomeEffect, areaId: string, from: string, to: string, refs: PendingRef[]): Promise<void> {
  await Promise.all([
    users(deps.store).updateWhere({ homePath: from }, { $set: { homePath: to } }),
    invitations(deps.store).updateWhere({ areaId, status: 'pending' }, { $set: { areaPath: to } }),
    rehomeRegistrations(deps, e, from, to, refs),
  ]);
  let after = '';
  for (;;) {
    const page = await users(deps.store).find({ roleAreaIds: { $has: areaId }, _id: { $gt: after } }, { sort: [['_id', 1]], limit: PAGE });
    for (const u of page) await rewriteRoles(deps, u, (roles) => repointed(roles, areaId, to));
    if (page.length < PAGE) return;
    after = page[page.length - 1]?._id ?? after;
  }
}

export async function applyRehome(deps: Deps, e: RehomeEffect): Promise<void> {
  const refs: PendingRef[] = [];
  await rehomeAt(deps, e, e.areaId, e.from, e.to, refs);
  // The nodes below, a page at a time by the old path: each node's people first, then the node itself, so a node still on
  // the old path is one whose people may not all have followed yet, and the next page (or the next drain) reads it again.
  for (;;) {
    const page = await areas(deps.store).find({ path: { $prefix: e.from } }, { sort: [['path', 1]], limit: PAGE });
    if (page.length === 0) break;
    for (const n of page) {
      const to = movedPath(e, n.path);
      await rehomeAt(deps, e, n._id, n.path, to, refs);
      await areas(deps.store).updateWhere({ _id: n._id, path: n.path }, { $set: { path: to, ancestors: idsOnPath(to).slice(0, -1) } });
    }
  }
  // The registrations' moved 待办 counts, now rather than at the next minute's drain.
  for (let i = 0; i < refs.length; i += 10) await drainRefs(deps, refs.slice(i, i + 10));
}
