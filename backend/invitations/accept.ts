/**
 * 接受邀请: the first person to accept a pending, unexpired invitation gets its role on its node. The claim is one
 * conditional update (status still pending, same token, not expired), so of two people racing exactly one wins.
 */
import { AppError } from '../../shared/errors';
import type { Invitation } from '../../shared/invitations/model';
import { BUILDING_HEADS_MAX, CODE_TRIES, INVITATION_TTL_MS, INVITE_POSTS } from '../../shared/invitations/model';
import type { AcceptInvitationInput, InvitationInput, InvitationView } from '../../shared/invitations/schemas';
import type { Actor } from '../../shared/users/roles';
import { ROLE_NAMES } from '../../shared/users/roles';
import { canGrantRole } from '../../shared/users/permissions';
import { recordAudit } from '../audit/record';
import type { GuestCtx } from '../runtime/types';
import { enroll } from '../users/enroll';
import type { UserDoc } from '../users/repo';
import { users } from '../users/repo';
import { writeRoles } from '../users/roles';
import { buildingHeadsOn, codeHashOf, HEADS_FULL } from './invite';
import { hashToken, invitationByToken, invitations } from './repo';

const GONE = '邀请不存在或已作废（可能已重新生成），请向邀请人索取新的邀请链接';

/** Why this invitation cannot be accepted by this person, in their words; null when it can. */
export function refusalOf(inv: Invitation, actorId: string | null, now: number): string | null {
  if (inv.status === 'accepted') return inv.acceptedBy === actorId ? null : '该邀请已被使用：每个邀请只能接受一次';
  if (inv.status === 'revoked') return '该邀请已被撤销，请向邀请人索取新的邀请';
  if (inv.expiresAt <= now) return `该邀请已过期（有效期 ${INVITATION_TTL_MS / 86400_000} 天），请向邀请人索取新的邀请`;
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

/**
 * The phone confirmation of a staff invitation: the invitee types the 4 digits the inviter reads out. A wrong code
 * counts against the invitation (CODE_TRIES spend it), so the 10,000 codes cannot be tried through the link.
 */
async function checkCode(ctx: GuestCtx, inv: Invitation, input: AcceptInvitationInput): Promise<void> {
  if (inv.codeHash === undefined) return;
  const message = '请输入邀请人告诉您的 4 位确认码';
  if (!input.code) throw new AppError('VALIDATION', message, { code: message });
  if (codeHashOf(input.token, input.code) === inv.codeHash) return;
  await invitations(ctx.store).updateWhere({ _id: inv._id, status: 'pending' }, { $inc: { codeFailures: 1 } });
  const left = CODE_TRIES - (inv.codeFailures ?? 0) - 1;
  const wrong = left > 0 ? `确认码不对，请核对邀请人告诉您的 4 位数字（还可以再试 ${left} 次）` : '确认码输错次数过多，该邀请已作废，请向邀请人索取新的邀请';
  throw new AppError('VALIDATION', wrong, { code: wrong });
}

/**
 * A staff invitation holds only while its inviter could still grant the role on the node: someone moved off the node
 * (or out of staff) since cannot bring people in through links they sent before.
 */
async function checkInviter(ctx: GuestCtx, inv: Invitation): Promise<void> {
  if (inv.kind !== 'role' || !inv.areaLevel) return;
  const inviter = await users(ctx.store).get(inv.createdBy);
  const node = { _id: inv.areaId, path: inv.areaPath, level: inv.areaLevel, name: inv.areaName, parentId: null, ancestors: [], order: 0 };
  const actor = { userId: inv.createdBy, name: inviter?.name ?? '', roles: inviter?.roles ?? [], skills: [] };
  if (!inviter || !canGrantRole(actor, inv.role, node)) {
    throw new AppError('CONFLICT', `邀请人已不再管理「${inv.areaName}」，该邀请不能再用，请向现在的工作人员索取新的邀请`);
  }
}

/** 双楼长: a 楼栋长 invitation is refused at accept too when two people hold the post already (e.g. granted meanwhile). */
async function checkHeadSeat(ctx: GuestCtx, inv: Invitation, now: number): Promise<void> {
  if (inv.role !== 'building_head') return;
  const seats = await buildingHeadsOn(ctx.store, { _id: inv.areaId }, now, inv._id);
  if (seats.holders >= BUILDING_HEADS_MAX) throw new AppError('CONFLICT', `「${inv.areaName}」已有 ${seats.holders} 位楼栋长，${HEADS_FULL}`);
}

export async function acceptInvitation(ctx: GuestCtx, input: AcceptInvitationInput): Promise<InvitationView> {
  // The first WeChat user to open a link may be new here: enrolled first, as users.me would. Their record (for its rev)
  // and the invitation are read side by side.
  const [[actor, user], inv] = await Promise.all([enroll(ctx).then(async (a) => [a, await users(ctx.store).get(a.userId)] as const), requireInvitation(ctx, input.token)]);
  const now = ctx.now();
  const refusal = refusalOf(inv, actor.userId, now);
  if (refusal) throw new AppError('CONFLICT', refusal);
  if (inv.status === 'pending') {
    await checkCode(ctx, inv, input);
    await Promise.all([checkInviter(ctx, inv), checkHeadSeat(ctx, inv, now)]);
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
      detail: { invitationId: inv._id, role: inv.role, areaId: inv.areaId, ...(inv.post && { post: INVITE_POSTS[inv.post].name }) },
    };
    await Promise.all([recordAudit({ ...ctx, actor }, audit), grantInvited(ctx, actor, inv, user)]);
  } else {
    await grantInvited(ctx, actor, inv, user);
  }
  return toView({ ...inv, status: 'accepted', acceptedBy: actor.userId, acceptedAt: inv.acceptedAt ?? now }, actor.userId, now);
}
