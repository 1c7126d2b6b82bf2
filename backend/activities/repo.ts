/**
 * The `activities` collections: `posts` and `post_holders` (志愿服务岗 and who holds them, read by the
 * yearly duty check), `activities` and `activity_signups` (one per member per activity, id
 * `${activityId}:${memberId}`), with their declared indexes.
 */
import type { ActivityStatus, SignupStatus } from '../../shared/activities/model';
import type { Collection, DocumentStore, IndexSpec } from '../store/port';

export interface Placed {
  /** The community or grid it belongs to, its name, its community, and its path (subtree queries). */
  areaId: string;
  areaName: string;
  communityId: string;
  path: string;
  createdBy: string;
  createdByName: string;
  createdAt: number;
}

/** Who holds a post now, kept on the post so lists and claims read nothing else; the stint's history is in post_holders. */
export interface Holding {
  memberId: string;
  memberName: string;
  since: number;
  /** The post_holders record of this stint (ended when the member leaves). */
  stintId: string;
}

export interface PostDoc extends Placed {
  _id: string;
  title: string;
  description: string;
  slots: number;
  /** Current holders; raised only by a conditional `held < slots` update. */
  held: number;
  /**
   * holdingKey(member) → their current stint, or null once they left: a claim is conditional on it being null.
   * Missing on posts stored before it existed until the migration (backend/activities/migrate.ts) fills it.
   */
  holding?: Record<string, Holding | null>;
  pointsNote: string | null;
  status: 'open' | 'closed';
}

/** One stint of a member on a post; id `${postId}:${memberId}:${n}` (n-th stint), so a double claim cannot add two. */
export interface PostHolderDoc {
  _id: string;
  postId: string;
  memberId: string;
  memberName: string;
  communityId: string;
  path: string;
  since: number;
  until: number | null;
}

export interface ActivityDoc extends Placed {
  _id: string;
  title: string;
  description: string;
  place: string;
  startAt: number;
  endAt: number;
  deadline: number;
  capacity: number;
  /** Places taken; raised only by a conditional `taken < capacity` update. */
  taken: number;
  /** Points per hour, fixed at publication (the community rule then, or the staff's override). */
  perHour: number;
  /**
   * seatToken of every place taken, and of every place given back: a place is taken only while its token is not in
   * `seated`, given back only while not in `released` — so a double tap takes one and a replayed cancel gives back one.
   */
  seated?: string[];
  released?: string[];
  status: ActivityStatus;
  closedAt: number | null;
}

export interface SignupDoc {
  _id: string;
  activityId: string;
  memberId: string;
  memberName: string;
  communityId: string;
  path: string;
  status: SignupStatus;
  signedAt: number;
  cancelledAt: number | null;
  /** Cancelled within 24 h of the start at some point: kept when the member signs up again. */
  late: boolean;
  checkInAt: number | null;
  checkOutAt: number | null;
  hours: number | null;
  points: number | null;
  /** How many times this member has signed up for this activity (missing on older records: 0); names the place's token. */
  round?: number;
}

export const posts = (store: DocumentStore): Collection<PostDoc> => store.collection<PostDoc>('posts');
export const postHolders = (store: DocumentStore): Collection<PostHolderDoc> => store.collection<PostHolderDoc>('post_holders');
export const activities = (store: DocumentStore): Collection<ActivityDoc> => store.collection<ActivityDoc>('activities');
export const signups = (store: DocumentStore): Collection<SignupDoc> => store.collection<SignupDoc>('activity_signups');

export const signupId = (activityId: string, memberId: string): string => `${activityId}:${memberId}`;

/** The place a member's n-th sign-up takes on an activity. */
export const seatToken = (memberId: string, round: number): string => `${memberId}#${round}`;

/** A member's key in a post's `holding`: user ids may hold characters a field path may not, so their UTF-8 in hex. */
export const holdingKey = (memberId: string): string => `m${Buffer.from(memberId, 'utf8').toString('hex')}`;

/** A stint's field name on its member's record (`postStints.<key>`): stint ids hold `:`, field names may not. */
export const stintKey = (stintId: string): string => `s${Buffer.from(stintId, 'utf8').toString('hex')}`;

// Each collection whose records carry effects is read by the drain by `fxAt` (backend/records/drain.ts).
export const INDEXES: Record<string, IndexSpec[]> = {
  posts: [
    {
      fields: [
        ['status', 1],
        ['path', 1],
        ['createdAt', -1],
      ],
    },
    { fields: [['fxAt', 1]] },
  ],
  post_holders: [
    {
      fields: [
        ['postId', 1],
        ['until', 1],
      ],
    },
    {
      fields: [
        ['memberId', 1],
        ['since', -1],
      ],
    },
    {
      fields: [
        ['communityId', 1],
        ['until', 1],
      ],
    },
  ],
  activities: [
    {
      fields: [
        ['path', 1],
        ['startAt', 1],
      ],
    },
    {
      fields: [
        ['status', 1],
        ['endAt', 1],
      ],
    },
    { fields: [['fxAt', 1]] },
  ],
  activity_signups: [
    {
      fields: [
        ['activityId', 1],
        ['status', 1],
      ],
    },
    {
      fields: [
        ['memberId', 1],
        ['signedAt', -1],
      ],
    },
    { fields: [['fxAt', 1]] },
  ],
};
