/**
 * Turns a transport identity into the Actor: one read of the person and their role grants (records older than
 * staffAreaIds get it once). Other people an action names (a member to dispatch to) come back in the same read.
 */
import type { Actor } from '../../shared/users/roles';
import { activeGrants } from '../../shared/users/roles';
import type { Identity } from '../runtime/types';
import type { DocumentStore, Filter } from '../store/port';
import type { UserDoc } from './repo';
import { fillStaffAreaIdsOf, users } from './repo';

/** The caller's own record and, in the same request, the records of `others`. */
export async function loadUsers(store: DocumentStore, identity: Identity, others: readonly string[] = []): Promise<{ user: UserDoc | null; others: UserDoc[] }> {
  const self: Filter | null =
    identity.kind === 'local' ? { _id: identity.userId } : identity.kind === 'wechat' ? { openid: identity.openid } : identity.kind === 'web' ? { uid: identity.uid } : null;
  if (!self) return { user: null, others: [] };
  const isSelf = (u: UserDoc) =>
    identity.kind === 'local' ? u._id === identity.userId : identity.kind === 'wechat' ? u.openid === identity.openid : u.uid === (identity as { uid: string }).uid;
  if (others.length === 0) {
    const user = identity.kind === 'local' ? await users(store).get(identity.userId) : ((await users(store).find(self, { limit: 1 }))[0] ?? null);
    return { user, others: [] };
  }
  const found = await users(store).find({ $or: [self, { _id: { $in: [...others] } }] }, { limit: others.length + 1 });
  return { user: found.find(isSelf) ?? null, others: found.filter((u) => others.includes(u._id)) };
}

export function toActor(user: UserDoc): Actor {
  return {
    userId: user._id,
    name: user.name,
    // Away (AB角): their grant acts through the deputy's acting copy until they are back.
    roles: activeGrants(user.roles),
    skills: user.skills ?? [],
    held: user.held ?? 0,
    toRate: user.toRate ?? 0,
    unacked: user.unacked ?? 0,
    lastReadAt: user.lastReadAt ?? 0,
    postStints: user.postStints ?? {},
    units: user.unitIds ?? [],
  };
}

/** The Actor, the people named, and the caller's own record as read (`self`: an action needing more of it than the Actor reads nothing more). */
export async function loadActor(store: DocumentStore, identity: Identity, others: readonly string[] = []): Promise<{ actor: Actor | null; others: UserDoc[]; self?: UserDoc }> {
  const { user, others: found } = await loadUsers(store, identity, others);
  if (!user) return { actor: null, others: found };
  // Stored before staffAreaIds existed and never filled (a CloudBase deploy runs nothing at start): once, now.
  if (!Array.isArray(user.staffAreaIds)) await fillStaffAreaIdsOf(store, user);
  return { actor: toActor(user), others: found, self: user };
}
