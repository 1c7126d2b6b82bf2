/**
 * 邀请: a one-time, expiring link that gives whoever accepts it first a role on a node. The first street admin's
 * comes from `npm run setup`; staff inviting people to a role on a node (issue 16, point 3) reuse the same record.
 */
import type { AreaLevel } from '../areas/model';
import type { Role } from '../users/roles';

/** pending → accepted (once, by the first to accept) or revoked; expiry is a time, not a state. */
export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** `first_admin`: the street's first 街道管理员, issued by the set-up script; `role`: issued by staff (point 3). */
export type InvitationKind = 'first_admin' | 'role';

/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

/** The token travels in a mini-program code's scene (`t=<token>`, ≤ 32 characters): 22 base64url characters, 132 bits. */
export const INVITATION_TOKEN = /^[A-Za-z0-9_-]{22}$/;

export interface Invitation {
  _id: string;
  kind: InvitationKind;
  role: Role;
  areaId: string;
  areaPath: string;
  areaName: string;
  /** SHA-256 of the token, hex: the token itself is never stored. */
  tokenHash: string;
  status: InvitationStatus;
  /** When the current token was issued and until when it is good (a renewal replaces all three). */
  issuedAt: number;
  expiresAt: number;
  /** `setup` for the first admin; the inviter's user id for a staff invitation. */
  createdBy: string;
  createdAt: number;
  /** A staff invitation's post (岗位): 专职网格员 and 兼职网格员 are both the 网格员 role; absent on the first admin's. */
  post?: InvitePost;
  /** SHA-256 of the token and the 4-digit code the inviter reads out (staff invitations): without the token it cannot be tried offline. */
  codeHash?: string;
  /** Wrong codes typed so far: at CODE_TRIES the invitation is spent. */
  codeFailures?: number;
  createdByName?: string;
  /** The node's level when invited: accepting checks the inviter may still grant the role there. */
  areaLevel?: AreaLevel;
  acceptedBy?: string;
  acceptedByName?: string;
  acceptedAt?: number;
  revokedAt?: number;
  /**
   * The inviter can no longer grant the role on the node (kept true to their roles by every grant and revoke of theirs,
   * backend/users/after.ts): accepting reads this instead of the inviter. Absent means they still can.
   */
  inviterGone?: boolean;
  /** A 楼栋长 invitation whose holder lost the role: its seat is free again. */
  vacatedAt?: number;
  /** The invitee's mobile, if the inviter gave it: accepting then takes the code or a WeChat-confirmed number equal to it. Shown in full only to staff in scope. */
  phone?: string;
}

/** The id of a street's one first-admin invitation: fixed, so a second set-up run finds it instead of issuing another. */
export function firstAdminInvitationId(streetId: string): string {
  return `first-admin-${streetId}`;
}

/** The accept page (subpackage `invite`), with the token in its query. */
export const INVITE_PAGE = 'invite/pages/accept/index';

export function invitePath(token: string): string {
  return `${INVITE_PAGE}?t=${token}`;
}

/** The web link of an invitation, after the site's address (`WG_PUBLIC_URL`). */
export function inviteH5Path(token: string): string {
  return `/#/${invitePath(token)}`;
}

/** The mini-program code's scene for an invitation (≤ 32 characters). */
export const inviteScene = (token: string): string => `t=${token}`;

/**
 * 岗位 staff invite people to, in the street's words, and the role each gives. 专职/兼职网格员 are both 网格员: the role
 * model has one; the invitation (and its audit) keeps which post it was.
 */
export const INVITE_POSTS = {
  grid_leader: { role: 'grid_leader', name: '网格长' },
  grid_worker: { role: 'grid_worker', name: '网格员' },
  grid_worker_full: { role: 'grid_worker', name: '专职网格员' },
  grid_worker_part: { role: 'grid_worker', name: '兼职网格员' },
  liaison: { role: 'liaison', name: '微网格联络员' },
  building_head: { role: 'building_head', name: '楼栋长' },
  grid_volunteer: { role: 'grid_volunteer', name: '网格志愿者' },
  community_staff: { role: 'community_staff', name: '社区工作人员' },
  street_admin: { role: 'street_admin', name: '街道管理员' },
} as const satisfies Record<string, { role: Role; name: string }>;
export type InvitePost = keyof typeof INVITE_POSTS;
export const INVITE_POST_KEYS = Object.keys(INVITE_POSTS) as InvitePost[];

/** 双楼长: at most two 楼栋长 per building, counting holders and invitations still open. */
export const BUILDING_HEADS_MAX = 2;

/** The code the inviter reads out: 4 digits, and this many wrong tries spend the invitation. */
export const INVITE_CODE = /^\d{4}$/;
export const CODE_TRIES = 5;
