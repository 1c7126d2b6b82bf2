/**
 * 邀请: a one-time, expiring link that gives whoever accepts it first a role on a node. The first street admin's
 * comes from `npm run setup`; staff inviting people to a role on a node (issue 16, point 3) reuse the same record.
 */
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
  acceptedBy?: string;
  acceptedByName?: string;
  acceptedAt?: number;
  revokedAt?: number;
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
