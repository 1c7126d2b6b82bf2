/** Inputs and views of invitations (actions on the `users` function): issue, list, revoke, look at one, accept it. */
import * as z from 'zod/mini';
import { id, input, mobile, oneOf } from '../validation';
import type { Role } from '../users/roles';
import type { InvitationStatus, InvitePost } from './model';
import { INVITATION_TOKEN, INVITE_CODE, INVITE_POST_KEYS } from './model';

const token = z.string({ error: '邀请码需为文字' }).check(z.trim(), z.regex(INVITATION_TOKEN, '邀请码格式不正确，请重新扫码或打开完整的邀请链接'));

export const invitationInput = input({ token });
export type InvitationInput = z.infer<typeof invitationInput>;

/**
 * Accepting: a staff invitation also needs the 4-digit code the inviter reads out (the phone confirmation on h5), or,
 * when it carries the invitee's phone, WeChat's getPhoneNumber code (`phoneCode`, weapp) for that same number.
 */
export const acceptInvitationInput = input({
  token,
  code: z.optional(z.string({ error: '确认码需为文字' }).check(z.trim(), z.regex(INVITE_CODE, '确认码是邀请人告诉您的 4 位数字'))),
  phoneCode: z.optional(
    z
      .string({ error: '微信手机号授权需为文字' })
      .check(z.trim(), z.minLength(1, '微信手机号授权为空，请重新点击「用微信手机号确认」'), z.maxLength(128, '微信手机号授权格式不正确')),
  ),
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;

export const inviteInput = input({
  areaId: id('区域'),
  post: oneOf('岗位', INVITE_POST_KEYS as [InvitePost, ...InvitePost[]]),
  /** Optional: the invitee's mobile, confirmed on accepting (WeChat's number or the code). */
  phone: z.optional(mobile('被邀请人手机号')),
});
export type InviteInput = z.infer<typeof inviteInput>;

export const invitationsInput = input({ areaId: id('区域') });
export type InvitationsInput = z.infer<typeof invitationsInput>;

export const revokeInvitationInput = input({ id: id('邀请') });
export type RevokeInvitationInput = z.infer<typeof revokeInvitationInput>;

/** What the inviter gets once: the link, the page and scene for a mini-program code, and the code to read out. */
export interface IssuedInvitation {
  id: string;
  token: string;
  /** The web link after the site's address: `/#/invite/pages/accept/index?t=…`. */
  h5Path: string;
  /** The mini-program page with its query, and the scene of a mini-program code for it. */
  pagePath: string;
  scene: string;
  /** The code to show: a mini-program code (cloud) or a QR of the web link (local), as a PNG data URL. */
  qr: string;
  qrKind: 'url' | 'wxacode';
  /** Shown only here, never stored: the inviter reads it out, the invitee types it. */
  code: string;
  postName: string;
  areaName: string;
  expiresAt: number;
}

/** One invitation in a node's list (never its token or code). */
export interface InvitationListItem {
  id: string;
  postName: string;
  areaName: string;
  status: InvitationStatus;
  /** 待接受 / 已接受 / 已撤销 / 已过期. */
  statusName: string;
  expiresAt: number;
  createdAt: number;
  createdByName: string;
  acceptedByName: string | null;
  /** The invitee's mobile the inviter gave (this list is for staff in scope only). */
  phone: string | null;
  /** The caller created it and it is still pending: they may revoke it. */
  canRevoke: boolean;
}

/** What the accept page shows before and after accepting. */
export interface InvitationView {
  role: Role;
  roleName: string;
  /** The post in the street's words (专职网格员 …); the role name for the first admin. */
  postName: string;
  /** The invitee must type the inviter's 4-digit code to accept. */
  needsCode: boolean;
  /** It carries the invitee's phone: on weapp, WeChat's number for it may stand in for the code. */
  needsPhone: boolean;
  /** That phone masked (138****5678), so the invitee knows which number is meant; null without one. */
  phoneHint: string | null;
  areaId: string;
  areaName: string;
  status: InvitationStatus;
  expiresAt: number;
  /** Why it can no longer be accepted (used, expired, revoked), in the user's words; null while it can. */
  refusal: string | null;
  /** Accepted by the caller: the role is theirs. */
  mine: boolean;
}
