/** Turns a transport identity into the Actor: one read of the person and their role grants (records older than staffAreaIds get it once). */
import type { Actor } from '../../shared/users/roles';
import type { Identity } from '../runtime/types';
import type { DocumentStore } from '../store/port';
import type { UserDoc } from './repo';
import { fillStaffAreaIdsOf, users } from './repo';

export async function loadUser(store: DocumentStore, identity: Identity): Promise<UserDoc | null> {
  switch (identity.kind) {
    case 'local':
      return users(store).get(identity.userId);
    case 'wechat':
      return (await users(store).find({ openid: identity.openid }, { limit: 1 }))[0] ?? null;
    case 'web':
      return (await users(store).find({ uid: identity.uid }, { limit: 1 }))[0] ?? null;
    case 'system':
      return null;
  }
}

export async function loadActor(store: DocumentStore, identity: Identity): Promise<Actor | null> {
  const user = await loadUser(store, identity);
  if (!user) return null;
  // Stored before staffAreaIds existed and never filled (a CloudBase deploy runs nothing at start): once, now.
  if (!Array.isArray(user.staffAreaIds)) await fillStaffAreaIdsOf(store, user);
  return { userId: user._id, name: user.name, roles: user.roles, skills: user.skills ?? [] };
}
