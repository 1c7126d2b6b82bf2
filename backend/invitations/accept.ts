/**
 * 接受邀请: the first person to accept a pending, unexpired invitation gets its role on its node. The claim is one
 * conditional update (status still pending, same token, not expired), so of two people racing exactly one wins.
 */
import { AppError } from '../../shared/errors';
import type { Invitation } from '../../shared/invitations/model';
import { INVITATION_TTL_MS } from '../../shared/invitations/model';
import type { InvitationInput, InvitationView } from '../../shared/invitations/schemas';
import type { Actor } from '../../shared/users/roles';
import { ROLE_NAMES } from '../../shared/users/roles';
import { recordAudit } from '../audit/record';
import type { GuestCtx } from '../runtime/types';
import { enroll } from '../users/enroll';
import type { UserDoc } from '../users/repo';
import { users } from '../users/repo';
import { writeRoles } from '../users/roles';
import { hashToken, invitationByToken, invitations } from './repo';

const GONE = '邀请不存在或已作废（可能已重新生成），请向邀请人索取新的邀请链接';

/** Why this invitation cannot be accepted by this person, in their words; null when it can. */
export function refusalOf(inv: Invitation, actorId: string | null, now: number): string | null {
  if (inv.status === 'accepted') return inv.acceptedBy === actorId ? null : '该邀请已被使用：每个邀请只能接受一次';
  if (inv.status === 'revoked') return '该邀请已被撤销，请向邀请人索取新的邀请';
  if (inv.expiresAt <= now) return `该邀请已过期（有效期 ${INVITATION_TTL_MS / 86400_000} 天），请向邀请人索取新的邀请`;
  return null;
}

function toView(inv: Invitation, actorId: string | null, now: number): InvitationView {
  return {
    role: inv.role,
    roleName: ROLE_NAMES[inv.role],
    areaId: inv.areaId,
    areaName: inv.areaName,
    status: inv.status,
    expiresAt: inv.expiresAt,
    refusal: refusalOf(inv, actorId, now),
    mine: inv.status === 'accepted' && inv.acceptedBy === actorId,
  };
}

async function requireInvitation(ctx: GuestCtx, token: string): Promise<Invitation> {
  const inv = await invitationByToken(ctx.store, token);
  if (!inv) throw new AppError('NOT_FOUND', GONE);
  return inv;
}

/** What the link is for and whether it can still be accepted: the accept page shows it before asking. */
export async function showInvitation(ctx: GuestCtx, input: InvitationInput): Promise<InvitationView> {
  return toView(await requireInvitation(ctx, input.token), ctx.actor?.userId ?? null, ctx.now());
}

/**
 * Writes the role on the person unless they hold it, retrying when their record changed under us (rev); `read` is the
 * person as read beside the invitation. Accepting again after a failure here finds the invitation theirs and finishes the grant.
 */
async function grantInvited(ctx: GuestCtx, actor: Actor, inv: Invitation, read: UserDoc | null): Promise<void> {
  let user = read;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0 || !user) user = await users(ctx.store).get(actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (user.roles.some((g) => g.role === inv.role && g.areaId === inv.areaId)) return;
    const grant = { role: inv.role, areaId: inv.areaId, areaPath: inv.areaPath, grantedBy: inv.createdBy, grantedAt: ctx.now() };
    if (await writeRoles({ ...ctx, actor }, user, [...user.roles, grant])) return;
  }
  throw new AppError('CONFLICT', '您的资料刚被修改，请再点一次“接受邀请”');
}

export async function acceptInvitation(ctx: GuestCtx, input: InvitationInput): Promise<InvitationView> {
  // The first WeChat user to open a link may be new here: enrolled first, as users.me would. Their record (for its rev)
  // and the invitation are read side by side.
  const [[actor, user], inv] = await Promise.all([enroll(ctx).then(async (a) => [a, await users(ctx.store).get(a.userId)] as const), requireInvitation(ctx, input.token)]);
  const now = ctx.now();
  const refusal = refusalOf(inv, actor.userId, now);
  if (refusal) throw new AppError('CONFLICT', refusal);
  if (inv.status === 'pending') {
    const claimed = await invitations(ctx.store).updateWhere(
      { _id: inv._id, status: 'pending', tokenHash: hashToken(input.token), expiresAt: { $gt: now } },
      { $set: { status: 'accepted', acceptedBy: actor.userId, acceptedByName: actor.name, acceptedAt: now } },
    );
    if (claimed !== 1) {
      // Someone accepted (or it was revoked or renewed) between our read and our write: say which.
      const again = await invitationByToken(ctx.store, input.token);
      throw new AppError('CONFLICT', again ? (refusalOf(again, actor.userId, now) ?? '该邀请刚被修改，请刷新后重试') : GONE);
    }
    const audit = {
      action: 'users.acceptInvitation',
      targetType: 'user',
      targetId: actor.userId,
      areaPath: inv.areaPath,
      detail: { invitationId: inv._id, role: inv.role, areaId: inv.areaId },
    };
    await Promise.all([recordAudit({ ...ctx, actor }, audit), grantInvited(ctx, actor, inv, user)]);
  } else {
    await grantInvited(ctx, actor, inv, user);
  }
  return toView({ ...inv, status: 'accepted', acceptedBy: actor.userId, acceptedAt: inv.acceptedAt ?? now }, actor.userId, now);
}
