/**
 * 接受邀请: the first person to accept a pending, unexpired invitation gets its role on its node. The claim is one
 * conditional update (status still pending, same token, not expired), so of two people racing exactly one wins.
 * The phone is confirmed by the inviter's 4-digit code (h5) or, when the invitation carries it, by WeChat's number (weapp).
 */
import { AppError } from '../../shared/errors';
import type { Invitation } from '../../shared/invitations/model';
import { CODE_TRIES, INVITATION_TTL_MS, INVITE_POSTS } from '../../shared/invitations/model';
import type { AcceptInvitationInput, InvitationInput, InvitationView } from '../../shared/invitations/schemas';
import type { Actor } from '../../shared/users/roles';
import { maskMobile } from '../../shared/users/mask';
import { ROLE_NAMES } from '../../shared/users/roles';
import type { Effect } from '../records/effects';
import { audited } from '../records/make';
import { updateWithEffects } from '../records/move';
import { foundOnce } from '../runtime/prefetch';
import type { GuestCtx } from '../runtime/types';
import { newUserDoc } from '../users/enroll';
import { codeHashOf } from './invite';
import { hashToken, invitationByToken, invitations } from './repo';

const GONE = '邀请不存在或已作废（可能已重新生成），请向邀请人索取新的邀请链接';

/** Why this invitation cannot be accepted by this person, in their words; null when it can. */
export function refusalOf(inv: Invitation, actorId: string | null, now: number): string | null {
  if (inv.status === 'accepted') return inv.acceptedBy === actorId ? null : '该邀请已被使用：每个邀请只能接受一次';
  if (inv.status === 'revoked') return '该邀请已被撤销，请向邀请人索取新的邀请';
  if (inv.expiresAt <= now) return `该邀请已过期（有效期 ${INVITATION_TTL_MS / 86400_000} 天），请向邀请人索取新的邀请`;
  if (inv.status === 'pending' && inv.inviterGone) return `邀请人已不再管理「${inv.areaName}」，该邀请不能再用，请向现在的工作人员索取新的邀请`;
  if ((inv.codeFailures ?? 0) >= CODE_TRIES) return '确认码输错次数过多，该邀请已作废，请向邀请人索取新的邀请';
  // Nobody decides their own case: an invitation goes to someone else.
  if (actorId !== null && inv.createdBy === actorId) return '这是您发出的邀请，不能自己接受：请把二维码或链接交给被邀请人';
  return null;
}

function toView(inv: Invitation, actorId: string | null, now: number): InvitationView {
  return {
    role: inv.role,
    roleName: ROLE_NAMES[inv.role],
    postName: inv.post ? INVITE_POSTS[inv.post].name : ROLE_NAMES[inv.role],
    needsCode: inv.codeHash !== undefined,
    needsPhone: inv.phone !== undefined,
    phoneHint: maskMobile(inv.phone),
    areaId: inv.areaId,
    areaName: inv.areaName,
    status: inv.status,
    expiresAt: inv.expiresAt,
    refusal: refusalOf(inv, actorId, now),
    mine: inv.status === 'accepted' && inv.acceptedBy === actorId,
  };
}

/** The prefetch key of the invitation a link names, read beside the caller by its token's hash. */
export const LINK_KEY = 'link';
export const linkFilter = (token: string) => ({ tokenHash: hashToken(token) });

async function requireInvitation(ctx: GuestCtx, token: string): Promise<Invitation> {
  const [inv] = await foundOnce<Invitation>(ctx, LINK_KEY, 'invitations', linkFilter(token), 1);
  if (!inv) throw new AppError('NOT_FOUND', GONE);
  return inv;
}

/** What the link is for and whether it can still be accepted: the accept page shows it before asking. */
export async function showInvitation(ctx: GuestCtx, input: InvitationInput): Promise<InvitationView> {
  return toView(await requireInvitation(ctx, input.token), ctx.actor?.userId ?? null, ctx.now());
}

/**
 * The phone confirmation of a staff invitation: the invitee types the 4 digits the inviter reads out. A wrong code
 * counts against the invitation (CODE_TRIES spend it), so the 10,000 codes cannot be tried through the link.
 */
async function checkCode(ctx: GuestCtx, inv: Invitation, input: AcceptInvitationInput): Promise<void> {
  if (inv.codeHash === undefined) return;
  // 手机号已确认: WeChat's number equals the one the inviter gave, which stands for the code they would read out to it.
  if (input.code === undefined && input.phoneCode !== undefined && inv.phone !== undefined) return;
  const message = '请输入邀请人告诉您的 4 位确认码';
  if (!input.code) throw new AppError('VALIDATION', message, { code: message });
  if (codeHashOf(input.token, input.code) === inv.codeHash) return;
  await invitations(ctx.store).updateWhere({ _id: inv._id, status: 'pending' }, { $inc: { codeFailures: 1 } });
  const left = CODE_TRIES - (inv.codeFailures ?? 0) - 1;
  const wrong = left > 0 ? `确认码不对，请核对邀请人告诉您的 4 位数字（还可以再试 ${left} 次）` : '确认码输错次数过多，该邀请已作废，请向邀请人索取新的邀请';
  throw new AppError('VALIDATION', wrong, { code: wrong });
}

const PHONE_RETRY = '请重新点击「用微信手机号确认」';

/**
 * 用微信手机号确认: the weapp getPhoneNumber code exchanged with WeChat (no database request). Returns the number WeChat
 * confirmed, to be kept on the person; refuses, writing nothing, a code WeChat does not honour or a number other
 * than the invitation's (a stranger's WeChat number is not tried against it, so nothing is counted).
 */
async function confirmedPhone(ctx: GuestCtx, inv: Invitation, input: AcceptInvitationInput): Promise<string | null> {
  if (input.phoneCode === undefined) return null;
  const got = (await ctx.ports.phones?.numberOf(input.phoneCode, ctx.now())) ?? ({ ok: false, reason: 'unavailable' } as const);
  if (!got.ok) {
    const message =
      got.reason === 'invalid'
        ? `微信手机号授权无效或已过期（每次授权只能用一次，5 分钟内有效），${PHONE_RETRY}`
        : `暂时无法向微信确认手机号，请稍后${PHONE_RETRY}${inv.codeHash ? '，或输入邀请人告诉您的 4 位确认码' : ''}`;
    throw new AppError('VALIDATION', message, { phoneCode: message });
  }
  const phone = got.countryCode === '86' ? got.phone : null;
  if (inv.phone !== undefined && phone !== inv.phone) {
    const message = `手机号与邀请不符：该邀请发给 ${maskMobile(inv.phone)}，您的微信手机号是 ${maskMobile(got.phone)}。请用该手机号的微信打开邀请，或输入邀请人告诉您的 4 位确认码`;
    throw new AppError('VALIDATION', message, { phoneCode: message });
  }
  return phone;
}

/**
 * 接受 in three requests: the caller beside the invitation, then the claim — one conditional update (still pending, same
 * token, not expired), so of two people racing exactly one wins — carrying the audit and the grant (and, for someone
 * new, their record) as effects (docs/effects.md). The inviter is not read: `inviterGone` on the invitation is kept true
 * to their roles by every grant and revoke of theirs (backend/users/after.ts). A 楼栋长's seat was taken when invited.
 */
export async function acceptInvitation(ctx: GuestCtx, input: AcceptInvitationInput): Promise<InvitationView> {
  const inv = await requireInvitation(ctx, input.token);
  // The first WeChat user to open a link may be new here: their record is made by the claim's effects, as users.me would make it.
  const fresh = ctx.actor ? null : newUserDoc(ctx);
  const actor: Actor = ctx.actor ?? { userId: fresh!._id, name: fresh!.name, roles: [], skills: [] };
  const now = ctx.now();
  const refusal = refusalOf(inv, actor.userId, now);
  if (refusal) throw new AppError('CONFLICT', refusal);
  // Accepted by them already (a second tap): the grant rides on that claim and is applied by its drain.
  if (inv.status === 'pending') {
    // WeChat's answer first: a mismatch refuses before a wrong 4-digit code could be counted.
    const mobile = await confirmedPhone(ctx, inv, input);
    await checkCode(ctx, inv, input);
    const grant = { role: inv.role, areaId: inv.areaId, areaPath: inv.areaPath, grantedBy: inv.createdBy, grantedAt: now };
    const audit = audited(
      { actor },
      {
        action: 'users.acceptInvitation',
        targetType: 'user',
        targetId: actor.userId,
        areaPath: inv.areaPath,
        detail: {
          invitationId: inv._id,
          role: inv.role,
          areaId: inv.areaId,
          ...(inv.post && { post: INVITE_POSTS[inv.post].name }),
          ...(mobile && { mobileConfirmed: maskMobile(mobile) }),
        },
      },
    );
    const effects: Effect[] = [
      ...(fresh ? [{ type: 'insert' as const, collection: 'users', doc: fresh }] : []),
      audit,
      { type: 'people', userId: actor.userId, grant, ...(mobile && { mobile }) },
    ];
    const claimed = await updateWithEffects(
      ctx,
      'invitations',
      inv._id,
      { _id: inv._id, status: 'pending', tokenHash: hashToken(input.token), expiresAt: { $gt: now } },
      { $set: { status: 'accepted', acceptedBy: actor.userId, acceptedByName: actor.name, acceptedAt: now } },
      effects,
    );
    if (claimed !== 1) {
      // Someone accepted (or it was revoked or renewed) between our read and our write: say which.
      const again = await invitationByToken(ctx.store, input.token);
      throw new AppError('CONFLICT', again ? (refusalOf(again, actor.userId, now) ?? '该邀请刚被修改，请刷新后重试') : GONE);
    }
  }
  return toView({ ...inv, status: 'accepted', acceptedBy: actor.userId, acceptedAt: inv.acceptedAt ?? now }, actor.userId, now);
}
