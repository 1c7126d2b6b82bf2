/**
 * 邀请人员 (issue 16, point 3): staff invite someone to a post on a node of their subtree, at or below their own role
 * (the grantRole predicate decides). The inviter gets the link once, with a 4-digit code to read out; both are stored
 * only as hashes. The node's list shows every invitation, and its creator may revoke one still pending.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Area } from '../../shared/areas/model';
import { AREA_LEVEL_NAMES } from '../../shared/areas/model';
import { AppError } from '../../shared/errors';
import type { Invitation } from '../../shared/invitations/model';
import { BUILDING_HEADS_MAX, INVITATION_TTL_MS, INVITE_PAGE, INVITE_POSTS, invitePath, inviteH5Path, inviteScene } from '../../shared/invitations/model';
import type { InvitationListItem, InvitationsInput, InviteInput, IssuedInvitation, RevokeInvitationInput } from '../../shared/invitations/schemas';
import { canGrantRole, grantsCovering } from '../../shared/users/permissions';
import { maskMobile } from '../../shared/users/mask';
import { ROLE_LEVELS, ROLE_NAMES, STAFF_ROLES } from '../../shared/users/roles';
import { keptNode, requireArea } from '../areas/repo';
import { audited } from '../records/make';
import { updateWithEffects, withEffects } from '../records/move';
import { newId } from '../runtime/ids';
import { foundOnce, readOnce } from '../runtime/prefetch';
import type { Ctx } from '../runtime/types';
import { hashToken, invitations } from './repo';

/** The code is hashed with the token: the stored hash alone cannot be tried against the 10,000 codes. */
export const codeHashOf = (token: string, code: string): string => hashToken(`${token}:${code}`);

/** The prefetch key of a building's 楼栋长 invitations (read beside the caller). */
export const HEADS_KEY = 'heads';
export const headsFilter = (areaId: string) => ({ areaId, role: 'building_head' });

/**
 * 楼栋长 seats taken on a building, from its 楼栋长 invitations alone: an accepted one holds its seat until the role
 * it gave is revoked (revokeRole marks it `vacatedAt`, backend/users/after.ts), an open one until it expires.
 */
export function headSeats(found: Invitation[], now: number): { holders: number; open: number } {
  return {
    holders: found.filter((i) => i.status === 'accepted' && i.acceptedBy && !i.vacatedAt).length,
    open: found.filter((i) => i.status === 'pending' && i.expiresAt > now).length,
  };
}

export const HEADS_FULL = `每栋楼最多 ${BUILDING_HEADS_MAX} 位楼栋长（双楼长）`;

export async function invite(ctx: Ctx, input: InviteInput): Promise<IssuedInvitation> {
  const post = INVITE_POSTS[input.post];
  // The node as a warm instance keeps it; a 楼栋长 invitation's seats were read beside the caller.
  const node = await keptNode(ctx.store, input.areaId);
  if (!node || node.retired) throw new AppError('NOT_FOUND', '区域不存在或已停用');
  if (!ROLE_LEVELS[post.role].includes(node.level)) {
    const message = `${post.name}只能邀请到${ROLE_LEVELS[post.role].map((l) => AREA_LEVEL_NAMES[l]).join('或')}上，「${node.name}」是${AREA_LEVEL_NAMES[node.level]}`;
    throw new AppError('VALIDATION', message, { areaId: message });
  }
  if (grantsCovering(ctx.actor, node.path, STAFF_ROLES).length === 0) throw new AppError('FORBIDDEN', `「${node.name}」不在您的辖区内，不能邀请人员`);
  if (!canGrantRole(ctx.actor, post.role, node)) {
    throw new AppError('FORBIDDEN', `您不能邀请${post.name}：只能邀请比本人角色低的人员（社区工作人员、街道管理员可邀请同级）`);
  }
  const now = ctx.now();
  if (post.role === 'building_head') {
    const seats = headSeats(await foundOnce<Invitation>(ctx, HEADS_KEY, 'invitations', headsFilter(node._id), 50), now);
    if (seats.holders + seats.open >= BUILDING_HEADS_MAX) {
      throw new AppError('CONFLICT', `「${node.name}」已有 ${seats.holders} 位楼栋长、${seats.open} 个待接受的楼栋长邀请，${HEADS_FULL}`);
    }
  }
  const token = randomBytes(17).toString('base64url').slice(0, 22);
  const code = String(randomInt(0, 10000)).padStart(4, '0');
  const inv: Invitation = {
    _id: newId('inv', now),
    kind: 'role',
    role: post.role,
    post: input.post,
    areaId: node._id,
    areaPath: node.path,
    areaName: node.name,
    areaLevel: node.level,
    tokenHash: hashToken(token),
    codeHash: codeHashOf(token, code),
    status: 'pending',
    issuedAt: now,
    expiresAt: now + INVITATION_TTL_MS,
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.name,
    createdAt: now,
    ...(input.phone && { phone: input.phone }),
  };
  const audit = {
    action: 'users.invite',
    targetType: 'invitation',
    targetId: inv._id,
    areaPath: node.path,
    detail: { role: post.role, post: post.name, areaId: node._id, ...(input.phone && { phone: maskMobile(input.phone) }) },
  };
  // The code's image: a mini-program code (wxacode.getUnlimited, scene t=<token>) in the cloud, a QR of the web link locally.
  // One write: the invitation carrying its audit (docs/effects.md).
  const [image] = await Promise.all([
    ctx.ports.codes.make({ scene: inviteScene(token), page: INVITE_PAGE, webRoute: `/${invitePath(token)}` }),
    invitations(ctx.store).insert(withEffects(ctx, 'invitations', inv, [audited(ctx, audit)])),
  ]);
  return {
    qr: `data:image/png;base64,${image.image.toString('base64')}`,
    qrKind: image.kind,
    id: inv._id,
    token,
    h5Path: inviteH5Path(token),
    pagePath: invitePath(token),
    scene: inviteScene(token),
    code,
    postName: post.name,
    areaName: node.name,
    expiresAt: inv.expiresAt,
  };
}

const STATUS_NAMES = { pending: '待接受', accepted: '已接受', revoked: '已撤销' } as const;

/** The invitations issued on a node, newest first: for staff whose scope reaches it. */
export async function listInvitations(ctx: Ctx, input: InvitationsInput): Promise<{ items: InvitationListItem[] }> {
  const [node, found] = await Promise.all([
    readOnce<Area>(ctx, 'areas', input.areaId).then((a) => a ?? requireArea(ctx.store, input.areaId)),
    invitations(ctx.store).find({ areaId: input.areaId }, { sort: [['createdAt', -1]], limit: 50 }),
  ]);
  if (grantsCovering(ctx.actor, node.path, STAFF_ROLES).length === 0) throw new AppError('FORBIDDEN', `「${node.name}」不在您的辖区内`);
  const now = ctx.now();
  const items = found.map((i) => {
    const expired = i.status === 'pending' && i.expiresAt <= now;
    return {
      id: i._id,
      postName: i.post ? INVITE_POSTS[i.post].name : ROLE_NAMES[i.role],
      areaName: i.areaName,
      status: i.status,
      statusName: expired ? '已过期' : STATUS_NAMES[i.status],
      expiresAt: i.expiresAt,
      createdAt: i.createdAt,
      createdByName: i.createdByName ?? (i.createdBy === 'setup' ? '上线设置' : ''),
      acceptedByName: i.acceptedByName ?? null,
      phone: i.phone ?? null,
      canRevoke: i.status === 'pending' && !expired && i.createdBy === ctx.actor.userId,
    };
  });
  return { items };
}

/** 撤销邀请: only its creator, only while nobody has accepted it; the link is refused from then on. */
export async function revokeInvitation(ctx: Ctx, input: RevokeInvitationInput): Promise<{ revoked: boolean }> {
  const inv = await readOnce<Invitation>(ctx, 'invitations', input.id);
  if (!inv) throw new AppError('NOT_FOUND', '邀请不存在');
  if (inv.createdBy !== ctx.actor.userId) throw new AppError('FORBIDDEN', '只有发出邀请的人可以撤销它');
  if (inv.status === 'revoked') return { revoked: false };
  const now = ctx.now();
  const audit = audited(ctx, {
    action: 'users.revokeInvitation',
    targetType: 'invitation',
    targetId: inv._id,
    areaPath: inv.areaPath,
    detail: { role: inv.role, areaId: inv.areaId },
  });
  const done = await updateWithEffects(ctx, 'invitations', inv._id, { _id: inv._id, status: 'pending' }, { $set: { status: 'revoked', revokedAt: now } }, [audit]);
  if (done !== 1) throw new AppError('CONFLICT', '该邀请已被接受，不能撤销；如需取消其角色，请在人员页撤销角色');
  return { revoked: true };
}
