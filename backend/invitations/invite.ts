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
import { ROLE_LEVELS, ROLE_NAMES, STAFF_ROLES } from '../../shared/users/roles';
import { requireArea } from '../areas/repo';
import { recordAudit } from '../audit/record';
import { newId } from '../runtime/ids';
import { readOnce } from '../runtime/prefetch';
import type { Ctx } from '../runtime/types';
import type { DocumentStore } from '../store/port';
import { users } from '../users/repo';
import { hashToken, invitations } from './repo';

/** The code is hashed with the token: the stored hash alone cannot be tried against the 10,000 codes. */
export const codeHashOf = (token: string, code: string): string => hashToken(`${token}:${code}`);

/** 楼栋长 seats taken on a building: people still holding an accepted invitation's role, and open invitations. */
export async function buildingHeadsOn(store: DocumentStore, building: Pick<Area, '_id'>, now: number, except?: string): Promise<{ holders: number; open: number }> {
  const found = (await invitations(store).find({ areaId: building._id, role: 'building_head' }, { limit: 50 })).filter((i) => i._id !== except);
  const open = found.filter((i) => i.status === 'pending' && i.expiresAt > now).length;
  const ids = [...new Set(found.filter((i) => i.status === 'accepted' && i.acceptedBy).map((i) => i.acceptedBy as string))];
  if (ids.length === 0) return { holders: 0, open };
  const people = await users(store).find({ _id: { $in: ids } }, { limit: ids.length });
  const holders = people.filter((u) => u.roles.some((g) => g.role === 'building_head' && g.areaId === building._id)).length;
  return { holders, open };
}

export const HEADS_FULL = `每栋楼最多 ${BUILDING_HEADS_MAX} 位楼栋长（双楼长）`;

export async function invite(ctx: Ctx, input: InviteInput): Promise<IssuedInvitation> {
  const post = INVITE_POSTS[input.post];
  const node = await readOnce<Area>(ctx, 'areas', input.areaId).then((a) => (a && !a.retired ? a : requireArea(ctx.store, input.areaId)));
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
    const seats = await buildingHeadsOn(ctx.store, node, now);
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
  };
  const audit = { action: 'users.invite', targetType: 'invitation', targetId: inv._id, areaPath: node.path, detail: { role: post.role, post: post.name, areaId: node._id } };
  // The code's image: a mini-program code (wxacode.getUnlimited, scene t=<token>) in the cloud, a QR of the web link locally.
  const [image] = await Promise.all([
    ctx.ports.codes.make({ scene: inviteScene(token), page: INVITE_PAGE, webRoute: `/${invitePath(token)}` }),
    invitations(ctx.store).insert(inv),
    recordAudit(ctx, audit),
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
  const done = await invitations(ctx.store).updateWhere({ _id: inv._id, status: 'pending' }, { $set: { status: 'revoked', revokedAt: now } });
  if (done !== 1) throw new AppError('CONFLICT', '该邀请已被接受，不能撤销；如需取消其角色，请在人员页撤销角色');
  await recordAudit(ctx, { action: 'users.revokeInvitation', targetType: 'invitation', targetId: inv._id, areaPath: inv.areaPath, detail: { role: inv.role, areaId: inv.areaId } });
  return { revoked: true };
}
