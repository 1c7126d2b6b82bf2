/** Inputs and views of invitations (actions on the `users` function): look at one, accept it. */
import * as z from 'zod/mini';
import { input } from '../validation';
import type { Role } from '../users/roles';
import type { InvitationStatus } from './model';
import { INVITATION_TOKEN } from './model';

export const invitationInput = input({
  token: z.string({ error: '邀请码需为文字' }).check(z.trim(), z.regex(INVITATION_TOKEN, '邀请码格式不正确，请重新扫码或打开完整的邀请链接')),
});
export type InvitationInput = z.infer<typeof invitationInput>;

/** What the accept page shows before and after accepting. */
export interface InvitationView {
  role: Role;
  roleName: string;
  areaId: string;
  areaName: string;
  status: InvitationStatus;
  expiresAt: number;
  /** Why it can no longer be accepted (used, expired, revoked), in the user's words; null while it can. */
  refusal: string | null;
  /** Accepted by the caller: the role is theirs. */
  mine: boolean;
}
