/** Storage of people: the `users` collection and its lookups. */
import type { PostStint, RoleGrant, Skill } from '../../shared/users/roles';
import { staffAreaIdsOf } from '../../shared/users/roles';
import type { Collection, DocumentStore } from '../store/port';

export interface UserDoc {
  _id: string;
  name: string;
  mobile?: string;
  /** When WeChat confirmed `mobile` (getPhoneNumber, accepting an invitation); absent when typed or never confirmed. */
  mobileConfirmedAt?: number;
  /** The building the person lives in, and its path (people in an area are a prefix query). */
  homeAreaId?: string;
  homePath?: string;
  /** Platform identities: set when the person first signs in through that platform. */
  openid?: string;
  uid?: string;
  roles: RoleGrant[];
  /** The distinct role names held anywhere: "people with role R under X" is then one query. */
  roleNames: string[];
  /**
   * The nodes where the person holds a staff role: "the staff of node X" (whom X's messages are pushed to) is
   * then one indexed query. Written with `roles` (roleFields); documents stored before it existed are filled at start
   * (fillStaffAreaIds) or, on CloudBase where nothing runs at start, on the person's next call (loadActor).
   */
  staffAreaIds: string[];
  /** Every node where the person holds any role (a node's page lists them in one indexed query); absent on records stored before it. */
  roleAreaIds?: string[];
  /** Bumped on every role change: grants and revokes are optimistic, conditional updates. */
  rev: number;
  /** Orders the member holds now (派单 or 接单, not yet 办结): the cap's count, recounted after every change of holder. */
  held?: number;
  /** Own orders awaiting the person's rating (待评价), recounted when one comes to or leaves 待评价 (backend/records/recount.ts). */
  toRate?: number;
  /** 一键响应 sent to the person not yet acknowledged, recounted after a send and after their 收到 (backend/records/recount.ts). */
  unacked?: number;
  /** The member's 志愿岗位 stints (stint key → when held): the duty check reads "held a post this year" off the caller. */
  postStints?: Record<string, PostStint>;
  /** The units (多方接单, backend/units) the person works for; granted and revoked by 社区/街道 staff. */
  unitIds?: string[];
  /** Daily quotas: `<name><yyyymmdd>` → units taken that day (backend/users/quota.ts). */
  quota?: Record<string, number>;
  /** 党员技能, from 双报到. */
  skills?: Skill[];
  /** Messages created after this instant count as unread. */
  lastReadAt?: number;
  privacyAcceptedAt?: number;
  privacyVersion?: string;
  /** 长辈模式: large type and buttons on resident pages. */
  elderMode?: boolean;
  createdAt: number;
  /** Seeded demo people (local mode): offered on the development sign-in page. */
  demo?: boolean;
  demoOrder?: number;
  demoRoleName?: string;
  demoTrail?: string;
}

export const users = (store: DocumentStore): Collection<UserDoc> => store.collection<UserDoc>('users');

/** The fields that follow a person's role list: every write of `roles` sets them all together. */
export function roleFields(roles: RoleGrant[]): Pick<UserDoc, 'roles' | 'roleNames' | 'staffAreaIds' | 'roleAreaIds'> {
  return { roles, roleNames: [...new Set(roles.map((g) => g.role))], staffAreaIds: staffAreaIdsOf(roles), roleAreaIds: [...new Set(roles.map((g) => g.areaId))] };
}

/** People holding a staff role on any of these nodes (on the node itself, as their inbox reads it): one query. */
export async function staffOn(store: DocumentStore, areaIds: readonly string[], limit: number): Promise<UserDoc[]> {
  if (areaIds.length === 0) return [];
  const filter = areaIds.length === 1 ? { staffAreaIds: { $has: areaIds[0] } } : { $or: areaIds.map((a) => ({ staffAreaIds: { $has: a } })) };
  return users(store).find(filter, { limit });
}

/**
 * One person stored before `staffAreaIds` existed gets their staff nodes. The write waits on the `rev` they were
 * derived from, so a role change in between wins (it writes the field itself).
 */
export async function fillStaffAreaIdsOf(store: DocumentStore, user: Pick<UserDoc, '_id' | 'rev' | 'roles'>): Promise<number> {
  return users(store).updateWhere({ _id: user._id, rev: user.rev, staffAreaIds: { $exists: false } }, { $set: { staffAreaIds: staffAreaIdsOf(user.roles) } });
}

/** Everyone stored before `staffAreaIds` existed, a page at a time by id; run at start with the indexes. Idempotent. */
export async function fillStaffAreaIds(store: DocumentStore, pageSize = 500): Promise<number> {
  let filled = 0;
  let after = '';
  for (;;) {
    const page = await users(store).find({ staffAreaIds: { $exists: false }, _id: { $gt: after } }, { sort: [['_id', 1]], limit: pageSize });
    for (const user of page) filled += await fillStaffAreaIdsOf(store, user);
    if (page.length < pageSize) return filled;
    after = page[page.length - 1]?._id ?? after;
  }
}
