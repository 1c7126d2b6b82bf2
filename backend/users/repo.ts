/** Storage of people: the `users` collection and its lookups. */
import type { RoleGrant, Skill } from '../../shared/users/roles';
import type { Collection, DocumentStore } from '../store/port';

export interface UserDoc {
  _id: string;
  name: string;
  mobile?: string;
  /** The building the person lives in, and its path (people in an area are a prefix query). */
  homeAreaId?: string;
  homePath?: string;
  /** Platform identities: set when the person first signs in through that platform. */
  openid?: string;
  uid?: string;
  roles: RoleGrant[];
  /** The distinct role names held anywhere: "people with role R under X" is then one query. */
  roleNames: string[];
  /** Bumped on every role change: grants and revokes are optimistic, conditional updates. */
  rev: number;
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
